package main

// Side by side with newsboat, the reader byline's users know: the same BBC
// texts as N articles in 10 local RSS feeds, loaded into newsboat's cache
// with `newsboat -x reload`, then newsboat started in the same 160x45 pty
// as BenchmarkPtyFirstScreen starts byline, timed until its feed list is
// drawn. Skipped when newsboat is not installed (apt-get install newsboat).

import (
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
)

// newsboatFeeds is how many feeds the articles are spread over.
const newsboatFeeds = 10

func newsboatBinary(b *testing.B) string {
	bin, err := exec.LookPath("newsboat")
	if err != nil {
		b.Skip("newsboat is not installed (apt-get install newsboat)")
	}
	return bin
}

// bbcTexts is the BBC corpus parsed, without entities.
func bbcTexts(b *testing.B) []model.Article {
	found := ingest.Collect([]string{bbcDir(b)})
	arts := make([]model.Article, 0, len(found.Files))
	for _, f := range found.Files {
		a, err := ingest.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	return distinct(arts)
}

// writeNewsboatFeeds writes n articles as newsboatFeeds RSS files in dir and
// the urls file that subscribes to them, retitled and dated as the byline
// generator does (benchstore_test.go), and returns the urls file.
func writeNewsboatFeeds(b *testing.B, dir string, n int) string {
	arts := bbcTexts(b)
	rng := rand.New(rand.NewPCG(12, uint64(n)))
	start := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	files := make([]*os.File, newsboatFeeds)
	var urls strings.Builder
	for i := range files {
		p := filepath.Join(dir, fmt.Sprintf("feed%d.xml", i))
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		files[i] = f
		fmt.Fprintf(f, `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>BBC %d</title><link>http://bbc.invalid/%d/</link><description>BBC texts</description>
`, i, i)
		fmt.Fprintf(&urls, "file://%s\n", p)
	}
	esc := func(s string) string {
		var sb strings.Builder
		xml.EscapeText(&sb, []byte(s))
		return sb.String()
	}
	for i := range n {
		a := arts[i%len(arts)]
		if copyNo := i / len(arts); copyNo > 0 {
			a.Title = fmt.Sprintf("%s (%d)", a.Title, copyNo+1)
		}
		published := start.Add(time.Duration(rng.IntN(20*365*24)) * time.Hour)
		var body strings.Builder
		for _, p := range a.Paragraphs {
			body.WriteString("<p>" + p + "</p>")
		}
		fmt.Fprintf(files[i%newsboatFeeds], "<item><title>%s</title><link>http://bbc.invalid/a/%d</link><guid>bbc-%d</guid><pubDate>%s</pubDate><description>%s</description></item>\n",
			esc(a.Title), i, i, published.Format(time.RFC1123Z), esc(body.String()))
	}
	for _, f := range files {
		fmt.Fprint(f, "</channel></rss>\n")
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	p := filepath.Join(dir, "urls")
	if err := os.WriteFile(p, []byte(urls.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config"), []byte("cleanup-on-quit no\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// newsboatReload loads the feeds in dir into a new cache at cache.
func newsboatReload(b *testing.B, bin, dir, cache string) {
	cmd := exec.Command(bin, "-u", filepath.Join(dir, "urls"), "-c", cache, "-C", filepath.Join(dir, "config"), "-x", "reload")
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("newsboat -x reload: %v: %s", err, out)
	}
}

// newsboatStore is the feeds and a loaded cache for n articles, kept under
// os.TempDir beside byline's benchmark stores.
func newsboatStore(b *testing.B, bin string, n int) string {
	dir := filepath.Join(os.TempDir(), "byline-bench", "newsboat-"+sizeName(n))
	if _, err := os.Stat(filepath.Join(dir, "cache.db")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	writeNewsboatFeeds(b, dir, n)
	newsboatReload(b, bin, dir, filepath.Join(dir, "cache.db.building"))
	if err := os.Rename(filepath.Join(dir, "cache.db.building"), filepath.Join(dir, "cache.db")); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkNewsboatFirstScreen is exec → first screen of newsboat on the
// same articles byline's BenchmarkPtyFirstScreen opens.
func BenchmarkNewsboatFirstScreen(b *testing.B) {
	bin := newsboatBinary(b)
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			dir := newsboatStore(b, bin, n)
			cache := filepath.Join(b.TempDir(), "cache.db")
			if err := copyFile(filepath.Join(dir, "cache.db"), cache); err != nil {
				b.Fatal(err)
			}
			env := append(os.Environ(), "TERM=xterm-256color", "HOME="+b.TempDir())
			done := regexp.MustCompile(`Your feeds \([0-9]+ unread, [0-9]+ total\)`)
			var total time.Duration
			for b.Loop() {
				d, _ := ptyFirstScreen(b, bin, env, done, "Q", "-u", filepath.Join(dir, "urls"), "-c", cache, "-C", filepath.Join(dir, "config"))
				total += d
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "screen-ms")
		})
	}
}

// BenchmarkNewsboatReload is newsboat loading the feeds into an empty
// cache: the counterpart of byline's import, without entities.
func BenchmarkNewsboatReload(b *testing.B) {
	bin := newsboatBinary(b)
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			dir := newsboatStore(b, bin, n)
			for b.Loop() {
				cache := filepath.Join(b.TempDir(), "cache.db")
				newsboatReload(b, bin, dir, cache)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

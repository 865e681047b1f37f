package web

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/bylinehq/byline/ingest/htmlmd"
	"github.com/bylinehq/byline/ingest/shareddata"
)

// secondOnly scores the recall fallback's second pass on its own.
var secondOnly = flag.Bool("second-pass", false, "score the fallback extractor alone")

// evalPage is one page of an evaluation corpus with what is known about it.
type evalPage struct {
	id, url string
	html    []byte
	truth   string    // the reference body text
	title   string    // reference title, or "" when the corpus has none
	date    time.Time // reference publish date, or zero
	urlDate bool      // date comes from the URL (scrapinghub), so it is checked with the URL withheld
}

// evalTally counts one split of one corpus.
type evalTally struct {
	pages                    int
	appear, appearKept       int
	notAppear, notAppearDrop int
	dateFound, dateRef       int
	dateRight                int
	titleFound, titleRef     int
	titleRight               int
	failed                   int
	sources                  map[string]int // where the found dates came from
}

func (t *evalTally) add(o evalTally) {
	t.pages += o.pages
	t.appear += o.appear
	t.appearKept += o.appearKept
	t.notAppear += o.notAppear
	t.notAppearDrop += o.notAppearDrop
	t.dateFound += o.dateFound
	t.dateRef += o.dateRef
	t.dateRight += o.dateRight
	t.titleFound += o.titleFound
	t.titleRef += o.titleRef
	t.titleRight += o.titleRight
	t.failed += o.failed
	for k, v := range o.sources {
		if t.sources == nil {
			t.sources = map[string]int{}
		}
		t.sources[k] += v
	}
}

func (t evalTally) String() string {
	pct := func(a, b int) string {
		if b == 0 {
			return "  n/a"
		}
		return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
	}
	return fmt.Sprintf("pages %3d | must-appear kept %s (%d) | must-not dropped %s (%d) | dates found %3d, right %3d/%-3d | titles found %3d, right %3d/%-3d | no article %d",
		t.pages, pct(t.appearKept, t.appear), t.appear, pct(t.notAppearDrop, t.notAppear), t.notAppear,
		t.dateFound, t.dateRight, t.dateRef, t.titleFound, t.titleRight, t.titleRef, t.failed) +
		fmt.Sprintf("\n      date sources %v", t.sources)
}

// TestExtractionCorpora scores Extract on both HTML corpora in ../shared/data,
// each split in a development half (rules were tuned on it) and a held-out
// half: must-appear snippets kept, must-not-appear snippets dropped (built as
// snippets_test.go describes), publish dates found and right to the day, and
// titles found and right. scrapinghub has no reference dates or titles: a
// date in the page's URL is the reference, checked with the URL withheld
// from Extract; readability's expected-metadata.json gives the title and,
// for some pages, publishedTime.
//
//	go test ./ingest/web -run ExtractionCorpora -v [-eval]
func TestExtractionCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation skipped in -short mode")
	}
	for _, c := range []struct {
		name string
		load func(testing.TB) []evalPage
	}{{"scrapinghub", loadScrapinghub}, {"readability", loadReadability}} {
		pages := c.load(t)
		tallies := make([]evalTally, len(pages))
		var wg sync.WaitGroup
		work := make(chan int)
		for range max(1, runtime.GOMAXPROCS(0)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range work {
					tallies[i] = scorePage(t, pages[i])
				}
			}()
		}
		for i := range pages {
			work <- i
		}
		close(work)
		wg.Wait()
		var dev, held, all evalTally
		for i, p := range pages {
			if devSplit(p.id) {
				dev.add(tallies[i])
			} else {
				held.add(tallies[i])
			}
			all.add(tallies[i])
		}
		t.Logf("%-11s dev  %v", c.name, dev)
		t.Logf("%-11s held %v", c.name, held)
		t.Logf("%-11s all  %v", c.name, all)
	}
}

// scorePage extracts one page and scores it.
func scorePage(t *testing.T, p evalPage) evalTally {
	s := evalTally{pages: 1}
	a, err := Extract(p.url, p.html)
	if *secondOnly {
		// Score the fallback extractor alone.
		err = ErrNoArticle
		if node, _ := secondPass(p.html); node != nil {
			if paras, cerr := htmlmd.Convert(node, nil); cerr == nil {
				a.Paragraphs, err = paras, nil
			}
		}
	}
	body := ""
	if err == nil {
		body = tokenText(visibleText(a.Paragraphs))
	} else {
		s.failed++
	}
	var missed, leaked []string
	for _, sn := range mustAppear(p.truth) {
		s.appear++
		if strings.Contains(body, sn) {
			s.appearKept++
		} else {
			missed = append(missed, sn)
		}
	}
	for _, sn := range mustNotAppear(p.html, p.truth) {
		s.notAppear++
		if !strings.Contains(body, sn) {
			s.notAppearDrop++
		} else {
			leaked = append(leaked, sn)
		}
	}
	if !a.Published.IsZero() {
		s.dateFound++
	}
	if a.Title != "" {
		s.titleFound++
	}
	got := a.Published
	src := "readability"
	if doc, err := html.Parse(utf8Reader(p.html)); err == nil {
		if t, from := publishedFrom(doc, p.url, ""); !t.IsZero() {
			src = from
		}
	}
	if !got.IsZero() {
		s.sources = map[string]int{src: 1}
	}
	if p.urlDate && !p.date.IsZero() {
		// Withhold the URL (and the canonical link) so the reference is
		// not read back, and compare the day in the page's own zone, as
		// the URL writes it.
		got = time.Time{}
		if doc, err := html.Parse(utf8Reader(p.html)); err == nil {
			got = findPublished(doc, "", "")
		}
	}
	if !p.date.IsZero() {
		s.dateRef++
		if !got.IsZero() && day(got) == day(p.date) {
			s.dateRight++
		}
	}
	if p.title != "" {
		s.titleRef++
		if sameTitle(a.Title, p.title) {
			s.titleRight++
		}
	}
	if *showEval {
		t.Logf("%s: appear %d/%d, not %d/%d, date %s (ref %s) from %s, title %q (ref %q)", p.id,
			s.appearKept, s.appear, s.notAppearDrop, s.notAppear, day(got), day(p.date), src, a.Title, p.title)
		for _, m := range missed {
			t.Logf("   missed %q", m)
		}
		for _, l := range leaked {
			t.Logf("   leaked %q", l)
		}
	}
	return s
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// sameTitle compares titles as token strings.
func sameTitle(a, b string) bool { return tokenText(a) == tokenText(b) }

// loadScrapinghub reads the scrapinghub benchmark; its reference date is a
// date written in the page's URL, when there is one.
func loadScrapinghub(tb testing.TB) []evalPage {
	dir := shareddata.Path(tb, "html/scrapinghub")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatal(err)
	}
	var pages []evalPage
	for id, tr := range truth {
		page, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		p := evalPage{id: id, url: tr.URL, html: page, truth: tr.ArticleBody, urlDate: true}
		if u, err := url.Parse(tr.URL); err == nil {
			p.date = refURLDate(u.Path)
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

// refURLDate reads a y/m/d or y-m-d or ymd date in a URL path, for the
// reference; it is written apart from the extractor's own URL reading so
// that a bug there does not hide in the measure.
func refURLDate(path string) time.Time {
	for _, layout := range []string{"2006/01/02", "2006-01-02", "20060102", "2006/1/2"} {
		for i := 0; i+len(layout) <= len(path); i++ {
			if i > 0 && path[i-1] >= '0' && path[i-1] <= '9' {
				continue
			}
			seg := path[i:min(i+len(layout)+1, len(path))]
			for n := len(seg); n >= len(layout)-2; n-- {
				if t, err := time.Parse(layout, seg[:n]); err == nil && t.Year() >= 1995 && t.Year() <= 2030 {
					if n < len(path)-i && path[i+n] >= '0' && path[i+n] <= '9' {
						continue
					}
					return t
				}
			}
		}
	}
	return time.Time{}
}

// loadReadability reads Mozilla Readability's test pages.
func loadReadability(tb testing.TB) []evalPage {
	dir := shareddata.Path(tb, "html/readability/test/test-pages")
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var pages []evalPage
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		src, err1 := os.ReadFile(filepath.Join(d, "source.html"))
		exp, err2 := os.ReadFile(filepath.Join(d, "expected.html"))
		meta, err3 := os.ReadFile(filepath.Join(d, "expected-metadata.json"))
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		var m struct {
			Title         string  `json:"title"`
			PublishedTime *string `json:"publishedTime"`
		}
		if err := json.Unmarshal(meta, &m); err != nil {
			tb.Fatal(err)
		}
		p := evalPage{id: e.Name(), url: "http://fakehost/test/page.html", html: src, truth: htmlText(exp), title: m.Title}
		if m.PublishedTime != nil {
			p.date = parseDate(*m.PublishedTime)
			if p.date.IsZero() {
				tb.Errorf("%s: reference date %q does not parse", e.Name(), *m.PublishedTime)
			}
		}
		pages = append(pages, p)
	}
	return pages
}

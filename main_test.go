package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir is ../shared beside the repository; tests that read real data
// skip with a message when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared is absent (%v): skipping a test on real data", err)
	}
	return dir
}

// byline runs the command line in-process against the store at db and
// returns stdout, stderr and the exit status.
func byline(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("NO_COLOR", "1")
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

func TestParseSeedJSON(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "seeds", "000_d27acffbcd5def62.txt")
	out, stderr, code := byline(t, filepath.Join(t.TempDir(), "b.db"), "parse", seed, "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line, got %d", len(lines))
	}
	var got struct {
		Title, Published, Caption, Credit, Source string
		Paragraphs                                []string
		Entities                                  []struct {
			Name, Type string
			Mentions   []struct {
				Field      string
				Paragraph  int
				Start, End int
				Text       string
			}
		}
	}
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	if got.Title != "Vladimir Putin welcomes ‘dear friend’ Chinese leader Xi Jinping to Moscow" {
		t.Errorf("title %q", got.Title)
	}
	if got.Published != "2023-03-21T10:03:00Z" {
		t.Errorf("published %q", got.Published)
	}
	if got.Caption != "Russian President Vladimir Putin and Chinese President Xi Jinping." {
		t.Errorf("caption %q", got.Caption)
	}
	if got.Credit != "Sputnik/Sergei Karpukhin/Pool via Reuters" {
		t.Errorf("credit %q", got.Credit)
	}
	if len(got.Paragraphs) != 28 {
		t.Errorf("%d paragraphs, want 28", len(got.Paragraphs))
	}
	counts := map[string]int{}
	for _, e := range got.Entities {
		counts[e.Type+" "+e.Name] = len(e.Mentions)
		for _, m := range e.Mentions {
			var field string
			switch m.Field {
			case "title":
				field = got.Title
			case "caption":
				field = got.Caption
			case "body":
				field = got.Paragraphs[m.Paragraph]
			default:
				t.Fatalf("mention field %q", m.Field)
			}
			if field[m.Start:m.End] != m.Text {
				t.Errorf("%s mention %q: offsets %d:%d give %q", e.Name, m.Text, m.Start, m.End, field[m.Start:m.End])
			}
		}
	}
	for key, want := range map[string]int{"PER Vladimir Putin": 14, "PER Xi Jinping": 13, "PER John Kirby": 3} {
		if counts[key] != want {
			t.Errorf("%s: %d mentions, want %d", key, counts[key], want)
		}
	}
}

func TestImportReportsBadFilesAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Harbour bridge approved in Pellbrook\n\nMayor Mara Ellison cast the deciding vote on Thursday.\n")
	write("b.txt", "Rail strike called off in Westmarch\n\nVarnholt Rail offered a new deal to its workers.\n")
	write("copy.txt", "Harbour bridge approved in Pellbrook\n\nMayor Mara Ellison cast the deciding vote on Thursday.\n")
	write("empty.txt", "")
	write("bin.txt", "\x00\x01\x02binary\x00")
	db := filepath.Join(t.TempDir(), "b.db")

	out, stderr, code := byline(t, db, "import", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 when files failed", code)
	}
	if strings.TrimSpace(out) != "imported 2, duplicates 1, failed 2" {
		t.Errorf("summary %q", out)
	}
	for _, name := range []string{"empty.txt", "bin.txt"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s: %q", name, stderr)
		}
	}
	if n := strings.Count(strings.TrimSpace(stderr), "\n") + 1; n != 2 {
		t.Errorf("want one line per failure, got %d lines: %q", n, stderr)
	}

	out, _, code = byline(t, db, "import", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	if code != 0 || strings.TrimSpace(out) != "imported 0, duplicates 2, failed 0" {
		t.Errorf("re-import: exit %d, %q", code, out)
	}

	out, _, code = byline(t, db, "list", "--json")
	if code != 0 {
		t.Fatalf("list exit %d", code)
	}
	var titles []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var row map[string]any
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("list line %q: %v", line, err)
		}
		for _, k := range []string{"id", "title", "published", "source", "url"} {
			if _, ok := row[k]; !ok {
				t.Errorf("list row lacks %q: %s", k, line)
			}
		}
		titles = append(titles, row["title"].(string))
	}
	if len(titles) != 2 {
		t.Errorf("list shows %d articles, want 2: %q", len(titles), titles)
	}
}

func TestExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"--help"}, 0},
		{"version", []string{"--version"}, 0},
		{"unknown flag", []string{"list", "--nope"}, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"import needs a path", []string{"import"}, 2},
		{"bad colour", []string{"show", "1", "--color", "purple"}, 2},
		{"missing file", []string{"parse", "/nonexistent/x.txt"}, 1},
		{"missing article", []string{"show", "999"}, 1},
		{"list without a store", []string{"list"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := byline(t, db, tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.want, stderr)
			}
		})
	}
}

func TestShowFileRendersWithoutEscapes(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	text := "Comet seen over Aldermoor\n\nDr Priya Anand of the University of Westmarch saw it \x1b]0;pwned\x07 first.\n"
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := byline(t, filepath.Join(dir, "b.db"), "show", f, "--width", "40", "--color", "never")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
		t.Errorf("show printed control characters: %q", out)
	}
	if !strings.Contains(out, "Comet seen over Aldermoor") || !strings.Contains(out, "Priya Anand") {
		t.Errorf("show lacks the article: %q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Errorf("line wider than 40 columns (%d): %q", w, line)
		}
	}
}

func TestSamplesParseWithEntities(t *testing.T) {
	arts, err := sampleArticles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 3 {
		t.Fatalf("%d sample articles, want at least 3", len(arts))
	}
	for _, a := range arts {
		if a.Caption == "" || a.Credit == "" || a.Published.IsZero() {
			t.Errorf("%s: sample lacks caption, credit or date", a.Source)
		}
		if len(a.Entities) < 3 {
			t.Errorf("%s: only %d entities", a.Source, len(a.Entities))
		}
		if !strings.Contains(strings.Join(a.Paragraphs, " "), "fictional sample article") {
			t.Errorf("%s: not marked as a fictional sample", a.Source)
		}
	}
}

func TestEntityCommands(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "seeds", "000_d27acffbcd5def62.txt")
	db := filepath.Join(t.TempDir(), "b.db")
	if _, stderr, code := byline(t, db, "import", seed); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	out, _, code := byline(t, db, "list", "--entity", "xi jinping", "--json")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "Xi Jinping to Moscow") {
		t.Errorf("list --entity: exit %d, %q", code, out)
	}
	out, _, code = byline(t, db, "entities", "--top", "2", "--type", "PER", "--json")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"name":"Vladimir Putin"`) {
		t.Errorf("entities --top 2 --type PER: exit %d, %q", code, out)
	}
	out, _, code = byline(t, db, "entities", "Xi Jinping", "--related", "--json")
	if code != 0 || strings.Contains(out, `"name":"Xi Jinping"`) || !strings.Contains(out, `"name":"Vladimir Putin"`) {
		t.Errorf("entities NAME --related: exit %d, %q", code, out)
	}
	if _, _, code = byline(t, db, "entities", "Nobody Atall", "--related"); code != 1 {
		t.Errorf("unknown entity: exit %d, want 1", code)
	}
}

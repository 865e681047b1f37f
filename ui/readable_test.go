package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
)

// seedTitle is the title of ../shared/seeds/000_d27acffbcd5def62.txt.
const seedTitle = "Vladimir Putin welcomes ‘dear friend’ Chinese leader Xi Jinping to Moscow"

// longArticle is a story written for these tests with paragraphs long
// enough to wrap at any width, titled as the seed is.
func longArticle() model.Article {
	p := "The harbour board met on Tuesday and agreed, after a long and sometimes heated debate, " +
		"that the old pier would be rebuilt in stone before the winter storms, at a cost the board " +
		"said it could meet from its reserves without raising the mooring fees paid by fishermen."
	return model.Article{
		Title: seedTitle, Published: day(21), Source: "testdata/world/011.txt", Format: model.FormatText,
		Paragraphs: []string{p, p, p, p, p, p, p, p},
	}
}

// TestSeedTitleReadsWholeAt160 is the bar of item 6: at 160 columns the
// list shows the seed's title through "Chinese leader".
func TestSeedTitleReadsWholeAt160(t *testing.T) {
	m := newModel(t, openStore(t, append(fixtures(), longArticle())), 160, 45, Options{})
	if !contains(m, "Vladimir Putin welcomes ‘dear friend’ Chinese leader") {
		t.Fatalf("the seed's title is cut:\n%s", strings.Join(screen(m), "\n"))
	}
}

// bodyColumns is the leftmost and rightmost column, within the reader's
// rectangle, that any body line of the frame draws text in.
func bodyColumns(m *Model) (left, right int) {
	r := m.lay.Reader
	left = r.W
	for _, l := range screen(m)[r.Y+5 : r.Y+r.H] { // below the title and rule
		cells := ansi.Cut(l, r.X, r.X+r.W)
		if strings.TrimSpace(cells) == "" || strings.Contains(cells, "─") {
			continue
		}
		left = min(left, ansi.StringWidth(cells)-ansi.StringWidth(strings.TrimLeft(cells, " ")))
		right = max(right, ansi.StringWidth(strings.TrimRight(cells, " ")))
	}
	return left, right
}

// TestReaderKeepsAReadableMeasure is item 7: at 200 columns the body wraps
// at no more than 82 columns and sits centred in the wider pane; the
// measure follows Options.ReaderWidth, and a negative one is the pane's
// width.
func TestReaderKeepsAReadableMeasure(t *testing.T) {
	lib := openStore(t, []model.Article{longArticle()})
	for _, tt := range []struct {
		name       string
		w, h       int
		width      int
		maxText    int
		wantIndent bool
	}{
		{"default at 200", 200, 50, 0, 82, true},
		{"reader.width 60 at 160", 160, 45, 60, 60, true},
		{"a narrow pane is not padded", 120, 40, 0, 54, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := newModel(t, lib, tt.w, tt.h, Options{ReaderWidth: tt.width})
			left, right := bodyColumns(m)
			if right-left > tt.maxText || right-left < tt.maxText-12 {
				t.Errorf("body spans columns %d to %d of a %d-column reader, want about %d wide",
					left, right, m.lay.Reader.W, tt.maxText)
			}
			if gap := m.lay.Reader.W - right; tt.wantIndent && (left < 2 || gap < left-2) {
				t.Errorf("body at columns %d-%d of %d is not centred", left, right, m.lay.Reader.W)
			}
		})
	}
	m := newModel(t, lib, 250, 50, Options{ReaderWidth: -1}) // a reader 132 wide
	if left, right := bodyColumns(m); right-left < 100 {
		t.Errorf("ReaderWidth -1: body %d-%d, want the pane's width", left, right)
	}
}

// TestLoadReaderWidth reads [reader] width from config.toml.
func TestLoadReaderWidth(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		text string
		want int
		err  string
	}{
		{"", 0, ""},
		{"[keys]\nquit = \"Q\"\n", 0, ""},
		{"[reader]\nwidth = 72\n", 72, ""},
		{"[reader]\nwidth = 0\n", -1, ""},
		{"[reader]\nwidth = 5\n", 0, ":2: reader.width"},
		{"[reader]\n\nwidth = \"wide\"\n", 0, ":3: reader.width"},
		{"[reader]\ncolumns = 72\n", 0, `:2: unknown reader setting "columns"`},
	} {
		path := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := LoadReaderWidth(path)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q: got %d, %v; want %d, %q", tt.text, got, err, tt.want, tt.err)
		}
	}
	if got, err := LoadReaderWidth(filepath.Join(dir, "missing.toml")); got != 0 || err != nil {
		t.Errorf("missing file: %d, %v", got, err)
	}
}

// TestReaderHeaderSaysTop is part of item 12: the header says "top" at the
// top of an article, then how far it is scrolled, and "end" at its end.
func TestReaderHeaderSaysTop(t *testing.T) {
	m := newModel(t, openStore(t, []model.Article{longArticle()}), 100, 20, Options{})
	header := func() string { return screen(m)[0] }
	if h := header(); !strings.Contains(h, "top") || strings.Contains(h, "%") {
		t.Fatalf("header at the top: %q", h)
	}
	press(t, m, "tab")
	press(t, m, "j")
	if h := header(); !strings.Contains(h, "%") {
		t.Fatalf("header after j: %q", h)
	}
	press(t, m, "G")
	if h := header(); !strings.Contains(h, "end") {
		t.Fatalf("header at the end: %q", h)
	}
}

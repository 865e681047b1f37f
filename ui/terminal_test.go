package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
)

// TestFrameHoldsOnlySGRAndOSC8: an article stored as it came (no ingest to
// clean it) with Markdown references glamour decodes into escapes, bidi
// overrides in its title, source and credit, and a status message quoting a
// server, draw a frame with nothing but byline's own styling and links
// (issue 9).
func TestFrameHoldsOnlySGRAndOSC8(t *testing.T) {
	art := model.Article{
		Title:     "Ministry \u202Egnp.exe\u202C report \u2067x\u2069",
		Published: day(20),
		Credit:    "By \u202EAnna\u202C",
		Source:    "feeds/\u202Eevil",
		Format:    model.FormatMarkdown,
		Paragraphs: []string{
			"Word &#x1b]52;c;cHduZWQ=&#x7 and &#x1b]2;TITLE&#x7 then &#27c and `&#x1b;[2J`.",
			"Bidi &#x202e;by reference&#x202c; and \u202Draw\u202C too.",
		},
	}
	m := newModel(t, openStore(t, []model.Article{art}), 160, 45, Options{})
	if a := m.ReaderArticle(); a == nil || !strings.Contains(a.Title, "Ministry") {
		t.Fatalf("reader shows %v, want the hostile article", a)
	}
	m.note = "fetch failed: 500 Oops \x1b]0;TITLE\x07 \u202Eevil"
	out := m.View().Content
	if err := safe.OnlySGRAndOSC8(out); err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	for _, want := range []string{"gnp.exe", "Word", "then", "500 Oops"} {
		if !strings.Contains(plain, want) {
			t.Errorf("frame lacks %q", want)
		}
	}
}

// BenchmarkFrameFilter is what safe.Terminal adds to every frame: one pass
// over a full 160x45 frame of the reader on a long article.
func BenchmarkFrameFilter(b *testing.B) {
	m := newModel(b, openStore(b, fixtures()), 160, 45, Options{})
	frame := m.frame()
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		safe.Terminal(frame)
	}
}

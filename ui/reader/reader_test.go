package reader

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/styles"
)

// story is a fictional article whose body looks like Markdown but is not.
func story() *model.Article {
	return &model.Article{
		ID:        7,
		Title:     "Tide tables \x1b]0;owned\x07 revised for Port Elling",
		Published: time.Date(2023, 3, 21, 8, 0, 0, 0, time.UTC),
		Credit:    "By Tova Renn",
		Caption:   "Boats at low water in Port Elling.",
		Format:    model.FormatText,
		Paragraphs: []string{
			"*Not emphasis* and _not either_, # not a heading, `not code`, <b>not html</b> & AT&T; ~~not struck~~ | not | a table |",
			"1. Not a list item",
			"    four spaces are not a code block",
			"> not a quote; www.example.org is not a link; back\\slash stays \\* too",
		},
	}
}

func TestRenderPlainTextLiterally(t *testing.T) {
	out, err := Render(story(), 200, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"*Not emphasis* and _not either_, # not a heading, `not code`, <b>not html</b> & AT&T; ~~not struck~~ | not | a table |",
		"1. Not a list item",
		"four spaces are not a code block",
		"> not a quote; www.example.org is not a link; back\\slash stays \\* too",
		"2023-03-21 · By Tova Renn",
		"Boats at low water in Port Elling.",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("Color=false output holds escape sequences: %q", out)
	}
	if !strings.Contains(out, "Tide tables ]0;owned revised") {
		t.Errorf("title not sanitised as expected:\n%s", out)
	}
}

func TestRenderMarkdown(t *testing.T) {
	a := &model.Article{Title: "Notes", Format: model.FormatMarkdown,
		Paragraphs: []string{"This is **bold** and a [link](https://example.org).", "- one\n- two"}}
	out, err := Render(a, 60, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "[link]") || !strings.Contains(out, "• one") {
		t.Errorf("Markdown not rendered as Markdown:\n%s", out)
	}
	col, err := Render(a, 60, RenderOptions{Color: true, Dark: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(col, "\x1b[") || ansi.Strip(col) == col {
		t.Error("Color=true output has no styling")
	}
}

func TestRenderWrapsToWidth(t *testing.T) {
	for _, w := range []int{MinWidth, 20, 33, 40, 80, 100} {
		for _, opts := range []RenderOptions{{}, {Color: true, Dark: true}, {Color: true}} {
			out, err := Render(story(), w, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("width %d %+v: line %d wide: %q", w, opts, lw, ansi.Strip(l))
				}
			}
		}
	}
}

func TestEscapeText(t *testing.T) {
	got := EscapeText("  *a* \\ b")
	if got != "&#42;a&#42; \\\\ b" {
		t.Fatalf("EscapeText = %q", got)
	}
}

func newPane(w, h int) Model {
	m := New(keymap.New(), styles.New(true))
	m.SetSize(w, h)
	return m
}

func settle(m Model, cmd tea.Cmd) Model {
	for cmd != nil {
		m, cmd = m.Update(cmd())
	}
	return m
}

func TestPaneRendersOffTheUpdatePathAndCaches(t *testing.T) {
	m := newPane(60, 20)
	cmd := m.SetArticle(story())
	if cmd == nil {
		t.Fatal("no render Cmd for a new article")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "loading…") {
		t.Fatalf("no loading state while rendering:\n%s", v)
	}
	m = settle(m, cmd)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Not emphasis") {
		t.Fatalf("body not shown:\n%s", v)
	}
	// Same article, width and theme again: straight from the cache.
	if cmd := m.SetArticle(story()); cmd != nil {
		t.Fatal("cached render rendered again")
	}
	// A new width needs a new render.
	m.SetSize(40, 20)
	if m.RenderCmd() == nil {
		t.Fatal("no re-render after a resize")
	}
}

func TestPaneDropsStaleRenders(t *testing.T) {
	m := newPane(60, 20)
	first := m.SetArticle(story())
	other := story()
	other.ID, other.Title = 8, "A second story"
	second := m.SetArticle(other)
	m = settle(m, second)
	m = settle(m, first) // arrives late
	if v := ansi.Strip(m.View()); !strings.Contains(v, "A second story") || strings.Contains(v, "Tide tables") {
		t.Fatalf("stale render shown:\n%s", v)
	}
}

func TestPaneScrolls(t *testing.T) {
	m := newPane(30, 8)
	m = settle(m, m.SetArticle(story()))
	m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if m.Offset() != 1+7 {
		t.Fatalf("offset %d after j and pgdown, want 8", m.Offset())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	bottom := m.Offset()
	m.Scroll(100)
	if m.Offset() != bottom {
		t.Fatal("scrolled past the end")
	}
}

// BenchmarkRenderArticle renders a ~600-word article at width 100.
func BenchmarkRenderArticle(b *testing.B) {
	para := strings.Repeat("The harbour council met on Tuesday to discuss the ferry timetable for the winter season. ", 6)
	a := &model.Article{ID: 1, Title: "A long article for the benchmark", Format: model.FormatText}
	for range 7 {
		a.Paragraphs = append(a.Paragraphs, para) // 7 × 90 words
	}
	for b.Loop() {
		if _, err := Render(a, 100, RenderOptions{Color: true, Dark: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRenderMarkdownStripsHTML: raw HTML in a Markdown article shows as its
// text, with no tags and nothing of scripts or styles (glamour strips it
// through the bluemonday stand-in in internal/htmlstrip).
func TestRenderMarkdownStripsHTML(t *testing.T) {
	a := &model.Article{Title: "Notes", Format: model.FormatMarkdown, Paragraphs: []string{
		"<div class=\"box\">\n<script>alert('owned')</script><style>p{}</style>Visible &amp; kept\n</div>",
		"Inline <b>bold</b> and <a href=\"javascript:x\">linked</a> words.",
	}}
	out, err := Render(a, 60, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"<", ">", "alert", "owned", "p{}", "javascript"} {
		if strings.Contains(out, gone) {
			t.Errorf("rendered article holds %q:\n%s", gone, out)
		}
	}
	for _, kept := range []string{"Visible & kept", "bold", "linked", "words."} {
		if !strings.Contains(out, kept) {
			t.Errorf("rendered article lost %q:\n%s", kept, out)
		}
	}
}

package reader

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/styles"
)

// linked is a Markdown article with links, one long enough to wrap, one
// around a mention, an image, a relative link and a forged marker.
func linked() *model.Article {
	a := &model.Article{
		ID:     9,
		Title:  "Ferry line \u2062approved\u2063",
		Format: model.FormatMarkdown,
		Paragraphs: []string{
			"The council [voted to open the long-awaited ferry line to the island](https://example.org/vote?id=7 \"minutes\") on Tuesday, said [Ansel Brook](https://example.org/people/brook).",
			"A [relative link](/about) stays as glamour draws it, and so does ![a photo](https://example.org/p.jpg).",
			"Forged \u2062markers\u2063 are dropped.",
		},
	}
	a.Entities = []model.Entity{{Name: "Ansel Brook", Type: model.PER, Mentions: []model.Mention{
		{Field: model.FieldBody, Paragraph: 0, Start: strings.Index(a.Paragraphs[0], "Ansel"), End: strings.Index(a.Paragraphs[0], "Ansel") + len("Ansel Brook"), Text: "Ansel Brook"},
	}}}
	return a
}

var hyperlink = regexp.MustCompile("\x1b]8;[^;]*;([^\x07\x1b]*)(?:\x07|\x1b\\\\)")

func TestLinksDrawAsHyperlinkedText(t *testing.T) {
	for _, width := range []int{30, 80} {
		out, err := Render(linked(), width, RenderOptions{Color: true, Dark: true, Highlight: []string{"Ansel Brook"}})
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.Contains(plain, "example.org/vote") || strings.Contains(plain, "example.org/people") {
			t.Errorf("width %d: a link's URL is spelled out in the text:\n%s", width, plain)
		}
		if !strings.Contains(strings.Join(strings.Fields(plain), " "), "The council voted to open the long-awaited ferry line to the island on Tuesday, said Ansel Brook.") {
			t.Errorf("width %d: link text lost:\n%s", width, plain)
		}
		if strings.ContainsAny(out, linkOpen+linkClose) {
			t.Errorf("width %d: a link marker reached the screen", width)
		}
		// Every line that shows part of the long link opens it itself, and
		// closes every hyperlink it opens.
		for _, l := range strings.Split(out, "\n") {
			p := ansi.Strip(l)
			opens := 0
			for _, m := range hyperlink.FindAllStringSubmatch(l, -1) {
				if m[1] != "" {
					opens++
				}
			}
			if closes := strings.Count(l, "\x1b]8;;\x07") + strings.Count(l, "\x1b]8;;\x1b\\"); closes != opens {
				t.Errorf("width %d: line %q opens %d hyperlinks and closes %d", width, p, opens, closes)
			}
			if strings.Contains(p, "long-awaited") && !strings.Contains(l, "https://example.org/vote?id=7") {
				t.Errorf("width %d: line %q is part of the link but not linked", width, p)
			}
		}
		if !strings.Contains(out, "https://example.org/people/brook") {
			t.Errorf("width %d: the link around the pinned mention is gone", width)
		}
		if !strings.Contains(plain, "/about") {
			t.Errorf("width %d: a relative link lost its target", width)
		}
		if !strings.Contains(plain, "Forged markers are dropped.") || !strings.Contains(plain, "Ferry line approved") {
			t.Errorf("width %d: forged markers were not just dropped:\n%s", width, plain)
		}
	}
}

// Without colour, show keeps glamour's "text url": a pipe has no hyperlinks.
func TestPlainOutputKeepsLinkTargets(t *testing.T) {
	out, err := Render(linked(), 200, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "https://example.org/people/brook") || strings.Contains(out, "\x1b") {
		t.Errorf("plain output:\n%s", out)
	}
}

func TestLinkableURLs(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.org/a?b=c": true,
		"http://example.org":        true,
		"mailto:desk@example.org":   true,
		"/relative":                 false,
		"javascript:alert(1)":       false,
		"https://exa\x07mple.org":   false,
		"https://example.org/\x1b]": false,
		"https://例え.jp":             false,
		"ftp://example.org":         false,
		"https://":                  false,
	} {
		if got := linkable(u); got != want {
			t.Errorf("linkable(%q) = %v, want %v", u, got, want)
		}
	}
}

// A find in the article counts and marks only what the reader shows: the
// link's text, never its hidden target.
func TestFindSkipsLinkTargets(t *testing.T) {
	m := New(keymap.New(), styles.New(true))
	m.SetSize(80, 40)
	settle := func(cmd tea.Cmd) {
		for cmd != nil {
			var next tea.Cmd
			m, next = m.Update(cmd())
			cmd = next
		}
	}
	settle(m.SetArticle(linked()))
	for q, want := range map[string]int{
		"example": 1, // the image's address, which glamour shows; not the two link targets
		"brook":   1, // the link's text, not its target's /people/brook
		"ferry":   2, // the title and the link's text
	} {
		settle(m.SetFind(q))
		if _, n, _ := m.Mention(); n != want {
			t.Errorf("find %q counts %d hits, want %d (link targets are not on screen)", q, n, want)
		}
	}
}

// FuzzLinks: whatever Markdown an article holds, drawing it never panics,
// no line ends inside a hyperlink, and no marker is left.
func FuzzLinks(f *testing.F) {
	for _, p := range linked().Paragraphs {
		f.Add(p)
	}
	f.Add("[a](https://x.example/1) [b [c](https://x.example/2)](https://x.example/3)")
	f.Add("[\u2062](https://x.example/\u2063) ![i](https://x.example/i.png)")
	f.Add("[link with a very long text that wraps over many lines of a narrow pane](https://x.example/long)")
	f.Fuzz(func(t *testing.T, md string) {
		a := &model.Article{ID: 1, Title: "T", Format: model.FormatMarkdown, Paragraphs: []string{md}}
		for _, w := range []int{12, 40} {
			out, err := Render(a, w, RenderOptions{Color: true, Dark: true})
			if err != nil {
				return // glamour refused it: an error, not a panic
			}
			if strings.ContainsAny(out, linkOpen+linkClose) {
				t.Fatalf("a marker reached the screen: %q", out)
			}
			for _, l := range strings.Split(out, "\n") {
				// OSC 8 is a state, not a nesting: what matters is that no
				// line ends inside a hyperlink.
				if seqs := hyperlink.FindAllStringSubmatch(l, -1); len(seqs) > 0 && seqs[len(seqs)-1][1] != "" {
					t.Fatalf("line %q ends inside a hyperlink", l)
				}
			}
		}
	})
}

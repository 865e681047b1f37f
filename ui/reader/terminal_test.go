package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
)

// markdownAttacks are the article bodies of issue 9 that made `byline show`
// write the clipboard, retitle the terminal or reset it: each spells a
// control character so that an early sanitiser lets it pass and glamour
// decodes it.
var markdownAttacks = map[string]string{
	"no semicolon":       "Word &#x1b]52;c;cHduZWQ=&#x7 and &#x1b]2;TITLE&#x7",
	"double encoded RIS": "&amp;#x1b;c &amp;#x1bc",
	"upper-case hex":     "&#X1B;]2;TITLE&#X07;",
	"decimal":            "&#27]2;TITLE&#7 and &#0000027;]52;c;eA==&#0000007;",
	"triple encoded":     "&amp;amp;#x1b;]2;TITLE&amp;amp;#x7;",
	"wrapped code point": "&#x10000001b;]2;TITLE&#x100000007;",
	"in a code span":     "`&#x1b]2;TITLE&#x7` and `&#x1b;[2J`",
	"in a link":          "[&#x1b]2;TITLE&#x7](https://example.com/&#x1b;)",
	"in emphasis":        "*&#x1b]2;TITLE&#x7* ~~&#x1b]2;T&#x7~~",
	"C1 by reference":    "&#x9b;2J &#x9d;0;TITLE&#x9c; &#157;",
	"bidi by reference":  "&#x202e;gnp.exe&#x202c; &#x2067;x&#x2069;",
	"raw bidi":           "abc\u202Egnp.exe\u202C \u2066x\u2069",
	"inline html":        "<span>&#x1b]2;TITLE&#x7</span> <b>&#27;c</b>",
}

// TestRenderHoldsOnlySGRAndOSC8 renders each attack as it would come from
// the store unchanged, with and without colour: whatever glamour decodes,
// the output holds no escape but SGR and OSC 8, no control but \n and \t,
// and the text around the attack is still there.
func TestRenderHoldsOnlySGRAndOSC8(t *testing.T) {
	for name, body := range markdownAttacks {
		a := &model.Article{
			Title:      "Title " + body,
			Format:     model.FormatMarkdown,
			Paragraphs: []string{"Before it.", body, "After it."},
		}
		for _, opts := range []RenderOptions{{Color: true, Dark: true}, {Color: true}, {NoColor: true}, {}} {
			out, err := Render(a, 60, opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := safe.OnlySGRAndOSC8(out); err != nil {
				t.Errorf("%s, %+v: %v", name, opts, err)
			}
			if plain := ansi.Strip(out); !strings.Contains(plain, "Before it.") || !strings.Contains(plain, "After it.") {
				t.Errorf("%s, %+v: the article is lost: %q", name, opts, out)
			}
		}
	}
}

// FuzzRenderedOutput sends arbitrary article text through the real
// renderer, as Markdown and as plain text, with and without colour: the
// output may hold SGR, OSC 8, text, \n and \t, and nothing else.
func FuzzRenderedOutput(f *testing.F) {
	for _, body := range markdownAttacks {
		f.Add("Title", body, true, true)
		f.Add(body, body, false, true)
	}
	f.Add("\x1b]0;TITLE\x07 raw", "raw \x1b]52;c;eA==\x07 and \x1bc and \u009b2J", true, false)
	f.Add("t", "[link](https://example.com/a;b) and <https://example.com/\x1b[2J>", true, true)
	f.Fuzz(func(t *testing.T, title, body string, markdown, color bool) {
		if len(body) > 4096 || len(title) > 512 {
			return // rendering is the slow part; size is not what this hunts
		}
		a := &model.Article{Title: title, Format: model.FormatText, Paragraphs: strings.Split(body, "\n\n")}
		if markdown {
			a.Format = model.FormatMarkdown
		}
		out, err := Render(a, 50, RenderOptions{Color: color})
		if err != nil {
			t.Skip(err)
		}
		if err := safe.OnlySGRAndOSC8(out); err != nil {
			t.Fatalf("title %q body %q: %v\n%q", title, body, err, out)
		}
	})
}

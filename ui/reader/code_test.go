package reader

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/styles"
)

// codeArticle is a Markdown article quoting code in a fenced block, as a
// technology story would.
func codeArticle(lang, code string) *model.Article {
	return &model.Article{ID: 11, Title: "The one-line fix", Format: model.FormatMarkdown,
		Paragraphs: []string{"The patch was short:", "```" + lang + "\n" + code + "\n```", "It shipped on Monday."}}
}

// goSnippet has a keyword, a string, a comment, a number and a name on
// distinct lines, so each can be found in the output by its text.
const goSnippet = "// sum adds the tide readings\n" +
	"func sum(xs []float64) float64 {\n" +
	"    label := \"metres\"\n" +
	"    return xs[0] * 1.5e3\n" +
	"}"

// sgrBefore is the SGR sequence drawn immediately before the first text
// in out, or "" when text is not directly preceded by one.
func sgrBefore(out, text string) string {
	i := strings.Index(out, text)
	if i < 0 {
		return ""
	}
	j := strings.LastIndex(out[:i], "\x1b[")
	if j < 0 || !ownSGR.MatchString(out[j:i]) || len(ownSGR.FindString(out[j:i])) != i-j {
		return ""
	}
	return out[j:i]
}

// ownSGR matches one SGR sequence, the only escape a code block may draw.
var ownSGR = regexp.MustCompile(`^\x1b\[[0-9;]*m`)

func TestRenderCodeBlockColours(t *testing.T) {
	for _, dark := range []bool{true, false} {
		out, err := Render(codeArticle("go", goSnippet), 80, RenderOptions{Color: true, Dark: dark})
		if err != nil {
			t.Fatal(err)
		}
		// The code reads exactly as written, line by line.
		plain := ansi.Strip(out)
		for _, l := range strings.Split(goSnippet, "\n") {
			if !strings.Contains(plain, strings.TrimSpace(l)) {
				t.Errorf("dark=%v: code line %q missing from:\n%s", dark, l, plain)
			}
		}
		kw, str := sgrBefore(out, "func"), sgrBefore(out, `"metres"`)
		com, num := sgrBefore(out, "// sum adds"), sgrBefore(out, "1.5e3")
		name := sgrBefore(out, "xs[0]")
		for what, sgr := range map[string]string{"keyword": kw, "string": str, "comment": com, "number": num} {
			if sgr == "" {
				t.Errorf("dark=%v: the %s is not coloured:\n%q", dark, what, out)
			}
		}
		// A user tells them apart: keywords, strings and comments differ
		// from each other and from plain names.
		seen := map[string]string{}
		for what, sgr := range map[string]string{"keyword": kw, "string": str, "comment": com, "name": name} {
			if other, ok := seen[sgr]; ok && sgr != "" {
				t.Errorf("dark=%v: the %s and the %s are drawn alike (%q)", dark, what, other, sgr)
			}
			seen[sgr] = what
		}
	}
}

func TestRenderCodeBlockPlain(t *testing.T) {
	// Without colour the block is the code, with no escape sequence at all.
	out, err := Render(codeArticle("go", goSnippet), 80, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("plain output holds escapes: %q", out)
	}
	if !strings.Contains(out, `label := "metres"`) {
		t.Errorf("code not drawn as written:\n%s", out)
	}
}

// oddCode is code a lexer could trip on: unclosed strings and comments,
// a lone quote, backquotes across lines, markup, a diff, shell variables,
// numbers of every form, wide and combining characters.
const oddCode = "x = 'it's\" unclosed\n/* never closed\n`spans\nlines` \"\"\"doc\n" +
	"<a href=\"x\">&amp; &bogus</a> <!-- c --> $HOME ${X} $1 @deco\n" +
	"@@ -1,2 +1,2 @@\n-old\n+new\n0x1F 1e-3 1..10 .5 3.0f 1_000 0b12\n" +
	"東京 ✓ é e\u0301 \\ \\x \\u12 -- note # hash ; semi % pct"

func TestRenderCodeBlockAnyLanguage(t *testing.T) {
	langs := []string{"", "go", "python", "py", "c", "c++", "rust", "js", "sql", "SQL", "html",
		"xml", "diff", "bash", "sh", "ruby", "lua", "lisp", "tex", "yaml", "ini", "css", "php",
		"no-such-language", "{.python}", "python title=\"x.py\"", "東京", "\x1b[31m", " go "}
	for _, lang := range langs {
		for _, w := range []int{1, MinWidth, 40, 80, 250} {
			out, err := Render(codeArticle(lang, oddCode), w, RenderOptions{Color: true, Dark: true})
			if err != nil {
				t.Fatalf("lang %q width %d: %v", lang, w, err)
			}
			// A narrow pane wraps code lines, so compare without spaces.
			plain := noSpace(ansi.Strip(out))
			for _, l := range strings.Split(oddCode, "\n") {
				if !strings.Contains(plain, noSpace(l)) {
					t.Errorf("lang %q width %d: code line %q missing from:\n%s", lang, w, l, ansi.Strip(out))
				}
			}
		}
	}
}

// noSpace is s without white space.
func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// hostileCode holds terminal controls in every spelling: 7-bit ESC
// sequences (SGR blink, clear screen, cursor move, an OSC 52 clipboard
// write, an OSC title ended by ST), C1 controls as characters (CSI, OSC)
// and as raw 8-bit bytes, BEL, BS, CR, DEL and a bidi override.
const hostileCode = "s := \"\x1b[5mblink\x1b[1;31m\" // \x1b[2J\x1b[10;10H\n" +
	"x = 1 \x1b]52;c;aGVsbG8=\x07 \x1b]0;title\x1b\\ y\n" +
	"z = \u009b2J \u009d0;t\u009c \x9b2J \x9d8;;u\x07\n" +
	"w = a\bb\rc\x7fd \u202eevil\u202c e\x00f\n"

// injected are sequences from hostileCode that must not survive.
var injected = []string{"\x1b[5m", "\x1b[1;31m", "\x1b[2J", "\x1b[10;10H", "\x1b]", "\x07", "\x1b\\"}

// checkNoControls fails when out holds any control character or escape
// sequence other than SGR, or any sequence injected from hostileCode.
func checkNoControls(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range injected {
		if strings.Contains(out, s) {
			t.Errorf("%s: injected %q reached the output: %q", what, s, out)
		}
	}
	rest := regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(out, "")
	for i, r := range rest {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e {
			t.Fatalf("%s: control %U at byte %d: %q", what, r, i, rest)
		}
	}
}

func TestCodeBlockHostileBytes(t *testing.T) {
	// Straight through glamour with byline's styles, skipping the
	// sanitising byline does before and after: the highlighter itself must
	// not pass the code's controls to the terminal.
	for _, dark := range []bool{true, false} {
		for _, lang := range []string{"go", "", "html", "diff", "sh"} {
			r, err := glamour.NewTermRenderer(glamour.WithStyles(styles.New(dark).Glamour), glamour.WithWordWrap(80))
			if err != nil {
				t.Fatal(err)
			}
			out, err := r.Render("Code:\n\n```" + lang + "\n" + hostileCode + "```\n")
			if err != nil {
				t.Fatal(err)
			}
			checkNoControls(t, "glamour "+lang, out)
			if !strings.Contains(ansi.Strip(out), "blink") || !strings.Contains(ansi.Strip(out), "evil") {
				t.Errorf("lang %q: the printable code is lost: %q", lang, ansi.Strip(out))
			}
		}
	}
	// And the whole path a user sees.
	out, err := Render(codeArticle("go", hostileCode), 80, RenderOptions{Color: true, Dark: true})
	if err != nil {
		t.Fatal(err)
	}
	checkNoControls(t, "Render", out)
}

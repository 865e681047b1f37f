package bluemonday

import (
	"math/rand"
	"strings"
	"testing"
)

func TestSanitizeStripsEveryElement(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<b>bold</b> and <i>it</i>", "bold and it"},
		{`<a href="javascript:alert(1)">link</a>`, "link"},
		{"<p>one</p><p>two</p>", "onetwo"},
		{"<div>\n  <span>x</span>\n</div>", "\n  x\n"},
		// What HTML gives meaning to stays escaped, as glamour expects:
		// it unescapes the result itself.
		{"a &lt; b &amp; c", "a &lt; b &amp; c"},
		{"Tom & Jerry's \"show\"", "Tom &amp; Jerry&#39;s &#34;show&#34;"},
		{"&eacute;t&eacute;", "été"},
		// Content a reader never sees as text goes with its element.
		{"<script>alert('x')</script>after", "after"},
		{"<style>p{color:red}</style>text", "text"},
		{"<title>t</title>body", "body"},
		{"<iframe src=x>inside</iframe>out", "out"},
		{"<object><object>a</object>b</object>c", "c"},
		{"<noscript><p>enable js</p></noscript>ok", "ok"},
		// A stray end tag of another hidden element closes nothing.
		{"<object>x</style>hidden\x1b[2J</object>shown", "shown"},
		{"<iframe><title>t</iframe>after", "after"},
		// An unclosed script hides the rest, as a browser would read it.
		{"before<script>var x = '</scr' + 'ipt>'", "before"},
		{"<!-- a comment -->text<!DOCTYPE html>", "text"},
		{"<img src=x onerror=alert(1)>", ""},
		{"<br/>line<hr />", "line"},
		{"   ", "   "},
		{"", ""},
		{"plain text", "plain text"},
		{"<textarea><b>kept</b></textarea>", "&lt;b&gt;kept&lt;/b&gt;"},
		{"<SCRIPT>x</SCRIPT>y", "y"},
		{"a < b > c", "a &lt; b &gt; c"},
	} {
		if got := StrictPolicy().Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSanitizeLeavesNoMarkup feeds random mixtures of tags, entities,
// quotes and text: whatever comes in, no '<' or '>' comes out, so nothing
// the result holds can be read as an element.
func TestSanitizeLeavesNoMarkup(t *testing.T) {
	parts := []string{"<", ">", "</", "/>", "<!--", "-->", "<script>", "</script>", "<style>",
		"<b>", "</b>", "<a href='x'>", "&lt;", "&gt;", "&amp;", "&#60;", "&#x3e;", "'", "\"",
		"text", " ", "\n", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<title>", "</title>", "é", "\x00", "\x1b[31m"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		in := b.String()
		out := StrictPolicy().Sanitize(in)
		if strings.TrimSpace(in) == "" {
			continue
		}
		if strings.ContainsAny(out, "<>") {
			t.Fatalf("Sanitize(%q) = %q: markup survived", in, out)
		}
	}
}

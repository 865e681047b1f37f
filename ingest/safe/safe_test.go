package safe

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"a\x1b[31mred\x1b[0m b":     "ared b",
		"t\x1b]0;title\x07x":        "tx",
		"c1\u009b2Jx":               "c1x",
		"crlf\r\nline":              "crlf\nline",
		"bad \xff byte":             "bad \ufffd byte",
		"bell\x07 and del\x7f done": "bell and del done",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line(" a\n\tb  c "); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

func TestURL(t *testing.T) {
	base, _ := url.Parse("https://news.example/world/story")
	for in, want := range map[string]string{
		"/a":                         "https://news.example/a",
		"other":                      "https://news.example/world/other",
		"http://x.example/p?q=1":     "http://x.example/p?q=1",
		"mailto:ed@example.com":      "mailto:ed@example.com",
		"javascript:alert(1)":        "",
		" JavaScript:alert(1)":       "",
		"data:text/html,x":           "",
		"file:///etc/passwd":         "",
		"https://":                   "",
		"\x1b[31mhttps://x.example/": "https://x.example/",
	} {
		if got := URL(in, base); got != want {
			t.Errorf("URL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := URL("/relative", nil); got != "" {
		t.Errorf("relative without base = %q", got)
	}
	// A feed in a local folder may link to pages beside it, and only such
	// a feed may point at a file.
	local, _ := url.Parse("file:///home/ann/news/feed.xml")
	for in, want := range map[string]string{
		"pages/a.html":               "file:///home/ann/news/pages/a.html",
		"../b.html":                  "file:///home/ann/b.html",
		"https://x.example/c":        "https://x.example/c",
		"file:///home/ann/news/d.md": "file:///home/ann/news/d.md",
	} {
		if got := URL(in, local); got != want {
			t.Errorf("URL(%q) beside a local feed = %q, want %q", in, got, want)
		}
	}
	if got := URL("file:///home/ann/.ssh/id_rsa", nil); got != "" {
		t.Errorf("a file URL with no local base = %q", got)
	}
}

func TestMarkdownParagraphs(t *testing.T) {
	md := "Para &#27;[31mone &#x1B; &#65;.\n\n" + strings.Repeat("> ", 100) + "deep\n\n```\ncode\n\nstill code\n```\n\n" +
		strings.Repeat("*", 1000) + "\n\n\n"
	got := MarkdownParagraphs(md)
	if len(got) != 4 {
		t.Fatalf("got %d paragraphs: %q", len(got), got)
	}
	if got[0] != "Para [31mone  &#65;." {
		t.Errorf("char refs: %q", got[0])
	}
	if n := strings.Count(got[1], ">"); n != maxNest {
		t.Errorf("nesting kept %d levels, want %d", n, maxNest)
	}
	if got[2] != "```\ncode\n\nstill code\n```" {
		t.Errorf("fence split: %q", got[2])
	}
	if !strings.HasPrefix(got[3], `\*\*`) {
		t.Errorf("over-marked block not escaped: %q", got[3][:10])
	}
}

func TestDropControlRefs(t *testing.T) {
	in := "a&#27;b&#x1b;c&#X1B;d&#9;e&#10;f&#13;g&#127;h&#x9b;i&#155;j&#65;k&#0027;l"
	want := "abcd&#9;e&#10;f&#13;ghij&#65;kl"
	if got := string(DropControlRefs([]byte(in))); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestNeutralizeCharRefs covers every spelling of a reference to a control
// character that glamour's html.UnescapeString decodes (issue 9).
func TestNeutralizeCharRefs(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Word &#x1b]52;c;cHduZWQ=&#x7 and &#x1b]2;TITLE&#x7", "Word ]52;c;cHduZWQ= and ]2;TITLE"},
		{"&#x1bc", "&#x1bc"}, // U+01BC, a letter
		{"&amp;#x1b;c", "c"},
		{"&#X1B;[31m", "[31m"},
		{"&#27[2J", "[2J"},
		{"&#0000027;[H", "[H"},
		{"&amp;amp;#x1b;[5m", "[5m"},
		{"&amp#27;x &AMP;#27;y &amp;amp;amp;#27;z", "x y z"},
		{"&#x10000001b;wrap &#4294967323;wrap", "wrap wrap"},
		{"&#x9d;0;T&#x9c; &#155;", "0;T "},
		{"&#x202e;evil&#8238; &#x2066;", "evil "},
		{"&#&#27;27;nested", "nested"},
		{"&#13;&#0;&#127;", ""},
		{"keep &#9; &#10; &#65; &#x41 &amp; &#x200f; &#x1F680;", "keep &#9; &#10; &#65; &#x41 &amp; &#x200f; &#x1F680;"},
	} {
		got := NeutralizeCharRefs(tt.in)
		if got != tt.want {
			t.Errorf("NeutralizeCharRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if dec := html.UnescapeString(html.UnescapeString(html.UnescapeString(got))); OnlySGRAndOSC8(dec) != nil {
			t.Errorf("%q decodes to %q", got, dec)
		}
	}
	deep := strings.Repeat("&#", 50) + "27;" + strings.Repeat("27;", 49) + "x"
	if got := NeutralizeCharRefs(deep); strings.Contains(html.UnescapeString(got), "\x1b") {
		t.Errorf("deep nesting left an ESC: %q", got)
	}
}

package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
)

// attackBodies are the article texts of issue 9 item 1, as a Markdown file
// or a feed would carry them: each spells ESC or BEL so that an early
// sanitiser lets it through and the Markdown renderer decodes it.
var attackBodies = map[string]string{
	"no semicolon":       "Word &#x1b]52;c;cHduZWQ=&#x7 and &#x1b]2;TITLE&#x7",
	"double encoded RIS": "Reset &amp;#x1bc and &amp;#x1b;c",
	"upper-case hex":     "Upper &#X1B;]2;TITLE&#X07;",
	"decimal":            "Decimal &#27]2;TITLE&#7",
	"leading zeros":      "Zeros &#0000027;]52;c;eA==&#0000007;",
	"triple encoded":     "Triple &amp;amp;#x1b;]2;TITLE&amp;amp;#x7;",
	"wrapped":            "Wrapped &#x10000001b;]2;TITLE&#x100000007;",
	"code span":          "Code `&#x1b]2;TITLE&#x7`",
	"bidi":               "Bidi &#x202e;gnp.exe&#x202c; \u202Eraw\u202C",
}

// checkTerminal fails the test if out holds anything but text, \n, \t,
// SGR and OSC 8, or if a terminal-title or clipboard payload survived
// as an escape sequence.
func checkTerminal(t *testing.T, what, out string) {
	t.Helper()
	if err := safe.OnlySGRAndOSC8(out); err != nil {
		t.Errorf("%s: %v", what, err)
	}
}

// TestShowMarkdownAttacks: `byline show FILE` on a Markdown file holding
// each attack, with colour and without, writes no escape but SGR and OSC 8.
func TestShowMarkdownAttacks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	for name, body := range attackBodies {
		f := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".md")
		md := "# Comet over Aldermoor\n\nBefore it.\n\n" + body + "\n\nAfter it.\n"
		if err := os.WriteFile(f, []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, color := range []string{"always", "never"} {
			out, stderr, code := byline(t, db, "show", f, "--width", "60", "--color", color)
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", name, code, stderr)
			}
			checkTerminal(t, name+" --color "+color, out)
			if plain := ansi.Strip(out); !strings.Contains(plain, "Before it.") || !strings.Contains(plain, "After it.") {
				t.Errorf("%s --color %s: article lost: %q", name, color, plain)
			}
		}
	}
}

// TestShowFeedAttacks: the same attacks arriving through every kind of feed
// body (RSS description escaped and in CDATA, Atom html and xhtml, JSON Feed
// content_html), fetched into the store and shown by id, with colour.
func TestShowFeedAttacks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	xmlEscape := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	}
	jsonEscape := func(s string) string {
		return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\u202E", `\u202e`, "\u202C", `\u202c`).Replace(s)
	}
	para := func(body string) string {
		return "<p>Before it: Mira Castell of the Nordvik Ferry Trust said on Tuesday that the line would open in May.</p><p>" +
			body + "</p><p>After it: tickets would cost twelve crowns, she said, and the ferry would run twice a day.</p>"
	}
	var rss, cdata, atomHTML, atomXHTML, jsonItems []string
	i := 0
	for name, body := range attackBodies {
		i++
		title := fmt.Sprintf("Story %d %s", i, name)
		rss = append(rss, fmt.Sprintf("<item><title>%s rss</title><guid>r%d</guid><description>%s</description></item>", title, i, xmlEscape(para(body))))
		cdata = append(cdata, fmt.Sprintf("<item><title>%s cdata</title><guid>c%d</guid><description><![CDATA[%s]]></description></item>", title, i, para(body)))
		atomHTML = append(atomHTML, fmt.Sprintf(`<entry><title>%s atom html</title><id>urn:h%d</id><updated>2024-01-01T00:00:00Z</updated><content type="html">%s</content></entry>`, title, i, xmlEscape(para(body))))
		// In xhtml the content is XML itself, so "&amp;" is the one level
		// of encoding the parser takes off.
		atomXHTML = append(atomXHTML, fmt.Sprintf(`<entry><title>%s atom xhtml</title><id>urn:x%d</id><updated>2024-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></content></entry>`, title, i, strings.ReplaceAll(para(body), "&#", "&amp;#")))
		jsonItems = append(jsonItems, fmt.Sprintf(`{"id":"j%d","title":"%s json","content_html":"%s"}`, i, title, jsonEscape(para(body))))
	}
	feeds := map[string]string{
		"rss.xml":   `<?xml version="1.0"?><rss version="2.0"><channel><title>RSS</title>` + strings.Join(rss, "") + `</channel></rss>`,
		"cdata.xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>CDATA</title>` + strings.Join(cdata, "") + `</channel></rss>`,
		"atom.xml":  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>` + strings.Join(atomHTML, "") + `</feed>`,
		"xhtml.xml": `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>XHTML</title><id>urn:b</id><updated>2024-01-01T00:00:00Z</updated>` + strings.Join(atomXHTML, "") + `</feed>`,
		"feed.json": `{"version":"https://jsonfeed.org/version/1.1","title":"JSON","items":[` + strings.Join(jsonItems, ",") + `]}`,
	}
	for name, text := range feeds {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, db, 0, "feed", "add", f)
	}
	out, _ := mustRun(t, db, 0, "fetch")
	want := len(feeds) * len(attackBodies)
	if out != fmt.Sprintf("%d feeds ok, 0 failed; %d new articles\n", len(feeds), want) {
		t.Fatalf("fetch said %q", out)
	}
	list, _ := mustRun(t, db, 0, "list")
	checkTerminal(t, "list", list)
	for id := 1; id <= want; id++ {
		out, _ := mustRun(t, db, 0, "show", fmt.Sprint(id), "--width", "70", "--color", "always")
		checkTerminal(t, fmt.Sprintf("show %d", id), out)
		if plain := ansi.Strip(out); !strings.Contains(plain, "Before it") || !strings.Contains(plain, "After it") {
			t.Errorf("show %d lost the article: %q", id, plain)
		}
	}
}

// rawHTTPServer answers every connection with response, byte for byte, so
// a test can send a status line net/http would never write.
func rawHTTPServer(t *testing.T, response string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r := bufio.NewReader(c)
				for { // read the request head, then answer
					l, err := r.ReadString('\n')
					if err != nil || l == "\r\n" {
						break
					}
				}
				c.Write([]byte(response))
			}()
		}
	}()
	return "http://" + ln.Addr().String() + "/feed.xml"
}

// TestFetchStatusTextEscapes: a server whose status text retitles the
// terminal (issue 9 item 3) is reported on one clean line by fetch, and
// shown clean by feed list.
func TestFetchStatusTextEscapes(t *testing.T) {
	u := rawHTTPServer(t, "HTTP/1.1 500 Oops \x1b]0;TITLE\x07 \u202Eevil\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", u, "--tag", "news\x1b]0;T\x07")
	out, stderr := mustRun(t, db, 1, "fetch")
	checkTerminal(t, "fetch stdout", out)
	checkTerminal(t, "fetch stderr", stderr)
	if !strings.Contains(stderr, "500 Oops") {
		t.Errorf("fetch did not report the status: %q", stderr)
	}
	list, _ := mustRun(t, db, 0, "feed", "list")
	checkTerminal(t, "feed list", list)
	if !strings.Contains(list, "500 Oops") {
		t.Errorf("feed list lacks the status: %q", list)
	}
}

// TestErrorLinesAreClean: messages that quote a file name or an argument
// (handleError, import's failure lines) print no escape sequence.
func TestErrorLinesAreClean(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	_, stderr, code := byline(t, db, "show", "nothing\x1b]0;TITLE\x07here\u202E")
	if code != 1 || !strings.Contains(stderr, "nothinghere") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	checkTerminal(t, "show's error", stderr)

	bad := filepath.Join(dir, "in", "bad\x1b]0;TITLE\x07\u202Ename.html")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	if err := os.WriteFile(bad, []byte("<html><body></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := byline(t, db, "import", filepath.Dir(bad))
	if code != 1 || !strings.Contains(stderr, "name.html") {
		t.Errorf("import: exit %d, stderr %q", code, stderr)
	}
	checkTerminal(t, "import stdout", out)
	checkTerminal(t, "import stderr", stderr)
}

// TestListPrintsStoredFieldsClean: a store written before these checks (or
// by another tool) may hold escapes and bidi controls in titles, sources and
// entity names; list and entities print them clean.
func TestListPrintsStoredFieldsClean(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	st := openStoreT(t, db)
	art := model.Article{
		Title:      "Evil \x1b]0;TITLE\x07 \u202Egnp.exe",
		Source:     "in/\x1b]2;T\x07dir/a.txt",
		Format:     model.FormatText,
		Paragraphs: []string{"Body."},
		Entities:   []model.Entity{{Name: "Anna \x1b]0;T\x07Berg\u202E", Type: model.PER}},
	}
	if _, err := st.Import(context.Background(), []model.Article{art}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, _ := mustRun(t, db, 0, "list")
	checkTerminal(t, "list", out)
	if !strings.Contains(out, "Evil") {
		t.Errorf("list lacks the title: %q", out)
	}
	out, _ = mustRun(t, db, 0, "entities")
	checkTerminal(t, "entities", out)
}

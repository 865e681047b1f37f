package feed

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
)

// hostile holds feeds whose fields try to reach the terminal as ESC through
// each decoding step.
var hostile = map[string]string{
	"double-encoded numeric ref": `&amp;#27;[31mRED&amp;#27;[0m`,
	"numeric ref":                `&#27;[31mRED&#27;[0m`,
	"hex ref":                    `&#x1b;[31mRED&#x1B;[0m`,
	"CDATA with raw ESC":         "<![CDATA[\x1b[31mRED\x1b[0m]]>",
	"CDATA with a ref":           `<![CDATA[&#27;[31mRED&#27;[0m]]>`,
	"triple-encoded ref":         `&amp;amp;#27;[31mRED&amp;amp;#27;[0m`,
	"OSC title in CDATA":         "<![CDATA[\x1b]0;pwned\x07RED]]>",
	"C1 CSI ref":                 `&#155;31mRED`,
}

// TestHostileFields puts each hostile string in every field of an RSS item
// and checks that no control character survives anywhere, and that the
// Markdown body holds no reference a renderer would decode into one.
func TestHostileFields(t *testing.T) {
	for name, evil := range hostile {
		t.Run(name, func(t *testing.T) {
			doc := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Feed ` + evil + `</title><link>https://example.com/</link>
<item><title>Title ` + evil + `</title><link>https://example.com/a</link><guid>g` + evil + `</guid>
<author>x@example.com (Ann ` + evil + `)</author>
<description>Teaser ` + evil + `</description>
<content:encoded>` + wrapHTML(evil) + `</content:encoded></item></channel></rss>`
			f, err := Parse("hostile.xml", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 {
				t.Fatalf("got %d items", len(f.Items))
			}
			a := f.Items[0].Article
			for field, s := range map[string]string{"feed title": f.Title, "title": a.Title, "guid": a.GUID,
				"author": a.Author, "source": a.Source, "body": strings.Join(a.Paragraphs, "\n")} {
				if bad := controlIn(s); bad != "" {
					t.Errorf("%s = %q: %s", field, s, bad)
				}
				if strings.Contains(s, "&#27;") || strings.Contains(s, "&#x1b;") || strings.Contains(s, "&#x1B;") || strings.Contains(s, "&#155;") {
					t.Errorf("%s = %q keeps a reference to a control character", field, s)
				}
			}
			if !strings.Contains(a.Title, "RED") {
				t.Errorf("title %q lost its text", a.Title)
			}
		})
	}
}

// wrapHTML puts s inside escaped HTML, as content:encoded carries it; CDATA
// sections are kept as they are.
func wrapHTML(s string) string {
	if strings.HasPrefix(s, "<![CDATA[") {
		return "<![CDATA[<p>Body " + strings.TrimPrefix(s, "<![CDATA[")
	}
	return "&lt;p&gt;Body " + s + "&lt;/p&gt;"
}

// controlIn names the first control character in s, or returns "".
func controlIn(s string) string {
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return "control character " + string(rune('0'+r%10)) + " (" + time.Duration(r).String() + ")"
		}
	}
	return ""
}

// TestItemFields checks what a reader sees of an ordinary RSS item and an
// Atom entry.
func TestItemFields(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Harbour News</title><link>https://news.example/</link>
<item><title>Ferry timetable &amp;amp; fares</title><link>/ferry</link><guid isPermaLink="false">id-1</guid>
<dc:creator>Ana Ruiz</dc:creator><pubDate>Mon, 06 May 2024 18:30:00 +0200</pubDate>
<description>Short teaser…</description>
<content:encoded><![CDATA[<p>The council <b>voted</b> on <a href="/vote">Monday</a>.</p><p><a href="javascript:alert(1)">Click</a> here.</p><script>x()</script>]]></content:encoded>
</item>
<item><title>Only a teaser</title><link>https://news.example/t</link><description>Two sentences of teaser. Read more</description></item>
</channel></rss>`
	f, err := Parse("https://news.example/feed.xml", []byte(rss))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Harbour News" || f.Link != "https://news.example/" || len(f.Items) != 2 {
		t.Fatalf("feed = %+v", f)
	}
	a := f.Items[0]
	want := model.Article{
		Title: "Ferry timetable & fares", URL: "https://news.example/ferry", GUID: "id-1", Author: "Ana Ruiz",
		Source: "Harbour News", Format: model.FormatMarkdown,
		Published:  time.Date(2024, 5, 6, 16, 30, 0, 0, time.UTC),
		Paragraphs: []string{"The council **voted** on [Monday](https://news.example/vote).", "Click here."},
	}
	if a.Title != want.Title || a.URL != want.URL || a.GUID != want.GUID || a.Author != want.Author ||
		a.Source != want.Source || a.Format != want.Format || !a.Published.Equal(want.Published) ||
		strings.Join(a.Paragraphs, "|") != strings.Join(want.Paragraphs, "|") {
		t.Errorf("item =\n%+v\nwant\n%+v", a.Article, want)
	}
	if a.Summary {
		t.Error("an item with content:encoded counts as a summary")
	}
	if !f.Items[1].Summary || f.Items[1].Format != model.FormatText {
		t.Errorf("teaser item: Summary=%v Format=%v", f.Items[1].Summary, f.Items[1].Format)
	}

	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;b&gt;bold&lt;/b&gt; feed</title>
<entry><title>Entry</title><id>urn:uuid:1</id><updated>2024-01-02T03:04:05Z</updated><author><name>Bo</name></author>
<summary>Sum</summary><content type="html">&lt;p&gt;` + strings.Repeat("word ", 150) + `&lt;/p&gt;</content></entry></feed>`
	f, err = Parse("atom.xml", []byte(atom))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Items[0]
	if f.Title != "A bold feed" || e.GUID != "urn:uuid:1" || e.Author != "Bo" || e.Summary ||
		!e.Published.Equal(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) || e.Source != "A bold feed" {
		t.Errorf("atom: feed %q, entry %+v", f.Title, e)
	}
}

// TestMalformed checks a broken feed gives one clear line naming it.
func TestMalformed(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":    "",
		"html":     "<html><body>hello</body></html>",
		"text":     "just words",
		"truncxml": `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a`,
		"badjson":  `{"version": "https://jsonfeed.org/version/1", "items": [`,
	} {
		_, err := Parse(name+".xml", []byte(doc))
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !errors.Is(err, ErrNotFeed) || !strings.HasPrefix(err.Error(), name+".xml: ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q", name, err)
		}
	}
}

// TestRelativeItemLinks checks an item's relative link resolves against
// xml:base, then the feed's own address, never the channel's <link> (the
// site, which RSS 2.0 requires and which is often elsewhere): resolved
// there, a local feed's items pointed at pages that do not exist, and only
// their teasers were stored.
func TestRelativeItemLinks(t *testing.T) {
	doc := func(base string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel` + base + `><title>Local</title>
<link>http://example.invalid/</link><description>d</description>
<item><title>One</title><link>a1.html</link><description>Teaser.</description></item>
</channel></rss>`
	}
	for _, c := range []struct {
		name, feedURL, base, want string
	}{
		{"local folder", "file:///tmp/news/feed.xml", "", "file:///tmp/news/a1.html"},
		{"web feed", "https://feeds.example/x/feed.xml", "", "https://feeds.example/x/a1.html"},
		{"xml:base wins", "https://feeds.example/x/feed.xml", ` xml:base="https://site.example/posts/"`, "https://site.example/posts/a1.html"},
		{"no address: the site", "feed.xml", "", "http://example.invalid/a1.html"},
	} {
		f, err := Parse(c.feedURL, []byte(doc(c.base)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(f.Items) != 1 || f.Items[0].URL != c.want {
			t.Errorf("%s: items %+v, want URL %s", c.name, f.Items, c.want)
		}
		if f.Link != "http://example.invalid/" {
			t.Errorf("%s: feed link %q", c.name, f.Link)
		}
	}
}

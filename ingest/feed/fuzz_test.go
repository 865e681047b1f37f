package feed

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFeed parses arbitrary bytes as a feed. Parse must not crash (its own
// recover turns a gofeed panic into an error naming "parser crashed", which
// fails here), must finish quickly, and whatever it returns must be valid
// UTF-8 with no control character in any field a terminal would draw. The
// seeds in testdata/fuzz/FuzzFeed cover nested XML and JSON, UTF-16 with and
// without a byte-order mark, invalid UTF-8 and mislabelled encodings. Run it
// with
//
//	go test -run '^$' -fuzz FuzzFeed -fuzztime 60s ./ingest/feed
func FuzzFeed(f *testing.F) {
	f.Add([]byte(strings.Replace(plainRSS, "%s", "UTF-8", 1)))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"T","content_html":"<p>x</p>"}]}`))
	f.Add([]byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>x</b></div></title><id>u</id></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		feed, err := Parse("fuzz.xml", data)
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("%d bytes took %s", len(data), took)
		}
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "parser crashed") {
				t.Fatalf("gofeed panicked: %s", msg)
			}
			if strings.ContainsAny(msg, "\n\r\x1b") || !strings.HasPrefix(msg, "fuzz.xml: ") {
				t.Errorf("error %q is not one line naming the feed", msg)
			}
			return
		}
		check := func(field, s string, multiline bool) {
			if !utf8.ValidString(s) {
				t.Errorf("%s %q is not UTF-8", field, s)
			}
			if bad := controlIn(s); bad != "" || !multiline && strings.Contains(s, "\n") {
				t.Errorf("%s %q: %s", field, s, bad)
			}
		}
		check("feed title", feed.Title, false)
		check("feed link", feed.Link, false)
		for _, it := range feed.Items {
			check("title", it.Title, false)
			check("guid", it.GUID, false)
			check("url", it.URL, false)
			check("author", it.Author, false)
			check("source", it.Source, false)
			check("caption", it.Caption, false)
			for _, p := range it.Paragraphs {
				check("paragraph", p, true)
			}
		}
	})
}

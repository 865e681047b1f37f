package feed

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

const plainRSS = `<?xml version="1.0" encoding="%s"?>
<rss version="2.0"><channel><title>Nordvik Tidende – Ærø</title><link>https://nordvik.example/</link>
<item><title>Færge til Saltholm åbner</title><link>https://nordvik.example/a/1</link><guid>1</guid>
<description>Havnerådet stemte for linjen.</description></item></channel></rss>`

func utf16Doc(t *testing.T, order unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	doc := strings.Replace(plainRSS, "%s", "UTF-16", 1)
	b, err := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// UTF-16 feeds, with and without a byte-order mark, are read like any
// other; a feed that says UTF-16 but is sent as UTF-8 is read too.
func TestUTF16Feeds(t *testing.T) {
	for name, doc := range map[string][]byte{
		"little-endian with BOM":  utf16Doc(t, unicode.LittleEndian, unicode.UseBOM),
		"big-endian with BOM":     utf16Doc(t, unicode.BigEndian, unicode.UseBOM),
		"little-endian, no BOM":   utf16Doc(t, unicode.LittleEndian, unicode.IgnoreBOM),
		"big-endian, no BOM":      utf16Doc(t, unicode.BigEndian, unicode.IgnoreBOM),
		"says UTF-16, sent UTF-8": []byte(strings.Replace(plainRSS, "%s", "utf-16", 1)),
		"UTF-8 with a BOM":        append([]byte("\xef\xbb\xbf"), strings.Replace(plainRSS, "%s", "UTF-8", 1)...),
	} {
		f, err := Parse("https://nordvik.example/rss", doc)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if f.Title != "Nordvik Tidende – Ærø" || len(f.Items) != 1 || f.Items[0].Title != "Færge til Saltholm åbner" {
			t.Errorf("%s: title %q, items %+v", name, f.Title, f.Items)
		}
	}
}

// One invalid UTF-8 byte costs one character, not the feed; a feed in a
// declared 8-bit encoding is still decoded as that encoding.
func TestInvalidUTF8(t *testing.T) {
	doc := strings.Replace(plainRSS, "%s", "UTF-8", 1)
	doc = strings.Replace(doc, "Færge", "F\xe6rge", 1) // Latin-1 æ in a UTF-8 feed
	f, err := Parse("https://nordvik.example/rss", []byte(doc))
	if err != nil {
		t.Fatalf("one bad byte rejected the feed: %v", err)
	}
	if len(f.Items) != 1 || f.Items[0].Title != "F\uFFFDrge til Saltholm åbner" {
		t.Errorf("items %+v", f.Items)
	}
	noDecl := strings.Replace(doc, `<?xml version="1.0" encoding="UTF-8"?>`, "", 1)
	if f, err := Parse("x", []byte(noDecl)); err != nil || len(f.Items) != 1 {
		t.Errorf("without a declaration: %v, %+v", err, f.Items)
	}
	latin1 := `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>F` + "\xe6" + `rge</title></channel></rss>`
	if f, err := Parse("x", []byte(latin1)); err != nil || f.Title != "Færge" {
		t.Errorf("ISO-8859-1: %q, %v", f.Title, err)
	}
}

// nested returns a document of about size bytes: an RSS channel holding
// tag nested as deep as fits.
func nested(size int, tag string) []byte {
	open, closing := "<"+tag+">", "</"+tag+">"
	n := (size - 100) / (len(open) + len(closing))
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>`)
	for range n {
		b.WriteString(open)
	}
	for range n {
		b.WriteString(closing)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// A deeply nested or enormous document is refused before the parser
// builds its tree, quickly, with one line that names the feed.
func TestStructureLimits(t *testing.T) {
	flat := `<?xml version="1.0"?><rss version="2.0"><channel><title>Flat</title>` +
		strings.Repeat("<x/>", MaxElements+1) + `</channel></rss>`
	deepJSON := `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[` +
		strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `]}`
	for name, tc := range map[string]struct {
		doc  []byte
		want string
	}{
		"20 MB of nested <a>": {nested(20<<20, "a"), "nested more than 256 elements deep"},
		"elements":            {[]byte(flat), "more than 200000 XML elements"},
		"nested JSON":         {[]byte(deepJSON), "JSON nested more than 256 deep"},
	} {
		start := time.Now()
		_, err := Parse("https://deep.example/rss", tc.doc)
		took := time.Since(start)
		if err == nil || !errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: error %v", name, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "https://deep.example/rss: ") || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q, want one line naming the feed and %q", name, msg, tc.want)
		}
		if took > 2*time.Second {
			t.Errorf("%s: took %s", name, took)
		}
	}
	// At the limit, a document is read.
	ok := `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep but fine</title><item><title>t</title><description>` +
		strings.Repeat("<b>", MaxDepth-5) + `</description></item></channel></rss>`
	if _, err := Parse("ok", []byte(ok)); err != nil {
		t.Errorf("a document within the limits: %v", err)
	}
}

// BenchmarkNestedFeed parses the 20 MB nested feed of issue 9 and reports
// the heap it allocated. Run it with
//
//	go test -run '^$' -bench NestedFeed -benchmem ./ingest/feed
func BenchmarkNestedFeed(b *testing.B) {
	doc := nested(20<<20, "a")
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse("deep", doc); err == nil {
			b.Fatal("no error")
		}
	}
}

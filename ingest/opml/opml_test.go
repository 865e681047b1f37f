package opml

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/ingest/shareddata"
)

// TestParseNested checks folders become tags, categories are added, a feed
// listed twice is one subscription, and unsafe or missing URLs are skipped.
func TestParseNested(t *testing.T) {
	doc := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="News"><outline text="World"><outline type="rss" text="Wire" xmlUrl="https://wire.example/rss" category="/Daily,/Top/Stories"/></outline>
<outline type="rss" title="Local &amp; more" text="ignored" xmlUrl="http://local.example/feed"/></outline>
<outline text="Tech"><outline type="rss" text="Wire again" xmlUrl="https://wire.example/rss"/></outline>
<outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/><outline type="rss" text="None"/>
<outline type="rss" text="Top &#27;[31mlevel" xmlUrl="https://top.example/atom"/></body></opml>`
	got, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://wire.example/rss", Title: "Wire", Tags: []string{"News", "World", "Daily", "Top/Stories", "Tech"}},
		{URL: "http://local.example/feed", Title: "Local & more", Tags: []string{"News"}},
		{URL: "https://top.example/atom", Title: "Top [31mlevel"}, // the reference is dropped, never decoded to ESC,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestRoundTrip checks Write gives valid OPML 2.0 that parses back to the
// same subscriptions, and is deterministic.
func TestRoundTrip(t *testing.T) {
	subs := []Subscription{
		{URL: "https://a.example/feed", Title: "A <&> \"quoted\"", Tags: []string{"News", "World"}},
		{URL: "https://b.example/rss", Title: "B"},
		{URL: "https://c.example/atom", Title: "", Tags: []string{"News"}},
		{URL: "https://d.example/feed.json", Title: "D", Tags: []string{"Tech", "Go", "News"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, subs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`) || !strings.Contains(out, `<opml version="2.0">`) ||
		!strings.Contains(out, "<head>") || !strings.Contains(out, "<body>") {
		t.Errorf("not OPML 2.0:\n%s", out)
	}
	back, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// Parse lists feeds in document order: folder by folder.
	wantOrder := []Subscription{subs[0], subs[2], subs[1], subs[3]}
	wantOrder[1].Title = subs[2].URL // OPML requires text; the URL stands in
	if !reflect.DeepEqual(back, wantOrder) {
		t.Errorf("round trip:\n got %+v\nwant %+v\n%s", back, wantOrder, out)
	}
	var again bytes.Buffer
	_ = Write(&again, subs)
	if again.String() != out {
		t.Error("Write is not deterministic")
	}
}

// TestMalformed checks broken documents give one clear line.
func TestMalformed(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":     "",
		"not xml":   "hello",
		"rss":       `<rss version="2.0"><channel/></rss>`,
		"truncated": `<opml version="2.0"><body><outline text="a" xmlUrl="https://x/"`,
	} {
		_, err := Parse([]byte(doc))
		if err == nil || !errors.Is(err, ErrNotOPML) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// TestCorpus parses every OPML file under ../shared/data/feeds: none may
// panic or hang; the real exports give their feeds; the malformed one fails.
func TestCorpus(t *testing.T) {
	root := shareddata.Path(t, "feeds")
	files, ok, failed, feeds := 0, 0, 0, 0
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".opml" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Error(err)
			return nil
		}
		files++
		type result struct {
			subs []Subscription
			err  error
		}
		done := make(chan result, 1)
		go func() { s, err := Parse(data); done <- result{s, err} }()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Errorf("%s: Parse hung", path)
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		base := filepath.Base(path)
		switch {
		case r.err != nil:
			failed++
			t.Logf("%s: %v", rel, r.err)
		default:
			ok++
			feeds += len(r.subs)
		}
		for _, s := range r.subs {
			if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("%s: unsafe URL %q", rel, s.URL)
			}
		}
		switch base {
		case "malformed.opml", "notwellformed.opml":
			if r.err == nil {
				t.Errorf("%s: malformed file parsed", rel)
			}
		case "feedly.opml", "newsblur.opml", "top100.opml", "subscriptionList.opml":
			if len(r.subs) == 0 {
				t.Errorf("%s: no subscriptions (%v)", rel, r.err)
			}
		}
		if base == "feedly.opml" && (len(r.subs) == 0 || len(r.subs[0].Tags) == 0) {
			t.Errorf("%s: folders did not become tags: %+v", rel, r.subs)
		}
		return nil
	})
	t.Logf("%d OPML files: %d parsed (%d feeds), %d refused", files, ok, feeds, failed)
	if files == 0 {
		t.Error("no OPML files found")
	}
}

package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// `byline add` of a feed, or of a binary file, stored it as an article. Both
// are refused with one line, the feed pointing at `byline feed add`, and
// the store stays empty; a page still adds.
func TestAddRefusesFeedsAndBinaryFiles(t *testing.T) {
	srv := newFeedServer(t, 1, 3, 60, false)
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/photo":
			w.Header().Set("Content-Type", "text/html") // a server that says it is a page
			w.Write([]byte(png + strings.Repeat("\x00\x17", 400)))
		case "/report.pdf":
			w.Write([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
		case "/atom":
			w.Write([]byte(`<?xml version="1.0" encoding="utf-8"?>` + "\n<!-- news -->\n" +
				`<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>` +
				`<entry><title>Harbour</title><link href="https://x.example/1"/><content>The harbour reopened.</content></entry></feed>`))
		case "/feed.json":
			w.Write([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": [{"id": "1", "content_text": "The harbour reopened."}]}`))
		}
	}))
	t.Cleanup(files.Close)

	db := filepath.Join(t.TempDir(), "b.db")
	for _, tc := range []struct{ url, want string }{
		{srv.feedURL(0), "this is an RSS feed, not an article page: subscribe to it with byline feed add " + srv.feedURL(0)},
		{files.URL + "/atom", "this is an Atom feed, not an article page: subscribe to it with byline feed add"},
		{files.URL + "/feed.json", "this is a JSON feed, not an article page: subscribe to it with byline feed add"},
		{files.URL + "/photo", "this is a binary file (image/png), not an article page"},
		{files.URL + "/report.pdf", "this is a binary file (application/pdf), not an article page"},
	} {
		out, errs, code := byline(t, db, "add", tc.url)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("add %s: exit %d, stdout %q, stderr %q\nwant exit 1 and %q", tc.url, code, out, errs, tc.want)
		}
	}
	if out, _, _ := byline(t, db, "list", "--json"); strings.TrimSpace(out) != "" {
		t.Errorf("the store holds articles after refused adds: %s", out)
	}
	page := srv.URL + "/page/0/1"
	if out, errs, code := byline(t, db, "add", page); code != 0 || !strings.HasPrefix(out, "added ") {
		t.Errorf("add %s (a page): exit %d, stdout %q, stderr %q", page, code, out, errs)
	}
}

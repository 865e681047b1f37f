package main

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"

	"github.com/mmcdole/gofeed"
)

// notAnArticle says why a fetched body is not a page to extract an article
// from, or "" when it may be one. `byline add` once stored a feed, and an
// image, as an article of garbled text.
func notAnArticle(pageURL string, body []byte) string {
	if kind := feedKind(body); kind != "" {
		return fmt.Sprintf("this is %s, not an article page: subscribe to it with byline feed add %s", kind, pageURL)
	}
	ct := http.DetectContentType(body)
	if mt, _, err := mime.ParseMediaType(ct); err == nil && !bytes.HasPrefix([]byte(mt), []byte("text/")) {
		return fmt.Sprintf("this is a binary file (%s), not an article page", mt)
	}
	return ""
}

// feedKind names the feed format body is in, "" when it is not a feed.
func feedKind(body []byte) string {
	head := body[:min(len(body), 64<<10)]
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS:
		return "an RSS feed"
	case gofeed.FeedTypeAtom:
		return "an Atom feed"
	case gofeed.FeedTypeJSON:
		// Any JSON object counts for gofeed; a JSON Feed names its version.
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return "a JSON feed"
		}
	}
	return ""
}

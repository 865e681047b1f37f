package web

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/bylinehq/byline/ingest/safe"
)

// dateMeta are the <meta> names and properties (lower case) that carry a
// page's publish date, most specific first.
var dateMeta = []string{
	"article:published_time", "og:published_time", "og:article:published_time",
	"datepublished", "date", "pubdate", "publishdate", "publish-date",
	"publish_date", "published_time", "dc.date.issued", "dcterms.issued",
	"dc.date.created", "dcterms.created", "dc.date", "sailthru.date",
	"parsely-pub-date", "article.published", "article_date_original",
	"cxenseparse:recs:publishtime",
}

// dateLayouts are the date forms pages use in metadata, tried in order.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseDate reads s in one of dateLayouts and returns it in UTC; a date
// without a zone is taken as UTC. It returns the zero time for anything
// else, and for dates outside 1990–2100, which are typos or placeholders.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if y := t.Year(); y < 1990 || y > 2100 {
				return time.Time{}
			}
			return t.UTC()
		}
	}
	return time.Time{}
}

// pageMeta is what Extract reads from a page's markup itself rather than
// from the extractor: the canonical URL and the publish date.
type pageMeta struct {
	canonical string    // absolute http(s) URL from <link rel=canonical> or og:url, or ""
	published time.Time // from the meta tags; zero when they give no date
	timeTag   time.Time // from the first <time datetime>; zero when none
}

// readMeta reads the canonical URL and publish date from doc, resolving the
// canonical link against base. The date comes from the first dateMeta tag
// (or itemprop="datePublished") that parses; the first <time datetime> in
// the article (or the page) gives timeTag.
func readMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var ogURL string
	dates := map[string]string{}
	var itemprop string
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = resolve(attr(n, "href"), base)
				}
			case atom.Meta:
				content := attr(n, "content")
				if content == "" {
					break
				}
				for _, key := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
					key = strings.ToLower(strings.TrimSpace(key))
					switch {
					case key == "":
					case key == "og:url":
						if ogURL == "" {
							ogURL = resolve(content, base)
						}
					default:
						if _, seen := dates[key]; !seen {
							dates[key] = content
						}
					}
				}
			case atom.Script, atom.Style, atom.Template:
				continue
			}
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && itemprop == "" {
				itemprop = strings.TrimSpace(attr(n, "datetime") + " " + attr(n, "content"))
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if m.canonical == "" {
		m.canonical = ogURL
	}
	for _, key := range dateMeta {
		if t := parseDate(dates[key]); !t.IsZero() {
			m.published = t
			break
		}
	}
	if m.published.IsZero() {
		m.published = parseDate(itemprop)
	}
	scope := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	if scope == nil {
		scope = doc
	}
	if tm := find(scope, func(n *html.Node) bool { return n.DataAtom == atom.Time && attr(n, "datetime") != "" }); tm != nil {
		m.timeTag = parseDate(attr(tm, "datetime"))
	}
	return m
}

// resolve returns ref resolved against base when the result is an http(s)
// URL, or "".
func resolve(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return safe.URL(u.String(), nil)
}

// attr returns attribute key of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

package web

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/bylinehq/byline/ingest/safe"
)

// pageMeta is what Extract reads from a page's markup itself rather than
// from the extractor: the canonical URL.
type pageMeta struct {
	canonical string // absolute http(s) URL from <link rel=canonical> or og:url, or ""
}

// readMeta reads the canonical URL from doc, resolving it against base:
// <link rel=canonical>, else og:url. The publish date is findPublished's.
func readMeta(doc *html.Node, base *url.URL) pageMeta {
	var m pageMeta
	var ogURL string
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
				if ogURL == "" && strings.EqualFold(strings.TrimSpace(attr(n, "property")), "og:url") {
					ogURL = resolve(attr(n, "content"), base)
				}
			case atom.Script, atom.Style, atom.Template:
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if m.canonical == "" {
		m.canonical = ogURL
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

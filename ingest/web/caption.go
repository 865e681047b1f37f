package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/bylinehq/byline/ingest/safe"
)

// maxCaption is the longest caption kept, in bytes; a longer "caption" is a
// page's prose that happens to sit in a figure.
const maxCaption = 600

// leadCaption returns the caption of the page's lead image: the figcaption of
// the first figure that holds an image, looked for inside <article> (or
// <main>) when the page has one, since figures elsewhere belong to teasers and
// adverts. It returns "" when there is none.
func leadCaption(doc *html.Node) string {
	scope := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	if scope == nil {
		scope = find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main })
	}
	if scope == nil {
		scope = doc
	}
	fig := find(scope, func(n *html.Node) bool {
		return n.DataAtom == atom.Figure &&
			find(n, func(m *html.Node) bool { return m.DataAtom == atom.Img || m.DataAtom == atom.Picture }) != nil
	})
	if fig == nil {
		return ""
	}
	cap := find(fig, func(n *html.Node) bool { return n.DataAtom == atom.Figcaption })
	if cap == nil {
		return ""
	}
	text := safe.Line(textOf(cap))
	if len(text) > maxCaption {
		return ""
	}
	return text
}

// find returns the first element under n, in document order, that match
// accepts, or nil. It walks with an explicit stack so that a hostile page's
// nesting cannot recurse without bound.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if m != n && m.Type == html.ElementNode && match(m) {
			return m
		}
		for c := m.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return nil
}

// textOf returns the text under n, with a space between elements.
func textOf(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case m.Type == html.TextNode:
			b.WriteString(m.Data)
		case m.Type == html.ElementNode && (m.DataAtom == atom.Script || m.DataAtom == atom.Style):
			continue
		case m.Type == html.ElementNode:
			b.WriteByte(' ')
		}
		for c := m.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

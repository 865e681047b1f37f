package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nearTitle returns the short texts around the article's heading, where a
// page shows its date whatever its markup calls it ("기사입력 : 2018-08-25",
// "publiziert am 30. Juli 2018"): the texts after the heading first, nearest
// first, then those just before it. The heading is the first <h1> of the
// article (or page), else the first element named like a title.
// The heading is found by titleHeading.
func nearTitle(doc *html.Node) []string {
	const after, before, maxLen = 30, 8, 120
	heading := titleHeading(doc)
	if heading == nil {
		return nil
	}
	var prior, next []string
	inside := false
	type frame struct {
		n    *html.Node
		exit bool
	}
	stack := []frame{{n: doc}}
	for len(stack) > 0 && len(next) < after {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			inside = false
			continue
		}
		switch n.Type {
		case html.TextNode:
			t := strings.Join(strings.Fields(n.Data), " ")
			switch {
			case t == "" || inside:
			case next != nil:
				if len(t) <= maxLen {
					next = append(next, t)
				}
			case len(t) <= maxLen:
				prior = append(prior, t)
				if len(prior) > before {
					prior = prior[1:]
				}
			}
			continue
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Head, atom.Figure, atom.Figcaption:
				continue
			}
			if strings.Contains(strings.ToLower(attr(n, "class")), "caption") {
				continue // a photo's date, not the article's
			}
		}
		if n == heading {
			inside = true
			next = []string{}
			stack = append(stack, frame{n: n, exit: true})
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
	for i := len(prior) - 1; i >= 0; i-- {
		next = append(next, prior[i])
	}
	return next
}

// titleHeading returns the element that shows the article's title: the
// first <h1>, <h2> or element named like a title whose text the page's
// <title> (or og:title) holds, else the first <h1>, or nil.
func titleHeading(doc *html.Node) *html.Node {
	var title string
	if n := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:title")
	}); n != nil {
		title = attr(n, "content")
	}
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); n != nil {
		title += " " + shortText(n, 600)
	}
	title = strings.ToLower(strings.Join(strings.Fields(title), " "))
	body := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return nil
	}
	if title != "" {
		if h := find(body, func(n *html.Node) bool {
			if n.Type != html.ElementNode {
				return false
			}
			if n.DataAtom != atom.H1 && n.DataAtom != atom.H2 &&
				!containsAny(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), "title", "headline", "titulo", "titel") {
				return false
			}
			t := strings.ToLower(shortText(n, 300))
			return len(t) >= 10 && strings.Contains(title, t)
		}); h != nil {
			return h
		}
	}
	return find(body, func(n *html.Node) bool { return n.DataAtom == atom.H1 })
}

package web

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// furniture are elements that hold no article prose. The lead image's
// caption travels in Article.Caption and the body carries no images, as it
// did when go-trafilatura extracted it.
var furniture = map[atom.Atom]bool{
	atom.Figure: true, atom.Figcaption: true, atom.Img: true, atom.Picture: true,
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Time: true,
	atom.Button: true, atom.Form: true, atom.Iframe: true, atom.Noscript: true,
}

// boilerplateRE matches the class or id of page furniture that readability
// keeps when it sits inside the article's container: share bars, related
// links, captions, bylines and datelines, tag lists, adverts, sign-up boxes,
// comments, screen-reader-only text. trafilatura's cleaning drops the same
// kinds of element.
var boilerplateRE = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:share|sharing|social|related|recommend\w*|more-?stories|read-?more|newsletter|signup|sign-up|subscribe|subscription|promo|advert\w*|ads?|sponsor\w*|outbrain|taboola|breadcrumbs?|tags?|tag-?list|byline|author-?(?:bio|info|box)|dateline|timestamp|published|caption|credits?|gallery|slideshow|carousel|comments?|disqus|popular|trending|sidebar|toolbar|print|skip|visually-?hidden|sr-only)(?:$|[\s_-])`)

// textLens is the length of the text under each element, and how much of it
// sits inside links.
type textLens map[*html.Node][2]int

// clean removes page furniture from n, readability's article container: the
// elements in furniture, link lists (blocks whose text is mostly links, such
// as "more stories"), and elements whose class or id names boilerplate —
// unless such an element holds a third of the article or more, for then it
// is the article, wrapped by a template that names things oddly.
func clean(n *html.Node) {
	lens := measure(n)
	total := lens[n][0]
	stack := []*html.Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := m.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if furniture[c.DataAtom] || isLinkBlock(c, lens) || isBoilerplate(c) && 3*lens[c][0] < total {
					m.RemoveChild(c)
				} else {
					stack = append(stack, c)
				}
			}
			c = next
		}
	}
}

// measure computes the text lengths of every element under n, in one
// post-order walk with an explicit stack, so a deeply nested page costs no
// more than a flat one.
func measure(n *html.Node) textLens {
	lens := textLens{}
	type frame struct {
		n    *html.Node
		done bool
	}
	stack := []frame{{n: n}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !f.done {
			stack = append(stack, frame{n: f.n, done: true})
			for c := f.n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					stack = append(stack, frame{n: c})
				}
			}
			continue
		}
		var total, linked int
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += len(strings.TrimSpace(c.Data))
			case html.ElementNode:
				l := lens[c]
				total += l[0]
				if c.DataAtom == atom.A {
					linked += l[0]
				} else {
					linked += l[1]
				}
			}
		}
		lens[f.n] = [2]int{total, linked}
	}
	return lens
}

// isBoilerplate reports whether n's class or id names page furniture, or n
// is hidden.
func isBoilerplate(n *html.Node) bool {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	if s := attr(n, "class") + " " + attr(n, "id"); strings.TrimSpace(s) != "" && boilerplateRE.MatchString(s) {
		return true
	}
	return hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true")
}

// isLinkBlock reports whether n is a list, or a short block, whose text is
// mostly link text: a menu, a tag list, a "you may also like" box.
func isLinkBlock(n *html.Node, lens textLens) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Div, atom.Section, atom.P, atom.Table:
	default:
		return false
	}
	l := lens[n]
	if l[0] == 0 {
		return false
	}
	return 2*l[1] > l[0] && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol || l[0] < 1000)
}

// hasAttr reports whether n has attribute key, whatever its value.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

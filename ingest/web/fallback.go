package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The recall fallback, after trafilatura's: readability sometimes settles on
// the wrong container (a comment thread, one section of a long piece, a
// teaser) or on too little text, and trafilatura then runs a second,
// simpler extractor and keeps whichever result holds more of the page's
// prose. Here the second pass is paragraph density: the element under which
// most paragraph text sits (a paragraph counting fully for its parent and
// half for its grandparent, as readability scores), cleaned as readability's
// result is.

// minParagraph is the shortest text (in bytes, outside links) that counts
// as a paragraph of prose rather than a label or a link.
const minParagraph = 25

// shortArticle is a body length (bytes of text) under which readability's
// result is always checked against the second pass.
const shortArticle = 200

// fallbackRatio: readability's result is checked when it holds less than this
// share of the text under the densest element.
const fallbackRatio = 0.6

// proseBlock is the element that holds most of a page's paragraph text.
type proseBlock struct {
	node *html.Node
	text int // bytes of paragraph text under node
}

// densestBlock finds the element under which most paragraph text sits,
// leaving out navigation, asides, hidden elements and elements named like
// page furniture (offTopic).
func densestBlock(doc *html.Node) proseBlock {
	score := map[*html.Node]float64{}
	under := map[*html.Node]int{}
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Nav, atom.Aside, atom.Footer, atom.Script, atom.Style,
				atom.Noscript, atom.Template, atom.Head, atom.Figure, atom.Button, atom.Select:
				continue
			case atom.P, atom.Pre, atom.Blockquote:
				if hiddenByStyle(n) || hasAttr(n, "hidden") {
					continue
				}
				if t := proseLen(n); t >= minParagraph {
					credit(n, t, score, under)
				}
				continue
			}
			if offTopic(n) || hiddenByStyle(n) {
				continue
			}
			if n.DataAtom == atom.Div || n.DataAtom == atom.Td || n.DataAtom == atom.Section {
				// Text written straight into a container, lines split by
				// <br>, as older pages do.
				if t := looseTextLen(n); t >= 4*minParagraph {
					credit(n.FirstChild, t, score, under)
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	var best proseBlock
	var bestScore float64
	for n, s := range score {
		if s > bestScore {
			best, bestScore = proseBlock{node: n, text: under[n]}, s
		}
	}
	return best
}

// credit gives paragraph p's text length t to its parent and half to its
// grandparent, and counts it under both.
func credit(p *html.Node, t int, score map[*html.Node]float64, under map[*html.Node]int) {
	if parent := p.Parent; parent != nil {
		score[parent] += float64(t)
		under[parent] += t
		if grand := parent.Parent; grand != nil && grand.Type == html.ElementNode {
			score[grand] += float64(t) / 2
			under[grand] += t
		}
	}
}

// proseLen is the length of n's text outside links, or 0 when links hold
// most of it (a list of headlines set as paragraphs).
func proseLen(n *html.Node) int {
	var total, linked int
	stack := []*html.Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if m.Type == html.TextNode {
			l := len(strings.TrimSpace(m.Data))
			total += l
			for a := m.Parent; a != nil && a != n.Parent; a = a.Parent {
				if a.DataAtom == atom.A {
					linked += l
					break
				}
			}
			continue
		}
		if m.Type == html.ElementNode && (m.DataAtom == atom.Script || m.DataAtom == atom.Style) {
			continue
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	if 2*linked > total {
		return 0
	}
	return total - linked
}

// looseTextLen is the length of the text nodes directly under n.
func looseTextLen(n *html.Node) int {
	t := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			t += len(strings.TrimSpace(c.Data))
		}
	}
	return t
}

// textLen is the length of the text under n, as clean measures it.
func textLen(n *html.Node) int { return measure(n)[n][0] }

// secondPass extracts the page's densest block, cleaned, from a fresh parse
// of page (readability has rewritten the first). It returns nil when the
// page has no block of prose.
func secondPass(page []byte) (*html.Node, int) {
	doc, err := html.Parse(utf8Reader(page))
	if err != nil {
		return nil, 0
	}
	b := densestBlock(doc)
	if b.node == nil {
		return nil, 0
	}
	removeHidden(b.node)
	clean(b.node)
	return b.node, textLen(b.node)
}

// needsFallback reports whether readability's body, of got bytes of text,
// is short enough beside the page's densest block (of block bytes) that
// the second pass should be tried.
func needsFallback(got, block int) bool {
	return got < shortArticle || float64(got) < fallbackRatio*float64(block)
}

// hiddenByStyle reports whether n's inline style hides it.
func hiddenByStyle(n *html.Node) bool {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// offTopic reports whether n's class or id names a part of the page that
// holds prose that is not the article's: comments, related stories,
// sidebars. It is narrower than clean's list, which judges elements inside
// an article, because here a whole page is searched and a wrapper called
// "non-ad-column" or "page-ad-margins" holds the article itself.
func offTopic(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Body, atom.Html, atom.Article, atom.Main:
		return false
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	name := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return containsAny(name, "comment", "related", "sidebar", "footer", "newsletter", "recommend", "share", "promo", "teaser", "cookie", "consent")
}

// removeHidden drops the elements under n that an inline style hides
// (readability drops them too; clean reads only classes and attributes).
func removeHidden(n *html.Node) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := m.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if hiddenByStyle(c) {
					m.RemoveChild(c)
				} else {
					stack = append(stack, c)
				}
			}
			c = next
		}
	}
}

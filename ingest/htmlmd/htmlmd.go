// Package htmlmd converts untrusted HTML (a feed item's content, an extracted
// web article) into the hardened Markdown paragraphs of a byline article
// body. Links keep their text and, when they point somewhere a reader can
// safely go (http, https, mailto), their target; scripts, forms and embeds
// are dropped; and the DOM is flattened below a fixed depth, so a page of ten
// thousand nested lists costs no more than a flat one.
package htmlmd

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/bylinehq/byline/ingest/safe"
)

// maxDepth is how deep the DOM may nest before a subtree is replaced by its
// plain text. Real articles nest a few dozen levels at most.
const maxDepth = 64

// dropped are elements whose content is never article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Form: true, atom.Button: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Svg: true,
	atom.Math: true, atom.Template: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Head: true, atom.Title: true, atom.Link: true, atom.Meta: true,
}

// newConverter builds the HTML→Markdown converter: CommonMark, GitHub
// tables and strikethrough, links without a target rendered as their text.
func newConverter() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithLinkEmptyHrefBehavior(commonmark.LinkBehaviorSkip),
			commonmark.WithLinkEmptyContentBehavior(commonmark.LinkBehaviorSkip),
		),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(),
	))
}

// Convert turns the HTML tree n into hardened Markdown paragraphs. Relative
// links and images resolve against base (nil for none). n is modified: unsafe
// links lose their target and dropped elements are removed.
func Convert(n *html.Node, base *url.URL) (paragraphs []string, err error) {
	defer func() {
		// The converter is third-party code run on hostile input; a panic
		// there must cost one article, not the import.
		if r := recover(); r != nil {
			paragraphs, err = nil, fmt.Errorf("convert HTML to Markdown: %v", r)
		}
	}()
	prepare(n, base, 0)
	md, err := newConverter().ConvertNode(n)
	if err != nil {
		return nil, fmt.Errorf("convert HTML to Markdown: %w", err)
	}
	return safe.MarkdownParagraphs(string(md)), nil
}

// String parses s as an HTML fragment (a feed's description or content) and
// converts it like Convert.
func String(s string, base *url.URL) ([]string, error) {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	for _, c := range nodes {
		ctx.AppendChild(c)
	}
	return Convert(ctx, base)
}

// prepare walks the tree once before conversion: it removes dropped
// elements and comments, makes link and image targets absolute and safe (or
// removes them), and flattens anything nested deeper than maxDepth.
func prepare(n *html.Node, base *url.URL, depth int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode, c.Type == html.ElementNode && dropped[c.DataAtom]:
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			switch c.DataAtom {
			case atom.A:
				setURL(c, "href", base)
			case atom.Img:
				if setURL(c, "src", base) == "" || strings.HasPrefix(getAttr(c, "src"), "mailto:") {
					n.RemoveChild(c)
					c = next
					continue
				}
			}
			if depth >= maxDepth {
				flatten(c)
			} else {
				prepare(c, base, depth+1)
			}
		}
		c = next
	}
}

// setURL replaces attribute key of n with its safe absolute form, removing it
// (and returning "") when the target is not safe to follow.
func setURL(n *html.Node, key string, base *url.URL) string {
	kept := n.Attr[:0]
	v := ""
	for _, a := range n.Attr {
		if a.Key == key {
			if v = safe.URL(a.Val, base); v == "" {
				continue
			}
			a.Val = v
		}
		kept = append(kept, a)
	}
	n.Attr = kept
	return v
}

// getAttr returns attribute key of n, or "".
func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// flatten replaces n's children with one text node holding their text.
func flatten(n *html.Node) {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !dropped[c.DataAtom]:
				walk(c)
				b.WriteByte(' ')
			}
		}
	}
	walk(n)
	for n.FirstChild != nil {
		n.RemoveChild(n.FirstChild)
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: b.String()})
}

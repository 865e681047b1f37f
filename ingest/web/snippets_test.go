package web

import (
	"bytes"
	"hash/fnv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file builds the snippets of the held-out style evaluation
// (eval_corpus_test.go), an approximation of trafilatura's: for each page a
// handful of text snippets that must appear in the extracted body and a
// handful that must not.
//
//   - must appear: sentences of the ground-truth body (the scrapinghub
//     articleBody, or the text of Readability.js's expected.html) of at
//     least snippetMin tokens, cut to their first snippetMax tokens; up to
//     snippetsPerPage of them, spread evenly through the body.
//   - must not appear: text blocks of the source page (the text between two
//     block-level tags, outside <head>, scripts and styles) of at least
//     boilerMin tokens that share no 4-token shingle with the ground truth
//     and are not inside it; up to snippetsPerPage of them, spread evenly
//     through the page. They are menus, bylines, captions, related links,
//     footers, comments: whatever the page shows that the reference leaves
//     out.
//
// Text is compared as lower-case \w+ tokens joined by one space, so Markdown
// markup, punctuation and whitespace do not count. A snippet is kept when
// its token string occurs in the body's token string.
const (
	snippetsPerPage = 8
	snippetMin      = 6
	snippetMax      = 14
	boilerMin       = 4
)

// tokenText is text as lower-case \w+ tokens joined by single spaces,
// framed by spaces so a Contains test matches whole tokens.
func tokenText(s string) string {
	toks := tokenRE.FindAllString(strings.ToLower(s), -1)
	return " " + strings.Join(toks, " ") + " "
}

// mustAppear returns the must-appear snippets of a ground-truth body.
func mustAppear(truth string) []string {
	var cands []string
	for _, sent := range sentences(truth) {
		toks := tokenRE.FindAllString(strings.ToLower(sent), -1)
		if len(toks) < snippetMin {
			continue
		}
		if len(toks) > snippetMax {
			toks = toks[:snippetMax]
		}
		cands = append(cands, " "+strings.Join(toks, " ")+" ")
	}
	return spread(dedupe(cands), snippetsPerPage)
}

// sentences splits text at line breaks and after ". ", "! ", "? ".
func sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		start := 0
		for i := 0; i+1 < len(line); i++ {
			if (line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i+1] == ' ' {
				out = append(out, line[start:i+1])
				start = i + 2
			}
		}
		out = append(out, line[start:])
	}
	return out
}

// mustNotAppear returns the must-not-appear snippets of a page: its text
// blocks that have nothing in common with the ground truth.
func mustNotAppear(page []byte, truth string) []string {
	doc, err := html.Parse(utf8Reader(page))
	if err != nil {
		return nil
	}
	tt := tokenText(truth)
	truthSh := shingles(truth)
	var cands []string
	for _, b := range textBlocks(doc) {
		tb := tokenText(b)
		if len(strings.Fields(tb)) < boilerMin || strings.Contains(tt, tb) {
			continue
		}
		shared := false
		for k := range shingles(b) {
			if truthSh[k] > 0 && strings.Count(k, "\x00") == 3 {
				shared = true
				break
			}
		}
		if !shared {
			cands = append(cands, tb)
		}
	}
	return spread(dedupe(cands), snippetsPerPage)
}

// inline are the elements that do not break a text block.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Span: true, atom.B: true, atom.I: true, atom.Em: true,
	atom.Strong: true, atom.Small: true, atom.Sup: true, atom.Sub: true,
	atom.Abbr: true, atom.Time: true, atom.Code: true, atom.Font: true,
	atom.U: true, atom.S: true, atom.Mark: true, atom.Cite: true, atom.Q: true,
	atom.Label: true,
}

// textBlocks returns the visible text of doc cut at block-level tags.
func textBlocks(doc *html.Node) []string {
	var blocks []string
	var cur bytes.Buffer
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			blocks = append(blocks, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			}
		}
		block := n.Type == html.ElementNode && !inline[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(doc)
	return blocks
}

// htmlText is the text of an HTML fragment, blocks on their own lines.
func htmlText(page []byte) string {
	doc, err := html.Parse(utf8Reader(page))
	if err != nil {
		return ""
	}
	return strings.Join(textBlocks(doc), "\n")
}

// dedupe drops repeated strings, keeping the first.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// spread picks n items evenly spaced through ss (all when there are fewer).
func spread(ss []string, n int) []string {
	if len(ss) <= n {
		return ss
	}
	out := make([]string, n)
	for i := range n {
		out[i] = ss[i*len(ss)/n]
	}
	return out
}

// devSplit reports whether a page belongs to the development half, on which
// rules are tuned; the other half is reported as held out.
func devSplit(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 0
}

// Package web extracts the article from a web page: the body (found by
// go-readability, a port of Mozilla's Readability that costs next to nothing
// at start-up, then cleared of share bars, link lists and captions) converted
// to Markdown, with its title, author, publish date and lead image caption. Like the rest of ingest it is a pure function of the
// bytes handed to it: it never fetches anything, and every field it returns
// has been sanitised after every decoding step.
package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/bylinehq/byline/ingest/htmlmd"
	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
)

// MaxPageSize is the largest page Extract reads (20 MB). News pages are a
// few hundred kilobytes; the limit keeps one bad response from eating memory.
const MaxPageSize = 20 << 20

// ErrNoArticle means the page holds no text that reads like an article: an
// index page, a login wall, an image gallery.
var ErrNoArticle = errors.New("no article text found")

// Error is the error for one page: "page: problem" on one line.
type Error struct {
	Page string // the page's URL or file name, as the caller gave it
	Err  error  // ErrNoArticle or what went wrong
}

// Error returns the one-line message.
func (e *Error) Error() string { return safe.Line(e.Page) + ": " + safe.Line(e.Err.Error()) }

// Unwrap exposes the cause for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// Extract finds the article in page, an HTML document fetched from (or saved
// from) pageURL. pageURL may be empty or a file name; when it is an http(s)
// URL, relative links resolve against it and it becomes the article's URL
// unless the page names its own canonical one. The body is Markdown
// (model.FormatMarkdown) whose links point only at http, https or mailto
// targets. Errors name pageURL on one line.
func Extract(pageURL string, page []byte) (a model.Article, err error) {
	name := safe.Line(pageURL)
	if name == "" {
		name = "page"
	}
	defer func() {
		// Extraction is a large body of third-party heuristics run on
		// hostile input: a panic there fails one page, not the run.
		if r := recover(); r != nil {
			a, err = model.Article{}, &Error{Page: name, Err: fmt.Errorf("extraction failed: %v", r)}
		}
	}()
	if len(page) > MaxPageSize {
		return model.Article{}, &Error{Page: name, Err: fmt.Errorf("page over the %d MB limit", MaxPageSize>>20)}
	}
	doc, err := html.Parse(utf8Reader(page))
	if err != nil {
		return model.Article{}, &Error{Page: name, Err: fmt.Errorf("parse HTML: %w", err)}
	}
	if n := countElems(doc, maxElems+1); n > maxElems {
		return model.Article{}, &Error{Page: name, Err: fmt.Errorf("page has over %d elements", maxElems)}
	}
	base := baseURL(pageURL)
	caption := leadCaption(doc)
	meta := readMeta(doc, base)
	pubDate := findPublished(doc, pageURL, meta.canonical)
	block := densestBlock(doc).text // before readability rewrites the tree
	parser := readability.NewParser()
	parser.KeepClasses = true // clean reads them
	res, err := parser.ParseAndMutate(doc, base)
	if meta.canonical != "" {
		base, _ = url.Parse(meta.canonical)
	}
	body, got := (*html.Node)(nil), 0
	if err == nil && res.Node != nil {
		body = res.Node
		clean(body)
		got = textLen(body)
	}
	// The recall fallback (fallback.go): when readability kept little of
	// the page's prose, a second pass by paragraph density, kept when it
	// holds clearly more text.
	if needsFallback(got, block) {
		if alt, n := secondPass(page); alt != nil && n > got+got/4 {
			body = alt
		}
	}
	if body == nil {
		return model.Article{}, &Error{Page: name, Err: ErrNoArticle}
	}
	paras, err := htmlmd.Convert(body, base)
	if err != nil {
		return model.Article{}, &Error{Page: name, Err: err}
	}
	// The date: the page's own markup first (findPublished, read before
	// readability changed the tree), then whatever readability found.
	published := pubDate
	if published.IsZero() {
		if t, err := res.PublishedTime(); err == nil && res.Node != nil && plausible(t, time.Now()) {
			published = t
		}
	}
	a = model.Article{
		Title:     safe.Line(res.Title()),
		Author:    safe.Line(res.Byline()),
		Published: published.UTC(),
		Caption:   caption,
		Format:    model.FormatMarkdown,
	}
	if base != nil {
		a.URL = safe.URL(base.String(), nil)
	}
	a.Paragraphs = dropRepeats(paras, a.Title, caption)
	if len(a.Paragraphs) == 0 {
		return model.Article{}, &Error{Page: name, Err: ErrNoArticle}
	}
	if a.Title == "" {
		a.Title = firstWords(a.Paragraphs[0])
	}
	return a, nil
}

// maxElems is the most elements a page may hold before Extract gives up on
// it; readability's scoring is quadratic in places, and real news pages
// hold a few thousand.
const maxElems = 100_000

// utf8Reader returns page as UTF-8; the HTML parser assumes it. A page that
// is valid UTF-8 is taken as such whatever it declares (real pages are often
// mislabelled, and Latin-1 text is almost never valid UTF-8 by accident);
// otherwise its byte-order mark or <meta charset> decides, and Windows-1252
// when it has neither, as browsers do.
func utf8Reader(page []byte) *bytes.Reader {
	if utf8.Valid(page) {
		return bytes.NewReader(page)
	}
	enc, _, _ := charset.DetermineEncoding(page, "")
	if out, err := enc.NewDecoder().Bytes(page); err == nil {
		return bytes.NewReader(out)
	}
	return bytes.NewReader(page)
}

// baseURL returns pageURL parsed when it is an absolute http(s) URL.
func baseURL(pageURL string) *url.URL {
	if safe.URL(pageURL, nil) == "" || strings.HasPrefix(strings.ToLower(pageURL), "mailto:") {
		return nil
	}
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		return nil
	}
	return u
}

// dropRepeats removes a leading paragraph that only repeats the title (as a
// heading or not) and any paragraph that is exactly the lead caption, which
// Article carries on its own.
func dropRepeats(paras []string, title, caption string) []string {
	if len(paras) > 0 && title != "" && strings.EqualFold(strings.TrimSpace(strings.TrimLeft(paras[0], "# ")), title) {
		paras = paras[1:]
	}
	if caption == "" {
		return paras
	}
	kept := paras[:0:0]
	for _, p := range paras {
		if strings.TrimSpace(strings.Trim(p, "*_")) != caption {
			kept = append(kept, p)
		}
	}
	return kept
}

// firstWords makes a title from a body paragraph when the page has none.
func firstWords(p string) string {
	words := strings.Fields(strings.Trim(p, "#*_> "))
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + "…"
	}
	return strings.Join(words, " ")
}

// countElems counts the elements under n, stopping at limit.
func countElems(n *html.Node, limit int) int {
	count := 0
	stack := []*html.Node{n}
	for len(stack) > 0 && count < limit {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if m.Type == html.ElementNode {
			count++
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return count
}

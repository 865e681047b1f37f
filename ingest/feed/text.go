package feed

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/bylinehq/byline/ingest/htmlmd"
	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
)

// summaryLength is the length, in runes of visible text, below which an item
// without full content counts as a summary. Feeds that carry whole articles
// in <description> run to thousands of characters; teasers to one or two
// sentences, and 500 sits well between.
const summaryLength = 500

// looksHTML matches a tag or an entity, the marks of HTML text.
var looksHTML = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z])|&(?:[a-zA-Z]+|#[0-9]+|#[xX][0-9a-fA-F]+);`)
}) // compiled at first use, not at every start

// truncated matches the endings of a cut-off teaser: an ellipsis (bare or
// bracketed) or a "read more" link text.
var truncated = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|weiterlesen|lire la suite|leer más)\W*$`)
}) // compiled at first use, not at every start

// plainLine reads a title, author or other one-line field: sanitised, then
// read as HTML (feeds escape markup and entities in titles once or twice, and
// tags in a title are never wanted), then sanitised again, on one line.
func plainLine(s string) string {
	s = safe.Text(s)
	if looksHTML().MatchString(s) {
		s = safe.Text(htmlText(s))
	}
	return idLine(s)
}

// idLine is a one-line field that is not read as HTML (a GUID): sanitised,
// with numeric references to control characters removed, so no later
// decoding by any reader of the store can turn them into ESC.
func idLine(s string) string {
	return safe.Line(safe.NeutralizeCharRefs(safe.Text(s)))
}

// htmlText returns the text of an HTML fragment, entities decoded, without
// the content of scripts and style sheets.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if !skip {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if tag := string(name); tag == "script" || tag == "style" {
				skip = z.Token().Type == html.StartTagToken
			}
			b.WriteByte(' ')
		}
	}
}

// bodyParagraphs converts an item's body: HTML to hardened Markdown, plain
// text to sanitised plain paragraphs split at blank lines.
func bodyParagraphs(body string, base *url.URL) (model.Format, []string) {
	body = safe.Text(body)
	if body == "" {
		return model.FormatText, nil
	}
	if looksHTML().MatchString(body) {
		if paras, err := htmlmd.String(body, base); err == nil {
			return model.FormatMarkdown, paras
		}
		// HTML the parser refuses (nested too deep): keep its text.
		body = safe.Text(htmlText(body))
	}
	var paras []string
	for _, p := range strings.Split(body, "\n\n") {
		if p = safe.Line(p); p != "" {
			paras = append(paras, p)
		}
	}
	return model.FormatText, paras
}

// isSummary decides whether an item carries only a teaser. An item with full
// content (content:encoded, Atom content, JSON Feed content) is whole unless
// that content is itself short and cut off. An item with only a description
// is a summary when the description is short or ends cut off.
func isSummary(content, description string) bool {
	text := content
	if text == "" {
		text = description
	}
	visible := strings.TrimSpace(safe.Line(htmlText(safe.Text(text))))
	n := utf8.RuneCountInString(visible)
	cut := truncated().MatchString(visible)
	if content != "" {
		return cut && n < 2*summaryLength
	}
	return n < summaryLength || cut
}

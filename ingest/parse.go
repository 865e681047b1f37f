// Package ingest turns raw article bytes into a model.Article: plain text
// (including the format byline was seeded with), Markdown, and the files and
// folders they come in.
//
// Every byte it reads is untrusted. Before any structure is looked for, the
// text is decoded (UTF-16 with a BOM, otherwise UTF-8 with bad bytes repaired
// to U+FFFD), line endings are normalised, terminal escape sequences are cut
// out whole and every remaining control character is removed, so a field can
// never move the cursor, retitle the terminal or write the clipboard. Parsing
// is a pure function of the bytes and never panics; only ReadFile and Files
// touch the file system.
package ingest

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/ingest/web"
	"github.com/bylinehq/byline/model"
)

// MaxFileSize is the largest article file byline reads (10 MB). Real articles
// are a few kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 10 << 20

// maxTitle is the longest title, in runes, taken from a line as it is. A
// longer first line is prose, not a headline: it stays in the body and the
// title is a shortened copy.
const maxTitle = 200

// Parse parses one article. name (a path) picks the format by extension
// (.md, .markdown → Markdown; .html, .htm → a saved web page, whose article
// package web extracts; anything else → plain text, where the seed
// format's caption, credit and publish date are recognised automatically)
// and appears in every error. Article.Source is name, sanitised onto one
// line like every other field, since the list draws it.
//
// Errors are *FileError values wrapping ErrEmpty, ErrBinary or ErrTooLarge.
func Parse(name string, data []byte) (model.Article, error) {
	if len(data) > MaxFileSize {
		return model.Article{}, tooLarge(name, int64(len(data)))
	}
	data = decode(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return model.Article{}, fileError(name, ErrEmpty, "")
	}
	if isBinary(data) {
		return model.Article{}, fileError(name, ErrBinary, "")
	}
	text := cleanText(data)
	if strings.TrimSpace(text) == "" {
		return model.Article{}, fileError(name, ErrEmpty, "empty file (no readable text)")
	}

	if isHTML(name) {
		return parseHTML(name, data)
	}
	var a model.Article
	if isMarkdown(name) {
		a = parseMarkdown(text)
	} else {
		a = parseText(text)
	}
	a.Source = singleLine(name)
	finish(&a)
	if strings.TrimSpace(a.Title) == "" {
		// Only metadata, such as a lone publish line. A title is what the
		// list shows, so refuse rather than store an invisible row.
		return model.Article{}, fileError(name, ErrEmpty, "empty file (no article text)")
	}
	return a, nil
}

// isMarkdown reports whether name's extension marks a Markdown file.
func isMarkdown(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// isHTML reports whether name's extension marks a saved web page.
func isHTML(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	}
	return false
}

// parseHTML extracts the article from a saved web page. Its title, author,
// date, lead image caption and canonical URL come from the page; Source is
// the file, like every imported file's.
func parseHTML(name string, data []byte) (model.Article, error) {
	a, err := web.Extract("", data)
	if err != nil {
		var we *web.Error
		if errors.As(err, &we) {
			err = we.Err
		}
		if errors.Is(err, web.ErrNoArticle) {
			return model.Article{}, fileError(name, ErrEmpty, "no article text found in the page")
		}
		return model.Article{}, fileError(name, err, "")
	}
	a.Source = singleLine(name)
	finish(&a)
	if strings.TrimSpace(a.Title) == "" || len(a.Paragraphs) == 0 {
		return model.Article{}, fileError(name, ErrEmpty, "no article text found in the page")
	}
	return a, nil
}

// finish sanitises every field once more, whatever the parser did: HTML
// entities in a Markdown title, for one, can decode to control characters.
// Fields that are drawn on one line lose newlines and tabs here too.
func finish(a *model.Article) {
	a.Title = singleLine(a.Title)
	a.Caption = singleLine(a.Caption)
	a.Credit = singleLine(a.Credit)
	a.URL = singleLine(a.URL)
	kept := a.Paragraphs[:0]
	for _, p := range a.Paragraphs {
		p = model.Sanitize(p)
		if a.Format == model.FormatText {
			p = singleLine(p)
		} else {
			p = strings.ReplaceAll(p, "\t", "    ")
		}
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	a.Paragraphs = kept
}

// singleLine sanitises s and turns its tabs and newlines into spaces, so
// entity offsets count bytes a reader can see.
func singleLine(s string) string {
	s = model.Sanitize(s)
	if strings.ContainsAny(s, "\t\n") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// shortTitle cuts a long first line down to a title at a word boundary. It
// reports whether it had to, so the caller keeps the full line in the body.
func shortTitle(line string) (string, bool) {
	if utf8.RuneCountInString(line) <= maxTitle {
		return line, false
	}
	cut, n := 0, 0
	for i := range line {
		if n == maxTitle {
			cut = i
			break
		}
		n++
	}
	head := line[:cut]
	if sp := strings.LastIndexFunc(head, unicode.IsSpace); sp > len(head)/2 {
		head = head[:sp]
	}
	return strings.TrimSpace(head) + "…", true
}

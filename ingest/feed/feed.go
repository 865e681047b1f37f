// Package feed parses RSS (0.9x, 1.0, 2.0), Atom and JSON Feed documents
// into byline articles, through gofeed. Like the rest of ingest it is a pure
// function of the bytes handed to it; fetching is package fetch's job.
//
// Feed text is decoded more than once on its way to the screen: XML entities
// by the feed parser, HTML entities when a title or description is read as
// HTML, Markdown character references by the renderer. Each step can turn
// harmless text ("&amp;#27;[31m") into a terminal escape, so every field is
// sanitised after every step, and numeric references to control characters
// are removed from the Markdown the renderer will see.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
)

// MaxFeedSize is the largest feed Parse reads (20 MB). Busy feeds run to a
// few megabytes; the limit keeps one bad response from eating memory.
const MaxFeedSize = 20 << 20

// Feed is a parsed feed: its title and home page, and its items in the order
// the feed lists them.
type Feed struct {
	Title string
	Link  string
	Items []Item
}

// Item is one feed entry as a byline article. Source is the feed's title
// (or the name it was parsed under, when the feed has none). Summary reports
// that the item carries only a teaser, not the article: the caller should
// fetch URL and extract the full text (package web).
type Item struct {
	model.Article
	Summary bool
}

// ErrNotFeed means the bytes are not a feed that can be read: not XML or
// JSON, an unknown root element, or XML broken beyond recovery.
var ErrNotFeed = errors.New("not a readable feed")

// Error is the error for one feed: "name: problem", always on one line.
type Error struct {
	Name string // the feed's file name or URL, as the caller gave it
	Err  error  // ErrNotFeed, possibly wrapping the parser's complaint
}

// Error returns the one-line message.
func (e *Error) Error() string {
	return safe.Line(e.Name) + ": " + safe.Line(e.Err.Error())
}

// Unwrap exposes the cause for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// Parse parses one feed. name (a file name or the feed's URL) names the
// feed in errors and stands in for its title when it has none; when it is an
// http(s) URL, relative item links resolve against it.
func Parse(name string, data []byte) (f Feed, err error) {
	defer func() {
		// gofeed is third-party code run on hostile input; a panic there
		// must fail one feed, not the refresh.
		if r := recover(); r != nil {
			f, err = Feed{}, &Error{Name: name, Err: fmt.Errorf("%w (parser crashed: %v)", ErrNotFeed, r)}
		}
	}()
	if len(data) > MaxFeedSize {
		return Feed{}, &Error{Name: name, Err: fmt.Errorf("%w: over the %d MB limit", ErrNotFeed, MaxFeedSize>>20)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Feed{}, &Error{Name: name, Err: fmt.Errorf("%w: empty document", ErrNotFeed)}
	}
	data, err = prepare(data)
	if err != nil {
		return Feed{}, &Error{Name: name, Err: err}
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(safe.DropControlRefs(data)))
	if err != nil {
		return Feed{}, &Error{Name: name, Err: fmt.Errorf("%w: %s", ErrNotFeed, describe(err))}
	}
	f = Feed{Title: plainLine(parsed.Title)}
	base := feedBase(name)
	if link := safe.URL(parsed.Link, base); link != "" {
		f.Link = link
		if base == nil {
			// No address for the feed itself (a file parsed by name):
			// its home page is the best guess left.
			base, _ = url.Parse(link)
		}
	}
	source := f.Title
	if source == "" {
		source = safe.Line(name)
	}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		if item, ok := convert(it, base); ok {
			item.Source = source
			f.Items = append(f.Items, item)
		}
	}
	return f, nil
}

// feedBase is what an item's relative link resolves against: the feed's
// own address, as RFC 3986 and RFC 4287 say (the parser has already applied
// any xml:base). The channel's <link> is the site's home page, often on
// another host or folder: "a1.html" beside a feed at file:///news/feed.xml
// is file:///news/a1.html, not http://example.invalid/a1.html. nil when
// name is not an http(s) or file URL.
func feedBase(name string) *url.URL {
	if u, err := url.Parse(name); err == nil && strings.EqualFold(u.Scheme, "file") {
		return u // a feed in a local folder: its items may link beside it
	}
	base, _ := url.Parse(safe.URL(name, nil))
	if base != nil && base.Host == "" {
		return nil
	}
	return base
}

// describe turns a parser error into a short reason.
func describe(err error) string {
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return "no RSS, Atom or JSON Feed root element"
	}
	return err.Error()
}

// convert makes an Item of a gofeed item; ok is false for an item with no
// title, text or link, which would only be an invisible row.
func convert(it *gofeed.Item, base *url.URL) (Item, bool) {
	var item Item
	a := &item.Article
	a.Title = plainLine(it.Title)
	a.GUID = idLine(it.GUID)
	a.URL = safe.URL(it.Link, base)
	if a.URL == "" {
		for _, l := range it.Links {
			if a.URL = safe.URL(l, base); a.URL != "" {
				break
			}
		}
	}
	a.Author = author(it)
	a.Published = when(it.PublishedParsed, it.UpdatedParsed)

	content, description := strings.TrimSpace(it.Content), strings.TrimSpace(it.Description)
	body := content
	if body == "" {
		body = description
	}
	a.Format, a.Paragraphs = bodyParagraphs(body, base)
	item.Summary = isSummary(content, description)

	if a.Title == "" {
		if len(a.Paragraphs) > 0 {
			a.Title = firstWords(a.Paragraphs[0])
		} else if a.Title = a.URL; a.Title == "" {
			a.Title = a.GUID
		}
	}
	return item, a.Title != ""
}

// author returns the item's first named author, or its e-mail address.
func author(it *gofeed.Item) string {
	people := it.Authors
	if len(people) == 0 && it.Author != nil {
		people = []*gofeed.Person{it.Author}
	}
	for _, p := range people {
		if p == nil {
			continue
		}
		if name := plainLine(p.Name); name != "" {
			return name
		}
		if email := plainLine(p.Email); email != "" {
			return email
		}
	}
	return ""
}

// when returns the first of the times that is set, in UTC.
func when(times ...*time.Time) time.Time {
	for _, t := range times {
		if t != nil && !t.IsZero() {
			return t.UTC()
		}
	}
	return time.Time{}
}

// firstWords makes a title from a body paragraph when the item has none.
func firstWords(p string) string {
	words := strings.Fields(strings.Trim(p, "#*_> "))
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + "…"
	}
	return strings.Join(words, " ")
}

// Package opml reads and writes OPML subscription lists, the format every
// feed reader imports and exports. Folders (outlines nested around a feed)
// become the subscription's tags, and so do entries of its category
// attribute; Write puts a subscription in a folder named after its first tag
// and lists the rest as categories, so Parse(Write(subs)) gives subs back.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/bylinehq/byline/ingest/safe"
)

// Subscription is one feed to follow.
type Subscription struct {
	URL   string   // the feed's address (http or https)
	Title string   // what the list calls it; may be empty
	Tags  []string // enclosing folder titles, outermost first, then categories
}

// ErrNotOPML means the document is not OPML: broken XML, or a root element
// other than <opml>.
var ErrNotOPML = errors.New("not an OPML document")

// maxFolderDepth bounds how many enclosing folders become tags; deeper
// nesting in a hostile file adds nothing a reader could use.
const maxFolderDepth = 16

// outline is an OPML <outline> element: a feed when it has xmlUrl, a folder
// when it has children.
type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// document is an OPML file.
type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

// Parse reads an OPML document (versions 1.0, 1.1 and 2.0, any declared
// encoding) and returns its feeds in document order, each once: a feed
// listed in two folders gets both folders as tags. Outlines without a usable
// http(s) xmlUrl are skipped. Errors wrap ErrNotOPML and fit on one line.
func Parse(data []byte) ([]Subscription, error) {
	dec := xml.NewDecoder(bytes.NewReader(safe.DropControlRefs(data)))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Entity = xml.HTMLEntity
	var doc document
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("%w: empty document", ErrNotOPML)
		}
		return nil, fmt.Errorf("%w: %s", ErrNotOPML, safe.Line(err.Error()))
	}
	var subs []Subscription
	index := map[string]int{}
	var walk func(outs []outline, folders []string)
	walk = func(outs []outline, folders []string) {
		for _, o := range outs {
			title := safe.Line(o.Title)
			if title == "" {
				title = safe.Line(o.Text)
			}
			if u := safe.URL(o.XMLURL, nil); u != "" && !strings.HasPrefix(u, "mailto:") {
				tags := append(slices.Clone(folders), categories(o.Category)...)
				if i, ok := index[u]; ok {
					subs[i].Tags = addTags(subs[i].Tags, tags...)
				} else {
					index[u] = len(subs)
					subs = append(subs, Subscription{URL: u, Title: title, Tags: addTags(nil, tags...)})
				}
			}
			if len(o.Outlines) > 0 {
				inner := folders
				if title != "" && len(folders) < maxFolderDepth {
					inner = append(slices.Clone(folders), title)
				}
				walk(o.Outlines, inner)
			}
		}
	}
	walk(doc.Body.Outlines, nil)
	return subs, nil
}

// categories splits an OPML category attribute ("/Tourism/New York,/News")
// into tags, without the leading slashes.
func categories(attr string) []string {
	var out []string
	for _, c := range strings.Split(attr, ",") {
		if c = safe.Line(strings.Trim(strings.TrimSpace(c), "/")); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// addTags appends the tags not already in list.
func addTags(list []string, tags ...string) []string {
	for _, t := range tags {
		if t != "" && !slices.Contains(list, t) {
			list = append(list, t)
		}
	}
	return list
}

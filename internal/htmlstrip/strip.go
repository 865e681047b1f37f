// Package bluemonday strips HTML to its text, as bluemonday's StrictPolicy
// does: no element survives, the text between them is kept with the
// characters HTML gives meaning to escaped (&, <, >, ' and "), and the
// content of elements a reader never sees as text (scripts, styles, titles,
// frames, objects) is dropped.
//
// It is byline's own code with the API glamour calls, in place of the real
// bluemonday (see go.mod).
package bluemonday

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Policy is the strict policy: it allows nothing.
type Policy struct{}

// StrictPolicy returns the policy that strips every element.
func StrictPolicy() *Policy { return &Policy{} }

// hidden tells the elements whose content is not text for a reader: it is
// dropped with the element. (A switch, not a map, so nothing runs at init.)
func hidden(name []byte) bool {
	switch strings.ToLower(string(name)) {
	case "frame", "frameset", "iframe", "noembed", "noframes", "noscript",
		"nostyle", "object", "script", "style", "title":
		return true
	}
	return false
}

// Sanitize returns the text of s with every element removed and the text
// escaped, so the result holds no markup. Blank input is returned as it is.
func (p *Policy) Sanitize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	var open []string // the hidden elements open, innermost last
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return b.String()
			}
			return ""
		case html.StartTagToken:
			if name, _ := z.TagName(); hidden(name) {
				open = append(open, strings.ToLower(string(name)))
			}
		case html.EndTagToken:
			// Only the end of an element that is open closes it (with
			// whatever opened inside it): a stray "</style>" inside an
			// object does not end the object.
			if name, _ := z.TagName(); hidden(name) {
				n := strings.ToLower(string(name))
				for i := len(open) - 1; i >= 0; i-- {
					if open[i] == n {
						open = open[:i]
						break
					}
				}
			}
		case html.TextToken:
			if len(open) == 0 {
				b.WriteString(html.EscapeString(string(z.Text())))
			}
		}
		// Comments, doctypes and self-closing tags leave nothing.
	}
}

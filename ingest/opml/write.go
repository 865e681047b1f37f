package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Title is the head title of the lists Write produces.
const Title = "byline subscriptions"

// Write writes subs as an OPML 2.0 document: subscriptions without tags at
// the top level, the others in a folder named after their first tag (folders
// in order of first appearance) with any further tags in the category
// attribute. The output depends only on subs, so exporting twice gives the
// same file.
func Write(w io.Writer, subs []Subscription) error {
	var doc document
	doc.Version = "2.0"
	doc.Head.Title = Title
	folders := map[string]int{}
	for _, s := range subs {
		o := outline{Type: "rss", Text: s.Title, Title: s.Title, XMLURL: s.URL}
		if o.Text == "" {
			o.Text = s.URL // OPML requires text
		}
		if len(s.Tags) == 0 {
			doc.Body.Outlines = append(doc.Body.Outlines, o)
			continue
		}
		var cats []string
		for _, t := range s.Tags[1:] {
			cats = append(cats, "/"+strings.ReplaceAll(t, ",", " "))
		}
		o.Category = strings.Join(cats, ",")
		i, ok := folders[s.Tags[0]]
		if !ok {
			i = len(doc.Body.Outlines)
			folders[s.Tags[0]] = i
			doc.Body.Outlines = append(doc.Body.Outlines, outline{Text: s.Tags[0], Title: s.Tags[0]})
		}
		doc.Body.Outlines[i].Outlines = append(doc.Body.Outlines[i].Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	return nil
}

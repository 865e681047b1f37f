package compare

import (
	"strings"

	"github.com/bylinehq/byline/entity/tagger"
)

// CharSpan is an entity that a raw-text tagger found: bytes [Start, End) of
// an Article's Text, of CoNLL type Type.
type CharSpan struct {
	Start, End int
	Type       string
}

// TagsFromSpans turns spans over a.Text into IOB2 tags over a's words, one
// slice per sentence. A span covers every word it overlaps by at least a
// byte, so a tagger that splits words differently ("U.S" and ".") is not
// punished for it; a span crossing a sentence end becomes one entity per
// sentence; a span overlapping one already placed is dropped.
func (a *Article) TagsFromSpans(spans []CharSpan) [][]string {
	out := make([][]string, len(a.Doc.Sentences))
	for s := range out {
		out[s] = make([]string, len(a.Doc.Sentences[s].Words))
		for i := range out[s] {
			out[s][i] = "O"
		}
	}
	for _, sp := range spans {
		var hits [][2]int // sentence, word
		free := true
		for s, offs := range a.Offsets {
			for i, o := range offs {
				if o[0] < sp.End && sp.Start < o[1] {
					hits = append(hits, [2]int{s, i})
					free = free && out[s][i] == "O"
				}
			}
		}
		if !free {
			continue
		}
		for k, h := range hits {
			if k == 0 || hits[k-1][0] != h[0] {
				out[h[0]][h[1]] = "B-" + sp.Type
			} else {
				out[h[0]][h[1]] = "I-" + sp.Type
			}
		}
	}
	return out
}

// FromCoNLL gives CoNLL documents the Text a raw-text tagger needs: words
// joined by spaces, as CoNLL keeps no spacing, and sentences by line breaks.
func FromCoNLL(docs []tagger.Document) []Article {
	out := make([]Article, len(docs))
	for d, doc := range docs {
		var b strings.Builder
		a := Article{Doc: doc}
		for s, sent := range doc.Sentences {
			if s > 0 {
				b.WriteString("\n")
			}
			offs := make([][2]int, len(sent.Words))
			for i, w := range sent.Words {
				if i > 0 {
					b.WriteString(" ")
				}
				offs[i] = [2]int{b.Len(), b.Len() + len(w)}
				b.WriteString(w)
			}
			a.Offsets = append(a.Offsets, offs)
		}
		a.Text = b.String()
		out[d] = a
	}
	return out
}

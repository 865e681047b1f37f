package compare

import (
	"fmt"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

// proseTypes maps prose v2's entity labels to CoNLL's. Its model knows
// PERSON, ORGANIZATION, GPE, LOCATION, FACILITY and GSP; CoNLL counts
// countries, regions and facilities (buildings, stadiums) as LOC. Any other
// label would be MISC; none occurs.
var proseTypes = map[string]string{
	"PERSON": "PER", "ORGANIZATION": "ORG", "ORG": "ORG",
	"GPE": "LOC", "LOCATION": "LOC", "LOC": "LOC", "FACILITY": "LOC", "GSP": "LOC",
}

// proseTagger runs prose v2's named-entity extraction on raw text. The model
// is decoded once and reused, as a program using prose would.
type proseTagger struct {
	model *prose.Model
	// missed counts prose tokens not found in the text they came from.
	missed int
}

func newProseTagger(t testing.TB) *proseTagger {
	doc, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil {
		t.Fatalf("prose: %v", err)
	}
	return &proseTagger{model: doc.Model}
}

// run tags text and returns prose's entities (Document.Entities, the API a
// user of prose calls) as byte spans of text.
func (p *proseTagger) run(text string) ([]CharSpan, error) {
	doc, err := prose.NewDocument(text, prose.UsingModel(p.model), prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	toks := doc.Tokens()
	starts, ends := p.locate(text, toks)
	var out []CharSpan
	next := 0
	for _, e := range doc.Entities() {
		i, j, ok := findEntity(toks, next, e.Text)
		if !ok {
			return nil, fmt.Errorf("prose entity %q not found among its tokens", e.Text)
		}
		next = j + 1
		if starts[i] < 0 || ends[j] < 0 {
			p.missed++
			continue
		}
		typ, known := proseTypes[e.Label]
		if !known {
			typ = "MISC"
		}
		out = append(out, CharSpan{Start: starts[i], End: ends[j], Type: typ})
	}
	return out, nil
}

// findEntity finds the tokens from index from on whose texts, joined by
// spaces, are text: prose builds an entity's text that way, in token order.
func findEntity(toks []prose.Token, from int, text string) (int, int, bool) {
	for i := from; i < len(toks); i++ {
		if !strings.HasPrefix(text, toks[i].Text) {
			continue
		}
		joined := toks[i].Text
		for j := i; ; j++ {
			if joined == text {
				return i, j, true
			}
			if j+1 >= len(toks) || !strings.HasPrefix(text, joined+" "+toks[j+1].Text) {
				break
			}
			joined += " " + toks[j+1].Text
		}
	}
	return 0, 0, false
}

// proseQuotes is prose's own rewriting of the text before it tokenizes
// (curly quotes to straight); locate undoes it to find tokens in the text.
var proseQuotes = map[string]string{"\u201c": `"`, "\u201d": `"`, "\u2018": "'", "\u2019": "'", "&rsquo;": "'"}

// locate finds each token in text, in order, and returns its byte range (-1
// when prose changed the token beyond finding).
func (p *proseTagger) locate(text string, toks []prose.Token) (starts, ends []int) {
	// clean is text as prose saw it; at[i] is the byte of text that byte i
	// of clean came from.
	var clean strings.Builder
	var at []int
	for i := 0; i < len(text); {
		done := false
		for from, to := range proseQuotes {
			if strings.HasPrefix(text[i:], from) {
				clean.WriteString(to)
				for range to {
					at = append(at, i)
				}
				i += len(from)
				done = true
				break
			}
		}
		if !done {
			clean.WriteByte(text[i])
			at = append(at, i)
			i++
		}
	}
	at = append(at, len(text))
	c := clean.String()
	starts, ends = make([]int, len(toks)), make([]int, len(toks))
	cur := 0
	for k, t := range toks {
		// prose drops some text ("n't," after "is", a quoted word after
		// a colon), so the next token may lie a little further on; a
		// token found nowhere near is one prose changed, and the cursor
		// stays for the tokens after it.
		j := strings.Index(c[cur:], t.Text)
		if t.Text == "" || j < 0 || (j > 40 && strings.TrimSpace(c[cur:cur+j]) != "") {
			starts[k], ends[k] = -1, -1
			p.missed++
			continue
		}
		starts[k], ends[k] = at[cur+j], at[cur+j+len(t.Text)]
		cur += j + len(t.Text)
	}
	return starts, ends
}

// tagArticles runs prose on every article and returns IOB2 tags per
// document and sentence.
func (p *proseTagger) tagArticles(arts []Article) ([][][]string, error) {
	out := make([][][]string, len(arts))
	for i := range arts {
		spans, err := p.run(arts[i].Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arts[i].ID, err)
		}
		out[i] = arts[i].TagsFromSpans(spans)
	}
	return out, nil
}

// TestProseSpans: prose's entities land on the bytes of the text they name,
// curly quotes and all.
func TestProseSpans(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	pt := newProseTagger(t)
	text := "\u201cWe won,\u201d said Angela Merkel in Berlin, and Barack Obama agreed."
	spans, err := pt.run(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) == 0 {
		t.Fatal("prose found nothing")
	}
	names := map[string]bool{"Angela Merkel": true, "Berlin": true, "Barack Obama": true}
	for _, s := range spans {
		if !names[text[s.Start:s.End]] {
			t.Errorf("span %d-%d %s holds %q, not a name of the text", s.Start, s.End, s.Type, text[s.Start:s.End])
		}
	}
	if pt.missed != 0 {
		t.Errorf("%d tokens not placed", pt.missed)
	}
}

package compare

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bylinehq/byline/entity/tagger"
)

// Article is one document in CoNLL form with the text it was written as, so
// that a system that wants raw text (prose) and one that reads tokens
// (byline eval ner) are scored on the same words.
type Article struct {
	// ID names the document ("GUM_news_afghan").
	ID string
	// Doc holds the words and gold IOB2 tags, one Sentence per sentence.
	Doc tagger.Document
	// Text is the document's text: words joined as written, sentences by a
	// space, paragraphs by a blank line.
	Text string
	// Offsets holds each word's byte range [start, end) in Text, per
	// sentence.
	Offsets [][][2]int
}

// Paragraphs returns Text split at blank lines, as an article's fields.
func (a *Article) Paragraphs() []string { return strings.Split(a.Text, "\n\n") }

// GUMOptions chooses between the variants of the GUM conversion.
type GUMOptions struct {
	// Literal keeps to GUM's own mentions and types: national sides stay
	// ORG and capitalised adjectives outside names ("Afghan team") stay
	// untagged, where CoNLL would tag them LOC and MISC.
	Literal bool
}

// ReadGUM converts GUM CoNLL-U (one or more "# newdoc" documents) to
// CoNLL-2003's notion of named entities, one Article per document: only
// named mentions (headed by a proper noun) count, each trimmed to the name
// itself, typed PER, ORG, LOC or MISC; README.md in this folder documents
// the rules.
func ReadGUM(r io.Reader, opt GUMOptions) ([]Article, error) {
	docs, err := readCoNLLU(r)
	if err != nil {
		return nil, err
	}
	out := make([]Article, 0, len(docs))
	for i := range docs {
		out = append(out, docs[i].article(opt))
	}
	return out, nil
}

// ReadGUMDir reads every *.conllu file of dir, in name order.
func ReadGUMDir(dir string, opt GUMOptions) ([]Article, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("gum: no .conllu files in %s", dir)
	}
	sort.Strings(paths)
	var out []Article
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		arts, err := ReadGUM(f, opt)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, arts...)
	}
	return out, nil
}

func (d *conlluDoc) article(opt GUMOptions) Article {
	tags := make([]string, len(d.words))
	for i := range tags {
		tags[i] = "O"
	}
	for _, n := range d.names(opt.Literal) {
		tags[n.start] = "B-" + n.typ
		for i := n.start + 1; i < n.end; i++ {
			tags[i] = "I-" + n.typ
		}
	}
	a := Article{ID: d.id}
	var text strings.Builder
	for s := 0; s+1 < len(d.sentences); s++ {
		from, to := d.sentences[s], d.sentences[s+1]
		if s > 0 {
			if d.paragraph[s] {
				text.WriteString("\n\n")
			} else {
				text.WriteString(" ")
			}
		}
		var sent tagger.Sentence
		var offs [][2]int
		for i := from; i < to; i++ {
			w := &d.words[i]
			start := text.Len()
			text.WriteString(w.form)
			offs = append(offs, [2]int{start, text.Len()})
			if w.spaceAfter && i+1 < to {
				text.WriteString(" ")
			}
			sent.Words = append(sent.Words, w.form)
			sent.Tags = append(sent.Tags, tags[i])
		}
		// A name never crosses a sentence: a tag that would continue one
		// from the previous sentence opens a new one.
		if t := sent.Tags[0]; strings.HasPrefix(t, "I-") {
			sent.Tags[0] = "B-" + t[2:]
		}
		a.Doc.Sentences = append(a.Doc.Sentences, sent)
		a.Offsets = append(a.Offsets, offs)
	}
	a.Text = text.String()
	return a
}

// WriteCoNLL writes documents as CoNLL columns that tagger.ReadCoNLL and
// byline eval ner read back unchanged: "-DOCSTART- O" before each document,
// one "word tag" line per word, a blank line after each sentence.
func WriteCoNLL(w io.Writer, docs []tagger.Document) error {
	bw := bufio.NewWriter(w)
	for _, d := range docs {
		bw.WriteString("-DOCSTART- O\n\n")
		for _, s := range d.Sentences {
			for i, word := range s.Words {
				if strings.ContainsAny(word, " \t") {
					return fmt.Errorf("write conll: word %q holds a space", word)
				}
				fmt.Fprintf(bw, "%s %s\n", word, s.Tags[i])
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// Documents returns the articles' CoNLL documents.
func Documents(arts []Article) []tagger.Document {
	out := make([]tagger.Document, len(arts))
	for i := range arts {
		out[i] = arts[i].Doc
	}
	return out
}

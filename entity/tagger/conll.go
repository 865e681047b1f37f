package tagger

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tagged sentence: its words and their tags in IOB2 form
// ("B-PER", "I-PER", "O").
type Sentence struct {
	Words []string
	Tags  []string
}

// Document is a run of sentences that belong together: the tagger sees a
// document as a whole, so its document-level features span every sentence.
type Document struct {
	Sentences []Sentence
}

// ReadCoNLL reads CoNLL-format text: one token a line with the word in the
// first column and its tag in the last, a blank line between sentences and
// "-DOCSTART-" lines between documents. Tags may be IOB1 or IOB2; they come
// back as IOB2. A file without -DOCSTART- lines is read as one document per
// blank-line-separated run of sentences unless it is very long, in which case
// documents are cut every 50 sentences so document features stay local.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		docs    []Document
		doc     Document
		sent    Sentence
		sawDoc  bool
		lineNum int
	)
	endSentence := func() {
		if len(sent.Words) > 0 {
			sent.Tags = toIOB2(sent.Tags)
			doc.Sentences = append(doc.Sentences, sent)
			sent = Sentence{}
		}
		if !sawDoc && len(doc.Sentences) >= 50 {
			docs = append(docs, doc)
			doc = Document{}
		}
	}
	endDocument := func() {
		endSentence()
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
			doc = Document{}
		}
	}
	for sc.Scan() {
		lineNum++
		line := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			endSentence()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			sawDoc = true
			endDocument()
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("conll line %d: want a word and a tag, got %q", lineNum, line)
		}
		tag := fields[len(fields)-1]
		if tag != "O" && (len(tag) < 3 || tag[1] != '-' || !strings.ContainsRune("BIES", rune(tag[0]))) {
			return nil, fmt.Errorf("conll line %d: bad tag %q", lineNum, tag)
		}
		sent.Words = append(sent.Words, fields[0])
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	endDocument()
	return docs, nil
}

// toIOB2 rewrites IOB1 tags (I- opens an entity unless it continues one of
// the same type) and IOBES tags as IOB2, in place.
func toIOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if t == "O" {
			prev = t
			continue
		}
		kind, typ := t[0], t[2:]
		switch kind {
		case 'S':
			kind = 'B'
		case 'E':
			kind = 'I'
		}
		if kind == 'I' && (prev == "O" || prev[2:] != typ) {
			kind = 'B'
		}
		tags[i] = string(kind) + "-" + typ
		prev = tags[i]
	}
	return tags
}

// Chunk is an entity found in a sentence: tokens [Start, End) of type Type.
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the entities in IOB2 tags.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == "O" || len(t) < 3 {
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Chunk{Start: i, End: j, Type: typ})
		i = j - 1
	}
	return out
}

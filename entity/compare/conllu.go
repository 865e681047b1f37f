package compare

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// word is one syntactic word of a GUM document (multiword tokens such as
// "Trump's" are read as their words, "Trump" and "'s", as CoNLL splits them).
type word struct {
	form, upos, xpos, deprel string
	// head is the document-level index of the syntactic head, -1 for a root.
	head int
	// spaceAfter is false where the text has no space after the word.
	spaceAfter bool
	// sentenceStart is true for the first word of a sentence that is not
	// punctuation (`"Cool clock, Ahmed.`).
	sentenceStart bool
}

// mention is one GUM entity mention: words [start, end) of the document.
type mention struct {
	start, end int
	etype      string
	identity   string
}

// conlluDoc is one "# newdoc" document of a CoNLL-U file.
type conlluDoc struct {
	id        string
	words     []word
	sentences []int // index of each sentence's first word, plus len(words)
	paragraph []bool
	mentions  []mention
}

// readCoNLLU reads every document of a GUM CoNLL-U file with its entity
// mentions (the Entity= bracket annotation of the MISC column).
func readCoNLLU(r io.Reader) ([]conlluDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		docs     []conlluDoc
		doc      *conlluDoc
		newPar   bool
		sentBase = -1 // document index of the current sentence's word 1
		mwtEnd   int  // last word id of the multiword token being read
		mwtSpace bool
		started  bool // a sentence's first non-punctuation word was read
		open     = map[string][]mention{}
		line     int
	)
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(text, "# newdoc id"):
			if doc != nil && len(open) > 0 {
				return nil, fmt.Errorf("conllu line %d: unclosed entity in %s", line, doc.id)
			}
			docs = append(docs, conlluDoc{id: strings.TrimSpace(strings.SplitN(text, "=", 2)[1])})
			doc = &docs[len(docs)-1]
			continue
		case text == "# newpar" || strings.HasPrefix(text, "# newpar "):
			newPar = true
			continue
		case strings.HasPrefix(text, "#"):
			continue
		case text == "":
			sentBase = -1
			continue
		}
		if doc == nil {
			return nil, fmt.Errorf("conllu line %d: word before any # newdoc", line)
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu line %d: want 10 columns, got %d", line, len(cols))
		}
		if strings.Contains(cols[0], ".") {
			continue // an empty node of the enhanced graph
		}
		if _, to, ok := strings.Cut(cols[0], "-"); ok {
			mwtEnd, _ = strconv.Atoi(to)
			mwtSpace = !strings.Contains(cols[9], "SpaceAfter=No")
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return nil, fmt.Errorf("conllu line %d: bad word id %q", line, cols[0])
		}
		if sentBase < 0 {
			sentBase = len(doc.words)
			doc.sentences = append(doc.sentences, sentBase)
			doc.paragraph = append(doc.paragraph, newPar || len(doc.words) == 0)
			newPar = false
			started = false
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("conllu line %d: bad head %q", line, cols[6])
		}
		w := word{
			form: cols[1], upos: cols[3], xpos: cols[4], deprel: cols[7],
			head:          sentBase + head - 1,
			spaceAfter:    !strings.Contains(cols[9], "SpaceAfter=No"),
			sentenceStart: !started && cols[3] != "PUNCT",
		}
		started = started || w.sentenceStart
		if head == 0 {
			w.head = -1
		}
		if id < mwtEnd {
			w.spaceAfter = false
		} else if id == mwtEnd {
			w.spaceAfter = mwtSpace
			mwtEnd = 0
		}
		if err := readEntities(cols[9], len(doc.words), open, &doc.mentions); err != nil {
			return nil, fmt.Errorf("conllu line %d: %w", line, err)
		}
		doc.words = append(doc.words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conllu: %w", err)
	}
	for _, stack := range open {
		if len(stack) > 0 {
			return nil, fmt.Errorf("conllu: unclosed entity %q at end of input", stack[0].etype)
		}
	}
	for i := range docs {
		docs[i].sentences = append(docs[i].sentences, len(docs[i].words))
	}
	return docs, nil
}

// readEntities applies the Entity= value of a MISC column at word i: "(id-
// etype-infstat-salience-centering-minspan-link-identity" opens a mention,
// "id)" closes the innermost open mention of that id, and "(id-...)" is a
// one-word mention. Closed mentions are appended to out.
func readEntities(misc string, i int, open map[string][]mention, out *[]mention) error {
	var value string
	for _, kv := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(kv, "Entity="); ok {
			value = v
		}
	}
	for value != "" {
		if value[0] == '(' {
			end := strings.IndexAny(value[1:], "()")
			body, closes := value[1:], false
			if end >= 0 {
				body = value[1 : 1+end]
				closes = value[1+end] == ')'
			}
			f := strings.Split(body, "-")
			if len(f) < 2 {
				return fmt.Errorf("bad entity %q", body)
			}
			m := mention{start: i, etype: f[1]}
			if len(f) > 7 {
				m.identity = strings.Join(f[7:], "-")
			}
			open[f[0]] = append(open[f[0]], m)
			value = value[1+len(body):]
			if !closes {
				continue
			}
			value = f[0] + value // close it below like "id)"
		}
		end := strings.IndexByte(value, ')')
		if end < 0 {
			return fmt.Errorf("bad entity annotation %q", value)
		}
		id := value[:end]
		stack := open[id]
		if len(stack) == 0 {
			return fmt.Errorf("entity %s closed but not open", id)
		}
		m := stack[len(stack)-1]
		open[id] = stack[:len(stack)-1]
		if len(open[id]) == 0 {
			delete(open, id)
		}
		m.end = i + 1
		*out = append(*out, m)
		value = value[end+1:]
	}
	return nil
}

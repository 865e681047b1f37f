package tagger

import (
	"fmt"
	"io"
	"time"

	"github.com/bylinehq/byline/model"
)

// Span is an entity found in a text: bytes [Start, End) of type Type.
type Span struct {
	Start, End int
	Type       model.EntityType
}

// TagDocument tags the fields of one document together (title, caption,
// body paragraphs), so that how a word is written or tagged in one field
// informs the others. It returns the spans of each field, byte offsets into
// that field.
func (m *Model) TagDocument(fields []string) [][]Span {
	w := m.workspace()
	defer m.idle.put(w)
	toks := w.toks[:0]
	starts := w.starts[:0]
	w.words, w.bounds = w.words[:0], w.bounds[:0]
	for _, text := range fields {
		starts = append(starts, len(toks))
		from := len(toks)
		toks = appendTokens(toks, text)
		for _, t := range toks[from:] {
			if t.SentenceStart {
				w.bounds = append(w.bounds, len(w.words))
			}
			w.words = append(w.words, t.Text)
		}
	}
	starts = append(starts, len(toks))
	// Kept for the next call; cleared of the text's strings once done, so
	// that an idle workspace does not hold on to the last document.
	w.toks, w.starts = toks, starts
	defer func() {
		clear(w.toks)
		clear(w.words)
	}()
	w.bounds = append(w.bounds, len(w.words))
	out := make([][]Span, len(fields))
	if len(toks) == 0 {
		return out
	}
	w.f.rawText = true
	tags := m.tagWords(w, w.words, w.bounds)
	w.f.rawText = false
	fine := m.fineTypes(w, w.words, w.bounds, tags)
	for i := range fields {
		for j := starts[i]; j < starts[i+1]; j++ {
			t := tags[j]
			if t == tagO || (tagPos(t) != posB && tagPos(t) != posU) {
				continue
			}
			k := j
			if tagPos(t) == posB {
				for k+1 < starts[i+1] && tagPos(tags[k]) != posL {
					k++
				}
			}
			out[i] = append(out[i], Span{Start: toks[j].Start, End: toks[k].End, Type: model.EntityType(fineNames[fine[j]])})
			j = k
		}
	}
	m.trimAffixes(fields, out)
	m.affixedNames(fields, toks, starts, tags, out)
	return out
}

// TagText tags one text as a document of its own.
func (m *Model) TagText(text string) []Span {
	return m.TagDocument([]string{text})[0]
}

// TypeScore is precision, recall and F1 for one entity type.
type TypeScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Report is a conlleval-style evaluation: exact-match entity counts and
// scores, overall and per type, and tagging speed.
type Report struct {
	Tokens          int                  `json:"tokens"`
	Gold            int                  `json:"gold"`
	Predicted       int                  `json:"predicted"`
	Precision       float64              `json:"precision"`
	Recall          float64              `json:"recall"`
	F1              float64              `json:"f1"`
	PerType         map[string]TypeScore `json:"per_type"`
	TokensPerSecond float64              `json:"tokens_per_second"`
}

// Evaluate tags every document of a CoNLL file with m and scores it against
// the file's own tags.
func Evaluate(r io.Reader, m *Model) (Report, error) {
	docs, err := ReadCoNLL(r)
	if err != nil {
		return Report{}, fmt.Errorf("evaluate: %w", err)
	}
	return m.evaluateDocs(docs), nil
}

// EvaluateDocuments scores m on documents already read, for example from
// several files at once.
func EvaluateDocuments(docs []Document, m *Model) Report { return m.evaluateDocs(docs) }

// EvaluateFine scores m on documents whose gold tags use byline's seven
// types (WORK, PRODUCT, EVENT as well as PER, ORG, LOC, MISC), as the
// corpora beyond CoNLL are read; the other evaluations score the tagger's
// four CoNLL types, with WORK, PRODUCT and EVENT counted as MISC.
func EvaluateFine(docs []Document, m *Model) Report { return m.evaluate(docs, true) }

func (m *Model) evaluateDocs(docs []Document) Report { return m.evaluate(docs, false) }

func (m *Model) evaluate(docs []Document, fineTyped bool) Report {
	sc := NewScorer()
	w := m.workspace()
	defer m.idle.put(w)
	var pred []string
	var elapsed time.Duration
	for di := range docs {
		words, bounds, _ := docWords(&docs[di])
		start := time.Now()
		tags := m.tagWords(w, words, bounds)
		fine := m.fineTypes(w, words, bounds, tags)
		elapsed += time.Since(start)
		for si, s := range docs[di].Sentences {
			from, to := bounds[si], bounds[si]+len(s.Words)
			pred = iob2(tags[from:to], pred)
			gold := s.Tags
			if !fineTyped {
				gold = coarseTags(gold)
			}
			for i := range pred {
				if pred[i] == "O" {
					continue
				}
				// A span the subtyper moved from PER, ORG or LOC to a work,
				// product or event is MISC in CoNLL's scheme.
				name := fineNames[fine[from+i]]
				if !fineTyped {
					name = coarseName(int(fine[from+i]))
				}
				pred[i] = pred[i][:2] + name
			}
			sc.Add(gold, pred)
		}
	}
	rep := Report{
		Tokens: sc.Tokens, Gold: sc.Total.Gold, Predicted: sc.Total.Predicted,
		Precision: sc.Total.Precision(), Recall: sc.Total.Recall(), F1: sc.Total.F1(),
		PerType: map[string]TypeScore{},
	}
	names := typeNames[:]
	if fineTyped {
		names = fineNames[:]
	}
	for _, t := range names {
		c := Counts{}
		if p := sc.PerType[t]; p != nil {
			c = *p
		}
		rep.PerType[t] = TypeScore{Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()}
	}
	if elapsed > 0 {
		rep.TokensPerSecond = float64(sc.Tokens) / elapsed.Seconds()
	}
	return rep
}

// TagSentences tags a document of pre-tokenised sentences (as ReadCoNLL
// gives them) and returns IOB2 tags per sentence in CoNLL's four types
// (WORK, PRODUCT and EVENT written as MISC), as EvaluateDocuments scores
// them; gold tags are ignored.
func (m *Model) TagSentences(d Document) [][]string {
	w := m.workspace()
	defer m.idle.put(w)
	words, bounds, _ := docWords(&d)
	out := make([][]string, len(d.Sentences))
	if len(words) == 0 {
		return out
	}
	tags := m.tagWords(w, words, bounds)
	fine := m.fineTypes(w, words, bounds, tags)
	for si := range d.Sentences {
		out[si] = iob2(tags[bounds[si]:bounds[si+1]], nil)
		for i, t := range out[si] {
			if t != "O" {
				out[si][i] = t[:2] + coarseName(int(fine[bounds[si]+i]))
			}
		}
	}
	return out
}

// coarseTags maps WORK, PRODUCT and EVENT tags to MISC, leaving tags
// already in the four CoNLL types alone (and unchanged in memory).
func coarseTags(tags []string) []string {
	var out []string
	for i, t := range tags {
		if len(t) > 2 && fineIndex(t[2:]) >= numTypes {
			if out == nil {
				out = append([]string(nil), tags...)
			}
			out[i] = t[:2] + "MISC"
		}
	}
	if out == nil {
		return tags
	}
	return out
}

// coarseName is the CoNLL type of fine type f: WORK, PRODUCT and EVENT are
// MISC.
func coarseName(f int) string {
	if f >= numTypes {
		return "MISC"
	}
	return fineNames[f]
}

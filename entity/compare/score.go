package compare

import (
	"strings"

	"github.com/bylinehq/byline/entity/tagger"
)

// Scores are one system's conlleval counts on one data set: Typed counts an
// entity right when its first word, last word and type match the gold one,
// Span when its first and last word match, whatever the type.
type Scores struct {
	Tokens      int
	Typed, Span tagger.Counts
	// PerType holds the typed counts per gold or predicted type.
	PerType map[string]tagger.Counts
}

// Score compares predicted IOB2 tags (per document, per sentence) with the
// gold tags of docs.
func Score(docs []tagger.Document, pred [][][]string) Scores {
	typed, span := tagger.NewScorer(), tagger.NewScorer()
	for d := range docs {
		for s, sent := range docs[d].Sentences {
			typed.Add(sent.Tags, pred[d][s])
			span.Add(Unlabelled(sent.Tags), Unlabelled(pred[d][s]))
		}
	}
	out := Scores{Tokens: typed.Tokens, Typed: typed.Total, Span: span.Total, PerType: map[string]tagger.Counts{}}
	for t, c := range typed.PerType {
		out.PerType[t] = *c
	}
	return out
}

// Unlabelled returns IOB2 tags with every type replaced by ENT, so that a
// scorer compares spans only.
func Unlabelled(tags []string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		if t == "O" || len(t) < 2 {
			out[i] = "O"
			continue
		}
		out[i] = t[:2] + "ENT"
	}
	return out
}

// functionWords are words that open sentences capitalised without being
// names; the capitalised-run baseline does not start an entity with one.
var functionWords = strings.Fields(`a about after against all also an and
another any are as at because before but by can could did do does during each
every few for from had has have he her here his how however i if in into is it
its many more most much my neither no nor not of on once one only or other our
since so some such than that the their then there these they this those
though through to two under until we what when where whether which while who
whom whose why will with within without would yet you your`)

var isFunctionWord = func() map[string]bool {
	m := make(map[string]bool, len(functionWords))
	for _, w := range functionWords {
		m[w] = true
	}
	return m
}()

// CapitalisedRuns is the baseline tagger: every maximal run of words that
// begin with an upper-case letter is one entity, typed ENT, except that a
// function word opening the sentence ("The", "In") is not part of it. It is
// meant to be scored with Unlabelled tags.
func CapitalisedRuns(words []string) []string {
	tags := make([]string, len(words))
	inRun := false
	for i, w := range words {
		if !capitalised(w) || (i == 0 && isFunctionWord[strings.ToLower(w)]) {
			tags[i] = "O"
			inRun = false
			continue
		}
		if inRun {
			tags[i] = "I-ENT"
		} else {
			tags[i] = "B-ENT"
		}
		inRun = true
	}
	return tags
}

package compare

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bylinehq/byline/entity/tagger"
)

func TestCapitalisedRuns(t *testing.T) {
	tests := []struct{ words, want string }{
		{"The European Commission said on Monday it would act .", "O B I O O B O O O O"},
		{"In Paris , Le Monde reported", "O B O B I O"},
		{"Germany 's Angela Merkel", "B O B I"},
		{"Reuters reported", "B O"},
		{"SOCCER - JAPAN GET LUCKY WIN", "B O B I I I"},
		{"", ""},
	}
	long := map[string]string{"B": "B-ENT", "I": "I-ENT", "O": "O"}
	for _, tt := range tests {
		var want []string
		for _, w := range strings.Fields(tt.want) {
			want = append(want, long[w])
		}
		got := CapitalisedRuns(strings.Fields(tt.words))
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", tt.words, got, want)
		}
	}
}

func TestScore(t *testing.T) {
	docs := []tagger.Document{{Sentences: []tagger.Sentence{
		{Words: strings.Fields("Angela Merkel visited Paris"), Tags: []string{"B-PER", "I-PER", "O", "B-LOC"}},
	}}}
	pred := [][][]string{{{"B-PER", "I-PER", "O", "B-ORG"}}}
	s := Score(docs, pred)
	if s.Typed.Correct != 1 || s.Typed.Gold != 2 || s.Typed.Predicted != 2 {
		t.Errorf("typed %+v, want 1 of 2 right", s.Typed)
	}
	if s.Span.Correct != 2 {
		t.Errorf("span %+v, want both spans right", s.Span)
	}
	if s.PerType["LOC"].Gold != 1 || s.PerType["ORG"].Predicted != 1 {
		t.Errorf("per type %+v", s.PerType)
	}
	if got := Unlabelled([]string{"B-PER", "I-PER", "O"}); !reflect.DeepEqual(got, []string{"B-ENT", "I-ENT", "O"}) {
		t.Errorf("Unlabelled: %v", got)
	}
}

func TestTagsFromSpans(t *testing.T) {
	docs := []tagger.Document{{Sentences: []tagger.Sentence{
		{Words: strings.Fields("U.S. troops left"), Tags: make([]string, 3)},
		{Words: strings.Fields("Iraq today ."), Tags: make([]string, 3)},
	}}}
	a := FromCoNLL(docs)[0]
	if a.Text != "U.S. troops left\nIraq today ." {
		t.Fatalf("text %q", a.Text)
	}
	tests := []struct {
		name  string
		spans []CharSpan
		want  [][]string
	}{
		{"part of a word is the word", []CharSpan{{0, 3, "LOC"}},
			[][]string{{"B-LOC", "O", "O"}, {"O", "O", "O"}}},
		{"two words", []CharSpan{{0, 11, "ORG"}},
			[][]string{{"B-ORG", "I-ORG", "O"}, {"O", "O", "O"}}},
		{"cut at the sentence end", []CharSpan{{12, 21, "MISC"}},
			[][]string{{"O", "O", "B-MISC"}, {"B-MISC", "O", "O"}}},
		{"overlap dropped", []CharSpan{{17, 21, "LOC"}, {17, 27, "ORG"}},
			[][]string{{"O", "O", "O"}, {"B-LOC", "O", "O"}}},
	}
	for _, tt := range tests {
		if got := a.TagsFromSpans(tt.spans); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

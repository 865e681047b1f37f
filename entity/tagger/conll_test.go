package tagger

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	iob1 := `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
Smith NNP I-NP B-PER

-DOCSTART- -X- O O

Paris NNP I-NP I-LOC
`
	iob2 := "EU B-ORG\nrejects O\nGerman B-MISC\ncall O\n\nPeter B-PER\nBlackburn I-PER\nSmith B-PER\n"
	docs, err := ReadCoNLL(strings.NewReader(iob1))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("got %d documents: %+v", len(docs), docs)
	}
	want := []string{"B-PER", "I-PER", "B-PER"}
	if got := docs[0].Sentences[1].Tags; !reflect.DeepEqual(got, want) {
		t.Errorf("IOB1 tags %q, want %q", got, want)
	}
	docs2, err := ReadCoNLL(strings.NewReader(iob2))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(docs2[0], docs[0]) {
		t.Errorf("IOB2 reads as %+v, IOB1 as %+v", docs2[0], docs[0])
	}
	chunks := Chunks(docs[0].Sentences[1].Tags)
	if want := []Chunk{{0, 2, "PER"}, {2, 3, "PER"}}; !reflect.DeepEqual(chunks, want) {
		t.Errorf("chunks %v, want %v", chunks, want)
	}
	if _, err := ReadCoNLL(strings.NewReader("word X-PER\n")); err == nil {
		t.Error("a bad tag was accepted")
	}
}

func TestScorer(t *testing.T) {
	s := NewScorer()
	// Gold: [Peter Blackburn]PER in [Brussels]LOC for the [EU]ORG.
	gold := []string{"B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG"}
	// Predicted: PER right, LOC typed ORG, EU missed, "the" a false MISC.
	pred := []string{"B-PER", "I-PER", "O", "B-ORG", "O", "B-MISC", "O"}
	s.Add(gold, pred)
	// Predicted span too short counts as wrong.
	s.Add([]string{"B-LOC", "I-LOC"}, []string{"B-LOC", "O"})
	c := s.Total
	if c.Gold != 4 || c.Predicted != 4 || c.Correct != 1 {
		t.Fatalf("counts %+v, want gold 4 predicted 4 correct 1", c)
	}
	if c.Precision() != 0.25 || c.Recall() != 0.25 || c.F1() != 0.25 {
		t.Errorf("P %v R %v F1 %v, want 0.25 each", c.Precision(), c.Recall(), c.F1())
	}
	if per := s.PerType["PER"]; per.F1() != 1 {
		t.Errorf("PER F1 %v, want 1", per.F1())
	}
	if loc := s.PerType["LOC"]; loc.Gold != 2 || loc.Predicted != 1 || loc.Correct != 0 {
		t.Errorf("LOC counts %+v", *loc)
	}
	if org := s.PerType["ORG"]; org.Precision() != 0 || org.Recall() != 0 {
		t.Errorf("ORG %+v", *org)
	}
	if s.Tokens != 9 {
		t.Errorf("tokens %d, want 9", s.Tokens)
	}
}

func TestBILOURoundTrip(t *testing.T) {
	tags := []string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "O", "B-MISC", "I-MISC"}
	b := bilou(tags, nil)
	for i := 1; i < len(b); i++ {
		if !allowed(b[i-1], b[i]) {
			t.Fatalf("bilou gave an ill-formed sequence %v", b)
		}
	}
	if got := iob2(b, nil); !reflect.DeepEqual(got, tags) {
		t.Errorf("round trip %q, want %q", got, tags)
	}
}

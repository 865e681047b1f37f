package compare

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bylinehq/byline/entity/tagger"
)

// conllu builds CoNLL-U from lines whose columns are separated by single
// spaces (no column here holds a space), so the sample stays readable.
func conllu(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		if !strings.HasPrefix(l, "#") {
			l = strings.ReplaceAll(l, " ", "\t")
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

var sample = conllu(
	"# newdoc id = sample",
	"# newpar",
	"# sent_id = sample-1",
	"1 The the DET DT _ 3 det _ Entity=(1-organization-new-x-cf1-3-coref-Afghan_Girls_Robotics_Team",
	"2 Afghan Afghan ADJ JJ _ 3 amod _ _",
	"3 team team NOUN NN _ 4 nsubj _ Entity=1)",
	"4 met meet VERB VBD _ 0 root _ _",
	"5 U.S. U.S. PROPN NNP _ 6 compound _ Entity=(2-organization-new-x-cf1-6-sgl(3-person-new-x-cf1-3-coref-Donald_Trump(4-place-new-x-cf1-1-coref-United_States)",
	"6 President President PROPN NNP _ 7 nmod:desc _ _",
	"7 Donald Donald PROPN NNP _ 10 nmod:poss _ _",
	"8-9 Trump's _ _ _ _ _ _ _ _",
	"8 Trump Trump PROPN NNP _ 7 flat _ _",
	"9 's 's PART POS _ 7 case _ Entity=3)",
	"10 staff staff NOUN NN _ 4 obj _ Entity=2)",
	"11 on on ADP IN _ 12 case _ _",
	"12 Friday Friday PROPN NNP _ 4 obl _ Entity=(5-time-new-x-cf1-1-sgl)|SpaceAfter=No",
	"13 . . PUNCT . _ 4 punct _ _",
	"",
	"# sent_id = sample-2",
	"1 Swedish Swedish ADJ JJ _ 2 amod _ Entity=(6-person-new-x-cf1-2-coref-Andreas_Granqvist",
	"2 captain captain NOUN NN _ 5 nsubj _ _",
	"3 Andreas Andreas PROPN NNP _ 2 flat _ _",
	"4 Granqvist Granqvist PROPN NNP _ 3 flat _ Entity=6)",
	"5 thanked thank VERB VBD _ 0 root _ _",
	"6 the the DET DT _ 8 det _ Entity=(7-place-new-x-cf1-2-coref-United_States",
	"7 United unite VERB NNP _ 8 amod _ _",
	"8 States States PROPN NNPS _ 5 obj _ Entity=7)",
	"9 and and CCONJ CC _ 10 cc _ _",
	"10 Cloud9 Cloud9 PROPN NNP _ 8 conj _ Entity=(8-organization-new-x-cf1-1-sgl(9-organization-new-x-cf1-1-sgl)",
	"11 and and CCONJ CC _ 12 cc _ _",
	"12 Immortals Immortals PROPN NNPS _ 10 conj _ Entity=(10-organization-new-x-cf1-1-sgl)8)|SpaceAfter=No",
	"13 . . PUNCT . _ 5 punct _ _",
	"",
	"# newpar",
	"# sent_id = sample-3",
	"1 Tunisia Tunisia PROPN NNP _ 2 nsubj _ Entity=(11-organization-new-x-cf1-1-coref-Tunisia_national_football_team)",
	"2 beat beat VERB VBD _ 0 root _ _",
	"3 the the DET DT _ 4 det _ Entity=(12-organization-new-x-cf1-2-coref-Belgium_national_football_team",
	"4 Belgians Belgian PROPN NNPS _ 2 obj _ Entity=12)",
	"5 at at ADP IN _ 7 case _ _",
	"6 Fisht Fisht PROPN NNP _ 7 compound _ Entity=(13-place-new-x-cf1-2-sgl",
	"7 Stadium Stadium PROPN NNP _ 2 obl _ Entity=13)|SpaceAfter=No",
	"8 . . PUNCT . _ 2 punct _ _",
	"",
	"# sent_id = sample-4",
	"1 The the DET DT _ 2 det _ Entity=(14-person-giv-x-cf1-2-coref-Donald_Trump",
	"2 President President PROPN NNP _ 3 nsubj _ Entity=14)",
	"3 spoke speak VERB VBD _ 0 root _ SpaceAfter=No",
	"4 . . PUNCT . _ 3 punct _ _",
	"",
)

func TestReadGUM(t *testing.T) {
	tests := []struct {
		name string
		opt  GUMOptions
		want [][]string
	}{
		{"CoNLL conventions", GUMOptions{}, [][]string{
			{"O", "B-MISC", "O", "O", "B-LOC", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O"},
			{"O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O", "B-ORG", "O", "B-ORG", "O"},
			{"B-LOC", "O", "O", "B-MISC", "O", "B-LOC", "I-LOC", "O"},
			{"O", "O", "O", "O"},
		}},
		{"literal", GUMOptions{Literal: true}, [][]string{
			{"O", "O", "O", "O", "B-LOC", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O"},
			{"O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O", "B-ORG", "O", "B-ORG", "O"},
			{"B-ORG", "O", "O", "B-ORG", "O", "B-LOC", "I-LOC", "O"},
			{"O", "O", "O", "O"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := ReadGUM(strings.NewReader(sample), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 || arts[0].ID != "sample" {
				t.Fatalf("got %d articles, want one named sample", len(arts))
			}
			a := arts[0]
			for s, want := range tt.want {
				if got := a.Doc.Sentences[s].Tags; !reflect.DeepEqual(got, want) {
					t.Errorf("sentence %d %v:\n got %v\nwant %v", s+1, a.Doc.Sentences[s].Words, got, want)
				}
			}
		})
	}
}

func TestReadGUMText(t *testing.T) {
	arts, err := ReadGUM(strings.NewReader(sample), GUMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	want := "The Afghan team met U.S. President Donald Trump's staff on Friday. " +
		"Swedish captain Andreas Granqvist thanked the United States and Cloud9 and Immortals." +
		"\n\nTunisia beat the Belgians at Fisht Stadium. The President spoke."
	if a.Text != want {
		t.Errorf("text\n got %q\nwant %q", a.Text, want)
	}
	for s, sent := range a.Doc.Sentences {
		for i, w := range sent.Words {
			if o := a.Offsets[s][i]; a.Text[o[0]:o[1]] != w {
				t.Errorf("word %q has offsets %v, which hold %q", w, o, a.Text[o[0]:o[1]])
			}
		}
	}
	if got := a.Paragraphs(); len(got) != 2 || !strings.HasPrefix(got[1], "Tunisia") {
		t.Errorf("paragraphs %q, want two, the second from Tunisia", got)
	}
}

func TestReadGUMErrors(t *testing.T) {
	tests := map[string]string{
		"closed but not open": conllu("# newdoc id = x", "1 A a DET DT _ 0 root _ Entity=3)"),
		"unclosed":            conllu("# newdoc id = x", "1 A a DET DT _ 0 root _ Entity=(3-person-new"),
		"five columns":        conllu("# newdoc id = x", "1 A a DET DT"),
		"before newdoc":       conllu("1 A a DET DT _ 0 root _ _"),
	}
	for name, in := range tests {
		if _, err := ReadGUM(strings.NewReader(in), GUMOptions{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestWriteCoNLL: the file written for byline eval ner reads back as the
// documents scored here.
func TestWriteCoNLL(t *testing.T) {
	arts, err := ReadGUM(strings.NewReader(sample+strings.Replace(sample, "id = sample", "id = again", 1)), GUMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCoNLL(&buf, Documents(arts)); err != nil {
		t.Fatal(err)
	}
	back, err := tagger.ReadCoNLL(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, Documents(arts)) {
		t.Errorf("read back %d documents unlike the %d written", len(back), len(arts))
	}
	bad := []tagger.Document{{Sentences: []tagger.Sentence{{Words: []string{"New York"}, Tags: []string{"B-LOC"}}}}}
	if err := WriteCoNLL(&buf, bad); err == nil {
		t.Error("a word with a space was written")
	}
}

// TestGUMData checks the conversion of the real articles: their text is the
// txt/ version word for word, and the gold count is the README's.
func TestGUMData(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "ner", "gum-news")
	if _, err := os.Stat(filepath.Join(dir, "conllu")); err != nil {
		t.Skipf("GUM data not found at %s; skipping", dir)
	}
	for _, c := range []struct {
		opt  GUMOptions
		gold int
	}{{GUMOptions{}, 684}, {GUMOptions{Literal: true}, 654}} {
		arts, err := ReadGUMDir(filepath.Join(dir, "conllu"), c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != 12 {
			t.Fatalf("%d articles, want 12", len(arts))
		}
		gold := 0
		for _, a := range arts {
			txt, err := os.ReadFile(filepath.Join(dir, "txt", a.ID+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != strings.TrimSpace(string(txt)) {
				t.Errorf("%s: text differs from txt/%s.txt", a.ID, a.ID)
			}
			for _, s := range a.Doc.Sentences {
				gold += len(tagger.Chunks(s.Tags))
			}
		}
		if gold != c.gold {
			t.Errorf("%+v: %d gold names, README.md says %d", c.opt, gold, c.gold)
		}
	}
}

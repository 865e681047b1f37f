package tagger

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestAffixCut(t *testing.T) {
	tests := []struct {
		in   string
		want string // what is left of the span; "" when nothing is cut
	}{
		{"Japan-based", "Japan"},
		{"Dutch-born", "Dutch"},
		{"pro-Google", "Google"},
		{"anti-EU", "EU"},
		{"New York-listed", "New York"},
		{"ex-Chelsea", "Chelsea"},
		{"al-Qaeda", ""},
		{"Coca-Cola", ""},
		{"Anglo-French", ""},
		{"Covid-19", ""},
		{"Spider-Man", ""},
		{"Hewlett-Packard", ""},
	}
	for _, tc := range tests {
		lo, hi, cut := affixCut(tc.in)
		got := ""
		if cut {
			got = tc.in[lo:hi]
		}
		if got != tc.want {
			t.Errorf("affixCut(%q) left %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCoarseTags(t *testing.T) {
	in := []string{"B-WORK", "I-WORK", "O", "B-PER", "B-PRODUCT", "B-EVENT"}
	want := []string{"B-MISC", "I-MISC", "O", "B-PER", "B-MISC", "B-MISC"}
	if got := coarseTags(in); !reflect.DeepEqual(got, want) {
		t.Errorf("coarseTags = %v, want %v", got, want)
	}
	if in[0] != "B-WORK" {
		t.Error("coarseTags changed its input")
	}
}

// fineCoNLL is a few sentences written for this test in byline's seven types.
const fineCoNLL = `The	O
band	O
played	O
Midnight	B-WORK
Harbour	I-WORK
at	O
the	O
Lakeside	B-EVENT
Festival	I-EVENT
.	O

She	O
bought	O
a	O
Zephyr	B-PRODUCT
phone	O
from	O
Orbitel	B-ORG
.	O

The	O
Lakeside	B-EVENT
Festival	I-EVENT
sold	O
out	O
.	O
`

func TestReadColumnsMapsTypes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	text := strings.NewReplacer("WORK", "song", "EVENT", "event", "PRODUCT", "product", "ORG", "organisation").Replace(fineCoNLL)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := readColumns(path, CrossNERTypes, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("got %d documents, want one a sentence (3)", len(docs))
	}
	if got := docs[1].Sentences[0].Tags; !reflect.DeepEqual(got, []string{"O", "O", "O", "B-PRODUCT", "O", "O", "B-ORG", "O"}) {
		t.Errorf("tags %v", got)
	}
	if err := os.WriteFile(path, []byte("Foo\tB-spaceship\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readColumns(path, CrossNERTypes, true); err == nil {
		t.Error("an unmapped type was read without error")
	}
}

func TestMiscThatIsNotAName(t *testing.T) {
	for _, tc := range []struct {
		words []string
		want  bool
	}{
		{[]string{"Tuesday"}, false},
		{[]string{"GDP"}, false},
		{[]string{"coronavirus"}, false},
		{[]string{"World", "Cup"}, true},
		{[]string{"Kenyan"}, true},
	} {
		if got := miscIsName(tc.words); got != tc.want {
			t.Errorf("miscIsName(%v) = %v, want %v", tc.words, got, tc.want)
		}
	}
}

// TestSubtyperRoundTrip trains a subtyper on a tiny model and checks that
// it survives encoding and that evaluation counts fine types as MISC on
// CoNLL-style scoring and apart on fine scoring.
func TestSubtyperRoundTrip(t *testing.T) {
	m := tinyModel(t, true)
	dir := t.TempDir()
	path := filepath.Join(dir, "fine.txt")
	if err := os.WriteFile(path, []byte(fineCoNLL), 0o644); err != nil {
		t.Fatal(err)
	}
	ident := map[string]string{"WORK": "WORK", "EVENT": "EVENT", "PRODUCT": "PRODUCT", "ORG": "ORG"}
	fine, err := readColumns(path, ident, true)
	if err != nil {
		t.Fatal(err)
	}
	m.SetFineGazetteer([]GazetteerEntry{{"PRODUCT", "Zephyr"}}, []GazetteerEntry{{"WORK", "Midnight Harbour"}})
	m.TrainSubtyper(SubtypeConfig{Fine: append(fine, fine...), Epochs: 5, Seed: 1})
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := m2.Encode(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("re-encoding a decoded model with a subtyper changed it")
	}
	// The subtyper alone, on gold spans: each training span gets its type.
	w := m2.workspace()
	for _, d := range fine {
		words, bounds, gold := docWords(&d)
		got := m2.fineTypes(w, words, bounds, gold)
		for i, g := range gold {
			if g == tagO {
				continue
			}
			want := fineIndex(d.Sentences[0].Tags[i][2:])
			if int(got[i]) != want && tagType(g) == typeIndex("MISC") {
				t.Errorf("%s: token %q typed %s, want %s", strings.Join(words, " "), words[i], fineNames[got[i]], fineNames[want])
			}
		}
	}
	coarse := EvaluateDocuments(fine, m2)
	if _, ok := coarse.PerType["WORK"]; ok {
		t.Error("CoNLL-style scoring reports a WORK type")
	}
	if rep := EvaluateFine(fine, m2); len(rep.PerType) != numFine {
		t.Errorf("fine scoring reports %d types, want %d", len(rep.PerType), numFine)
	}
}

func TestPruneKeepsTheModelWorking(t *testing.T) {
	m := tinyModel(t, true)
	text := "Angela Merkel visited Paris on Monday. Merkel met Renault staff."
	want := m.TagText(text)
	m.Prune(0)
	if got := m.TagText(text); !reflect.DeepEqual(got, want) {
		t.Errorf("pruning nothing changed the tags: %v, want %v", got, want)
	}
	m.Prune(32767)
	if m.places() != 1 {
		t.Errorf("pruning every row left %d places, want only the zero place", m.places())
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(buf.Bytes()); err != nil {
		t.Errorf("a pruned model does not decode: %v", err)
	}
}

package tagger

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/internal/cputime"
	"github.com/bylinehq/byline/model"
)

// sharedData returns the shared data folder, skipping the test without it.
func sharedData(tb testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(dir, "ner", "conll2003", "eng.testa")); err != nil {
		tb.Skipf("shared data not found at %s; skipping", dir)
	}
	return dir
}

const tinyCoNLL = `-DOCSTART- O

Angela B-PER
Merkel I-PER
visited O
Paris B-LOC
on O
Monday O
. O

Merkel B-PER
met O
Renault B-ORG
staff O
. O

-DOCSTART- O

The O
French B-MISC
team O
played O
in O
London B-LOC
. O
`

func tinyModel(t *testing.T, twoPass bool) *Model {
	t.Helper()
	docs, err := ReadCoNLL(strings.NewReader(tinyCoNLL))
	if err != nil {
		t.Fatal(err)
	}
	res := Resources{
		Clusters:  []ClusterWord{{Word: "Paris", Path: "0110"}, {Word: "London", Path: "0111"}, {Word: "monday", Path: "10", Count: 9}},
		Gazetteer: []GazetteerEntry{{"LOC", "Paris"}, {"PER", "Angela"}, {"LOC", "New York"}},
	}
	m, err := Train(append(docs, docs...), res, TrainConfig{Bits: 12, Epochs: 5, Seed: 7, TwoPass: twoPass, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestModelRoundTrip(t *testing.T) {
	for _, twoPass := range []bool{false, true} {
		m := tinyModel(t, twoPass)
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
			t.Errorf("two-pass %v: re-encoding a decoded model changed it", twoPass)
		}
		text := "Angela Merkel visited Paris on Monday. Merkel met Renault staff."
		if a, b := m.TagText(text), m2.TagText(text); !reflect.DeepEqual(a, b) {
			t.Errorf("two-pass %v: tags differ after a round trip: %v vs %v", twoPass, a, b)
		}
		if got := m.TagText(text); len(got) == 0 {
			t.Errorf("two-pass %v: the tiny model found nothing in its own training text", twoPass)
		}
		if _, err := Decode(buf.Bytes()[:buf.Len()/2]); err == nil {
			t.Error("a truncated model decoded without error")
		}
	}
	if _, err := Decode([]byte("not a model")); err == nil {
		t.Error("garbage decoded without error")
	}
}

func TestTrainIsReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if err := tinyModel(t, true).Encode(&a); err != nil {
		t.Fatal(err)
	}
	if err := tinyModel(t, true).Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same seed gave two different models")
	}
}

func TestEmbeddedModel(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fields := []string{
		"Merkel meets Obama in Berlin",
		"",
		"German Chancellor Angela Merkel met U.S. President Barack Obama in Berlin on Tuesday, officials said.",
		"“We agree,” Merkel told Reuters after talks with the European Commission’s chief in Brussels.",
	}
	spans := m.TagDocument(fields)
	if len(spans) != len(fields) {
		t.Fatalf("%d span lists for %d fields", len(spans), len(fields))
	}
	found := map[string]model.EntityType{}
	for i, ss := range spans {
		end := 0
		for _, s := range ss {
			if s.Start < end || s.End <= s.Start || s.End > len(fields[i]) || !utf8.ValidString(fields[i][s.Start:s.End]) {
				t.Fatalf("field %d: bad span %+v", i, s)
			}
			end = s.End
			found[fields[i][s.Start:s.End]] = s.Type
		}
	}
	want := map[string]model.EntityType{
		"Angela Merkel": model.PER, "Barack Obama": model.PER, "Berlin": model.LOC,
		"Brussels": model.LOC, "Reuters": model.ORG, "German": model.MISC,
	}
	for text, typ := range want {
		if found[text] != typ {
			t.Errorf("%q tagged %q, want %q (all: %v)", text, found[text], typ, found)
		}
	}
	if got := m.TagDocument(nil); len(got) != 0 {
		t.Errorf("no fields gave %v", got)
	}
}

// TestDevF1 guards the shipped model's accuracy on CoNLL-2003 eng.testa.
func TestDevF1(t *testing.T) {
	dir := sharedData(t)
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "ner", "conll2003", "eng.testa"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Evaluate(f, m)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("eng.testa: F1 %.4f P %.4f R %.4f %v", rep.F1, rep.Precision, rep.Recall, rep.PerType)
	if rep.F1 < 0.93 {
		t.Errorf("eng.testa F1 %.4f, want at least 0.93", rep.F1)
	}
	if rep.Gold != 5942 {
		t.Errorf("eng.testa has %d gold entities, conlleval counts 5942", rep.Gold)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag tags raw news text (BBC articles when the shared data is
// there) on one core and reports tokens per second, of wall time and of
// the CPU time the process used.
func BenchmarkTag(b *testing.B) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	docs := benchDocs(b)
	tokens := 0
	for _, d := range docs {
		for _, f := range d {
			tokens += len(Tokenize(f))
		}
	}
	b.ResetTimer()
	cpu := cputime.Used()
	for b.Loop() {
		for _, d := range docs {
			m.TagDocument(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cputime.Used() - cpu; cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func benchDocs(b *testing.B) [][]string {
	dir := filepath.Join("..", "..", "..", "shared", "data", "articles", "bbc")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	var docs [][]string
	for i, p := range paths {
		if i%20 != 0 {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		var fields []string
		for _, line := range strings.Split(strings.ToValidUTF8(string(raw), " "), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fields = append(fields, line)
			}
		}
		docs = append(docs, fields)
	}
	if len(docs) == 0 {
		docs = [][]string{{
			"Merkel meets Obama in Berlin",
			"German Chancellor Angela Merkel met U.S. President Barack Obama in Berlin on Tuesday, officials said.",
			"“We agree,” Merkel told Reuters after talks with the European Commission’s chief in Brussels.",
		}}
	}
	return docs
}

package tagger

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

func TestReportJSON(t *testing.T) {
	m := tinyModel(t, true)
	rep, err := Evaluate(strings.NewReader(tinyCoNLL), m)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Tokens != 19 || rep.Gold != 6 {
		t.Errorf("tokens %d gold %d, want 19 and 6", rep.Tokens, rep.Gold)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"f1", "gold", "per_type", "precision", "predicted", "recall", "tokens", "tokens_per_second"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("report keys %v, want %v", keys, want)
	}
	var per map[string]map[string]float64
	if err := json.Unmarshal(got["per_type"], &per); err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		if s, ok := per[typ]; !ok || len(s) != 3 {
			t.Errorf("per_type[%s] = %v, want precision, recall and f1", typ, s)
		}
	}
}

func TestTagDocumentOffsets(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fields := []string{
		"Xi Jinping Visits Moscow As Talks On Trade Resume",
		"Chinese President Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin.",
		"Zürich-based UBS said “Nestlé’s results” beat forecasts; the talks resume on Tuesday.",
	}
	spans := m.TagDocument(fields)
	got := map[string]string{}
	for i, ss := range spans {
		for _, s := range ss {
			got[fields[i][s.Start:s.End]] = string(s.Type)
		}
	}
	for text, typ := range map[string]string{"Xi Jinping": "PER", "Moscow": "LOC", "Vladimir Putin": "PER", "UBS": "ORG"} {
		if got[text] != typ {
			t.Errorf("%q: got %q, want %q (all %v)", text, got[text], typ, got)
		}
	}
	for _, wrong := range []string{"Talks", "Talks On Trade Resume", "Trade Resume"} {
		if _, ok := got[wrong]; ok {
			t.Errorf("headline word %q tagged as an entity", wrong)
		}
	}
}

// TestTagAllocations checks that tagging a loaded document allocates
// nothing once a workspace is warm.
func TestTagAllocations(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	var bounds []int
	for _, text := range []string{"Angela Merkel met Barack Obama in Berlin .", "Merkel told Reuters the talks went well ."} {
		bounds = append(bounds, len(words))
		words = append(words, strings.Fields(text)...)
	}
	bounds = append(bounds, len(words))
	w := m.workspace()
	m.tagWords(w, words, bounds)
	if n := testing.AllocsPerRun(20, func() { m.tagWords(w, words, bounds) }); n != 0 {
		t.Errorf("tagging allocated %v times per document", n)
	}
}

// TestConcurrentTagging shares one model between goroutines, as the reader
// and an import may; run with -race.
func TestConcurrentTagging(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Angela Merkel met Barack Obama in Berlin.",
		"Shares in Volkswagen fell in Frankfurt after the [EU](https://europa.eu) *ruling*.",
		"Xi Jinping spoke in Beijing.",
	}
	want := make([][]Span, len(texts))
	for i, text := range texts {
		want[i] = m.TagText(text)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for n := 0; n < 20; n++ {
				i := (g + n) % len(texts)
				ok = ok && reflect.DeepEqual(m.TagText(texts[i]), want[i])
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent tagging gave different spans")
		}
	}
	var found []string
	for _, s := range want[1] {
		found = append(found, texts[1][s.Start:s.End]+"/"+string(s.Type))
	}
	if strings.Join(found, " ") != "Volkswagen/ORG Frankfurt/LOC EU/ORG" {
		t.Errorf("markdown text: got %v", found)
	}
}

func TestTagArticle(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{
		Title:      "Merkel Visits Paris",
		Caption:    "Angela Merkel arrives in Paris.",
		Paragraphs: []string{"The German chancellor met Emmanuel Macron.", "Merkel later left Paris for Berlin."},
	}
	var got []string
	for _, s := range m.TagArticle(a) {
		text := a.FieldText(s.Field, s.Paragraph)[s.Start:s.End]
		got = append(got, fmt.Sprintf("%s/%d/%s/%s", s.Field, s.Paragraph, text, s.Type))
	}
	want := []string{
		"title/0/Merkel/PER", "title/0/Paris/LOC",
		"caption/0/Angela Merkel/PER", "caption/0/Paris/LOC",
		"body/0/German/MISC", "body/0/Emmanuel Macron/PER",
		"body/1/Merkel/PER", "body/1/Paris/LOC", "body/1/Berlin/LOC",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

package entity

import (
	"os"
	"slices"
	"testing"

	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
)

// TestSpotAddsOnlyStandaloneKnownNames checks which names of the alias
// table the spotter adds where the tagger found nothing (or found what the
// tagged list says): the party under its other names, but never an
// ordinary word, a part of a longer name, or initials the article spells
// out as something else.
func TestSpotAddsOnlyStandaloneKnownNames(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		tagged []string // texts the tagger found
		want   []string // texts added, in order
	}{
		{"starting a sentence, named elsewhere", "Tories said no. Then the Tories agreed.", nil, []string{"Tories", "Tories"}},
		{"starting a sentence, named only there", "Tories said no.", nil, nil},
		{"plural", "The government was attacked by the Tories on Monday.", nil, []string{"Tories"}},
		{"adjective before a title", "He said Tory MP Tim Yeo agreed.", []string{"Tim Yeo"}, []string{"Tory"}},
		{"after a title", "Senior Conservatives were angry.", nil, []string{"Conservatives"}},
		{"several in one sentence", "Labour and the Conservatives met at Number 10.", []string{"Labour"}, []string{"Conservatives", "Number 10"}},
		{"ordinary word in lowercase", "It is a conservative estimate.", nil, nil},
		{"ordinary word starting a sentence", "Conservative estimates put it at 3%.", nil, nil},
		{"inside a tagged name", "The Conservative Party met.", []string{"Conservative Party"}, nil},
		{"part of a longer untagged name", "He praised the Tory Reform Group today.", nil, nil},
		{"after a capitalised word", "Prisoners went free. Law Lords ruled last month.", nil, nil},
		{"joined by a hyphen", "The Tory-led council voted.", nil, nil},
		{"initials spelt out as something else", "Carrier Pre-Selection (CPS) services grew. Many firms sell CPS lines.", nil, nil},
		{"gazetteer name of several words", "He joined Manchester United in May.", nil, []string{"Manchester United"}},
		{"gazetteer name of one word", "They met at the Palace on Friday.", nil, nil},
	}
	sp := defaultSpotter()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := model.Article{Title: "A story", Paragraphs: []string{tc.body}}
			var spans []Span
			for _, text := range tc.tagged {
				i := indexOf(t, tc.body, text)
				spans = append(spans, Span{Field: model.FieldBody, Start: i, End: i + len(text), Type: model.ORG})
			}
			got := sp.Spot(&a, slices.Clone(spans))
			var added []string
			for _, s := range got[len(spans):] {
				added = append(added, tc.body[s.Start:s.End])
			}
			if !slices.Equal(added, tc.want) {
				t.Errorf("added %q, want %q", added, tc.want)
			}
		})
	}
}

// TestSpotInTitleCaseHeading: in a heading where every word is capitalised,
// a one-word name that may be an ordinary word is not spotted; initials are.
func TestSpotInTitleCaseHeading(t *testing.T) {
	a := model.Article{Title: "Why Conservative Voters Trust The NHS Less", Paragraphs: []string{""}}
	got := defaultSpotter().Spot(&a, nil)
	var added []string
	for _, s := range got {
		added = append(added, a.Title[s.Start:s.End])
	}
	if !slices.Equal(added, []string{"NHS"}) {
		t.Errorf("added %q, want [NHS]", added)
	}
}

// TestExtractLinksSpottedNames: the default extractor gives a reader the
// party under the name the article uses, typed as the table says.
func TestExtractLinksSpottedNames(t *testing.T) {
	a := model.Article{
		Title:      "Budget row",
		Paragraphs: []string{"The Tories said the plan would fail, and senior Tories agreed."},
	}
	for _, e := range New().Extract(&a) {
		if e.Name == "Tories" {
			if e.Type != model.ORG || len(e.Mentions) != 2 {
				t.Errorf("Tories: %s with %d mentions, want ORG with 2", e.Type, len(e.Mentions))
			}
			return
		}
	}
	t.Errorf("no entity Tories in %+v", New().Extract(&a))
}

func indexOf(t *testing.T, s, sub string) int {
	t.Helper()
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	t.Fatalf("%q not in %q", sub, s)
	return -1
}

// BenchmarkSpot is the spotting pass alone over the seed article, to set
// beside BenchmarkExtract: it must stay a small part of tagging.
func BenchmarkSpot(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Skipf("seed article absent: %v", err)
	}
	a, err := ingest.Parse(seedPath, data)
	if err != nil {
		b.Fatal(err)
	}
	st, err := NewStatistical()
	if err != nil {
		b.Fatal(err)
	}
	spans := st.Tag(&a)
	sp := defaultSpotter()
	for b.Loop() {
		sp.Spot(&a, spans[:len(spans):len(spans)])
	}
}

package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bylinehq/byline/model"
)

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s,
		article("Election day in Zürich", day(1), "Voters went to the polls early."),
		article("Markets calm", day(2), "Traders said the election result was priced in.", "Elections elsewhere matter less."),
		article("Central bank holds rates", day(3), "The central bank held rates; a bank spokesman declined to comment."),
		article("Bank holiday traffic", day(4), "Roads were busy. The central station was closed."),
		article(`Quotes "and" operators`, day(5), `He typed AND( NEAR -x ^y title:z into the box.`),
	)
	tests := []struct {
		query string
		want  []string
	}{
		// The title hit ranks above the body hit.
		{"election", []string{"Election day in Zürich", "Markets calm"}},
		{"ELECTION", []string{"Election day in Zürich", "Markets calm"}},
		{"elect*", []string{"Election day in Zürich", "Markets calm"}},
		{"zurich", []string{"Election day in Zürich"}},
		{"zür*", []string{"Election day in Zürich"}},
		{`"central bank"`, []string{"Central bank holds rates"}},
		{`"central bank`, []string{"Central bank holds rates"}}, // unclosed quote
		{`"central ba"*`, []string{"Central bank holds rates"}},
		{"central bank", []string{"Central bank holds rates", "Bank holiday traffic"}},
		{"bank rates", []string{"Central bank holds rates"}},
		{"nothing-like-this", nil},
		{"", nil},
		{"   ", nil},
		{`AND(`, []string{`Quotes "and" operators`}},
		{`title:z`, []string{`Quotes "and" operators`}},
	}
	for _, tt := range tests {
		got, err := s.Search(ctx, tt.query, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if !slices.Equal(titles(got), tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.query, titles(got), tt.want)
		}
	}

	if got, _ := s.Search(ctx, "bank", 1); len(got) != 1 {
		t.Errorf("Search(bank, limit 1) gave %d results", len(got))
	}
	if got, _ := s.Search(ctx, "bank", 0); len(got) != 2 || got[0].ID == 0 || got[0].Source == "" {
		t.Errorf("Search(bank) = %+v, want two full summaries", got)
	}
}

// Whatever a person types, Search answers without an error.
func TestSearchHostileInput(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, withEntity(article("A plain article", day(1), "Nothing to see here."), "Nothing", model.MISC, "Nothing"))
	inputs := []string{
		`"`, `""`, `"""`, `""*`, `AND(`, `AND`, `OR`, `NOT`, `NEAR`, `NEAR(a b, 3)`, `*`, `**`, `a**`,
		`-`, `-plain`, `+plain`, `^plain`, `plain:`, `title:plain`, `{title body}:plain`, `(plain`,
		`plain)`, `'`, `' OR 1=1 --`, `"; DROP TABLE articles; --`, `\`, `%`, `_`, `a*b*`,
		`plain OR`, `NOT plain`, `"plain" AND`, "\x00", "plain\x00see", "\xff\xfe", "日本語*", `*plain`,
		`"unclosed phrase`, `"plain"*"see"*`, `""plain""`,
	}
	for _, in := range inputs {
		if _, err := s.Search(ctx, in, 10); err != nil {
			t.Errorf("Search(%q): %v", in, err)
		}
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count after hostile searches = %d", n)
	}
}

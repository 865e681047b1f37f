package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
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

// A search within a filter finds only the hits the filtered list holds, and
// counts only those.
func TestSearchItemsWithinFilters(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	res := mustImport(t, s,
		withEntity(article("Oslo votes", day(1), "Oslo held its election."), "Oslo", model.LOC, "Oslo"),
		withEntity(article("Bergen votes", day(2), "Bergen held its election too."), "Bergen", model.LOC, "Bergen"),
		withEntity(article("Oslo markets", day(3), "Oslo traders ignored the election."), "Oslo", model.LOC, "Oslo"),
		article("Weather", day(4), "Rain, and no election at all."),
	)
	ids := res.IDs
	if err := s.SetRead(ctx, ids[0], true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, ids[2], true); err != nil {
		t.Fatal(err)
	}
	oslo, err := s.EntityByName(ctx, "Oslo", model.LOC)
	if err != nil {
		t.Fatal(err)
	}
	names := func(items []store.ListItem) []string {
		var out []string
		for _, it := range items {
			out = append(out, it.Title)
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name string
		q    store.ListQuery
		want []string
	}{
		{"no filter", store.ListQuery{}, []string{"Bergen votes", "Oslo markets", "Oslo votes", "Weather"}},
		{"entity", store.ListQuery{EntityID: oslo.ID}, []string{"Oslo markets", "Oslo votes"}},
		{"unread", store.ListQuery{Unread: true}, []string{"Bergen votes", "Oslo markets", "Weather"}},
		{"starred", store.ListQuery{Starred: true}, []string{"Oslo markets"}},
		{"entity and unread", store.ListQuery{EntityID: oslo.ID, Unread: true}, []string{"Oslo markets"}},
		{"entity and starred and unread", store.ListQuery{EntityID: oslo.ID, Unread: true, Starred: true}, []string{"Oslo markets"}},
	}
	for _, tt := range tests {
		res, err := s.SearchItems(ctx, "elect*", tt.q)
		items, n := res.Items, res.Total
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := names(items); !slices.Equal(got, tt.want) || n != len(tt.want) {
			t.Errorf("%s: hits %q (count %d), want %q", tt.name, got, n, tt.want)
		}
	}
	// A page of one still counts every hit, and carries the reading state.
	hits, err := s.SearchItems(ctx, "oslo", store.ListQuery{Limit: 1})
	items, n := hits.Items, hits.Total
	if err != nil || len(items) != 1 || n != 2 {
		t.Fatalf("first page of one for oslo: %d items, count %d, err %v", len(items), n, err)
	}
	state := map[string]store.ListItem{}
	all, _ := s.SearchItems(ctx, "oslo", store.ListQuery{})
	for _, it := range all.Items {
		state[it.Title] = it
	}
	if !state["Oslo votes"].Read || state["Oslo votes"].Starred || !state["Oslo markets"].Starred {
		t.Errorf("reading state of the hits: %+v", state)
	}
}

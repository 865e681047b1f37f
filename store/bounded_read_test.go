package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// A word with more hits than a search ranks lists the best of its newest
// hits, says how many there are about, and counts them exactly on asking;
// one with fewer lists the best of all, counted exactly at once.
func TestSearchRanksTheNewestHits(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	// The oldest article has the word in its title: the best hit of all.
	arts := []model.Article{article("Harbour reopens", day(1), "The harbour reopened.")}
	for i := range 28 {
		arts = append(arts, article(fmt.Sprintf("Ferry news %d", i), day(2), "Ferries left the harbour on time."))
	}
	arts = append(arts, article("Harbour strike", day(2), "Dockers walked out."))
	arts = append(arts, article("Ferry news 28", day(2), "Ferries left the harbour on time."))
	arts = append(arts, article("Weather", day(3), "Rain all day."))
	mustImport(t, s, arts...)

	all, err := s.SearchItems(ctx, "harbour", store.ListQuery{Limit: 5})
	if err != nil || len(all.Items) != 5 || all.Items[0].Title != "Harbour reopens" || all.Total != 31 || !all.Exact {
		t.Fatalf("all ranked: %+v, %v; want the title hit first of exactly 31", all, err)
	}

	store.SetSearchCandidates(t, 10)
	page, err := s.SearchItems(ctx, "harbour", store.ListQuery{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	// Of the newest ten hits, the title hit first, then the newest.
	want := []string{"Harbour strike", "Ferry news 28", "Ferry news 27", "Ferry news 26", "Ferry news 25"}
	if !slices.Equal(listTitles(page.Items), want) {
		t.Errorf("first page of the newest 10: %q, want %q", listTitles(page.Items), want)
	}
	// The 10 newest hits are the last 10 of 32 articles, one of which (the
	// newest) is no hit: about 10 in 11 articles hold the word.
	if page.Exact || page.Total < 26 || page.Total > 32 {
		t.Errorf("estimate %d (exact %v), want about 31", page.Total, page.Exact)
	}
	if n, err := s.SearchCount(ctx, "harbour", store.ListQuery{}); err != nil || n != 31 {
		t.Errorf("SearchCount = %d, %v; want 31", n, err)
	}
	// Asking for every hit ranks every hit.
	every, err := s.SearchItems(ctx, "harbour", store.ListQuery{})
	if err != nil || len(every.Items) != 31 || every.Items[0].Title != "Harbour reopens" || !every.Exact {
		t.Errorf("every hit: %d, first %q, exact %v, %v", len(every.Items), listTitles(every.Items[:1]), every.Exact, err)
	}
	// Paging past the candidates still pages.
	far, err := s.SearchItems(ctx, "harbour", store.ListQuery{Limit: 5, Offset: 25})
	if err != nil || len(far.Items) != 5 || far.Total < 30 {
		t.Errorf("page at 25: %d hits of %d, %v", len(far.Items), far.Total, err)
	}
}

// The search count within a filter counts only the filtered hits.
func TestSearchCountWithinFilter(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	res := mustImport(t, s,
		article("Oslo votes", day(1), "Oslo held its election."),
		article("Bergen votes", day(2), "Bergen held its election too."),
	)
	if err := s.SetStarred(ctx, res.IDs[1], true); err != nil {
		t.Fatal(err)
	}
	if n, err := s.SearchCount(ctx, "election", store.ListQuery{Starred: true}); err != nil || n != 1 {
		t.Errorf("starred count = %d, %v; want 1", n, err)
	}
}

// An entity named in more articles than Related reads is related by its
// newest articles: old companions drop out.
func TestRelatedReadsTheNewestArticles(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var arts []model.Article
	for i := range 3 {
		a := article(fmt.Sprintf("Old %d", i), day(1), "Merkel met Chirac.")
		arts = append(arts, withEntity(withEntity(a, "Angela Merkel", model.PER, "Merkel"), "Jacques Chirac", model.PER, "Chirac"))
	}
	for i := range 2 {
		a := article(fmt.Sprintf("New %d", i), day(2), "Merkel met Macron.")
		arts = append(arts, withEntity(withEntity(a, "Angela Merkel", model.PER, "Merkel"), "Emmanuel Macron", model.PER, "Macron"))
	}
	mustImport(t, s, arts...)
	merkel, err := s.EntityByName(ctx, "Angela Merkel", "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Related(ctx, merkel.ID, 0)
	if err != nil || !slices.Equal(nameCounts(got), []nameCount{{"Jacques Chirac", 3, 3}, {"Emmanuel Macron", 2, 2}}) {
		t.Errorf("Related over all articles = %v, %v", nameCounts(got), err)
	}
	store.SetRelatedSample(t, 2)
	got, err = s.Related(ctx, merkel.ID, 0)
	if err != nil || !slices.Equal(nameCounts(got), []nameCount{{"Emmanuel Macron", 2, 2}}) {
		t.Errorf("Related over the newest two = %v, %v; want Macron alone", nameCounts(got), err)
	}
}

func listTitles(items []store.ListItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

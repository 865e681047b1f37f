package store_test

import (
	"context"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// The feeds view counts each feed's unread articles, and its enter lists
// one feed's articles or one tag's, in search as in the list; the
// summary-only marks ride on the rows.
func TestFeedFiltersAndCounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a, _ := s.AddFeed(ctx, store.Feed{URL: "https://a.example/rss", Tags: []string{"world", "uk"}})
	b, _ := s.AddFeed(ctx, store.Feed{URL: "https://b.example/rss", Tags: []string{"uk"}})
	c, _ := s.AddFeed(ctx, store.Feed{URL: "https://c.example/rss"})
	item := func(guid, title string) store.FeedItem {
		return store.FeedItem{Article: model.Article{GUID: guid, Title: title, URL: "https://x.example/" + guid,
			Format: model.FormatText, Paragraphs: []string{title + " harbour story"}}}
	}
	for _, f := range []struct {
		id    int64
		items []store.FeedItem
	}{
		{a.ID, []store.FeedItem{item("a1", "Alpha one"), item("a2", "Alpha two")}},
		{b.ID, []store.FeedItem{item("b1", "Beta one")}},
		{c.ID, []store.FeedItem{item("c1", "Gamma one")}},
	} {
		if _, _, err := s.UpsertFeedArticles(ctx, f.id, f.items); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := s.ListItems(ctx, store.ListQuery{})
	for _, it := range all {
		if it.Title == "Alpha one" {
			s.SetRead(ctx, it.ID, true)
		}
	}
	if err := s.SetSummaryOnly(ctx, a.ID, []model.Article{item("a2", "Alpha two").Article}, []bool{true}); err != nil {
		t.Fatal(err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 3 {
		t.Fatalf("feeds: %v, %v", feeds, err)
	}
	if feeds[0].Articles != 2 || feeds[0].Unread != 1 || feeds[1].Unread != 1 {
		t.Errorf("counts: %+v", feeds)
	}
	titles := func(items []store.ListItem) (out []string) {
		for _, it := range items {
			t := it.Title
			if it.SummaryOnly {
				t += "…"
			}
			out = append(out, t)
		}
		return out
	}
	for _, c := range []struct {
		q    store.ListQuery
		want string
	}{
		{store.ListQuery{FeedID: a.ID}, "[Alpha one Alpha two…]"},
		{store.ListQuery{FeedID: a.ID, Unread: true}, "[Alpha two…]"},
		{store.ListQuery{FeedTag: "uk"}, "[Alpha one Alpha two… Beta one]"},
		{store.ListQuery{FeedTag: "world"}, "[Alpha one Alpha two…]"},
		{store.ListQuery{FeedTag: "none"}, "[]"},
	} {
		items, err := s.ListItems(ctx, c.q)
		if got := fmtList(titles(items)); err != nil || got != c.want {
			t.Errorf("%+v: %s, %v; want %s", c.q, got, err, c.want)
		}
	}
	res, err := s.SearchItems(ctx, "harbour", store.ListQuery{FeedTag: "uk"})
	hits := res.Items
	if err != nil || len(hits) != 3 {
		t.Errorf("search within tag uk: %d hits, %v", len(hits), err)
	}
	// Unsubscribing keeps the articles.
	if _, err := s.RemoveFeed(ctx, a.URL); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.ListItems(ctx, store.ListQuery{}); len(items) != 4 {
		t.Errorf("removing a feed dropped its articles: %d left", len(items))
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}

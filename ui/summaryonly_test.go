package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/list"
)

// feedStore is a real store with two feeds: "Harbour Post" (tagged local)
// with three articles, one of them read and one holding only its teaser,
// and "Island Radio" (untagged) with one article, whose last fetch failed.
func feedStore(tb testing.TB) *store.Store {
	tb.Helper()
	s := openStore(tb, nil)
	ctx := context.Background()
	post, err := s.AddFeed(ctx, store.Feed{URL: "https://post.example/rss", Title: "Harbour Post", Tags: []string{"local"}})
	if err != nil {
		tb.Fatal(err)
	}
	radio, err := s.AddFeed(ctx, store.Feed{URL: "https://radio.example/feed", Title: "Island Radio"})
	if err != nil {
		tb.Fatal(err)
	}
	item := func(guid, title string, d int) store.FeedItem {
		return store.FeedItem{Article: model.Article{GUID: guid, Title: title, URL: "https://post.example/" + guid,
			Published: day(d), Source: "Harbour Post", Format: model.FormatText,
			Paragraphs: []string{title + ": the harbour council met on Tuesday."}}}
	}
	postItems := []store.FeedItem{item("p1", "Ferry line approved", 21), item("p2", "Pier closes for repairs", 20), item("p3", "Winter timetable asked for", 19)}
	if _, _, err := s.UpsertFeedArticles(ctx, post.ID, postItems); err != nil {
		tb.Fatal(err)
	}
	arts := []model.Article{postItems[0].Article, postItems[1].Article, postItems[2].Article}
	if err := s.SetSummaryOnly(ctx, post.ID, arts, []bool{false, true, false}); err != nil {
		tb.Fatal(err)
	}
	radioItem := item("r1", "Island radio goes digital", 18)
	radioItem.Source, radioItem.URL = "Island Radio", "https://radio.example/r1"
	if _, _, err := s.UpsertFeedArticles(ctx, radio.ID, []store.FeedItem{radioItem}); err != nil {
		tb.Fatal(err)
	}
	items, err := s.ListItems(ctx, store.ListQuery{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, it := range items {
		if it.Title == "Winter timetable asked for" {
			if err := s.SetRead(ctx, it.ID, true); err != nil {
				tb.Fatal(err)
			}
		}
	}
	when := time.Date(2023, 3, 21, 9, 30, 0, 0, time.Local)
	if err := s.UpdateFeedState(ctx, post.ID, store.FeedState{Fetched: when, Status: 200}); err != nil {
		tb.Fatal(err)
	}
	if err := s.UpdateFeedState(ctx, radio.ID, store.FeedState{Fetched: when, Status: 503, Err: "503 Service Unavailable"}); err != nil {
		tb.Fatal(err)
	}
	return s
}

// An article that holds only its feed's teaser carries the summary glyph in
// the list, and the reader's first line says so and how to read the rest.
func TestSummaryOnlyGlyphAndReaderLine(t *testing.T) {
	m := newModel(t, feedStore(t), 120, 20, Options{})
	row := func(title string) string {
		for _, l := range screen(m) {
			if strings.Contains(l, title) {
				return l
			}
		}
		t.Fatalf("no row for %q in\n%s", title, strings.Join(screen(m), "\n"))
		return ""
	}
	if r := row("Pier closes"); !strings.Contains(r, list.SummaryGlyph+" Pier closes") {
		t.Errorf("summary-only row %q lacks the glyph", r)
	}
	if r := row("Ferry line approved"); strings.Contains(r, list.SummaryGlyph) {
		t.Errorf("full article's row %q has the glyph", r)
	}
	if contains(m, "summary only — O opens the page") {
		t.Error("the reader says summary only for a full article")
	}
	press(t, m, "j") // Pier closes
	if !contains(m, "summary only — O opens the page") || !m.reader.SummaryOnly() {
		t.Errorf("the reader does not say summary only:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "j")
	if contains(m, "summary only — O opens the page") {
		t.Error("the summary-only line stayed on the next article")
	}
}

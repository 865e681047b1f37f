package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

func TestFeedSubscriptions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	f, err := s.AddFeed(ctx, store.Feed{URL: "https://a.example/rss", Tags: []string{"news", "", "news", "uk"}})
	if err != nil {
		t.Fatal(err)
	}
	if f.FullText != store.FullTextAuto || len(f.Tags) != 2 || f.Tags[1] != "uk" || f.LastFetched != (time.Time{}) {
		t.Errorf("added feed = %+v", f)
	}
	if _, err := s.AddFeed(ctx, store.Feed{URL: "https://a.example/rss"}); !errors.Is(err, store.ErrFeedExists) {
		t.Errorf("second AddFeed: %v, want ErrFeedExists", err)
	}
	if _, err := s.AddFeed(ctx, store.Feed{URL: "https://b.example/rss", FullText: "sometimes"}); err == nil {
		t.Error("AddFeed accepted full-text mode \"sometimes\"")
	}

	// A failure keeps the validators of the last good fetch.
	good := store.FeedState{Fetched: time.Unix(1e9, 0), Status: 200, Title: "A News", ETag: `"v1"`, LastModified: "Mon"}
	if err := s.UpdateFeedState(ctx, f.ID, good); err != nil {
		t.Fatal(err)
	}
	bad := store.FeedState{Fetched: time.Unix(1e9+60, 0), Status: 500, Err: "500 Internal Server Error", ETag: "lost"}
	if err := s.UpdateFeedState(ctx, f.ID, bad); err != nil {
		t.Fatal(err)
	}
	f, _ = s.Feed(ctx, f.URL)
	if f.Title != "A News" || f.ETag != `"v1"` || f.LastModified != "Mon" || f.LastStatus != 500 ||
		f.LastError == "" || f.LastFetched.Unix() != 1e9+60 {
		t.Errorf("after a failure feed = %+v", f)
	}

	items := []store.FeedItem{feedItem("g1", "Oslo story"), feedItem("g2", "Bergen story")}
	if n, _, err := s.UpsertFeedArticles(ctx, f.ID, items); err != nil || n != 2 {
		t.Fatalf("UpsertFeedArticles = %d, %v", n, err)
	}
	if feeds, err := s.Feeds(ctx); err != nil || len(feeds) != 1 || feeds[0].Articles != 2 {
		t.Errorf("Feeds = %+v, %v", feeds, err)
	}
	if kept, err := s.RemoveFeed(ctx, f.URL); err != nil || kept != 2 {
		t.Errorf("RemoveFeed = %d, %v; want 2 kept", kept, err)
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("%d articles after removing their feed, want 2", n)
	}
	if _, err := s.RemoveFeed(ctx, f.URL); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second RemoveFeed: %v, want ErrNotFound", err)
	}
}

// feedItem is a feed entry with GUID guid naming Oslo once.
func feedItem(guid, title string) store.FeedItem {
	a := article(title, day(3), "Oslo voted on "+title+".")
	a.GUID, a.URL, a.Source = guid, "https://a.example/"+guid, "A News"
	return store.FeedItem{Article: withEntity(a, "Oslo", model.LOC, "Oslo")}
}

func TestUpsertReplacesAndKeepsState(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	f, _ := s.AddFeed(ctx, store.Feed{URL: "https://a.example/rss"})
	first := feedItem("g1", "Harbour vote")
	if n, u, err := s.UpsertFeedArticles(ctx, f.ID, []store.FeedItem{first}); err != nil || n != 1 || u != 0 {
		t.Fatalf("first upsert = %d new, %d updated, %v", n, u, err)
	}
	list, _ := s.List(ctx, store.ListQuery{})
	id := list[0].ID
	if err := s.SetStarred(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if same, _ := s.Unchanged(ctx, f.ID, []model.Article{first.Article}); !same[0] {
		t.Error("Unchanged: the stored item is reported changed")
	}
	if n, u, _ := s.UpsertFeedArticles(ctx, f.ID, []store.FeedItem{first}); n+u != 0 {
		t.Errorf("re-sent item: %d new, %d updated; want nothing", n, u)
	}

	// The item comes back edited: Bergen replaces Oslo.
	a := article("Harbour vote", day(3), "Bergen voted on the harbour.")
	a.GUID, a.URL, a.Source = "g1", "https://a.example/g1", "A News"
	edited := store.FeedItem{Article: withEntity(a, "Bergen", model.LOC, "Bergen")}
	if same, _ := s.Unchanged(ctx, f.ID, []model.Article{edited.Article}); same[0] {
		t.Error("Unchanged: the edited item is reported unchanged")
	}
	if n, u, err := s.UpsertFeedArticles(ctx, f.ID, []store.FeedItem{edited}); err != nil || n != 0 || u != 1 {
		t.Fatalf("edited upsert = %d new, %d updated, %v", n, u, err)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Paragraphs[0] != "Bergen voted on the harbour." || len(got.Entities) != 1 || got.Entities[0].Name != "Bergen" {
		t.Errorf("replaced article = %+v", got)
	}
	if st, _ := s.States(ctx, []int64{id}); !st[id].Starred {
		t.Error("the update lost the star")
	}
	if hits, _ := s.Search(ctx, "oslo", 10); len(hits) != 0 {
		t.Errorf("search finds the old text: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "bergen", 10); len(hits) != 1 {
		t.Errorf("search for the new text: %+v", hits)
	}
	if ents, _ := s.Entities(ctx, store.EntityQuery{Name: "oslo"}); len(ents) != 0 {
		t.Errorf("Oslo still listed: %+v", ents)
	}

	// Full text fetched for a teaser: the teaser is what is remembered.
	teaser := feedItem("g2", "Teaser")
	full := teaser
	full.Paragraphs = []string{"The whole story, with Oslo in it."}
	full.Entities = nil
	full.Teaser = &teaser.Article
	if n, _, err := s.UpsertFeedArticles(ctx, f.ID, []store.FeedItem{full}); err != nil || n != 1 {
		t.Fatalf("full-text upsert = %d, %v", n, err)
	}
	if same, _ := s.Unchanged(ctx, f.ID, []model.Article{teaser.Article}); !same[0] {
		t.Error("Unchanged: the teaser of a full-text article is reported changed")
	}
}

// A fetch writing through one handle while another reads and stars, as the
// reader does beside `byline fetch`: neither sees "database is locked".
func TestFetchBesideReader(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	writer, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	f, _ := writer.AddFeed(ctx, store.Feed{URL: "https://a.example/rss"})

	var wg sync.WaitGroup
	errs := make(chan error, 2)
	done := make(chan struct{})
	wg.Go(func() {
		defer close(done)
		for b := range 20 {
			var items []store.FeedItem
			for i := range 25 {
				items = append(items, feedItem(fmt.Sprintf("g%d-%d", b, i), fmt.Sprintf("Story %d of batch %d", i, b)))
			}
			if _, _, err := writer.UpsertFeedArticles(ctx, f.ID, items); err != nil {
				errs <- err
				return
			}
			if err := writer.UpdateFeedState(ctx, f.ID, store.FeedState{Fetched: time.Now(), Status: 200}); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			list, err := reader.List(ctx, store.ListQuery{Limit: 20})
			if err == nil && len(list) > 0 {
				err = reader.SetStarred(ctx, list[0].ID, true)
			}
			if err == nil {
				_, err = reader.Feeds(ctx)
			}
			if err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, _ := reader.Count(ctx); n != 500 {
		t.Errorf("%d articles, want 500", n)
	}
}

// A short GUID is unique only within its feed: two feeds' item "1" are two
// articles. A permalink GUID is the same story in every feed that lists it.
func TestLocalGUIDsBelongToTheirFeed(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a, _ := s.AddFeed(ctx, store.Feed{URL: "https://a.example/rss"})
	b, _ := s.AddFeed(ctx, store.Feed{URL: "https://b.example/rss"})
	item := func(guid, title, body string) store.FeedItem {
		art := article(title, day(2), body)
		art.GUID = guid
		return store.FeedItem{Article: art}
	}
	if n, _, err := s.UpsertFeedArticles(ctx, a.ID, []store.FeedItem{item("1", "Blog A: hello", "First post of A.")}); err != nil || n != 1 {
		t.Fatalf("feed A item 1: %d new, %v", n, err)
	}
	if n, _, err := s.UpsertFeedArticles(ctx, b.ID, []store.FeedItem{item("1", "Blog B: hello", "First post of B.")}); err != nil || n != 1 {
		t.Fatalf("feed B item 1 replaced feed A's item 1: %d new, %v", n, err)
	}
	if list, _ := s.List(ctx, store.ListQuery{}); len(list) != 2 {
		t.Fatalf("store holds %q, want both first posts", titles(list))
	}
	// Feed A sends its item 1 again, edited: it replaces A's, not B's.
	if _, u, _ := s.UpsertFeedArticles(ctx, a.ID, []store.FeedItem{item("1", "Blog A: hello again", "First post of A, edited.")}); u != 1 {
		t.Fatalf("edited item of feed A: %d updated, want 1", u)
	}
	if same, _ := s.Unchanged(ctx, b.ID, []model.Article{item("1", "Blog B: hello", "First post of B.").Article}); !same[0] {
		t.Error("feed B's unchanged item 1 reported changed")
	}

	// One permalink in two feeds: one article.
	link := "https://a.example/2024/03/harbour"
	if n, _, _ := s.UpsertFeedArticles(ctx, a.ID, []store.FeedItem{item(link, "Harbour", "The harbour story.")}); n != 1 {
		t.Fatal("permalink item not stored")
	}
	if n, u, _ := s.UpsertFeedArticles(ctx, b.ID, []store.FeedItem{item(link, "Harbour", "The harbour story.")}); n+u != 0 {
		t.Errorf("the same permalink from a second feed: %d new, %d updated; want neither", n, u)
	}
}

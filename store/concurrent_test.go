package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// Two handles on one file stand in for two byline processes: one importing
// while the other reads and imports too. Neither may see "database is
// locked", and an article both import lands once.
func TestTwoStoresOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")

	// Both open a fresh file at once: only one may migrate it.
	var stores [2]*store.Store
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range stores {
		wg.Go(func() {
			s, err := store.Open(path)
			if err != nil {
				errs <- fmt.Errorf("open %d: %w", i, err)
				return
			}
			stores[i] = s
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, s := range stores {
		t.Cleanup(func() { s.Close() })
	}

	const batches, perBatch = 15, 20
	batch := func(writer, b int) []model.Article {
		var as []model.Article
		for i := range perBatch {
			title := fmt.Sprintf("writer %d batch %d article %d", writer, b, i)
			if i == 0 {
				title = fmt.Sprintf("shared article %d", b) // both writers import it
			}
			a := article(title, day(1+i%28), "Oslo is mentioned in "+title+".")
			as = append(as, withEntity(a, "Oslo", model.LOC, "Oslo"))
		}
		return as
	}

	errs = make(chan error, 64)
	done := make(chan struct{})
	for w, s := range stores {
		wg.Go(func() {
			for b := range batches {
				if _, err := s.Import(ctx, batch(w, b)); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
			}
		})
	}
	var readers sync.WaitGroup
	for r, s := range stores {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				list, err := s.List(ctx, store.ListQuery{Limit: 50})
				if err == nil && len(list) > 0 {
					_, err = s.Article(ctx, list[0].ID)
				}
				if err == nil {
					_, err = s.Search(ctx, "oslo", 10)
				}
				if err == nil {
					_, err = s.Entities(ctx, store.EntityQuery{Limit: 10})
				}
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	want := 2*batches*(perBatch-1) + batches
	for i, s := range stores {
		if n, err := s.Count(ctx); err != nil || n != want {
			t.Errorf("store %d Count = %d, %v; want %d", i, n, err, want)
		}
	}
	ents, _ := stores[0].Entities(ctx, store.EntityQuery{Name: "oslo"})
	if len(ents) != 1 || ents[0].Articles != want {
		t.Errorf("Oslo = %+v, want one entity in %d articles", ents, want)
	}
}

// The writers race: an import, a second import, a fetch (upserts and feed
// state) and a reader saving read marks all write one fresh file at once,
// each through its own handle, as byline import, byline fetch and the
// reader's `r` do from three processes. SQLite's busy handler is cut to
// 20 ms, so every writer keeps finding the lock taken: none may fail, and
// nothing written may be lost.
func TestWritersRace(t *testing.T) {
	defer store.SetBusyTimeout(20 * time.Millisecond)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")

	const writers = 5 // two imports, a fetch, a reader, a relink
	stores := make([]*store.Store, writers)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range stores {
		wg.Go(func() {
			s, err := store.Open(path)
			if err != nil {
				errs <- fmt.Errorf("open %d: %w", i, err)
				return
			}
			stores[i] = s
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatal(<-errs)
	}
	for _, s := range stores {
		t.Cleanup(func() { s.Close() })
	}
	// Something for the reader to mark from the start.
	var seed []model.Article
	for i := range 20 {
		seed = append(seed, withEntity(article(fmt.Sprintf("seed %d about Oslo", i), day(1+i), "Oslo is in seed "+strconv.Itoa(i)+"."), "Oslo", model.LOC, "Oslo"))
	}
	seeded, err := stores[0].Import(ctx, seed)
	if err != nil {
		t.Fatal(err)
	}
	feed, err := stores[2].AddFeed(ctx, store.Feed{URL: "https://news.example/rss"})
	if err != nil {
		t.Fatal(err)
	}

	const batches, perBatch = 8, 60
	batch := func(who string, b int) []model.Article {
		var as []model.Article
		for i := range perBatch {
			title := fmt.Sprintf("%s batch %d article %d about Tony Blair", who, b, i)
			a := article(title, day(1+i%28), "Tony Blair spoke in "+title+".", "Mr Blair said Oslo was near.")
			a = withEntity(a, "Tony Blair", model.PER, "Tony Blair")
			a = withEntity(a, "Blair", model.PER, "Blair said")
			as = append(as, withEntity(a, "Oslo", model.LOC, "Oslo"))
		}
		return as
	}
	done := make(chan struct{})
	var running sync.WaitGroup
	for w, who := range []string{"import A", "import B"} {
		running.Go(func() {
			for b := range batches {
				if res, err := stores[w].Import(ctx, batch(who, b)); err != nil {
					errs <- fmt.Errorf("%s: %w", who, err)
					return
				} else if res.Imported != perBatch {
					errs <- fmt.Errorf("%s batch %d: imported %d, want %d", who, b, res.Imported, perBatch)
				}
			}
		})
	}
	running.Go(func() {
		for b := range batches {
			var items []store.FeedItem
			for _, a := range batch("fetch", b) {
				a.GUID = "https://news.example/" + a.Title
				items = append(items, store.FeedItem{Article: a})
			}
			if _, _, err := stores[2].UpsertFeedArticles(ctx, feed.ID, items); err != nil {
				errs <- fmt.Errorf("fetch: %w", err)
				return
			}
			if err := stores[2].UpdateFeedState(ctx, feed.ID, store.FeedState{Fetched: time.Now(), Status: 200, ETag: strconv.Itoa(b)}); err != nil {
				errs <- fmt.Errorf("fetch: feed state: %w", err)
				return
			}
		}
	})
	// The reader marks the seed articles read and unread, round after
	// round, until the writers are done; relink runs as the end of each
	// import does.
	marks := 0
	read := make(map[int64]bool) // what the reader saved last
	var background sync.WaitGroup
	background.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			id := seeded.IDs[i%len(seeded.IDs)]
			on := (i/len(seeded.IDs))%2 == 0
			if err := stores[3].SetRead(ctx, id, on); err != nil {
				errs <- fmt.Errorf("reader: %w", err)
				return
			}
			read[id] = on
			marks++
		}
	})
	background.Go(func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if _, err := stores[4].Relink(ctx); err != nil {
				errs <- fmt.Errorf("relink: %w", err)
				return
			}
		}
	})
	running.Wait()
	close(done)
	background.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	want := len(seed) + 3*batches*perBatch
	if n, err := stores[3].Count(ctx); err != nil || n != want {
		t.Errorf("Count = %d, %v; want %d: a batch was lost", n, err, want)
	}
	states, err := stores[1].States(ctx, seeded.IDs)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range seeded.IDs {
		if states[id].Read != read[id] {
			t.Errorf("seed article %d: read = %v, but the reader saved %v last", id, states[id].Read, read[id])
		}
	}
	if f, err := stores[0].Feed(ctx, feed.URL); err != nil || f.ETag != strconv.Itoa(batches-1) {
		t.Errorf("feed = %+v, %v; want the last fetch's ETag", f, err)
	}
	t.Logf("%d read marks saved beside the writers", marks)
}

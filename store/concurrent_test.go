package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

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

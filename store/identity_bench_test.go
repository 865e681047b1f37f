package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// BenchmarkRelinkNew1k measures the relink that follows an import of 1,000
// new articles into a store of 100,000 (BYLINE_BENCH_ARTICLES to change
// it): resolving identities costs in proportion to what changed, not to the
// store. Building the store takes a minute or two.
func BenchmarkRelinkNew1k(b *testing.B) {
	size := 100_000
	if v, err := strconv.Atoi(os.Getenv("BYLINE_BENCH_ARTICLES")); err == nil && v > 0 {
		size = v
	}
	s, err := store.Open(filepath.Join(b.TempDir(), "byline.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	next := 0
	batch := func(n int) []model.Article {
		arts := make([]model.Article, n)
		for i := range arts {
			arts[i] = synthetic(next)
			next++
		}
		return arts
	}
	for next < size {
		if _, err := s.Import(ctx, batch(min(5000, size-next))); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.Relink(ctx); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if _, err := s.Import(ctx, batch(1000)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Relink(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

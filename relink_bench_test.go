package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bylinehq/byline/internal/cputime"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// BenchmarkScaleRelink is the relink that follows an import of 1,000 new
// articles (BBC articles, tagged beforehand and retitled so they are new)
// into a store of 10k or 100k BBC articles already relinked, as `byline
// import` and `byline fetch` run it: it must cost in proportion to what
// changed, not to the store. The store is a copy of the cached benchmark
// store, relinked once before timing; each round imports another 1,000
// (untimed) and times the relink. cpu-µs/op is the process's CPU time per
// relink, which other work on the machine moves less than the wall clock.
func BenchmarkScaleRelink(b *testing.B) {
	arts := taggedBBC(b)
	for _, n := range benchSizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "relink.db")
			if err := copyFile(benchStore(b, n), path); err != nil {
				b.Fatal(err)
			}
			st, err := store.Open(path) // relinks what the cached store left pending
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			if _, err := st.Relink(ctx); err != nil {
				b.Fatal(err)
			}
			round := 0
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				round++
				batch := make([]model.Article, 1000)
				for i := range batch {
					a := arts[(round*1000+i)%len(arts)]
					a.Title = fmt.Sprintf("%s (new %d)", a.Title, round)
					batch[i] = a
				}
				if _, err := st.Import(ctx, batch); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				before := cputime.Used()
				if _, err := st.Relink(ctx); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Used() - before
			}
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
		})
	}
}

package main

// The generator of the benchmark stores: N articles made from the BBC corpus,
// tagged once and written straight through store.Import in large batches, so
// that a 100,000-article store builds in minutes rather than the hours a
// real import of as many files would take. Built stores are kept under
// os.TempDir, keyed by N and the schema version, so reruns start at once;
// delete the folder (or change the schema) to build afresh.

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// benchSizes are the store sizes the scale benchmarks run at: 10k and 100k
// always, 1M when BYLINE_BENCH_1M=1 (it takes a long while to build and a
// few GB of disk).
func benchSizes() []int {
	sizes := []int{10_000, 100_000}
	if os.Getenv("BYLINE_BENCH_1M") == "1" {
		sizes = append(sizes, 1_000_000)
	}
	return sizes
}

// sizeName is n as a benchmark names it: 10k, 100k, 1M.
func sizeName(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%dM", n/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// genBatch is how many articles one Import call (one transaction) writes.
const genBatch = 5000

var (
	tagged struct {
		once sync.Once
		arts []model.Article
		err  error
	}
	genMu     sync.Mutex
	genStores = map[int]string{}
)

// taggedBBC is the BBC corpus parsed and tagged, once per test binary.
func taggedBBC(tb testing.TB) []model.Article {
	dir := bbcDir(tb)
	tagged.once.Do(func() {
		files, errs := ingest.Files([]string{dir})
		if len(errs) > 0 {
			tagged.err = errs[0]
			return
		}
		q := startTagging(files, entity.New(), make(chan struct{}, runtime.GOMAXPROCS(0)), len(files))
		arts, failures := articlesOf(q.take(0, len(files)))
		q.stop()
		if len(failures) > 0 {
			tagged.err = failures[0]
			return
		}
		tagged.arts = distinct(arts)
	})
	if tagged.err != nil {
		tb.Fatal(tagged.err)
	}
	return tagged.arts
}

// benchStore returns the path of an n-article store built from the BBC
// corpus, from the cache when a store of this size and schema is there.
// Benchmarks must not write to it: it outlives the run.
func benchStore(tb testing.TB, n int) string {
	genMu.Lock()
	defer genMu.Unlock()
	if p, ok := genStores[n]; ok {
		return p
	}
	bbcDir(tb) // skip early when the corpus is absent
	dir := filepath.Join(os.TempDir(), "byline-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("bbc-%s-%s.db", sizeName(n), schemaKey(tb, dir)))
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		tmp := path + ".building"
		os.Remove(tmp)
		if err := generateStore(taggedBBC(tb), tmp, n); err != nil {
			tb.Fatalf("build %s: %v", path, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			tb.Fatal(err)
		}
		tb.Logf("built %s in %v", path, time.Since(start).Round(time.Second))
	}
	genStores[n] = path
	return path
}

// schemaKey names the store this byline writes: its schema version and a
// hash of its schema and page size, read from an empty store made in dir.
// A store built by another schema is never reused, even one of the same
// version number built on another branch.
func schemaKey(tb testing.TB, dir string) string {
	p := filepath.Join(dir, fmt.Sprintf("probe-%d.db", os.Getpid()))
	defer func() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(p + suffix)
		}
	}()
	st, err := store.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", p)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var v, pageSize int
	var schema string
	err = db.QueryRow(`SELECT (SELECT user_version FROM pragma_user_version), (SELECT page_size FROM pragma_page_size),
		(SELECT group_concat(coalesce(sql, name), ';') FROM (SELECT sql, name FROM sqlite_schema ORDER BY name))`).Scan(&v, &pageSize, &schema)
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%d\n%s", pageSize, schema))
	return fmt.Sprintf("v%d-%x", v, sum[:4])
}

// generateStore writes n articles to a new store at path: the tagged
// articles over and over, each copy retitled so the store keeps it as a new
// article, with dates spread at random over twenty years (a fixed seed, so
// every build is the same store), then relinks them.
func generateStore(arts []model.Article, path string, n int) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(12, uint64(n)))
	start := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	const span = 20 * 365 * 24 // hours
	batch := make([]model.Article, 0, genBatch)
	for i := range n {
		a := arts[i%len(arts)]
		if copyNo := i / len(arts); copyNo > 0 {
			a.Title = fmt.Sprintf("%s (%d)", a.Title, copyNo+1)
		}
		a.Published = start.Add(time.Duration(rng.IntN(span)) * time.Hour)
		batch = append(batch, a)
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := st.Import(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	// Leave it as `byline import` does: people linked, nothing pending,
	// so that opening it does no work a benchmark would time.
	if _, err := st.Relink(ctx); err != nil {
		return err
	}
	got, err := st.Count(ctx)
	if err == nil && got != n {
		err = fmt.Errorf("store has %d articles, want %d", got, n)
	}
	return err
}

// TestGenerateStore builds (or finds) the benchmark stores, so that a
// benchmark run measures rather than builds; it runs only when asked:
// BYLINE_BENCH_GEN=1 go test -run TestGenerateStore -v .
func TestGenerateStore(t *testing.T) {
	if os.Getenv("BYLINE_BENCH_GEN") != "1" {
		t.Skip("set BYLINE_BENCH_GEN=1 to build the benchmark stores")
	}
	for _, n := range benchSizes() {
		path := benchStore(t, n)
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d articles, %.1f MB, %.2f KB per article", path, n, float64(fi.Size())/1e6, float64(fi.Size())/1024/float64(n))
	}
}

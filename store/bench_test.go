package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// synthetic returns article n of a synthetic corpus: a distinct title, five
// paragraphs of about 60 words and four entities from a pool of 200, each
// mentioned two or three times, offsets exact.
func synthetic(n int) model.Article {
	people := []string{"Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"}
	places := []string{"Zürich", "Oslo", "Lisbon", "Kyoto", "Nairobi", "Lima", "Perth", "Quebec"}
	name := func(pool []string, k int) string { return fmt.Sprintf("%s %d", pool[k%len(pool)], k%40) }
	ents := []struct {
		name string
		typ  model.EntityType
	}{
		{name(people, n), model.PER},
		{name(people, n*7+3), model.PER},
		{name(places, n*3), model.LOC},
		{fmt.Sprintf("Agency %d", n%40), model.ORG},
	}
	filler := strings.Repeat("the committee said on Tuesday that the plan would go ahead despite objections ", 5)
	a := model.Article{
		Title:     fmt.Sprintf("Report %d: %s visits %s", n, ents[0].name, ents[2].name),
		Published: time.Unix(1.7e9+int64(n%5000)*3600, 0).UTC(),
		Caption:   ents[1].name + " at the podium",
		Source:    fmt.Sprintf("bench/%d.txt", n),
		Format:    model.FormatText,
	}
	for p := range 5 {
		e := ents[p%len(ents)]
		a.Paragraphs = append(a.Paragraphs, fmt.Sprintf("%s spoke in paragraph %d of report %d; %s", e.name, p, n, filler))
	}
	for _, e := range ents {
		a = withEntity(a, e.name, e.typ, e.name)
	}
	return a
}

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusPath string
	corpusErr  error
)

const corpusSize = 10_000

// corpus10k builds, once per test binary, a store of 10,000 synthetic
// articles that the read benchmarks share; they never write to it.
func corpus10k(b *testing.B) string {
	b.Helper()
	corpusOnce.Do(func() {
		corpusDir, corpusErr = os.MkdirTemp("", "byline-bench-")
		if corpusErr != nil {
			return
		}
		corpusPath = filepath.Join(corpusDir, "byline.db")
		var s *store.Store
		if s, corpusErr = store.Open(corpusPath); corpusErr != nil {
			return
		}
		defer s.Close()
		for start := 0; start < corpusSize && corpusErr == nil; start += 1000 {
			batch := make([]model.Article, 1000)
			for i := range batch {
				batch[i] = synthetic(start + i)
			}
			_, corpusErr = s.Import(context.Background(), batch)
		}
	})
	if corpusErr != nil {
		b.Fatalf("build 10k corpus: %v", corpusErr)
	}
	return corpusPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

// BenchmarkImport measures the store side of an import: batches of 200 new
// articles (four entities, ten mentions each) into a growing store.
func BenchmarkImport(b *testing.B) {
	const batchSize = 200
	s := openTemp(b)
	batches := make([][]model.Article, b.N)
	for i := range batches {
		batches[i] = make([]model.Article, batchSize)
		for j := range batches[i] {
			batches[i][j] = synthetic(i*batchSize + j)
		}
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Import(ctx, batches[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batchSize)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkList10k lists every article of a 10,000-article store, what the
// list pane asks for when it shows everything.
func BenchmarkList10k(b *testing.B) {
	s, err := store.Open(corpus10k(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		list, err := s.List(ctx, store.ListQuery{})
		if err != nil || len(list) != corpusSize {
			b.Fatalf("List = %d rows, %v", len(list), err)
		}
	}
}

// BenchmarkArticle opens one full article (body, entities, mentions) from a
// 10,000-article store.
func BenchmarkArticle(b *testing.B) {
	s, err := store.Open(corpus10k(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	id := int64(1)
	b.ResetTimer()
	for b.Loop() {
		a, err := s.Article(ctx, id)
		if err != nil || len(a.Entities) == 0 {
			b.Fatalf("Article(%d) = %v, %v", id, a, err)
		}
		id = (id+6)%corpusSize + 1
	}
}

// BenchmarkOpen opens and closes an existing 10,000-article store: the cost
// byline pays at every start.
func BenchmarkOpen(b *testing.B) {
	path := corpus10k(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

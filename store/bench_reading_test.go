package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// The benchmarks of reading by entity: the bars are 50 ms for filtering the
// list by an entity, for the first page of a search, and for related
// entities, and 20 ms for one key press in the fuzzy entity finder, all on a
// store of 10,000 articles.

// openCorpus opens a shared read-only benchmark store.
func openCorpus(b *testing.B, path string) *store.Store {
	b.Helper()
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// topEntity is the entity named in the most articles.
func topEntity(b *testing.B, s *store.Store) model.EntityCount {
	b.Helper()
	top, err := s.Entities(context.Background(), store.EntityQuery{Limit: 1})
	if err != nil || len(top) != 1 {
		b.Fatalf("top entity: %v, %v", top, err)
	}
	return top[0]
}

// BenchmarkListByEntity lists every article naming the most reported entity,
// alone and with the unread filter (half the store is read).
func BenchmarkListByEntity(b *testing.B) {
	for _, c := range []struct {
		name string
		path func(*testing.B) string
	}{{"10k", corpus10k}, {"wide", corpusWide}} {
		b.Run(c.name, func(b *testing.B) { // builds only the corpora asked for
			s := openCorpus(b, c.path(b))
			top := topEntity(b, s)
			for _, q := range []struct {
				name string
				q    store.ListQuery
			}{
				{"all", store.ListQuery{EntityID: top.ID}},
				{"unread", store.ListQuery{EntityID: top.ID, Unread: true}},
				{"page", store.ListQuery{EntityID: top.ID, Limit: 100}},
			} {
				b.Run(fmt.Sprintf("%s/%d-articles", q.name, top.Articles), func(b *testing.B) {
					ctx := context.Background()
					for b.Loop() {
						list, err := s.ListItems(ctx, q.q)
						if err != nil || len(list) == 0 {
							b.Fatalf("ListItems = %d rows, %v", len(list), err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkSearchFirstPage asks for the first 100 ranked hits, and the hit
// count, the status bar shows: for a word in every article (the worst case:
// every article is ranked), a prefix, a phrase and a rare word.
func BenchmarkSearchFirstPage(b *testing.B) {
	s := openCorpus(b, corpus10k(b))
	for _, query := range []string{"committee", "comm*", `"plan would go ahead"`, "report 4242"} {
		b.Run(query, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				hits, err := s.Search(ctx, query, 100)
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search = %d hits, %v", len(hits), err)
				}
				if n, err := s.SearchCount(ctx, query, store.ListQuery{}); err != nil || n < len(hits) {
					b.Fatalf("SearchCount = %d, %v", n, err)
				}
			}
		})
	}
}

// BenchmarkRelated ranks the 20 entities most often named with the most
// reported one: in the 10k store, and in the wide store where it is named in
// thousands of articles of a dozen entities each.
func BenchmarkRelated(b *testing.B) {
	for _, c := range []struct {
		name string
		path func(*testing.B) string
	}{{"10k", corpus10k}, {"wide", corpusWide}} {
		b.Run(c.name, func(b *testing.B) {
			s := openCorpus(b, c.path(b))
			top := topEntity(b, s)
			b.Run(fmt.Sprintf("%d-articles", top.Articles), func(b *testing.B) {
				ctx := context.Background()
				for b.Loop() {
					rel, err := s.Related(ctx, top.ID, 20)
					if err != nil || len(rel) == 0 {
						b.Fatalf("Related = %d, %v", len(rel), err)
					}
				}
			})
		})
	}
}

// BenchmarkListItems10k lists every article of the 10k store with its
// reading state: what the list pane loads (compare BenchmarkList10k).
func BenchmarkListItems10k(b *testing.B) {
	s := openCorpus(b, corpus10k(b))
	ctx := context.Background()
	for b.Loop() {
		list, err := s.ListItems(ctx, store.ListQuery{})
		if err != nil || len(list) != corpusSize {
			b.Fatalf("ListItems = %d rows, %v", len(list), err)
		}
	}
}

// BenchmarkEntitiesFuzzy is one key press in the entity finder of the wide
// store (10,000 articles, tens of thousands of entities), for patterns from
// one letter (nearly everything matches) to a full name; and the first key
// press after opening the store, which loads the entities.
func BenchmarkEntitiesFuzzy(b *testing.B) {
	path := corpusWide(b)
	s := openCorpus(b, path)
	ctx := context.Background()
	all, err := s.Entities(ctx, store.EntityQuery{})
	if err != nil {
		b.Fatal(err)
	}
	for _, match := range []string{"a", "ma", "kor", "ada l", "xzq", "Sofia Tamorevan"} {
		b.Run(fmt.Sprintf("%d-entities/%s", len(all), match), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Entities(ctx, store.EntityQuery{Match: match, Limit: 200}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run(fmt.Sprintf("%d-entities/first-after-open", len(all)), func(b *testing.B) {
		for b.Loop() {
			s, err := store.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Entities(ctx, store.EntityQuery{Match: "ma", Limit: 200}); err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
}

var (
	wideOnce sync.Once
	widePath string
	wideErr  error
)

// corpusWide builds, once per test binary, a store of 10,000 articles with
// many entities: each synthetic article also names two people of its own and
// four more drawn from a pool of 20,000 with a long tail (a few are named
// everywhere, most once or twice), so the store holds tens of thousands of
// entities and a few reach thousands of articles. Half the articles are read.
func corpusWide(b *testing.B) string {
	b.Helper()
	wideOnce.Do(func() {
		corpus10k(b) // makes corpusDir, which TestMain removes
		if corpusErr != nil {
			wideErr = corpusErr
			return
		}
		widePath = filepath.Join(corpusDir, "wide.db")
		var s *store.Store
		if s, wideErr = store.Open(widePath); wideErr != nil {
			return
		}
		defer s.Close()
		ctx := context.Background()
		r := rand.New(rand.NewPCG(1, 2))
		zipf := rand.NewZipf(r, 1.1, 1, 19_999)
		for start := 0; start < corpusSize && wideErr == nil; start += 1000 {
			batch := make([]model.Article, 1000)
			for i := range batch {
				n := start + i
				extra := []int{20_000 + 2*n, 20_000 + 2*n + 1}
				for range 4 {
					extra = append(extra, int(zipf.Uint64()))
				}
				batch[i] = wideArticle(n, extra)
			}
			var res store.ImportResult
			if res, wideErr = s.Import(ctx, batch); wideErr != nil {
				return
			}
			for i, id := range res.IDs {
				if i%2 == 0 {
					if wideErr = s.SetRead(ctx, id, true); wideErr != nil {
						return
					}
				}
			}
		}
	})
	if wideErr != nil {
		b.Fatalf("build wide corpus: %v", wideErr)
	}
	return widePath
}

// wideArticle is synthetic(n) naming also the entities numbered extra.
func wideArticle(n int, extra []int) model.Article {
	a := synthetic(n)
	var names []string
	for _, k := range extra {
		names = append(names, wideName(k))
	}
	a.Paragraphs = append(a.Paragraphs, "Also present: "+strings.Join(names, "; ")+".")
	seen := map[string]bool{}
	for j, name := range names {
		if seen[name] {
			continue
		}
		seen[name] = true
		a = withEntity(a, name, model.EntityTypes[(extra[j]/3)%len(model.EntityTypes)], name)
	}
	return a
}

// wideName makes the k-th of many distinct, name-like entity names.
func wideName(k int) string {
	first := []string{"Sofia", "Omar", "Mei", "Lars", "Amara", "Diego", "Yuki", "Ines", "Kofi", "Anya",
		"Ravi", "Lena", "Tomas", "Nadia", "Felix", "Zara", "Ivan", "Leila", "Marco", "Hana"}
	syllables := []string{"ka", "lo", "mi", "ran", "te", "vo", "sha", "ber", "din", "go",
		"mor", "el", "tu", "van", "ri", "son", "ha", "zel", "qui", "nor"}
	var last strings.Builder
	rest := k / len(first)
	for i := 0; i < 3 || rest > 0; i++ {
		last.WriteString(syllables[rest%len(syllables)])
		rest /= len(syllables)
	}
	l := last.String()
	return first[k%len(first)] + " " + strings.ToUpper(l[:1]) + l[1:]
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// bbcStore is a store holding the BBC corpus, imported in batches (each
// file's first line its title, its paragraphs the rest), without entities.
func bbcStore(t *testing.T) *Store {
	t.Helper()
	texts := bbcTexts(t)
	s, err := Open(filepath.Join(t.TempDir(), "bbc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var batch []model.Article
	for i, text := range texts {
		title, body, _ := strings.Cut(strings.TrimSpace(text), "\n")
		var paras []string
		for _, p := range strings.Split(body, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		batch = append(batch, model.Article{Title: title, Paragraphs: paras, Source: fmt.Sprintf("bbc/%d", i),
			Format: model.FormatText, Published: time.Date(2005, 1, 1, 0, i, 0, 0, time.UTC)})
		if len(batch) == 500 || i == len(texts)-1 {
			if _, err := s.Import(context.Background(), batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return s
}

// hitIDs returns the ids of the articles an FTS5 query matches, in order.
func hitIDs(t *testing.T, db *sql.DB, match string) []int64 {
	t.Helper()
	rows, err := db.Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid`, match)
	if err != nil {
		t.Fatalf("MATCH %s: %v", match, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// indexTerms are the terms of the full-text index, from fts5vocab, and the
// words of search_words.
func indexTerms(t *testing.T, s *Store) (terms, words []string) {
	t.Helper()
	ctx := context.Background()
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS index_terms USING fts5vocab(articles_fts, row)`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if terms, err = s.readWords(ctx, `SELECT term FROM index_terms ORDER BY term`); err != nil {
		t.Fatal(err)
	}
	if words, err = s.readWords(ctx, `SELECT word FROM search_words ORDER BY word`); err != nil {
		t.Fatal(err)
	}
	return terms, words
}

// On the BBC corpus, every prefix search expanded in full finds exactly
// the articles FTS5's own prefix query finds, and the words imported are
// the words of the index.
func TestPrefixExpansionFindsWhatFTS5Finds(t *testing.T) {
	s := bbcStore(t)
	ctx := context.Background()
	terms, words := indexTerms(t, s)
	if d := diffTerms(terms, words); d != "" {
		t.Fatalf("search_words after import is not the index's words:\n%s", d)
	}

	// Every prefix of one to six letters of every fifth word, as typed
	// (upper case, accents), and phrases ending in a prefix.
	prefixes := map[string]bool{}
	for i, w := range words {
		if i%5 != 0 {
			continue
		}
		for n := 1; n <= min(6, utf8.RuneCountInString(w)); n++ {
			prefixes[string([]rune(w)[:n])] = true
		}
	}
	queries := []string{"GOVERN*", "Zür*", "zur*", `"prime mi"*`, `"the gov"*`, `"chief exec"*`, "e-ma*", "elect* gov*", "2004*"}
	for p := range prefixes {
		queries = append(queries, p+"*")
	}
	slices.Sort(queries)
	compared, capped := 0, 0
	for _, q := range queries {
		walk, rank, err := s.matchQuery(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want := hitIDs(t, s.db, ftsQuery(q))
		got := hitIDs(t, s.db, walk)
		if rank != ftsQuery(q) {
			// Cut to its shortest words: it finds some of the hits
			// (all, for a phrase, which FTS5 searches).
			capped++
			if len(got) == 0 && len(want) > 0 || !isSubset(got, want) {
				t.Errorf("%s, cut to %d words, finds %d articles, not a part of the %d of %s", q, prefixWords, len(got), len(want), ftsQuery(q))
			}
			continue
		}
		compared++
		if !slices.Equal(got, want) {
			t.Errorf("%s expanded (%.200s) finds %d articles, FTS5's %s %d", q, walk, len(got), ftsQuery(q), len(want))
		}
	}
	if compared < 1000 || capped < 20 {
		t.Errorf("compared %d prefixes in full and %d cut: too few to tell", compared, capped)
	}
	t.Logf("%d prefixes expanded in full, %d cut to %d words", compared, capped, prefixWords)

	// Through the store's own calls.
	for _, q := range []string{"govern*", "minist*", `"prime mi"*`} {
		n, err := s.SearchCount(ctx, q, ListQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if want := len(hitIDs(t, s.db, ftsQuery(q))); n != want || n == 0 {
			t.Errorf("SearchCount(%s) = %d, want %d", q, n, want)
		}
		hits, err := s.SearchItems(ctx, q, ListQuery{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits.Items) != min(50, n) {
			t.Errorf("SearchItems(%s) gave %d items of %d", q, len(hits.Items), n)
		}
	}
}

func isSubset(sub, set []int64) bool {
	for _, id := range sub {
		if _, ok := slices.BinarySearch(set, id); !ok {
			return false
		}
	}
	return true
}

// A prefix starting more than prefixWords words stands for the shortest of
// them, the typed word first, and finds at once in a store of thousands.
func TestShortPrefixTakesTheShortestWords(t *testing.T) {
	s := bbcStore(t)
	ctx := context.Background()
	for _, p := range []string{"s", "g", "co", "pr"} {
		words, all, err := s.wordsStarting(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		every, err := s.readWords(ctx, `SELECT word FROM search_words WHERE substr(word, 1, ?) = ?`, utf8.RuneCountInString(p), p)
		if err != nil {
			t.Fatal(err)
		}
		if all || len(words) != prefixWords || len(every) <= prefixWords {
			t.Fatalf("%s*: %d words (all %v) of %d", p, len(words), all, len(every))
		}
		longest := 0
		for _, w := range words {
			longest = max(longest, utf8.RuneCountInString(w))
		}
		for _, w := range every {
			if !slices.Contains(words, w) && utf8.RuneCountInString(w) < longest {
				t.Errorf("%s*: %q left out, though shorter than words taken (%d letters)", p, w, longest)
			}
		}
		if slices.Contains(every, p) && words[0] != p {
			t.Errorf("%s*: the word itself is not first: %q", p, words[:3])
		}
	}
}

// The migration fills search_words from the index of a store written
// before it.
func TestSearchWordsMigrationBackfills(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts := []model.Article{
		{Title: "Élection à Zürich", Paragraphs: []string{"Les électeurs ont voté. Voters voted early."}, Format: model.FormatText},
		{Title: "Markets", Paragraphs: []string{"Shares in Ørsted rose 3.5% to £10m."}, Format: model.FormatText},
	}
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	// Back to version 8: no words table.
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DROP TABLE search_words; PRAGMA user_version = 8`)
		return err
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	terms, words := indexTerms(t, s)
	if !slices.Equal(terms, words) || len(words) < 15 {
		t.Errorf("after the migration search_words = %q, the index has %q", words, terms)
	}
	hits, err := s.SearchItems(ctx, "ørs*", ListQuery{Limit: 10})
	if err != nil || len(hits.Items) != 1 {
		t.Errorf("ørs* after the migration: %d hits, %v", len(hits.Items), err)
	}
}

// An import that fails leaves none of its words, and the next import of
// the same articles records them.
func TestFailedImportLeavesNoWords(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "fail.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	good := model.Article{Title: "Quuxbarfoo rises", Paragraphs: []string{"Quuxbarfoo shares rose."}, Format: model.FormatText}
	bad := model.Article{Title: "Bad", Paragraphs: []string{"Zyzzogeton."}, Format: model.FormatText,
		Entities: []model.Entity{{Name: "Bad", Type: model.ORG, Mentions: []model.Mention{{Field: "nowhere"}}}}}
	if _, err := s.Import(ctx, []model.Article{good, bad}); err == nil {
		t.Fatal("an article with a mention in no field imported")
	}
	words, err := s.readWords(ctx, `SELECT word FROM search_words WHERE word IN ('quuxbarfoo', 'zyzzogeton')`)
	if err != nil || len(words) != 0 {
		t.Fatalf("after a failed import search_words holds %q (%v)", words, err)
	}
	if _, err := s.Import(ctx, []model.Article{good}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.SearchItems(ctx, "quux*", ListQuery{Limit: 10})
	if err != nil || len(hits.Items) != 1 {
		t.Errorf("quux* after importing again: %d hits, %v", len(hits.Items), err)
	}
}

// When a search has more hits than it ranks, the hits with every term in
// the title come first, newest first: with prefixes expanded too.
func TestNewestPageTitleFirstWithPrefix(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "title.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer func(old int) { searchCandidates = old }(searchCandidates)
	searchCandidates = 4
	var arts []model.Article
	for i, title := range []string{"Elections called", "Weather", "Electoral reform", "Sport", "Electricity prices", "Markets"} {
		body := "Nothing electrifying here."
		if i%2 == 1 {
			body = "The election was close."
		}
		arts = append(arts, model.Article{Title: title, Paragraphs: []string{body}, Format: model.FormatText,
			Published: time.Date(2024, 1, i+1, 0, 0, 0, 0, time.UTC)})
	}
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	hits, err := s.SearchItems(ctx, "elect*", ListQuery{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range hits.Items {
		got = append(got, it.Title)
	}
	// The four newest hits, those with an elect- word in the title first.
	want := []string{"Electricity prices", "Electoral reform", "Markets", "Sport"}
	if !slices.Equal(got, want) || hits.Exact {
		t.Errorf("elect* = %q (exact %v), want %q, estimated", got, hits.Exact, want)
	}
}

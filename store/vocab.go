package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
)

// searchWordsMigration (9) keeps every word of the full-text index in a
// table of its own, so that a prefix search can be expanded into the words
// it stands for (see matchQuery). FTS5 answers "government*" by merging
// the whole doclist of every word the prefix starts, so it cannot stop at
// the newest hits: 22 ms in a million articles, and 780 ms for "g*", where
// the same words given as an OR take 1 ms. Its own list of words,
// fts5vocab, reads every doclist too. The index of words by length serves
// a prefix with too many words, which is expanded into its shortest.
//
// The table is filled from fts5vocab here, once: that reads the whole
// index (6 s for a million articles with the file in memory, 20 s from a
// cold disk), and is the price of an upgrade.
// From then on each import adds its new words (searchWords). A
// deleted article leaves its words: they match nothing.
const searchWordsMigration = `
CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX search_words_by_length ON search_words (length(word), word);
CREATE VIRTUAL TABLE temp.articles_fts_words USING fts5vocab(main, articles_fts, row);
INSERT INTO search_words (word) SELECT term FROM temp.articles_fts_words;
DROP TABLE temp.articles_fts_words;
`

// searchWords gathers the words of an import transaction's articles and
// writes those the transaction has not written yet to search_words. It
// remembers the words it has seen, so a batch of thousands of articles
// writes each word once, not once an article: the common words of every
// article cost a map lookup each. They are written in one statement a
// batch (see write), sorted, rather than one an article. The set lives as
// long as the transaction (the zero value is ready), so a rolled back
// batch leaves nothing remembered that the table lacks.
type searchWords struct {
	seen  map[string]string // each word to itself, a string the cache can share
	buf   []byte
	fresh []string // seen, not yet written
	// recent is a small cache in front of seen, by a hash of the word:
	// most words of an article are common ones, and a lookup in a map of
	// tens of thousands of words misses the processor's caches (it was
	// three quarters of the cost of add).
	recent *[recentWords]string
}

// recentWords is the size of searchWords.recent: 64 KiB of string headers.
const recentWords = 4096

// add gathers the words of an article's title and paragraphs.
func (w *searchWords) add(title string, paragraphs []string) {
	if w.seen == nil {
		w.seen = make(map[string]string, 1<<14)
		w.recent = new([recentWords]string)
	}
	add := func(word []byte) {
		slot := &w.recent[wordHash(word)%recentWords]
		if *slot == string(word) {
			return
		}
		s, ok := w.seen[string(word)]
		if !ok {
			s = string(word)
			w.seen[s] = s
			w.fresh = append(w.fresh, s)
		}
		*slot = s
	}
	w.buf = appendWords(w.buf, title, add)
	for _, p := range paragraphs {
		w.buf = appendWords(w.buf, p, add)
	}
}

// write inserts the words gathered since the last write, in tx, in one
// statement, in order (so the B-tree is written page after page). It must
// run before the transaction commits.
func (w *searchWords) write(ctx context.Context, tx *sql.Tx) error {
	if len(w.fresh) == 0 {
		return nil
	}
	slices.Sort(w.fresh)
	list, err := json.Marshal(w.fresh)
	if err != nil {
		return fmt.Errorf("search words: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(?)`, string(list)); err != nil {
		// The words stay remembered, but the error fails the
		// transaction, and the memory goes with it.
		return fmt.Errorf("search words: %w", err)
	}
	w.fresh = w.fresh[:0]
	return nil
}

// wordHash is FNV-1a of word: cheap for short words, and spread enough for
// a cache.
func wordHash(word []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range word {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

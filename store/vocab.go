package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// searchWordsMigration (9) keeps every word of the full-text index in a
// table of its own, so that a prefix search can be expanded into the words
// it stands for (see expandQuery). FTS5 answers "government*" by merging
// the whole doclist of every word the prefix starts, so it cannot stop at
// the newest hits: 22 ms in a million articles, and 780 ms for "g*", where
// the same words given as an OR take 1 ms. Its own list of words,
// fts5vocab, reads every doclist too. The index of words by length serves
// a prefix with too many words, which is expanded into its shortest.
//
// The table is filled from fts5vocab here, once: that reads the whole
// index (6 s for a million articles), and is the price of an upgrade.
// From then on each import adds its new words (searchWords.record). A
// deleted article leaves its words: they match nothing.
const searchWordsMigration = `
CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX search_words_by_length ON search_words (length(word), word);
CREATE VIRTUAL TABLE temp.articles_fts_words USING fts5vocab(main, articles_fts, row);
INSERT INTO search_words (word) SELECT term FROM temp.articles_fts_words;
DROP TABLE temp.articles_fts_words;
`

// searchWords records the words of an import transaction's articles in
// search_words. It remembers the words it has written, so a batch of
// thousands of articles writes each word once, not once an article: the
// common words of every article cost a map lookup each. It lives as long
// as the transaction (the zero value is ready), so a rolled back batch
// leaves nothing remembered that the table lacks.
type searchWords struct {
	seen   map[string]struct{}
	insert *sql.Stmt
	buf    []byte
	fresh  []string
}

// record adds the words of an article's title and paragraphs that this
// transaction has not written yet, in one statement, in tx.
func (w *searchWords) record(ctx context.Context, tx *sql.Tx, title string, paragraphs []string) error {
	if w.seen == nil {
		w.seen = make(map[string]struct{}, 1<<14)
	}
	w.fresh = w.fresh[:0]
	add := func(word []byte) {
		if _, ok := w.seen[string(word)]; !ok {
			s := string(word)
			w.seen[s] = struct{}{}
			w.fresh = append(w.fresh, s)
		}
	}
	w.buf = appendWords(w.buf, title, add)
	for _, p := range paragraphs {
		w.buf = appendWords(w.buf, p, add)
	}
	if len(w.fresh) == 0 {
		return nil
	}
	if w.insert == nil {
		// Prepared on the transaction, it is closed with it.
		st, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(?)`)
		if err != nil {
			return fmt.Errorf("search words: %w", err)
		}
		w.insert = st
	}
	list, err := json.Marshal(w.fresh)
	if err != nil {
		return fmt.Errorf("search words: %w", err)
	}
	if _, err := w.insert.ExecContext(ctx, string(list)); err != nil {
		// The words stay remembered, but the error fails the
		// transaction, and the memory goes with it.
		return fmt.Errorf("search words: %w", err)
	}
	return nil
}

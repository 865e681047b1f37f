package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// retentionBatch is how many articles one transaction of DropOldRead
// deletes: a large backlog goes in short transactions, so another writer
// (the reader saving a read mark) never waits long.
const retentionBatch = 500

// DropOldRead deletes the articles that were read, are not starred and are
// older than before (by their date, or when they were stored if they have
// none), and returns how many went. A starred article is never dropped,
// whatever its age; an unread one neither. Their entities, mentions and
// search entries go with them.
func (s *Store) DropOldRead(ctx context.Context, before time.Time) (int, error) {
	cutoff := before.Unix()
	total := 0
	for {
		var n int64
		err := s.write(ctx, func(tx *sql.Tx) error {
			// Dated articles through the list index (it holds published,
			// read and starred), so a store with nothing to drop is not read
			// row by row after every fetch; undated ones by when they came.
			const oldRead = `SELECT id FROM articles INDEXED BY articles_by_published
				WHERE published < ?1 AND read = 1 AND starred = 0
				UNION ALL
				SELECT id FROM articles INDEXED BY articles_by_published
				WHERE published IS NULL AND read = 1 AND starred = 0 AND imported_at < ?1
				LIMIT ?2`
			if err := unlearn(ctx, tx, oldRead, cutoff, retentionBatch); err != nil {
				return err
			}
			r, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+oldRead+`)`, cutoff, retentionBatch)
			if err == nil {
				n, err = r.RowsAffected()
			}
			return err
		})
		if err != nil {
			return total, fmt.Errorf("drop read articles older than %s: %w", before.UTC().Format(time.DateOnly), err)
		}
		total += int(n)
		if n < retentionBatch {
			return total, nil
		}
	}
}

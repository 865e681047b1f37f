package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// SetReadMany marks the articles ids read (or unread) in one statement, so
// marking a whole list read is one commit however long the list, and returns
// the ids whose state it changed: undoing is SetReadMany(changed, !read),
// which leaves alone the articles that were in that state already. Ids
// naming no article are skipped. Like every write it goes through s.write,
// so another writer holding the lock makes it wait, not fail.
func (s *Store) SetReadMany(ctx context.Context, ids []int64, read bool) (changed []int64, err error) {
	if len(ids) == 0 {
		return nil, nil
	}
	// One JSON array parameter, as States does: no limit on the number of
	// ids and one statement text for the statement cache.
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("mark %d articles read: %w", len(ids), err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		changed = changed[:0] // the transaction may run again after SQLITE_BUSY
		rows, err := tx.QueryContext(ctx, `UPDATE articles SET read = ?1
			WHERE id IN (SELECT value FROM json_each(?2)) AND read != ?1 RETURNING id`, read, string(list))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			changed = append(changed, id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("mark %d articles read: %w", len(ids), err)
	}
	return changed, nil
}

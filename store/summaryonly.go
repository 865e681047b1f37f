package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/bylinehq/byline/model"
)

// summaryOnlyMigration adds the set of articles that hold only a feed's
// teaser. One row per such article; deleting the article deletes its row.
const summaryOnlyMigration = `
CREATE TABLE summary_only (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);
`

// SetSummaryOnly records, for each item of one fetch of feed feedID as it
// was stored (by UpsertFeedArticles), whether it holds only the feed's
// teaser: the feed sent a summary and its page could not be had. An item
// that later gets its full text loses the mark. Items the store does not
// hold are skipped.
func (s *Store) SetSummaryOnly(ctx context.Context, feedID int64, items []model.Article, only []bool) error {
	if len(items) == 0 {
		return nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i := range items {
			a := &items[i]
			var id int64
			err := sql.ErrNoRows
			if ident := identity(a, feedID); ident != "" {
				err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE identity = ?`, ident).Scan(&id)
			}
			if err == sql.ErrNoRows {
				h := contentHash(a)
				err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = ?`, h[:]).Scan(&id)
			}
			switch {
			case err == sql.ErrNoRows:
				continue
			case err != nil:
				return err
			}
			if i < len(only) && only[i] {
				_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO summary_only (article_id) VALUES (?)`, id)
			} else {
				_, err = tx.ExecContext(ctx, `DELETE FROM summary_only WHERE article_id = ?`, id)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark summaries of feed %d: %w", feedID, err)
	}
	return nil
}

// SummaryOnly returns which of the articles ids hold only a feed's teaser.
func (s *Store) SummaryOnly(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id FROM summary_only
		WHERE article_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("read summary marks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read summary marks: %w", err)
		}
		out[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read summary marks: %w", err)
	}
	return out, nil
}

// markSummaryOnly sets SummaryOnly on the list rows whose articles hold
// only a feed's teaser: one small query per page of the list, which never
// reads the article rows.
func (s *Store) markSummaryOnly(ctx context.Context, items []ListItem) error {
	if len(items) == 0 {
		return nil
	}
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = items[i].ID
	}
	only, err := s.SummaryOnly(ctx, ids)
	if err != nil {
		return err
	}
	for i := range items {
		items[i].SummaryOnly = only[items[i].ID]
	}
	return nil
}

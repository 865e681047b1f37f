package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// ArticleState is what a reader has done with an article: read it, starred
// it. It is kept in the store, so it survives restarts and is shared by every
// byline process on the file.
type ArticleState struct {
	Read    bool `json:"read"`
	Starred bool `json:"starred"`
}

// SetRead marks article id read or unread. A missing id gives an error
// wrapping ErrNotFound.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	return s.setState(ctx, "read", id, read)
}

// SetStarred stars or unstars article id. A missing id gives an error
// wrapping ErrNotFound.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error {
	return s.setState(ctx, "starred", id, starred)
}

// setState sets one state column; column is one of our own names, never
// user input.
func (s *Store) setState(ctx context.Context, column string, id int64, on bool) error {
	// The WHERE skips rows already in that state: SQLite rewrites a whole
	// row (body included) on UPDATE, and an unchanged row needs no commit.
	r, err := s.db.ExecContext(ctx, `UPDATE articles SET `+column+` = ?1 WHERE id = ?2 AND `+column+` != ?1`, on, id)
	if err != nil {
		return fmt.Errorf("mark article %d %s: %w", id, column, err)
	}
	if n, err := r.RowsAffected(); err != nil {
		return fmt.Errorf("mark article %d %s: %w", id, column, err)
	} else if n == 1 {
		return nil
	}
	var one int
	if err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one); err != nil {
		return fmt.Errorf("mark article %d %s: %w", id, column, notFound(err))
	}
	return nil
}

// States returns the reading state of the articles ids that exist; ids
// naming no article are left out of the map. It suits a page of search hits
// or the rows on screen; for the whole list, ListItems carries the state at
// no extra cost.
func (s *Store) States(ctx context.Context, ids []int64) (map[int64]ArticleState, error) {
	states := make(map[int64]ArticleState, len(ids))
	if len(ids) == 0 {
		return states, nil
	}
	// One JSON array parameter instead of len(ids) placeholders: no limit on
	// the number of ids and one statement text for the statement cache.
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("article states: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, read, starred FROM articles
		WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("article states: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st ArticleState
		if err := rows.Scan(&id, &st.Read, &st.Starred); err != nil {
			return nil, fmt.Errorf("article states: %w", err)
		}
		states[id] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article states: %w", err)
	}
	return states, nil
}

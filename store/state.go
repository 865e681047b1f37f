package store

import (
	"context"
	"database/sql"
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
	// A read first: an article already in that state (the common case when
	// a reader opens it again) needs no write lock and no commit, and SQLite
	// would rewrite the whole row, body included, on UPDATE.
	var cur bool
	err := s.db.QueryRowContext(ctx, `SELECT `+column+` FROM articles WHERE id = ?`, id).Scan(&cur)
	if err != nil {
		return fmt.Errorf("mark article %d %s: %w", id, column, notFound(err))
	}
	if cur == on {
		return nil
	}
	// An immediate transaction, not a bare UPDATE: a bare one reads before
	// it takes the write lock, and fails at once (SQLITE_BUSY_SNAPSHOT, no
	// waiting) when another process commits in between.
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE articles SET `+column+` = ?1 WHERE id = ?2 AND `+column+` != ?1`, on, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("mark article %d %s: %w", id, column, err)
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

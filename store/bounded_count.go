package store

import (
	"context"
	"fmt"
)

// CountUpTo is the number of articles in the store, counted no further than
// limit: enough to tell an empty or nearly empty store from a big one at
// start-up without walking an index of a million rows.
func (s *Store) CountUpTo(ctx context.Context, limit int) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles LIMIT ?)`, limit).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

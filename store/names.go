package store

import (
	"context"
	"fmt"
)

// Names returns the other names of the identity with id identityID, the
// ones articles call it besides its canonical name ("Tories" and
// "Conservatives" for the Conservative Party): the most mentioned first,
// each once whatever its case or tagger type. An unknown id has none.
func (s *Store) Names(ctx context.Context, identityID int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT MIN(e.name), SUM(n.mentions) AS m, SUM(n.articles) AS a
		FROM identity_names n
		JOIN entities e ON e.id = n.entity_id
		JOIN identities i ON i.id = n.identity_id
		WHERE n.identity_id = ? AND n.articles > 0 AND e.key <> i.key
		GROUP BY e.key
		ORDER BY m DESC, a DESC, MIN(e.name) COLLATE NOCASE`, identityID)
	if err != nil {
		return nil, fmt.Errorf("names of entity %d: %w", identityID, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		var mentions, articles int
		if err := rows.Scan(&name, &mentions, &articles); err != nil {
			return nil, fmt.Errorf("names of entity %d: %w", identityID, err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("names of entity %d: %w", identityID, err)
	}
	return names, nil
}

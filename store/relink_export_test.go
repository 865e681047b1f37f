package store

import "context"

// RelinkEverySurname relinks as Relink does but looks at every surname of
// the store, not only the changed ones.
func (s *Store) RelinkEverySurname(ctx context.Context) (int, error) {
	rule := defaultRelinkRule
	rule.everySurname = true
	return s.relink(ctx, rule)
}

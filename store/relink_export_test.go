package store

import "context"

// RelinkEverySurname relinks as Relink does but looks at every surname of
// the store, not only the changed ones.
func (s *Store) RelinkEverySurname(ctx context.Context) (int, error) {
	rule := defaultRelinkRule
	rule.everySurname = true
	return s.relink(ctx, rule)
}

// RelinkKeepingNames relinks as Relink does, keeping the names of at most
// n articles read (see relinkRule.namesKept).
func (s *Store) RelinkKeepingNames(ctx context.Context, n int) (int, error) {
	rule := defaultRelinkRule
	rule.namesKept = n
	return s.relink(ctx, rule)
}

package store

import (
	"context"
	"database/sql"
	"fmt"
)

// unlearn takes back, in tx, what the articles that query selects (by id,
// with args) taught the store when they were stored (see learn): the
// acronyms they spelt out count one article less, and one no article
// spells out any more is forgotten. It runs before the articles are
// deleted or their text replaced, and costs in proportion to them.
//
// An acronym whose meaning may have changed (forgotten, or one of several)
// leaves the articles that use it to resolve again at the next relink.
func unlearn(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	list, err := readStored(ctx, tx, `SELECT id, title, caption, body FROM articles WHERE id IN (`+query+`)`, args...)
	if err != nil {
		return fmt.Errorf("unlearn: %w", err)
	}
	for _, s := range list {
		seen := make(map[acronymDef]bool)
		for _, d := range findAcronyms(&s.a) {
			if seen[d] {
				continue
			}
			seen[d] = true
			if err := forgetAcronym(ctx, tx, foldName(d.acronym), foldName(d.name)); err != nil {
				return fmt.Errorf("unlearn article %d: %w", s.id, err)
			}
		}
	}
	return nil
}

// forgetAcronym counts one article less for acronym key standing for
// expansion.
func forgetAcronym(ctx context.Context, tx *sql.Tx, key, expansion string) error {
	var left int
	err := tx.QueryRowContext(ctx, `UPDATE acronyms SET articles = articles - 1
		WHERE key = ? AND expansion = ? RETURNING articles`, key, expansion).Scan(&left)
	if err == sql.ErrNoRows {
		return nil // learnt before acronyms were counted, or never
	}
	if err != nil {
		return err
	}
	if left <= 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM acronyms WHERE key = ? AND expansion = ?`, key, expansion); err != nil {
			return err
		}
	}
	var meanings int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM acronyms WHERE key = ?`, key).Scan(&meanings); err != nil {
		return err
	}
	if left > 0 && meanings < 2 {
		return nil // still the one thing it stood for
	}
	_, err = tx.ExecContext(ctx, `INSERT OR IGNORE INTO names_dirty (key) VALUES (?)`, key)
	return err
}

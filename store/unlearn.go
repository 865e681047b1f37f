package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/bylinehq/byline/model"
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
	rows, err := tx.QueryContext(ctx, `SELECT id, title, caption, body FROM articles WHERE id IN (`+query+`)`, args...)
	if err != nil {
		return fmt.Errorf("unlearn: %w", err)
	}
	type stored struct {
		id int64
		a  model.Article
	}
	var list []stored
	for rows.Next() {
		var s stored
		var body string
		if err := rows.Scan(&s.id, &s.a.Title, &s.a.Caption, &body); err != nil {
			rows.Close()
			return err
		}
		if err := json.Unmarshal([]byte(body), &s.a.Paragraphs); err != nil {
			rows.Close()
			return fmt.Errorf("unlearn article %d: body: %w", s.id, err)
		}
		list = append(list, s)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if len(list) == 0 {
		return nil
	}
	mentions, err := tx.PrepareContext(ctx, `SELECT field, paragraph, start, "end" FROM mentions WHERE article_id = ?`)
	if err != nil {
		return err
	}
	defer mentions.Close()
	for _, s := range list {
		rows, err := mentions.QueryContext(ctx, s.id)
		if err != nil {
			return err
		}
		var e model.Entity
		for rows.Next() {
			var m model.Mention
			var field int
			if err := rows.Scan(&field, &m.Paragraph, &m.Start, &m.End); err != nil {
				rows.Close()
				return err
			}
			if field >= 0 && field < len(fieldCodes) {
				m.Field = fieldCodes[field]
			}
			e.Mentions = append(e.Mentions, m)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		s.a.Entities = []model.Entity{e}
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

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/bylinehq/byline/model"
)

// storedArticle is an article read back from the store for what its text
// teaches (learn) or taught (unlearn): its title, caption and paragraphs,
// and all its mentions as one entity.
type storedArticle struct {
	id int64
	a  model.Article
}

// readStored reads the articles query selects, as (id, title, caption,
// body) rows, with their mentions.
func readStored(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]storedArticle, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var list []storedArticle
	for rows.Next() {
		var s storedArticle
		var body string
		if err := rows.Scan(&s.id, &s.a.Title, &s.a.Caption, &body); err != nil {
			rows.Close()
			return nil, err
		}
		if err := json.Unmarshal([]byte(body), &s.a.Paragraphs); err != nil {
			rows.Close()
			return nil, fmt.Errorf("article %d: body: %w", s.id, err)
		}
		list = append(list, s)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, nil
	}
	mentions, err := tx.PrepareContext(ctx, `SELECT field, paragraph, start, "end" FROM mentions WHERE article_id = ?`)
	if err != nil {
		return nil, err
	}
	defer mentions.Close()
	for i := range list {
		s := &list[i]
		rows, err := mentions.QueryContext(ctx, s.id)
		if err != nil {
			return nil, err
		}
		var e model.Entity
		for rows.Next() {
			var m model.Mention
			var field int
			if err := rows.Scan(&field, &m.Paragraph, &m.Start, &m.End); err != nil {
				rows.Close()
				return nil, err
			}
			if field >= 0 && field < len(fieldCodes) {
				m.Field = fieldCodes[field]
			}
			m.Text = mentionText(&s.a, m)
			e.Mentions = append(e.Mentions, m)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		s.a.Entities = []model.Entity{e}
	}
	return list, nil
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/bylinehq/byline/model"
)

// ListQuery selects a page of the article list.
type ListQuery struct {
	Limit, Offset int   // Limit 0 means every article
	EntityID      int64 // 0 = all articles; else only those naming this entity
}

// List returns article summaries, newest published first; articles with the
// same or no date follow in import order, undated ones last. It reads only
// the columns the list shows, so a list of thousands stays fast.
func (s *Store) List(ctx context.Context, q ListQuery) ([]model.Summary, error) {
	query := `SELECT id, title, published, source, url FROM articles`
	var args []any
	if q.EntityID != 0 {
		query += ` WHERE id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)`
		args = append(args, q.EntityID)
	}
	query += ` ORDER BY published DESC, id LIMIT ? OFFSET ?`
	args = append(args, limitArg(q.Limit), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	list, err := scanSummaries(rows)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return list, nil
}

// Count returns the number of articles in the store.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Article returns the whole article with id: body, format, and its entities
// in the order they were imported, each with its mentions in document order
// (title, caption, then body by paragraph and offset), which is the order a
// reader jumps through them. A missing id gives an error wrapping ErrNotFound.
func (s *Store) Article(ctx context.Context, id int64) (*model.Article, error) {
	// One read transaction, so the article and its mentions agree even while
	// another process imports.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	defer tx.Rollback()

	a := &model.Article{ID: id}
	var published sql.NullInt64
	var format, body string
	err = tx.QueryRowContext(ctx, `SELECT title, published, caption, credit, source, url, format, body
		FROM articles WHERE id = ?`, id).
		Scan(&a.Title, &published, &a.Caption, &a.Credit, &a.Source, &a.URL, &format, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	a.Published = fromUnix(published)
	a.Format = model.Format(format)
	if err := json.Unmarshal([]byte(body), &a.Paragraphs); err != nil {
		return nil, fmt.Errorf("article %d: body: %w", id, err)
	}

	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.name, e.type
		FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
		WHERE ae.article_id = ? ORDER BY ae.position`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: entities: %w", id, err)
	}
	index := make(map[int64]int)
	for rows.Next() {
		var e model.Entity
		var typ string
		if err := rows.Scan(&e.ID, &e.Name, &typ); err != nil {
			rows.Close()
			return nil, fmt.Errorf("article %d: entities: %w", id, err)
		}
		e.Type = model.EntityType(typ)
		index[e.ID] = len(a.Entities)
		a.Entities = append(a.Entities, e)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("article %d: entities: %w", id, err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT entity_id, field, paragraph, start, "end", text
		FROM mentions WHERE article_id = ? ORDER BY field, paragraph, start, "end", rowid`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: mentions: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var eid int64
		var field int
		var m model.Mention
		if err := rows.Scan(&eid, &field, &m.Paragraph, &m.Start, &m.End, &m.Text); err != nil {
			return nil, fmt.Errorf("article %d: mentions: %w", id, err)
		}
		if field >= 0 && field < len(fieldCodes) {
			m.Field = fieldCodes[field]
		}
		if i, ok := index[eid]; ok {
			a.Entities[i].Mentions = append(a.Entities[i].Mentions, m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %d: mentions: %w", id, err)
	}
	return a, nil
}

// typeOrder sorts entity types the way the sidebar groups them.
const typeOrder = `CASE e.type WHEN 'PER' THEN 0 WHEN 'ORG' THEN 1 WHEN 'LOC' THEN 2 WHEN 'MISC' THEN 3 ELSE 4 END`

// ArticleEntities returns the entities of article id for the sidebar: grouped
// by type (PER, ORG, LOC, MISC), most mentioned first, then by name. Mentions
// counts this article only; Articles counts every article naming the entity,
// which tells the reader whether following it leads anywhere.
func (s *Store) ArticleEntities(ctx context.Context, id int64) ([]model.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.name, e.type, ae.mentions, e.articles
		FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
		WHERE ae.article_id = ?
		ORDER BY `+typeOrder+`, ae.mentions DESC, e.name COLLATE NOCASE, e.name, e.id`, id)
	if err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", id, err)
	}
	list, err := scanEntityCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", id, err)
	}
	if len(list) == 0 {
		// Tell an article without entities from no article at all.
		var one int
		err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("entities of article %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("entities of article %d: %w", id, err)
		}
	}
	return list, nil
}

// EntityQuery selects entities across the whole store.
type EntityQuery struct {
	Type  model.EntityType // "" = every type
	Limit int              // 0 = no limit
	Name  string           // exact canonical name, any case; "" = any name
}

// Entities returns entities across the store, the most widely reported first:
// by number of articles, then total mentions, then name. Mentions is the
// total over all articles.
func (s *Store) Entities(ctx context.Context, q EntityQuery) ([]model.EntityCount, error) {
	query := `SELECT e.id, e.name, e.type, e.mentions, e.articles FROM entities e WHERE e.articles > 0`
	var args []any
	if q.Type != "" {
		query += ` AND e.type = ?`
		args = append(args, string(q.Type))
	}
	if q.Name != "" {
		query += ` AND e.key = ?`
		args = append(args, foldName(q.Name))
	}
	query += ` ORDER BY e.articles DESC, e.mentions DESC, e.name COLLATE NOCASE, e.name, e.id LIMIT ?`
	args = append(args, limitArg(q.Limit))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	list, err := scanEntityCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	return list, nil
}

func scanSummaries(rows *sql.Rows) ([]model.Summary, error) {
	defer rows.Close()
	var list []model.Summary
	for rows.Next() {
		var sm model.Summary
		var published sql.NullInt64
		if err := rows.Scan(&sm.ID, &sm.Title, &published, &sm.Source, &sm.URL); err != nil {
			return nil, err
		}
		sm.Published = fromUnix(published)
		list = append(list, sm)
	}
	return list, rows.Err()
}

func scanEntityCounts(rows *sql.Rows) ([]model.EntityCount, error) {
	defer rows.Close()
	var list []model.EntityCount
	for rows.Next() {
		var ec model.EntityCount
		var typ string
		if err := rows.Scan(&ec.ID, &ec.Name, &typ, &ec.Mentions, &ec.Articles); err != nil {
			return nil, err
		}
		ec.Type = model.EntityType(typ)
		list = append(list, ec)
	}
	return list, rows.Err()
}

// limitArg turns "0 = no limit" into SQLite's "negative = no limit".
func limitArg(limit int) int {
	if limit <= 0 {
		return -1
	}
	return limit
}

// fromUnix reads a published date: NULL is the zero time. Dates come back in
// UTC, whole seconds; the ui converts to local time for display.
func fromUnix(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0).UTC()
}

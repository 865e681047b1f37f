package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bylinehq/byline/model"
)

// ListQuery selects a page of the article list. The filters combine: an
// entity with Unread lists the unread articles that mention it.
type ListQuery struct {
	Limit, Offset int    // Limit 0 means every article
	EntityID      int64  // 0 = all articles; else only those naming this entity
	Unread        bool   // only articles not yet read
	Starred       bool   // only starred articles
	FeedID        int64  // 0 = any source; else only articles from this feed
	FeedTag       string // "" = any source; else only articles from feeds with this tag
}

// List returns article summaries, newest published first; articles with the
// same or no date follow in import order, undated ones last. It reads only
// the columns the list shows, so a list of thousands stays fast.
func (s *Store) List(ctx context.Context, q ListQuery) ([]model.Summary, error) {
	query, args := listQuery(q, `id, title, published, source, url`)
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

// ListItem is one row of the article list with its reading state, so the
// list can mark unread and starred rows without asking again per row.
type ListItem struct {
	model.Summary
	ArticleState
	SummaryOnly bool // holds only a feed's teaser (summaryonly.go)
}

// ListItems is List with each article's read and starred state. The state
// rides in the same index as the list columns, so it costs the list nothing:
// one query, never a read of the article rows (which hold the bodies).
func (s *Store) ListItems(ctx context.Context, q ListQuery) ([]ListItem, error) {
	query, args := listQuery(q, `id, title, published, source, url, read, starred`)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	list, err := scanItems(rows)
	if err == nil {
		err = s.markSummaryOnly(ctx, list)
	}
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return list, nil
}

// scanItems reads rows of id, title, published, source, url, read, starred
// and closes them.
func scanItems(rows *sql.Rows) ([]ListItem, error) {
	defer rows.Close()
	var list []ListItem
	for rows.Next() {
		var it ListItem
		var published sql.NullInt64
		if err := rows.Scan(&it.ID, &it.Title, &published, &it.Source, &it.URL, &it.Read, &it.Starred); err != nil {
			return nil, err
		}
		it.Published = fromUnix(published)
		list = append(list, it)
	}
	return list, rows.Err()
}

// listQuery is the SQL and arguments of the list page q, selecting columns.
//
// The query walks the list index even for an entity: left to itself, SQLite
// looks up each of the entity's articles by id instead, reading its row and
// body, which for an entity in half of 10,000 articles takes twice as long
// as walking the whole index. (In a store of hundreds of thousands of
// articles, a rare entity would be worth looking up by id.)
func listQuery(q ListQuery, columns string) (string, []any) {
	query := `SELECT ` + columns + ` FROM articles INDEXED BY articles_by_published`
	where, args := filterConds(q, "")
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY published DESC, id LIMIT ? OFFSET ?`
	return query, append(args, limitArg(q.Limit), max(q.Offset, 0))
}

// filterConds are the conditions of the list filters of q (entity, unread,
// starred) on the articles table, its columns prefixed with prefix ("a.").
func filterConds(q ListQuery, prefix string) (conds []string, args []any) {
	if q.EntityID != 0 {
		conds = append(conds, prefix+`id IN (SELECT article_id FROM article_identities WHERE identity_id = ?)`)
		args = append(args, q.EntityID)
	}
	conds, args = feedConds(q, prefix, conds, args)
	if q.Unread {
		conds = append(conds, prefix+`read = 0`)
	}
	if q.Starred {
		conds = append(conds, prefix+`starred != 0`)
	}
	return conds, args
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

	// Entities are identities: every name of one, its mentions together.
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.name, e.type
		FROM article_identities ai JOIN identities e ON e.id = ai.identity_id
		WHERE ai.article_id = ? ORDER BY ai.position, e.id`, id)
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

	rows, err = tx.QueryContext(ctx, `SELECT ae.identity_id, m.field, m.paragraph, m.start, m."end"
		FROM mentions m JOIN article_entities ae ON ae.article_id = m.article_id AND ae.entity_id = m.entity_id
		WHERE m.article_id = ? ORDER BY m.field, m.paragraph, m.start, m."end", m.entity_id`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: mentions: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var eid sql.NullInt64
		var field int
		var m model.Mention
		if err := rows.Scan(&eid, &field, &m.Paragraph, &m.Start, &m.End); err != nil {
			return nil, fmt.Errorf("article %d: mentions: %w", id, err)
		}
		if field >= 0 && field < len(fieldCodes) {
			m.Field = fieldCodes[field]
		}
		m.Text = mentionText(a, m)
		if i, ok := index[eid.Int64]; ok && eid.Valid {
			a.Entities[i].Mentions = append(a.Entities[i].Mentions, m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %d: mentions: %w", id, err)
	}
	return a, nil
}

// mentionText is the text of mention m: the slice of a's field it spans,
// which the store keeps instead of a copy. Offsets that do not fit the
// text (a store edited by hand) give "".
func mentionText(a *model.Article, m model.Mention) string {
	text := a.FieldText(m.Field, m.Paragraph)
	if m.Start < 0 || m.Start > m.End || m.End > len(text) {
		return ""
	}
	return text[m.Start:m.End]
}

// typeOrder sorts entity types the way the sidebar groups them.
const typeOrder = `CASE e.type WHEN 'PER' THEN 0 WHEN 'ORG' THEN 1 WHEN 'LOC' THEN 2 WHEN 'WORK' THEN 3 WHEN 'PRODUCT' THEN 4 WHEN 'EVENT' THEN 5 WHEN 'MISC' THEN 6 ELSE 7 END`

// ArticleEntities returns the entities of article id for the sidebar: grouped
// by type (PER, ORG, LOC, MISC), most mentioned first, then by name. Mentions
// counts this article only; Articles counts every article naming the entity,
// which tells the reader whether following it leads anywhere.
func (s *Store) ArticleEntities(ctx context.Context, id int64) ([]model.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.name, e.type, ai.mentions, e.articles
		FROM article_identities ai JOIN identities e ON e.id = ai.identity_id
		WHERE ai.article_id = ?
		ORDER BY `+typeOrder+`, ai.mentions DESC, e.name COLLATE NOCASE, e.name, e.id`, id)
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

// notFound turns "no row" into ErrNotFound, which callers can test for
// without knowing the store speaks SQL; other errors pass through.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// DeleteSource removes every article whose source starts with prefix, with
// its mentions, entity links and search row, in one transaction, and
// returns how many went. Entities named nowhere else keep their row with no
// articles, which every listing leaves out.
func (s *Store) DeleteSource(ctx context.Context, prefix string) (int, error) {
	if prefix == "" {
		return 0, errors.New("delete articles: empty source prefix")
	}
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		const ofSource = `SELECT id FROM articles WHERE substr(source, 1, length(?1)) = ?1`
		if err := unlearn(ctx, tx, ofSource, prefix); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+ofSource+`)`, prefix)
		if err == nil {
			n, err = r.RowsAffected()
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("delete articles from %q: %w", prefix, err)
	}
	return int(n), nil
}

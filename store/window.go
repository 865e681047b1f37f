package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ListKey is a row's place in the list order (newest published first, then
// by id, undated rows last): the keyset a page of the list starts after or
// ends before. A zero Published is an undated article.
type ListKey struct {
	Published time.Time
	ID        int64
}

// KeyOf is the place of a listed article in the list order.
func KeyOf(it ListItem) ListKey { return ListKey{Published: it.Published, ID: it.ID} }

// Page says which rows of the list a ListPage reads: the first ones, the
// ones after or before a row, or the last ones.
type Page struct {
	Key      *ListKey // nil: from an end of the list
	Backward bool     // the rows before Key (nil: the last rows) instead of after it (nil: the first rows)
	Limit    int      // rows at most; 0 is 200
}

// defaultPage is the rows a Page reads when its Limit is 0.
const defaultPage = 200

// ListPage reads one page of the list q (its Limit and Offset are ignored),
// in list order whichever way it reads: the cost is that of the page, not
// of the rows before it, wherever it is in a list of a million. It walks
// the index that holds the list order, or for an entity named in few
// articles, those articles only.
func (s *Store) ListPage(ctx context.Context, q ListQuery, p Page) ([]ListItem, error) {
	limit := p.Limit
	if limit <= 0 {
		limit = defaultPage
	}
	byEntity, err := s.rareEntity(ctx, q.EntityID)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	var out []ListItem
	for _, r := range keysetRanges(p) {
		if len(out) >= limit {
			break
		}
		query, args := pageQuery(q, r, byEntity)
		rows, err := s.db.QueryContext(ctx, query, append(args, limit-len(out))...)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		items, err := scanItems(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, items...)
	}
	if p.Backward {
		slices.Reverse(out)
	}
	if err := s.markSummaryOnly(ctx, out); err != nil { // the … glyph
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// rareEntityShare is how rare an entity must be for its list to be read
// from its articles rather than by walking the list's index: named in fewer
// than one article in rareEntityShare (or in under rareEntityMax), sorting
// its articles costs less than walking past the articles it is not in.
var (
	rareEntityShare int64 = 20
	rareEntityMax   int64 = 2000
)

// rareEntity reports whether the list of entity id (0: none) is best read
// from the entity's articles.
func (s *Store) rareEntity(ctx context.Context, id int64) (bool, error) {
	if id == 0 {
		return false, nil
	}
	var named, last int64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(articles), 0) FROM identities WHERE id = ?),
		(SELECT coalesce(max(rowid), 0) FROM articles)`, id).Scan(&named, &last)
	if err != nil {
		return false, err
	}
	return named < rareEntityMax || named*rareEntityShare < last, nil
}

// keyRange is one stretch of the list order a page query reads: its
// condition on published and id (with ? for the key's parts), the key's
// arguments, and its order.
type keyRange struct {
	cond  string
	args  []any
	order string
}

const (
	listOrder    = `published DESC, id`
	reverseOrder = `published, id DESC`
)

// keysetRanges splits the rows after (or before) p's key into stretches
// that each read as one range of the list index, in the order they come:
// the rows of the key's date past its id, then the other dates, then the
// undated rows (undated ones come last in the list, so first backwards).
// Each stretch is one index range; one query with ORs would walk the index
// from its start.
func keysetRanges(p Page) []keyRange {
	if p.Key == nil {
		if p.Backward {
			return []keyRange{
				{`published IS NULL`, nil, `id DESC`},
				{`published IS NOT NULL`, nil, reverseOrder},
			}
		}
		return []keyRange{{`1`, nil, listOrder}}
	}
	id := p.Key.ID
	if p.Key.Published.IsZero() {
		if p.Backward {
			return []keyRange{
				{`published IS NULL AND id < ?`, []any{id}, `id DESC`},
				{`published IS NOT NULL`, nil, reverseOrder},
			}
		}
		return []keyRange{{`published IS NULL AND id > ?`, []any{id}, `id`}}
	}
	pub := p.Key.Published.Unix()
	if p.Backward {
		return []keyRange{
			{`published = ? AND id < ?`, []any{pub, id}, `id DESC`},
			{`published > ?`, []any{pub}, reverseOrder},
		}
	}
	return []keyRange{
		{`published = ? AND id > ?`, []any{pub, id}, `id`},
		{`published < ?`, []any{pub}, listOrder},
		{`published IS NULL`, nil, `id`},
	}
}

// pageQuery is the SQL of one stretch r of the list q, its limit the last
// argument. For a rare entity it reads the entity's articles and sorts
// them; otherwise it walks the list index, which holds every column a row
// shows.
func pageQuery(q ListQuery, r keyRange, byEntity bool) (string, []any) {
	cols := `id, title, published, source, url, read, starred`
	if byEntity {
		conds, args := filterConds(ListQuery{Unread: q.Unread, Starred: q.Starred, FeedID: q.FeedID, FeedTag: q.FeedTag}, "a.")
		conds = append(conds, prefixed(r.cond, "a."))
		args = append(args, r.args...)
		return `SELECT a.id, a.title, a.published, a.source, a.url, a.read, a.starred
			FROM article_identities ai CROSS JOIN articles a ON a.id = ai.article_id
			WHERE ai.identity_id = ? AND ` + strings.Join(conds, ` AND `) + `
			ORDER BY ` + prefixed(r.order, "a.") + ` LIMIT ?`, append([]any{q.EntityID}, args...)
	}
	conds, args := filterConds(q, "")
	conds = append(conds, r.cond)
	args = append(args, r.args...)
	return `SELECT ` + cols + ` FROM articles INDEXED BY articles_by_published
		WHERE ` + strings.Join(conds, ` AND `) + ` ORDER BY ` + r.order + ` LIMIT ?`, args
}

// prefixed qualifies the published and id columns of a condition or order.
func prefixed(s, prefix string) string {
	return strings.NewReplacer("published", prefix+"published", "id", prefix+"id").Replace(s)
}

// ListCount is how many articles the list q holds and how many of them are
// unread: the exact counts the list shows once they arrive, counted in the
// list index (or the entity's links) without reading an article row.
func (s *Store) ListCount(ctx context.Context, q ListQuery) (total, unread int, err error) {
	conds, args := filterConds(q, "")
	where := ""
	if len(conds) > 0 {
		where = ` WHERE ` + strings.Join(conds, ` AND `)
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(read = 0), 0)
		FROM articles INDEXED BY articles_by_published`+where, args...).Scan(&total, &unread)
	if err != nil {
		return 0, 0, fmt.Errorf("count articles: %w", err)
	}
	return total, unread, nil
}

// ListEstimate is a guess at how many articles the store holds, at no cost
// whatever its size: the highest id given, which deletions only make too
// high. The list shows it (as ≈) until ListCount answers.
func (s *Store) ListEstimate(ctx context.Context) (int, error) {
	var n sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(rowid) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("estimate articles: %w", err)
	}
	return int(n.Int64), nil
}

// ListRank is how many rows of the list q come before the row at key: the
// list row of the article there. It counts in the index, as ListCount does,
// so its cost grows with the row, not with the page.
func (s *Store) ListRank(ctx context.Context, q ListQuery, key ListKey) (int, error) {
	byEntity, err := s.rareEntity(ctx, q.EntityID)
	if err != nil {
		return 0, fmt.Errorf("rank article %d: %w", key.ID, err)
	}
	rank := 0
	for _, r := range keysetRanges(Page{Key: &key, Backward: true}) {
		query, args := pageQuery(q, r, byEntity)
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+query+`)`, append(args, -1)...).Scan(&n); err != nil {
			return 0, fmt.Errorf("rank article %d: %w", key.ID, err)
		}
		rank += n
	}
	return rank, nil
}

// ListUnreadIDs returns the ids of the unread articles in the list q, for
// marking them all read: ids only, from the list index.
func (s *Store) ListUnreadIDs(ctx context.Context, q ListQuery) ([]int64, error) {
	q.Unread = true
	conds, args := filterConds(q, "")
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles INDEXED BY articles_by_published
		WHERE `+strings.Join(conds, ` AND `), args...)
	if err != nil {
		return nil, fmt.Errorf("unread articles: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("unread articles: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unread articles: %w", err)
	}
	return ids, nil
}

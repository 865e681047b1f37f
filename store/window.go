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
// articles, those articles only (see entityPlanFor).
func (s *Store) ListPage(ctx context.Context, q ListQuery, p Page) ([]ListItem, error) {
	limit := p.Limit
	if limit <= 0 {
		limit = defaultPage
	}
	plan, err := s.entityPlanFor(ctx, q.EntityID, limit)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	var out []ListItem
	for _, r := range keysetRanges(p) {
		if len(out) >= limit {
			break
		}
		query, args := pageQuery(q, r, plan)
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

// entityPlan is how a page of an entity's list is read.
type entityPlan int

const (
	// planWalk walks the list index and keeps the rows among the entity's
	// articles, gathered first: the gathering costs a little per article of
	// the entity, the walk a little per row walked.
	planWalk entityPlan = iota
	// planSort reads the entity's articles and sorts them: a row read per
	// article, at random places in the file.
	planSort
	// planProbe walks the list index and looks each row up among the
	// entity's links: more per row walked than planWalk, but nothing per
	// article of the entity, so the best for one named in a tenth of a
	// million articles.
	planProbe
)

// The costs of the plans, in rough microseconds, measured on the 100k
// store: per article of the entity sorted (sortCost) or gathered
// (gatherCost), per row of the list index walked with the gathered set
// (walkCost) or with a lookup (probeCost).
const (
	sortCost   = 5.0
	gatherCost = 0.5
	walkCost   = 0.25
	probeCost  = 1.0
)

// forcedPlan, when set (tests), is the plan of every entity's list.
var forcedPlan *entityPlan

// entityPlanFor chooses how to read a page of limit rows of the list of
// entity id (0: none), as the plan that costs least for an entity named in
// that many of the store's articles. A page walks about limit × (store /
// entity's articles) rows of the list index. In a million articles the
// dearest entity costs about 15 ms by the best plan, where any one plan for
// all costs up to a second.
func (s *Store) entityPlanFor(ctx context.Context, id int64, limit int) (entityPlan, error) {
	if id == 0 {
		return planWalk, nil
	}
	if forcedPlan != nil {
		return *forcedPlan, nil
	}
	var named, last int64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(articles), 0) FROM identities WHERE id = ?),
		(SELECT coalesce(max(rowid), 0) FROM articles)`, id).Scan(&named, &last)
	if err != nil {
		return planWalk, err
	}
	if named <= 0 {
		return planSort, nil // nothing to sort: the cheapest way to say so
	}
	walked := float64(limit) * float64(last) / float64(named)
	sort := float64(named) * sortCost
	gather := float64(named)*gatherCost + walked*walkCost
	probe := walked * probeCost
	switch {
	case sort <= gather && sort <= probe:
		return planSort, nil
	case probe < gather:
		return planProbe, nil
	}
	return planWalk, nil
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
// argument, read by plan (see entityPlan): the entity's articles sorted, or
// a walk of the list index, which holds every column a row shows.
func pageQuery(q ListQuery, r keyRange, plan entityPlan) (string, []any) {
	cols := `id, title, published, source, url, read, starred`
	rest := ListQuery{Unread: q.Unread, Starred: q.Starred, FeedID: q.FeedID, FeedTag: q.FeedTag}
	if q.EntityID != 0 && plan == planSort {
		conds, args := filterConds(rest, "a.")
		conds = append(conds, prefixed(r.cond, "a."))
		args = append(args, r.args...)
		return `SELECT a.id, a.title, a.published, a.source, a.url, a.read, a.starred
			FROM article_identities ai CROSS JOIN articles a ON a.id = ai.article_id
			WHERE ai.identity_id = ? AND ` + strings.Join(conds, ` AND `) + `
			ORDER BY ` + prefixed(r.order, "a.") + ` LIMIT ?`, append([]any{q.EntityID}, args...)
	}
	conds, args := filterConds(q, "")
	if q.EntityID != 0 && plan == planProbe {
		// Looked up in the entity's own index range, whose few pages
		// stay in the cache: the article's links are all over the file.
		conds, args = filterConds(rest, "")
		conds = append(conds, `EXISTS (SELECT 1 FROM article_identities ai INDEXED BY article_identities_by_identity
			WHERE ai.identity_id = ? AND ai.article_id = articles.id)`)
		args = append(args, q.EntityID)
	}
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
// list index without reading an article row, or for an entity in few
// articles, from its articles (countByEntity).
func (s *Store) ListCount(ctx context.Context, q ListQuery) (total, unread int, err error) {
	byEntity, err := s.countByEntity(ctx, q.EntityID)
	if err != nil {
		return 0, 0, fmt.Errorf("count articles: %w", err)
	}
	var query string
	var args []any
	if byEntity {
		conds, rest := filterConds(ListQuery{Unread: q.Unread, Starred: q.Starred, FeedID: q.FeedID, FeedTag: q.FeedTag}, "a.")
		query = `SELECT count(*), coalesce(sum(a.read = 0), 0)
			FROM article_identities ai CROSS JOIN articles a ON a.id = ai.article_id
			WHERE ` + strings.Join(append([]string{`ai.identity_id = ?`}, conds...), ` AND `)
		args = append([]any{q.EntityID}, rest...)
	} else {
		conds, rest := filterConds(q, "")
		where := ""
		if len(conds) > 0 {
			where = ` WHERE ` + strings.Join(conds, ` AND `)
		}
		query, args = `SELECT count(*), coalesce(sum(read = 0), 0)
		FROM articles INDEXED BY articles_by_published`+where, rest
	}
	if err := s.db.QueryRowContext(ctx, query, args...).Scan(&total, &unread); err != nil {
		return 0, 0, fmt.Errorf("count articles: %w", err)
	}
	return total, unread, nil
}

// countByEntity reports whether the list of entity id (0: none) is counted
// from the entity's articles, a row read each, rather than by walking the
// whole list index: for an entity in under about a twentieth of the store
// (see the plan costs).
func (s *Store) countByEntity(ctx context.Context, id int64) (bool, error) {
	if id == 0 {
		return false, nil
	}
	if forcedPlan != nil {
		return *forcedPlan == planSort, nil
	}
	var named, last int64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(articles), 0) FROM identities WHERE id = ?),
		(SELECT coalesce(max(rowid), 0) FROM articles)`, id).Scan(&named, &last)
	if err != nil {
		return false, err
	}
	return float64(named)*sortCost < float64(last)*walkCost+float64(named)*gatherCost, nil
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
	plan, err := s.entityPlanFor(ctx, q.EntityID, defaultPage)
	if err != nil {
		return 0, fmt.Errorf("rank article %d: %w", key.ID, err)
	}
	rank := 0
	for _, r := range keysetRanges(Page{Key: &key, Backward: true}) {
		query, args := pageQuery(q, r, plan)
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

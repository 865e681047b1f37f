package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"slices"
)

// The articles that name an entity are found without an index of
// article_entities by entity (migration 10 dropped it: its rows, one per
// link and keyed by entity, were scattered over the whole file, so each
// import batch rewrote nearly every page of it). Every row of
// article_entities is either resolved, and then its identity's range of
// article_identities holds its article, with identity_names saying which
// identities the entity is (and in how many articles each, kept by
// triggers), or unresolved, and then the partial index
// article_entities_unresolved, keyed by entity, holds it.

// entityArticlesByIdentitySQL walks one identity's articles newest first,
// keeping those whose row for the entity (?2) has that identity (?1): a
// walk the LIMIT stops, set to the number of such rows when that is fewer
// than the caller asked for, so an entity that is most of its identity
// costs its own articles.
const entityArticlesByIdentitySQL = `SELECT ai.article_id FROM article_identities ai
	CROSS JOIN article_entities ae ON ae.article_id = ai.article_id AND ae.entity_id = ?2
	WHERE ai.identity_id = ?1 AND ae.identity_id = ?1
	ORDER BY ai.article_id DESC LIMIT ?3`

// entityArticlesUnresolvedSQL is the entity's unresolved rows, newest first.
const entityArticlesUnresolvedSQL = `SELECT article_id FROM article_entities
	WHERE entity_id = ?1 AND identity_id IS NULL
	ORDER BY article_id DESC LIMIT ?2`

// entityArticles returns the ids of the articles that name entity, newest
// (highest id) first, at most limit of them (all when limit is 0).
func entityArticles(ctx context.Context, tx *sql.Tx, entity int64, limit int) ([]int64, error) {
	type part struct{ identity, articles int64 }
	rows, err := tx.QueryContext(ctx, `SELECT identity_id, articles FROM identity_names
		WHERE entity_id = ? AND articles > 0 ORDER BY identity_id`, entity)
	if err != nil {
		return nil, err
	}
	var parts []part
	for rows.Next() {
		var p part
		if err := rows.Scan(&p.identity, &p.articles); err != nil {
			rows.Close()
			return nil, err
		}
		parts = append(parts, p)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	var ids []int64
	for _, p := range parts {
		n := p.articles
		if limit > 0 {
			n = min(n, int64(limit))
		}
		if ids, err = appendIDs(ctx, tx, ids, entityArticlesByIdentitySQL, p.identity, entity, n); err != nil {
			return nil, err
		}
	}
	if ids, err = appendIDs(ctx, tx, ids, entityArticlesUnresolvedSQL, entity, limitArg(limit)); err != nil {
		return nil, err
	}
	// Each source is in order; together they may not be. An article has
	// one row per entity, so no id comes twice.
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Compare(b, a) })
	if limit > 0 && len(ids) > limit {
		ids = ids[:limit]
	}
	return ids, nil
}

// appendIDs appends to ids the first column of query's rows.
func appendIDs(ctx context.Context, tx *sql.Tx, ids []int64, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// idList is ids as a JSON array, for json_each.
func idList(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids) // a slice of integers always marshals
	return string(b)
}

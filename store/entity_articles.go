package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"math"
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

// identityArticlesSQL walks one identity's articles (?1) newest first,
// below article ?2, at most ?3: entityArticles keeps those whose row for
// the entity has that identity by the article's names, which relinking
// reads next anyway.
const identityArticlesSQL = `SELECT article_id FROM article_identities
	WHERE identity_id = ?1 AND article_id < ?2
	ORDER BY article_id DESC LIMIT ?3`

// entityArticlesUnresolvedSQL is the entity's unresolved rows, newest first.
const entityArticlesUnresolvedSQL = `SELECT article_id FROM article_entities
	WHERE entity_id = ?1 AND identity_id IS NULL
	ORDER BY article_id DESC LIMIT ?2`

// entityArticles returns the ids of the articles that name entity, newest
// (highest id) first, at most limit of them (all when limit is 0).
//
// Where the entity is at least half of an identity's articles (a full
// name, a surname not yet relinked), those articles are walked and their
// names read into names, which relinking needs next: one read of an
// article, shared by every entity it names, where checking the entity's
// row was one read for each. An entity that is a small part of its
// identity is checked row by row (entityArticlesByIdentitySQL): its
// identity's other articles are none of relinking's business.
func entityArticles(ctx context.Context, tx *sql.Tx, names articleNames, entity int64, limit int) ([]int64, error) {
	type part struct{ identity, articles, all int64 }
	rows, err := tx.QueryContext(ctx, `SELECT n.identity_id, n.articles, i.articles FROM identity_names n
		CROSS JOIN identities i ON i.id = n.identity_id
		WHERE n.entity_id = ? AND n.articles > 0 ORDER BY n.identity_id`, entity)
	if err != nil {
		return nil, err
	}
	var parts []part
	for rows.Next() {
		var p part
		if err := rows.Scan(&p.identity, &p.articles, &p.all); err != nil {
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
		if 2*p.articles >= p.all {
			ids, err = names.walk(ctx, tx, ids, p.identity, entity, n)
		} else {
			ids, err = appendIDs(ctx, tx, ids, entityArticlesByIdentitySQL, p.identity, entity, n)
		}
		if err != nil {
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

// walk appends to ids the newest n articles of identity whose row for
// entity has that identity, reading their names (and those of the few
// articles of the identity that name it otherwise) into names.
func (names articleNames) walk(ctx context.Context, tx *sql.Tx, ids []int64, identity, entity, n int64) ([]int64, error) {
	before := int64(math.MaxInt64)
	// The first read is of as many articles as are wanted, enough when
	// each names it so; the next ones, for the few that did not, start
	// small and grow.
	for found, step := int64(0), int64(16); found < n; step *= 2 {
		chunk, err := appendIDs(ctx, tx, nil, identityArticlesSQL, identity, before, max(n-found, step))
		if err != nil || len(chunk) == 0 {
			return ids, err
		}
		if err := names.load(ctx, tx, chunk); err != nil {
			return nil, err
		}
		for _, a := range chunk {
			if found < n && names.has(a, entity, identity) {
				ids = append(ids, a)
				found++
			}
		}
		before = chunk[len(chunk)-1]
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

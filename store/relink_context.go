package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
)

// A surname is relinked in an article only when the article is about its
// person's world: when it names one of his signature's entities (see
// Relink). This file reads that signature and the articles that name it.

// planReads is what one plan reads from the store and keeps.
type planReads struct {
	// names is what each article names, kept for the whole relink:
	// relinkTx forgets the articles a pass changed.
	names articleNames
	// companions are the entities named most often with each target,
	// counted once a plan: several names may point at one target (a
	// surname, its initialled forms).
	companions map[int64][]int64
	// latest are the latest articles of the target latestOf, the last
	// read: its companions and then its titles read them. (Kept for
	// every target, they were 4 KB each.)
	latestOf int64
	latest   []int64
	// tooCommon records whether an entity is named in more than common
	// articles, for the entities looked up so far.
	tooCommon map[int64]bool
	common    int
}

// signature returns the entities most often named with entity target in
// its latest r.signatureArticles articles (not counting the surname's
// entity, skip, nor any named in more than common articles).
//
// The companions are one more than the signature holds, so that leaving
// skip out still leaves signatureSize.
func (r relinkRule) signature(ctx context.Context, tx *sql.Tx, reads *planReads, target, skip int64) (map[int64]bool, error) {
	ids, ok := reads.companions[target]
	if !ok {
		var err error
		if ids, err = r.companions(ctx, tx, reads, target); err != nil {
			return nil, err
		}
		reads.companions[target] = ids
	}
	sig := make(map[int64]bool, r.signatureSize)
	for _, id := range ids {
		if id != skip && len(sig) < r.signatureSize {
			sig[id] = true
		}
	}
	return sig, nil
}

// latest returns the latest r.signatureArticles articles of target, newest
// first.
func (r relinkRule) latest(ctx context.Context, tx *sql.Tx, reads *planReads, target int64) ([]int64, error) {
	if reads.latestOf == target && reads.latest != nil {
		return reads.latest, nil
	}
	ids, err := entityArticles(ctx, tx, reads.names, target, r.signatureArticles)
	if err != nil {
		return nil, err
	}
	reads.latestOf, reads.latest = target, ids
	return ids, nil
}

// companions are the entities named most often with target in its latest
// articles (signatureSize+1 of them, most shared first, then by id),
// leaving out those named in more than reads.common articles.
//
// They are counted here from reads.names, not by SQL: the targets of one
// relink share many of their latest articles (Tony Blair's with Gordon
// Brown's), and each article's names are read once a relink.
func (r relinkRule) companions(ctx context.Context, tx *sql.Tx, reads *planReads, target int64) ([]int64, error) {
	recent, err := r.latest(ctx, tx, reads, target)
	if err != nil {
		return nil, err
	}
	if err := reads.names.load(ctx, tx, recent); err != nil {
		return nil, err
	}
	shared := make(map[int64]int)
	for _, a := range recent {
		for _, n := range reads.names[a] {
			if n.entity != target {
				shared[n.entity]++
			}
		}
	}
	type count struct {
		id int64
		n  int
	}
	var often []count
	for id, n := range shared {
		if n >= r.minShared {
			often = append(often, count{id, n})
		}
	}
	slices.SortFunc(often, func(a, b count) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	// How common each is, looked up in order and a few at a time: most
	// targets need little more than the first signatureSize+1.
	want := r.signatureSize + 1
	var ids []int64
	for i := 0; i < len(often) && len(ids) < want; {
		var unknown []int64
		for _, c := range often[i:] {
			if _, ok := reads.tooCommon[c.id]; !ok {
				unknown = append(unknown, c.id)
				if len(unknown) == want {
					break
				}
			}
		}
		if err := reads.lookUpCommon(ctx, tx, unknown); err != nil {
			return nil, err
		}
		for ; i < len(often) && len(ids) < want; i++ {
			c := often[i]
			over, ok := reads.tooCommon[c.id]
			if !ok {
				break // not looked up yet: the next round does
			}
			if !over {
				ids = append(ids, c.id)
			}
		}
	}
	return ids, nil
}

// lookUpCommon records in reads.tooCommon whether each entity of ids is
// named in more than reads.common articles (an id of no entity counts as
// too common: the signature leaves it out).
func (reads *planReads) lookUpCommon(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		reads.tooCommon[id] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.articles > ?2 FROM json_each(?1) i
		CROSS JOIN entities e ON e.id = i.value`, idList(ids), reads.common)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var over bool
		if err := rows.Scan(&id, &over); err != nil {
			return err
		}
		reads.tooCommon[id] = over
	}
	return rows.Err()
}

// articleNames is, for one relink, the names each article has (its rows
// of article_entities, in no particular order), read once.
type articleNames map[int64][]articleName

// articleName is one row of article_entities: an entity and the identity
// it is in the article, 0 while the row is not resolved.
type articleName struct{ entity, identity int64 }

// named reports whether the article, whose names were read, names entity.
func (names articleNames) named(article, entity int64) bool {
	return slices.ContainsFunc(names[article], func(n articleName) bool { return n.entity == entity })
}

// has reports whether the article, whose names were read, names entity
// as identity.
func (names articleNames) has(article, entity, identity int64) bool {
	return slices.Contains(names[article], articleName{entity, identity})
}

// load reads the names of the articles of ids not read yet, in one query.
// An article's names come back as one row, "entity identity" pairs joined
// by commas: through database/sql a row costs more than the SQLite work
// behind it.
func (names articleNames) load(ctx context.Context, tx *sql.Tx, ids []int64) error {
	var missing []int64
	for _, id := range ids {
		if _, ok := names[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.value, (SELECT group_concat(ae.entity_id || ' ' || ifnull(ae.identity_id, 0))
		FROM article_entities ae WHERE ae.article_id = a.value) FROM json_each(?) a`, idList(missing))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var list sql.RawBytes
		if err := rows.Scan(&article, &list); err != nil {
			return err
		}
		read, err := parseNames(list)
		if err != nil {
			return fmt.Errorf("names of article %d: %w", article, err)
		}
		names[article] = read
	}
	return rows.Err()
}

// parseNames reads load's list of names; an empty list is an empty, not a
// nil, slice.
func parseNames(list []byte) ([]articleName, error) {
	out := make([]articleName, 0, bytes.Count(list, []byte{','})+1)
	for len(list) > 0 {
		var field []byte
		field, list, _ = bytes.Cut(list, []byte{','})
		e, i, ok := bytes.Cut(field, []byte{' '})
		if !ok {
			return nil, fmt.Errorf("name %q", field)
		}
		entity, err := strconv.ParseInt(string(e), 10, 64)
		if err != nil {
			return nil, err
		}
		identity, err := strconv.ParseInt(string(i), 10, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, articleName{entity, identity})
	}
	return out, nil
}

// articlesWithContext returns, in id order, the articles naming entity sur
// that also name an entity of sig.
func articlesWithContext(ctx context.Context, tx *sql.Tx, names articleNames, sur int64, sig map[int64]bool) ([]int64, error) {
	these, err := entityArticles(ctx, tx, names, sur, 0)
	if err != nil {
		return nil, err
	}
	if err := names.load(ctx, tx, these); err != nil {
		return nil, err
	}
	var out []int64
	for _, a := range slices.Backward(these) { // these are newest first
		if slices.ContainsFunc(names[a], func(n articleName) bool { return sig[n.entity] }) {
			out = append(out, a)
		}
	}
	return out, nil
}

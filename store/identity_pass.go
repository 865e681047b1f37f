package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/bylinehq/byline/model"
)

// workIdentities is the pending_work row that says stored articles have not
// yet been read for what they teach (sports or not, acronyms): set by the
// migration that brought identities, for the articles stored before it.
const workIdentities = "identities"

// resolvePass brings identities up to date, in tx, with work in proportion
// to what changed since the last pass, not to the store: it resolves the
// articles with an unresolved row (a relinked surname) and those naming a
// name marked dirty (a new acronym, a correction), then decides the type
// and name of every identity whose names changed.
func resolvePass(ctx context.Context, tx *sql.Tx) error {
	r, err := newResolver(ctx, tx)
	if err != nil {
		return err
	}
	defer r.close()
	if err := backfill(ctx, tx, r); err != nil {
		return fmt.Errorf("read stored articles: %w", err)
	}
	// CROSS JOIN keeps SQLite starting from the few dirty names: left to
	// choose, it scanned every article's rows (0.4 s on 100,000 articles).
	// A dirty name's resolved rows are found through its identities (see
	// entityArticles); its unresolved ones are in the first part.
	rows, err := tx.QueryContext(ctx, resolveDueSQL)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	topic, err := tx.PrepareContext(ctx, `SELECT sport FROM article_topics WHERE article_id = ?`)
	if err != nil {
		return err
	}
	defer topic.Close()
	for _, id := range ids {
		var sport bool
		if err := topic.QueryRowContext(ctx, id).Scan(&sport); err != nil && err != sql.ErrNoRows {
			return err
		}
		if err := r.article(ctx, id, sport); err != nil {
			return fmt.Errorf("resolve article %d: %w", id, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM names_dirty`); err != nil {
		return err
	}
	return r.decideTypes(ctx)
}

// resolveDueSQL selects, in id order, the articles resolvePass resolves:
// those with an unresolved row and those naming a dirty name. Left to
// choose, SQLite reads the unresolved rows by scanning the whole table in
// article order rather than the (nearly empty) partial index.
const resolveDueSQL = `SELECT article_id FROM article_entities INDEXED BY article_entities_unresolved
		WHERE identity_id IS NULL
	UNION SELECT ai.article_id FROM names_dirty d
		CROSS JOIN entities e CROSS JOIN identity_names n
		CROSS JOIN article_identities ai CROSS JOIN article_entities ae
		WHERE e.key = d.key AND n.entity_id = e.id AND n.articles > 0
			AND ai.identity_id = n.identity_id
			AND ae.article_id = ai.article_id AND ae.entity_id = e.id AND ae.identity_id = n.identity_id
	ORDER BY 1`

// backfill reads, once, the articles stored before identities existed for
// what they teach (see learn), so their acronyms count like any others.
func backfill(ctx context.Context, tx *sql.Tx, r *resolver) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM pending_work WHERE name = ?`, workIdentities).Scan(&one)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	list, err := readStored(ctx, tx, `SELECT a.id, a.title, a.caption, a.body FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id) ORDER BY a.id`)
	if err != nil {
		return err
	}
	for _, s := range list {
		if _, err := learn(ctx, tx, r, s.id, &s.a); err != nil {
			return err
		}
	}
	return clearPending(ctx, tx, workIdentities)
}

// vote is one name of an identity, with how its mentions were tagged.
type vote struct {
	key, name string
	typ       model.EntityType
	mentions  int
}

// decideTypes gives every identity whose names changed its type and
// canonical name (see the comment on identityKey), and records that it
// did.
func (r *resolver) decideTypes(ctx context.Context) error {
	fixedType := make(map[identityKey]string)
	fixedName := make(map[string]string)
	for _, c := range r.corrections {
		switch c.Kind {
		case "type":
			for _, f := range c.From {
				fixedType[identityKey{f.Key, f.Sense}] = c.Type
			}
		case "rename":
			// A renamed identity keeps the type it was given.
			fixedName[foldName(c.Into)] = c.Into
			for _, f := range c.From {
				if t, ok := fixedType[identityKey{f.Key, f.Sense}]; ok {
					fixedType[identityKey{foldName(c.Into), f.Sense}] = t
				}
			}
		case "merge":
			fixedName[foldName(c.Into)] = c.Into
		}
	}
	// Each dirty identity with the names it is still named by, in one
	// query: a query per identity was a round trip each for thousands of
	// identities a batch. An identity named nowhere now has no rows and is
	// left alone: no listing shows it. Negative ids (see below) are done.
	rows, err := r.tx.QueryContext(ctx, `SELECT d.identity_id, i.key, i.sense, i.name, i.type,
			e.key, e.name, e.type, n.mentions
		FROM identity_dirty d JOIN identities i ON i.id = d.identity_id
		JOIN identity_names n ON n.identity_id = d.identity_id AND n.articles > 0
		JOIN entities e ON e.id = n.entity_id
		WHERE d.identity_id > 0
		ORDER BY d.identity_id, n.entity_id`)
	if err != nil {
		return err
	}
	type ident struct {
		id                   int64
		key, sense, name, ty string
		votes                []vote
	}
	var list []*ident
	for rows.Next() {
		var it ident
		var v vote
		var typ string
		if err := rows.Scan(&it.id, &it.key, &it.sense, &it.name, &it.ty, &v.key, &v.name, &typ, &v.mentions); err != nil {
			rows.Close()
			return err
		}
		v.typ = model.EntityType(typ)
		if n := len(list); n == 0 || list[n-1].id != it.id {
			list = append(list, &it)
		}
		last := list[len(list)-1]
		last.votes = append(last.votes, v)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	update, err := r.tx.PrepareContext(ctx, `UPDATE identities SET type = ?, name = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	for _, it := range list {
		votes := it.votes
		ref := identityKey{it.key, it.sense}
		typ, name := it.ty, it.name
		static, isStatic := r.aliases.canonical[it.key]
		switch {
		case fixedType[ref] != "":
			typ = fixedType[ref]
		case it.sense == senseClub:
			typ = string(model.ORG)
		case it.sense == "" && r.aliases.placeClubs[it.key]:
			// The place, where the name is not its club (choose): the
			// tagger, which learnt "Liverpool" from match reports, calls
			// the city an organisation ("visits Liverpool", "Liverpool
			// band"), and the majority made it a second Liverpool
			// organisation beside the club.
			typ = string(model.LOC)
		case isStatic && static.typ != "" && clubFits(static, it.key, false) && (!static.club || share(votes, static.typ) >= 0.1):
			// A club's full name types it, unless that name is a place's
			// that the store hardly ever calls an organisation: openfootball
			// names Los Angeles FC "Los Angeles" (West Ham is the club
			// though the tagger reads "West Ham" as a place half the time).
			typ = string(static.typ)
		default:
			typ = string(majority(votes))
		}
		switch {
		case fixedName[it.key] != "":
			name = fixedName[it.key]
		case isStatic && clubFits(static, it.key, false):
			name = static.name
		default:
			if n := bestSpelling(it.key, votes); n != "" {
				name = n
			}
		}
		if typ == it.ty && name == it.name {
			continue // as it was: no write, no change for readers to notice
		}
		if _, err := update.ExecContext(ctx, typ, name, it.id); err != nil {
			return err
		}
	}
	// Decided, but still news for the surname relink: kept as the negative
	// of the id (see changedSurnames) until a relink has looked, so an
	// import's pass does not decide it again. No identity joins a
	// negative id.
	_, err = r.tx.ExecContext(ctx, `UPDATE OR REPLACE identity_dirty SET identity_id = -identity_id WHERE identity_id > 0`)
	return err
}

// share is the part of the mentions that were tagged t.
func share(votes []vote, t model.EntityType) float64 {
	n, all := 0, 0
	for _, v := range votes {
		all += v.mentions
		if v.typ == t {
			n += v.mentions
		}
	}
	if all == 0 {
		return 0
	}
	return float64(n) / float64(all)
}

// majority is the type most of the mentions were tagged with; a tie goes
// to the first in sidebar order, then to the first by name.
func majority(votes []vote) model.EntityType {
	count := make(map[model.EntityType]int)
	for _, v := range votes {
		count[v.typ] += v.mentions
	}
	rank := func(t model.EntityType) int {
		if i := slices.Index(model.EntityTypes, t); i >= 0 {
			return i
		}
		return len(model.EntityTypes)
	}
	var best model.EntityType
	for t, n := range count {
		switch {
		case best == "", n > count[best]:
			best = t
		case n == count[best] && (rank(t) < rank(best) || rank(t) == rank(best) && t < best):
			best = t
		}
	}
	return best
}

// bestSpelling is how the names of key are best written: the most
// mentioned spelling, one not in capitals first ("Real", not the
// headline's "REAL").
func bestSpelling(key string, votes []vote) string {
	best, bestN, bestShout := "", -1, true
	for _, v := range votes {
		if v.key != key {
			continue
		}
		shout := strings.IndexFunc(v.name, unicode.IsLower) < 0
		if (bestShout && !shout) || (shout == bestShout && v.mentions > bestN) {
			best, bestN, bestShout = v.name, v.mentions, shout
		}
	}
	return best
}

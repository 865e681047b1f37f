package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bylinehq/byline/model"
)

// entityIndex is every entity named in at least one article, in no
// particular order, with its name folded for fuzzy matching. Fuzzy matching
// looks at every name on every key press; in SQL that is a call into Go per
// row, or a LIKE that cannot rank, while a walk over these slices takes a
// millisecond or two for tens of thousands of entities. The index is read
// only once built, so any number of goroutines may share it.
type entityIndex struct {
	generation int64 // entity_generation when loaded
	entities   []model.EntityCount
	keys       [][]rune // matchKey of each entity's name
	// The entities' other names ("Tories" of the Conservative Party):
	// typing one finds the entity.
	aliasOf   []int32  // position in entities
	aliasKeys [][]rune // matchKey of the other name
}

// currentEntityIndex returns the entity index, loading it again when any
// entity changed since it was loaded (by this or another process): one
// one-row read when nothing did.
func (s *Store) currentEntityIndex(ctx context.Context) (*entityIndex, error) {
	var gen int64
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM entity_generation WHERE id = 1`).Scan(&gen); err != nil {
		return nil, err
	}
	if idx := s.entities.Load(); idx != nil && idx.generation >= gen {
		return idx, nil
	}
	// One loader at a time: goroutines that asked meanwhile get its result.
	s.entitiesLoad.Lock()
	defer s.entitiesLoad.Unlock()
	if idx := s.entities.Load(); idx != nil && idx.generation >= gen {
		return idx, nil
	}
	idx, err := s.loadEntityIndex(ctx)
	if err != nil {
		return nil, err
	}
	s.entities.Store(idx)
	return idx, nil
}

// loadEntityIndex reads the generation and the entities in one read
// transaction, so the index is exactly the entities of that generation.
func (s *Store) loadEntityIndex(ctx context.Context) (*entityIndex, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	idx := &entityIndex{}
	if err := tx.QueryRowContext(ctx, `SELECT value FROM entity_generation WHERE id = 1`).Scan(&idx.generation); err != nil {
		return nil, err
	}
	// All entities as one string of records, not one row each: database/sql
	// costs about a microsecond a row, which for tens of thousands of
	// entities is most of the load. Each record is
	//
	//	id mentions articles len(type) type len(name) name
	//
	// with lengths in bytes, so no character in a name can break the
	// framing, and records follow each other with no separator.
	var records string
	err = tx.QueryRowContext(ctx, `SELECT coalesce(group_concat(concat_ws(' ', id, mentions, articles,
			octet_length(type), type, octet_length(name), name), ''), '')
		FROM identities WHERE articles > 0`).Scan(&records)
	if err != nil {
		return nil, err
	}
	r := recordReader{rest: records}
	list := make([]model.EntityCount, 0, len(records)/32) // records run about 30 bytes
	for r.rest != "" && r.err == nil {
		var ec model.EntityCount
		ec.ID = r.int()
		ec.Mentions = int(r.int())
		ec.Articles = int(r.int())
		ec.Type = model.EntityType(r.text())
		ec.Name = r.text()
		list = append(list, ec)
	}
	if r.err != nil {
		return nil, fmt.Errorf("read entities: %w", r.err)
	}
	// Unsorted: a query needs only its best matches in order, which
	// costs less to pick from the matches than sorting every entity here.
	idx.entities = list
	idx.keys = make([][]rune, len(list))
	buf := make([]rune, 0, len(records)) // every key in one allocation
	for i, e := range idx.entities {
		start := len(buf)
		buf = appendMatchKey(buf, e.Name)
		idx.keys[i] = buf[start:len(buf):len(buf)]
	}
	return idx, loadAliasKeys(ctx, tx, idx)
}

// loadAliasKeys adds to idx the names of its entities other than their
// canonical names, as records of "identity len(name) name".
func loadAliasKeys(ctx context.Context, tx *sql.Tx, idx *entityIndex) error {
	var records string
	err := tx.QueryRowContext(ctx, `SELECT coalesce(group_concat(concat_ws(' ', n.identity_id,
			octet_length(e.name), e.name), ''), '')
		FROM identity_names n JOIN entities e ON e.id = n.entity_id
		JOIN identities i ON i.id = n.identity_id
		WHERE n.articles > 0 AND i.articles > 0 AND e.key != i.key`).Scan(&records)
	if err != nil {
		return err
	}
	pos := make(map[int64]int32, len(idx.entities))
	for i, e := range idx.entities {
		pos[e.ID] = int32(i)
	}
	seen := make(map[string]bool)
	r := recordReader{rest: records}
	for r.rest != "" && r.err == nil {
		id := r.int()
		name := r.text()
		p, ok := pos[id]
		k := string(matchKey(name))
		if !ok || seen[strconv.FormatInt(id, 10)+" "+k] {
			continue
		}
		seen[strconv.FormatInt(id, 10)+" "+k] = true
		idx.aliasOf = append(idx.aliasOf, p)
		idx.aliasKeys = append(idx.aliasKeys, []rune(k))
	}
	if r.err != nil {
		return fmt.Errorf("read entity names: %w", r.err)
	}
	return nil
}

// recordReader reads the fields of the entity records, remembering the
// first error.
type recordReader struct {
	rest string
	err  error
}

// int reads a decimal integer and the space after it.
func (r *recordReader) int() int64 {
	if r.err != nil {
		return 0
	}
	field, rest, ok := strings.Cut(r.rest, " ")
	v, err := strconv.ParseInt(field, 10, 64)
	if !ok || err != nil {
		r.err = fmt.Errorf("bad record at %.20q", r.rest)
		return 0
	}
	r.rest = rest
	return v
}

// text reads a length, then that many bytes and the space after them if any.
func (r *recordReader) text() string {
	n := r.int()
	if r.err != nil {
		return ""
	}
	if n < 0 || n > int64(len(r.rest)) {
		r.err = fmt.Errorf("bad record length %d at %.20q", n, r.rest)
		return ""
	}
	t := r.rest[:n]
	r.rest = strings.TrimPrefix(r.rest[n:], " ")
	return t
}

// entityBefore reports whether a comes before b in Entities order
// (entityOrder): articles and mentions descending, then name as SQLite's
// NOCASE compares it (ASCII letters folded, other bytes as they are), then
// name, then id.
func entityBefore(a, b *model.EntityCount) bool {
	if a.Articles != b.Articles {
		return a.Articles > b.Articles
	}
	if a.Mentions != b.Mentions {
		return a.Mentions > b.Mentions
	}
	if c := compareNoCase(a.Name, b.Name); c != 0 {
		return c < 0
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.ID < b.ID
}

// compareNoCase compares as SQLite's NOCASE collation: bytewise with ASCII
// upper case folded to lower, a prefix first.
func compareNoCase(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return cmp.Compare(ca, cb)
		}
	}
	return cmp.Compare(len(a), len(b))
}

// best returns the k entities of hits (positions in entities) that come
// first in Entities order, in that order; all of them when k <= 0. For a
// page of k out of n hits it keeps the page in a heap, O(n log k), instead of
// sorting all n: a one-letter pattern matches nearly every entity.
func best(entities []model.EntityCount, hits []int32, k int) []int32 {
	before := func(i, j int32) bool { return entityBefore(&entities[i], &entities[j]) }
	if k <= 0 || k >= len(hits) {
		slices.SortFunc(hits, func(i, j int32) int {
			if before(i, j) {
				return -1
			}
			return 1 // ids are unique: never equal
		})
		return hits
	}
	// A max-heap of the best k so far: its root is the worst of them.
	heap := slices.Clone(hits[:k])
	down := func(i int) {
		for {
			worst, l, r := i, 2*i+1, 2*i+2
			if l < len(heap) && before(heap[worst], heap[l]) {
				worst = l
			}
			if r < len(heap) && before(heap[worst], heap[r]) {
				worst = r
			}
			if worst == i {
				return
			}
			heap[i], heap[worst] = heap[worst], heap[i]
			i = worst
		}
	}
	for i := len(heap)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, h := range hits[k:] {
		if before(h, heap[0]) {
			heap[0] = h
			down(0)
		}
	}
	return best(entities, heap, 0)
}

// matchEntities is Entities with q.Match: the entities whose names match,
// best kind of match first, in Entities order within a kind.
func (s *Store) matchEntities(ctx context.Context, q EntityQuery) ([]model.EntityCount, error) {
	m := newMatcher(q.Match)
	if m == nil {
		// Only punctuation or spaces typed: nothing to narrow by yet.
		q.Match = ""
		return s.Entities(ctx, q)
	}
	idx, err := s.currentEntityIndex(ctx)
	if err != nil {
		return nil, fmt.Errorf("find entities matching %q: %w", q.Match, err)
	}
	var name string
	if q.Name != "" {
		name = foldName(q.Name)
	}
	// An entity matches as well as the best of its names. A person's
	// surname counts as his whole name: "blair" finds Tony Blair as surely
	// as a "Blair" named in two articles, so the most reported comes first.
	tierOf := make([]int8, len(idx.entities))
	for i := range idx.entities {
		e := &idx.entities[i]
		tierOf[i] = noMatch
		if q.Type != "" && e.Type != q.Type {
			continue
		}
		if name != "" && foldName(e.Name) != name {
			continue
		}
		t := m.tier(idx.keys[i])
		if t == tierWordStart && e.Type == model.PER && m.isLastWord(idx.keys[i]) {
			t = tierExact
		}
		tierOf[i] = int8(t)
	}
	for j, i := range idx.aliasOf {
		e := &idx.entities[i]
		if (q.Type != "" && e.Type != q.Type) || (name != "" && foldName(e.Name) != name) {
			continue
		}
		if t := m.tier(idx.aliasKeys[j]); t != noMatch && (tierOf[i] == noMatch || t < int(tierOf[i])) {
			tierOf[i] = int8(t)
		}
	}
	var tiers [tierCount][]int32
	for i, t := range tierOf {
		if t != noMatch {
			tiers[t] = append(tiers[t], int32(i))
		}
	}
	var list []model.EntityCount
	for _, hits := range tiers {
		k := 0 // all
		if q.Limit > 0 {
			if k = q.Limit - len(list); k <= 0 {
				break
			}
		}
		for _, i := range best(idx.entities, hits, k) {
			list = append(list, idx.entities[i])
		}
	}
	return list, nil
}

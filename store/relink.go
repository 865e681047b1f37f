package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// relinkRule is when a surname-only person is taken for the full name the
// store knows. The thresholds were measured on the BBC corpus (2,125
// articles), reading every relinked article: see Relink.
type relinkRule struct {
	// minArticles is the fewest articles the full name must be in: a name
	// seen once or twice says too little about who the surname means.
	minArticles int
	// dominance is the share of the articles of every full name ending in
	// the surname that the chosen person (with the other spellings of his
	// name) must hold. At 0.9 "Howard" (Michael Howard, 96 of 108) stayed
	// apart though both its articles say "Mr Howard" of him; 0.85 relinks
	// seven more BBC articles, all rightly; 0.8 relinks eleven more, one
	// wrongly ("Dr Arnold" the headmaster to Andrea Arnold); 0.75 also
	// takes London Irish's "Hodgson" for England's Charlie Hodgson.
	dominance float64
	// commonShare and commonFloor: an entity named in more than
	// max(commonShare of the store's articles, commonFloor) articles is too
	// common to tell one story from another ("United States", "BBC"). At
	// 0.1 "Labour" counts and two more Blair articles join Tony Blair, but
	// so do "BBC" and "Wales", which a story about anyone may name.
	commonShare float64
	commonFloor int
	// minShared is how many of the full name's articles an entity must share
	// with it to be part of its signature, and signatureSize how many of
	// the most shared such entities the signature keeps.
	minShared     int
	signatureSize int
	// signatureArticles is how many of the full name's articles, the
	// latest stored, the signature is read from: enough to find the 30
	// names of his world (no BBC person is in more than 161), and a bound
	// on what a relink costs per surname whatever the store's size (Tony
	// Blair is in 7,000 articles of a 100,000-article store).
	signatureArticles int
	// namesKept bounds the articles whose names a relink keeps read
	// (articleNames): past it they are dropped before the next surname.
	// An incremental relink of 1,000 new articles on 100,000 reads 20,000;
	// one that looks at every surname of a large store would otherwise
	// hold most of its links, about 300 bytes an article.
	namesKept int
	// everySurname looks at every surname, not only those the articles
	// stored since the last relink name (see changedSurnames): what an
	// incremental relink is tested against.
	everySurname bool
}

var defaultRelinkRule = relinkRule{
	minArticles:       3,
	dominance:         0.85,
	commonShare:       0.05,
	commonFloor:       10,
	minShared:         2,
	signatureSize:     30,
	signatureArticles: 500,
	namesKept:         100_000,
}

// relinkMerge is one article's surname entity moved to the full name.
type relinkMerge struct {
	article  int64
	from, to int64  // entity ids: the surname, the full name
	surname  string // folded
}

// Relink joins, across articles, a person named by surname alone to the
// full name the store knows, and reports how many articles it relinked. A
// team sheet's initial and surname ("P O'Connell", whatever type the
// tagger gave it) is relinked the same way, to the full names it fits:
// a first name of that initial, then that surname.
// Within one article the tagger already takes "Blair" for the article's
// "Tony Blair"; an article that only ever says "Mr Blair" is stored with a
// person "Blair", and a reader following Tony Blair would miss it.
//
// It does so only on strong evidence, three times over:
//
//   - The surname must point at one person. Of the people (PER, two or more
//     words) whose last word is the surname, the one in the most articles
//     must be in at least 3, in at least as many as the surname, and, with
//     the other spellings of his first and last name ("George W Bush",
//     "George Bush") and his initial where it fits no one else ("P
//     O'Connell" for Paul O'Connell), in at least 85% of all their
//     articles. "Blair" is
//     Tony Blair (147 of 161 BBC articles); "Brown" is not Gordon Brown
//     (82 of 106: Wes, Dan, James and many more), so it is left alone.
//   - Each article must be about that person's world. His signature is the
//     30 entities named with him most often, in at least 2 of his articles,
//     leaving out those in more than 5% of the store's articles (at least
//     10), which tell nothing apart. An article is relinked only when it
//     names one of them, or his full name: a music story's "Bush" stays
//     "Bush".
//   - A title must not say otherwise: "Baroness Kennedy" is not Charles
//     Kennedy, known as "Mr Kennedy".
//
// A relinked article's mentions of the surname become mentions of the full
// name, and its row for the surname goes: replaced by one for the full
// name, or merged into the one it already had. The surname's entity stays,
// in no article, so no listing shows it. Relinked articles widen the
// signature, so Relink goes on until a pass relinks nothing: it is
// deterministic, and a second call relinks nothing. An article once
// relinked stays so, whatever is imported later.
//
// It looks only at the surnames the articles stored since the last relink
// touched (see changedSurnames), and reads a person's world from his
// latest articles only (see signatureArticles), so its cost follows what
// changed, not the store: 1,000 new articles on a 100,000-article store
// relink in about half a second (BenchmarkScaleRelink). It runs in one
// transaction.
func (s *Store) Relink(ctx context.Context) (merged int, err error) {
	return s.relink(ctx, defaultRelinkRule)
}

// relink applies rule, pass after pass, until a pass relinks nothing. Each
// pass decides on the store as it was when the pass began.
//
// The same transaction clears the pending relink that Import and
// UpsertFeedArticles record: it covers every article committed before it.
//
// After an import in this process it runs on the import's connection
// (writeBulk): that page cache holds the pages the import just wrote,
// which relinking reads next, while a connection of the pool, seeing
// another's commit, first drops its whole cache and then reads them back
// (1,000 new articles on 100k: about 0.9 s → 0.5 s). A process that
// never imported does not open that connection for a relink. Relinking
// suits it: it writes only references it has just read (entities,
// identities, articles) and deletes only rows no foreign key points at.
func (s *Store) relink(ctx context.Context, rule relinkRule) (merged int, err error) {
	fn := func(tx *sql.Tx) (err error) {
		merged, err = rule.relinkTx(ctx, tx)
		return err
	}
	if s.imported() {
		err = s.writeBulk(ctx, fn)
	} else {
		err = s.write(ctx, fn)
	}
	if err != nil {
		return 0, fmt.Errorf("relink: %w", err)
	}
	return merged, nil
}

// imported reports whether this process has the import's connection open.
func (s *Store) imported() bool {
	s.bulk.mu.Lock()
	defer s.bulk.mu.Unlock()
	return s.bulk.conn != nil
}

// relinkTx is one attempt of relink, in tx.
func (rule relinkRule) relinkTx(ctx context.Context, tx *sql.Tx) (merged int, err error) {
	var only map[string]bool // nil: every surname
	if !rule.everySurname {
		if only, err = changedSurnames(ctx, tx); err != nil {
			return 0, err
		}
	}
	names := make(articleNames)
	for only == nil || len(only) > 0 {
		merges, err := rule.plan(ctx, tx, names, only)
		if err != nil {
			return 0, err
		}
		if len(merges) == 0 {
			break
		}
		// What a pass relinked widens the signatures of the people it
		// relinked to, and nothing else: the next pass looks at their
		// surnames only.
		only = make(map[string]bool)
		for _, m := range merges {
			if err := mergeArticleEntity(ctx, tx, m); err != nil {
				return 0, fmt.Errorf("relink article %d: %w", m.article, err)
			}
			delete(names, m.article) // it names m.to now, not m.from
			only[m.surname] = true
		}
		merged += len(merges)
	}
	if err := resolvePass(ctx, tx); err != nil {
		return 0, fmt.Errorf("identities: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM identity_dirty`); err != nil {
		return 0, err
	}
	if err := clearPending(ctx, tx, workRelink); err != nil {
		return 0, err
	}
	return merged, nil
}

// changedSurnames returns the surnames whose relinking may have changed
// since the last relink: those of the people (PER entities) named, or no
// longer named, in the articles stored, replaced or deleted since, found
// through the identities those articles touched: identity_dirty, which
// every relink empties when done (an import's pass keeps the identities it
// decided there, as negative ids). A surname is the last word of
// a name, so a new "Tony Blair" article brings "Blair" back to be looked
// at, with all its articles: the evidence for him grew.
//
// It returns nil, every surname, for a store whose articles were stored
// before identities existed: nothing recorded what changed there. Other
// changes wait until their surname is looked at again: an entity of a
// signature growing too common, a store growing so an entity stops being.
func changedSurnames(ctx context.Context, tx *sql.Tx) (map[string]bool, error) {
	var one int
	switch err := tx.QueryRowContext(ctx, `SELECT 1 FROM pending_work WHERE name = ?`, workIdentities).Scan(&one); err {
	case nil:
		return nil, nil
	case sql.ErrNoRows:
	default:
		return nil, err
	}
	// Articles were stored, but no identity recorded it: a byline before
	// this one stored them. Look at every surname, once.
	var pending, dirty bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pending_work WHERE name = ?),
		EXISTS (SELECT 1 FROM identity_dirty)`, workRelink).Scan(&pending, &dirty); err != nil {
		return nil, err
	}
	if pending && !dirty {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT e.key FROM identity_dirty d
		CROSS JOIN identity_names n CROSS JOIN entities e
		WHERE n.identity_id = abs(d.identity_id) AND e.id = n.entity_id AND (e.type = 'PER' OR `+initialKey+`)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	only := make(map[string]bool)
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, err
		}
		if words := strings.Fields(key); len(words) > 0 {
			only[words[len(words)-1]] = true
		}
	}
	return only, rows.Err()
}

// person is a PER entity as relinking sees it.
type person struct {
	id       int64
	words    []string // of its key
	articles int
}

// plan finds the articles to relink in the store as it is, in the order of
// surname id, then article id, looking only at the surnames in only (all
// when only is nil). names holds what articles name, as the store has it.
func (r relinkRule) plan(ctx context.Context, tx *sql.Tx, names articleNames, only map[string]bool) ([]relinkMerge, error) {
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return nil, err
	}
	surnames, full, err := people(ctx, tx)
	if err != nil {
		return nil, err
	}
	reads := &planReads{
		names:      names,
		companions: make(map[int64][]int64),
		tooCommon:  make(map[int64]bool),
		common:     max(int(r.commonShare*float64(total)), r.commonFloor),
	}
	var merges, givens []relinkMerge // surnames; first names beside them
	for _, sur := range surnames {
		last := sur.words[len(sur.words)-1]
		if only != nil && !only[last] {
			continue
		}
		if len(names) > r.namesKept {
			clear(names) // each use below reads what it needs first
		}
		target, variants, ok := r.dominant(sur, fitting(sur, full[last]))
		if !ok {
			continue
		}
		sig, err := r.signature(ctx, tx, reads, target.id, sur.id)
		if err != nil {
			return nil, err
		}
		for _, v := range variants {
			sig[v] = true // naming him in full is the best context of all
		}
		articles, err := articlesWithContext(ctx, tx, names, sur.id, sig)
		if err != nil {
			return nil, err
		}
		heres := make([]map[byte]bool, len(articles))
		told := make(map[byte]bool) // every sex a title tells of him here
		for i, a := range articles {
			if heres[i], err = titledSexes(ctx, tx, sur.id, a, nil, nil); err != nil {
				return nil, err
			}
			maps.Copy(told, heres[i])
		}
		var known map[byte]bool // the sexes his titles tell
		if len(told) > 0 {
			latest, err := r.latest(ctx, tx, reads, target.id)
			if err != nil {
				return nil, err
			}
			if known, err = titledSexes(ctx, tx, target.id, 0, latest, told); err != nil {
				return nil, err
			}
		}
		given, err := givenNameOf(ctx, tx, target)
		if err != nil {
			return nil, err
		}
		for i, a := range articles {
			if !titlesAgree(heres[i], known) {
				continue // "Baroness Kennedy" is not Charles Kennedy
			}
			merges = append(merges, relinkMerge{article: a, from: sur.id, to: target.id, surname: last})
			// His first name alone in the same article ("Elvis" beside
			// "Presley") is him too: within an article entity.Link joins
			// it to no one, as it saw no full name there.
			if given == 0 || given == sur.id {
				continue
			}
			if names.named(a, given) { // articlesWithContext read a's names
				// "Mr Howard" names a surname, never a first name.
				titled, err := titledSexes(ctx, tx, given, a, nil, nil)
				if err != nil {
					return nil, err
				}
				if len(titled) == 0 {
					givens = append(givens, relinkMerge{article: a, from: given, to: target.id, surname: last})
				}
			}
		}
	}
	// A name moves once an article. A first name that is also a surname
	// planned above ("Howard" beside "Flight", and Michael Howard's
	// surname) keeps the surname's reading: a second move of it would
	// find no row left to move.
	type moved struct{ article, from int64 }
	taken := make(map[moved]bool, len(merges))
	for _, m := range merges {
		taken[moved{m.article, m.from}] = true
	}
	for _, m := range givens {
		if k := (moved{m.article, m.from}); !taken[k] {
			taken[k] = true
			merges = append(merges, m)
		}
	}
	return merges, nil
}

// givenNameOf returns the id of the one-word person named as the first
// word of target's name ("Elvis" for Elvis Presley), 0 when none is stored
// or target is an initial and surname.
func givenNameOf(ctx context.Context, tx *sql.Tx, target person) (int64, error) {
	if _, ok := initialOf(target.words); ok {
		return 0, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM entities WHERE key = ? AND type = 'PER' AND articles > 0`,
		target.words[0]).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

// people returns the short names of people in some article, by id: the
// one-word PER entities and those of an initial and a surname (a team
// sheet's "P O'Connell"); and the longer ones by their last word, those of
// an initial too.
func people(ctx context.Context, tx *sql.Tx) (surnames []person, full map[string][]person, err error) {
	// An initial and surname is a person's name whatever the tagger typed
	// it: a team sheet's "D Traille" is often an organisation to it.
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.key, e.type, e.articles FROM entities e
		WHERE (e.type = 'PER' OR `+initialKey+`) AND e.articles > 0 ORDER BY e.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	full = make(map[string][]person)
	for rows.Next() {
		var p person
		var key, typ string
		if err := rows.Scan(&p.id, &key, &typ, &p.articles); err != nil {
			return nil, nil, err
		}
		p.words = strings.Fields(key)
		_, initial := initialOf(p.words)
		switch {
		case len(p.words) == 0:
		case typ != string(model.PER):
			if initial {
				surnames = append(surnames, p)
			}
		case len(p.words) == 1:
			surnames = append(surnames, p)
		default:
			last := p.words[len(p.words)-1]
			full[last] = append(full[last], p)
			if initial {
				surnames = append(surnames, p)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	// Only short names some full name fits can be relinked.
	surnames = slices.DeleteFunc(surnames, func(p person) bool {
		return len(fitting(p, full[p.words[len(p.words)-1]])) == 0
	})
	return surnames, full, nil
}

// fitting returns the full names, of those ending in the surname of short,
// that short may stand for: all of them for a surname alone; for an
// initial and surname, those of a first name that begins with the initial
// and then that surname ("Paul O'Connell" for "P O'Connell", not "Chris
// Rhys Jones" for "C Jones"), as entity.Link joins them in one article.
func fitting(short person, candidates []person) []person {
	initial, ok := initialOf(short.words)
	if !ok {
		return candidates
	}
	var out []person
	for _, c := range candidates {
		if fitsInitial(initial, c.words) {
			out = append(out, c)
		}
	}
	return out
}

// fitsInitial reports whether the words of a name are a first name that
// begins with initial and one word more, the surname.
func fitsInitial(initial string, words []string) bool {
	return len(words) == 2 && utf8.RuneCountInString(strings.TrimSuffix(words[0], ".")) > 1 &&
		strings.HasPrefix(words[0], initial)
}

// dominant picks the person surname sur means among candidates (in id
// order), if one stands out: the most reported, with the other spellings of
// his first and last name (variants, him included).
func (r relinkRule) dominant(sur person, candidates []person) (target person, variants []int64, ok bool) {
	type group struct {
		best     person
		articles int
		ids      []int64
	}
	groups := make(map[string]*group)
	var order []*group
	sum := 0
	for _, c := range candidates {
		k := c.words[0] + " " + c.words[len(c.words)-1]
		g := groups[k]
		if g == nil {
			g = &group{best: c}
			groups[k] = g
			order = append(order, g)
		}
		if c.articles > g.best.articles {
			g.best = c
		}
		g.articles += c.articles
		g.ids = append(g.ids, c.id)
		sum += c.articles
	}
	// A team sheet's "P O'Connell" is the one full name it fits, "Paul
	// O'Connell" (a first name, then that surname), and counts with him;
	// one that fits two people stays a rival of both.
	folded := make(map[*group]bool)
	for _, g := range order {
		initial, ok := initialOf(g.best.words)
		if !ok {
			continue
		}
		var fit *group
		for _, o := range order {
			if w := o.best.words; !fitsInitial(initial, w) || w[1] != g.best.words[1] {
				continue
			}
			if fit != nil {
				fit = nil
				break
			}
			fit = o
		}
		if fit != nil {
			fit.articles += g.articles
			fit.ids = append(fit.ids, g.ids...)
			folded[g] = true
		}
	}
	order = slices.DeleteFunc(order, func(g *group) bool { return folded[g] })
	// The first of equals wins, so the choice does not depend on map order.
	top := slices.MaxFunc(order, func(a, b *group) int {
		if c := cmp.Compare(a.articles, b.articles); c != 0 {
			return c
		}
		return cmp.Compare(b.best.id, a.best.id)
	})
	if top.best.articles < r.minArticles || top.best.articles < sur.articles ||
		float64(top.articles) < r.dominance*float64(sum) {
		return person{}, nil, false
	}
	return top.best, top.ids, true
}

// initialKey is the SQL condition on an entity e whose key is a letter,
// perhaps with a full stop, then one word: what initialOf accepts, in
// ASCII letters.
const initialKey = `(e.key GLOB '[a-z] [^ ]*' AND e.key NOT GLOB '* * *' OR e.key GLOB '[a-z]. [^ ]*' AND e.key NOT GLOB '* * *')`

// initialOf returns the initial of a name of two words that is an
// initial and a surname ("p o'connell", "p. o'connell").
func initialOf(words []string) (string, bool) {
	if len(words) != 2 {
		return "", false
	}
	initial := strings.TrimSuffix(words[0], ".")
	return initial, utf8.RuneCountInString(initial) == 1
}

// mergeArticleEntity moves article m.article's mentions of entity m.from to
// m.to and leaves it one row for m.to: at the earlier position of the two,
// with their mentions summed. Rows are deleted and inserted, never updated,
// so the triggers keep both entities' counts.
func mergeArticleEntity(ctx context.Context, tx *sql.Tx, m relinkMerge) error {
	var pos, n int
	err := tx.QueryRowContext(ctx, `SELECT min(position), sum(mentions) FROM article_entities
		WHERE article_id = ? AND entity_id IN (?, ?)`, m.article, m.from, m.to).Scan(&pos, &n)
	if err != nil {
		return err
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE mentions SET entity_id = ? WHERE article_id = ? AND entity_id = ?`, []any{m.to, m.article, m.from}},
		{`DELETE FROM article_entities WHERE article_id = ? AND entity_id IN (?, ?)`, []any{m.article, m.from, m.to}},
		{`INSERT INTO article_entities (article_id, entity_id, position, mentions) VALUES (?, ?, ?, ?)`, []any{m.article, m.to, pos, n}},
	} {
		if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
			return err
		}
	}
	return nil
}

// titleSex is the sex a title before a name tells: 'm' or 'f'.
var titleSex = map[string]byte{
	"Mr": 'm', "Sir": 'm', "Lord": 'm', "Prince": 'm', "King": 'm',
	"Mrs": 'f', "Ms": 'f', "Miss": 'f', "Lady": 'f', "Dame": 'f', "Baroness": 'f', "Princess": 'f', "Queen": 'f',
}

// titledSexes returns the sexes told by the titles right before the
// mentions of entity (in article, or, when article is 0, in the articles
// of latest, his latest): "Mr Kennedy" gives 'm', "Baroness Kennedy" 'f'.
// It stops once it has found every sex in enough: the others cannot
// change what titlesAgree says of enough's articles.
func titledSexes(ctx context.Context, tx *sql.Tx, entity, article int64, latest []int64, enough map[byte]bool) (map[byte]bool, error) {
	which, in := `m.article_id = ?2`, ""
	if article == 0 {
		which, in = `m.article_id IN (SELECT value FROM json_each(?3))`, idList(latest)
	}
	rows, err := textBefore(ctx, tx, `m.entity_id = ?1 AND `+which, entity, article, in)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sexes := make(map[byte]bool)
	for rows.Next() {
		var before sql.NullString
		if err := rows.Scan(&before); err != nil {
			return nil, err
		}
		words := strings.Fields(before.String)
		if len(words) == 0 || !strings.HasSuffix(before.String, " ") {
			continue
		}
		if sex, ok := titleSex[strings.TrimSuffix(words[len(words)-1], ".")]; ok {
			sexes[sex] = true
			if len(enough) > 0 && titlesAgree(enough, sexes) {
				break // the rest can tell nothing titlesAgree needs
			}
		}
	}
	return sexes, rows.Err()
}

// titlesAgree reports whether the titles of a surname in one article (here)
// fit the person's titles across the store (known): every sex told here is
// one he is known by, unless he is known by no title at all.
func titlesAgree(here, known map[byte]bool) bool {
	if len(known) == 0 {
		return true
	}
	for sex := range here {
		if !known[sex] {
			return false
		}
	}
	return true
}

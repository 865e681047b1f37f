package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
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
}

var defaultRelinkRule = relinkRule{
	minArticles:   3,
	dominance:     0.85,
	commonShare:   0.05,
	commonFloor:   10,
	minShared:     2,
	signatureSize: 30,
}

// relinkMerge is one article's surname entity moved to the full name.
type relinkMerge struct {
	article  int64
	from, to int64 // entity ids: the surname, the full name
}

// Relink joins, across articles, a person named by surname alone to the
// full name the store knows, and reports how many articles it relinked.
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
//     "George Bush"), in at least 85% of all their articles. "Blair" is
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
// It runs in one transaction: about 55 ms on the BBC store (84 articles
// relinked), 250 ms on 10,000 articles.
func (s *Store) Relink(ctx context.Context) (merged int, err error) {
	return s.relink(ctx, defaultRelinkRule)
}

// relink applies rule, pass after pass, until a pass relinks nothing. Each
// pass decides on the store as it was when the pass began.
//
// The same transaction clears the pending relink that Import and
// UpsertFeedArticles record: it covers every article committed before it.
func (s *Store) relink(ctx context.Context, rule relinkRule) (merged int, err error) {
	err = s.write(ctx, func(tx *sql.Tx) (err error) {
		merged, err = rule.relinkTx(ctx, tx)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("relink: %w", err)
	}
	return merged, nil
}

// relinkTx is one attempt of relink, in tx.
func (rule relinkRule) relinkTx(ctx context.Context, tx *sql.Tx) (merged int, err error) {
	for {
		merges, err := rule.plan(ctx, tx)
		if err != nil {
			return 0, err
		}
		if len(merges) == 0 {
			break
		}
		for _, m := range merges {
			if err := mergeArticleEntity(ctx, tx, m); err != nil {
				return 0, fmt.Errorf("relink article %d: %w", m.article, err)
			}
		}
		merged += len(merges)
	}
	if err := resolvePass(ctx, tx); err != nil {
		return 0, fmt.Errorf("identities: %w", err)
	}
	if err := clearPending(ctx, tx, workRelink); err != nil {
		return 0, err
	}
	return merged, nil
}

// person is a PER entity as relinking sees it.
type person struct {
	id       int64
	words    []string // of its key
	articles int
}

// plan finds the articles to relink in the store as it is, in the order of
// surname id, then article id.
func (r relinkRule) plan(ctx context.Context, tx *sql.Tx) ([]relinkMerge, error) {
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return nil, err
	}
	surnames, full, err := people(ctx, tx)
	if err != nil {
		return nil, err
	}
	common := max(int(r.commonShare*float64(total)), r.commonFloor)
	var merges []relinkMerge
	for _, sur := range surnames {
		target, variants, ok := r.dominant(sur, full[sur.words[0]])
		if !ok {
			continue
		}
		sig, err := r.signature(ctx, tx, target.id, sur.id, common)
		if err != nil {
			return nil, err
		}
		for _, v := range variants {
			sig[v] = true // naming him in full is the best context of all
		}
		articles, err := articlesWithContext(ctx, tx, sur.id, sig)
		if err != nil {
			return nil, err
		}
		var known map[byte]bool // the sexes his titles tell; loaded when needed
		for _, a := range articles {
			here, err := titledSexes(ctx, tx, sur.id, a)
			if err != nil {
				return nil, err
			}
			if len(here) > 0 && known == nil {
				if known, err = titledSexes(ctx, tx, target.id, 0); err != nil {
					return nil, err
				}
			}
			if !titlesAgree(here, known) {
				continue // "Baroness Kennedy" is not Charles Kennedy
			}
			merges = append(merges, relinkMerge{article: a, from: sur.id, to: target.id})
		}
	}
	return merges, nil
}

// people returns the one-word PER entities in some article, by id, and the
// longer ones by their last word.
func people(ctx context.Context, tx *sql.Tx) (surnames []person, full map[string][]person, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, key, articles FROM entities
		WHERE type = 'PER' AND articles > 0 ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	full = make(map[string][]person)
	for rows.Next() {
		var p person
		var key string
		if err := rows.Scan(&p.id, &key, &p.articles); err != nil {
			return nil, nil, err
		}
		p.words = strings.Fields(key)
		switch len(p.words) {
		case 0:
		case 1:
			surnames = append(surnames, p)
		default:
			last := p.words[len(p.words)-1]
			full[last] = append(full[last], p)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	// Only surnames some full name ends in can be relinked.
	surnames = slices.DeleteFunc(surnames, func(p person) bool { return len(full[p.words[0]]) == 0 })
	return surnames, full, nil
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

// signature returns the entities most often named with entity target (not
// counting the surname's entity, skip, nor any named in more than common
// articles).
func (r relinkRule) signature(ctx context.Context, tx *sql.Tx, target, skip int64, common int) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT other.entity_id
		FROM article_entities this
		JOIN article_entities other ON other.article_id = this.article_id
		JOIN entities e ON e.id = other.entity_id
		WHERE this.entity_id = ?1 AND other.entity_id NOT IN (?1, ?2) AND e.articles <= ?3
		GROUP BY other.entity_id
		HAVING count(*) >= ?4
		ORDER BY count(*) DESC, other.entity_id
		LIMIT ?5`, target, skip, common, r.minShared, r.signatureSize)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sig := make(map[int64]bool)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		sig[id] = true
	}
	return sig, rows.Err()
}

// articlesWithContext returns, in id order, the articles naming entity sur
// that also name an entity of sig.
func articlesWithContext(ctx context.Context, tx *sql.Tx, sur int64, sig map[int64]bool) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT this.article_id, other.entity_id
		FROM article_entities this
		JOIN article_entities other ON other.article_id = this.article_id
		WHERE this.entity_id = ? ORDER BY this.article_id`, sur)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var article, other int64
		if err := rows.Scan(&article, &other); err != nil {
			return nil, err
		}
		if sig[other] && (len(out) == 0 || out[len(out)-1] != article) {
			out = append(out, article)
		}
	}
	return out, rows.Err()
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
// mentions of entity (in article, or in every article when article is 0):
// "Mr Kennedy" gives 'm', "Baroness Kennedy" 'f'. The 20 bytes before each
// mention are cut in SQL, so no article is read whole.
func titledSexes(ctx context.Context, tx *sql.Tx, entity, article int64) (map[byte]bool, error) {
	// Mentions are keyed by article: the entity's articles come from
	// article_entities (see migration 8).
	where := `m.article_id = ?2 AND m.entity_id = ?1`
	if article == 0 {
		where = `m.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?1) AND m.entity_id = ?1`
	}
	rows, err := tx.QueryContext(ctx, `SELECT CAST(substr(CAST(CASE m.field
				WHEN 0 THEN a.title WHEN 1 THEN a.caption
				ELSE json_extract(a.body, '$[' || m.paragraph || ']') END AS BLOB),
			m.start - min(m.start, 20) + 1, min(m.start, 20)) AS TEXT)
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE `+where, entity, article)
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

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/bylinehq/byline/model"
)

// ImportResult says what Import did with each article it was given, in input
// order, so a caller can report "12 new, 3 already here" and open what it
// just imported.
type ImportResult struct {
	Imported   int     // articles added to the store
	Duplicates int     // articles already in the store or earlier in the batch
	IDs        []int64 // per input article: its id (the existing id for a duplicate)
	Duplicate  []bool  // per input article: whether it was a duplicate
}

// Import stores articles with their entities and mentions in one transaction:
// a batch lands whole or not at all, and one commit is what makes thousands
// of articles a second possible. An article whose normalised title, caption
// and body are already stored (or appear earlier in the batch) is not stored
// again. An entity is matched to a stored one by folded name and type; a
// stored entity keeps the name it was first seen with. Published is kept to
// the second (an unknown, zero date stays unknown). A mention in a field
// other than title, caption or body fails the batch: it could never be drawn.
//
// New articles record relinking as pending in the same transaction (see
// Relink), so a process killed before it relinks leaves the work to the
// next one that opens the store. The articles are tagged before Import is
// called: the transaction holds the write lock only for the writing.
func (s *Store) Import(ctx context.Context, articles []model.Article) (ImportResult, error) {
	if len(articles) == 0 {
		return ImportResult{IDs: []int64{}, Duplicate: []bool{}}, nil
	}
	var res ImportResult
	err := s.writeBulk(ctx, func(tx *sql.Tx) (err error) {
		res, err = importTx(ctx, tx, articles)
		return err
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	return res, nil
}

// importTx is one attempt of Import, in tx.
func importTx(ctx context.Context, tx *sql.Tx, articles []model.Article) (ImportResult, error) {
	res := ImportResult{
		IDs:       make([]int64, len(articles)),
		Duplicate: make([]bool, len(articles)),
	}
	im, err := newImporter(ctx, tx)
	if err != nil {
		return ImportResult{}, err
	}
	defer im.close()

	if err := im.knownNames(ctx, articles); err != nil {
		return ImportResult{}, err
	}
	batch := make(map[[sha256.Size]byte]int64, len(articles))
	for i := range articles {
		a := &articles[i]
		h := contentHash(a)
		id, dup := batch[h]
		if !dup {
			id, dup, err = im.article(ctx, a, h)
			if err != nil {
				return ImportResult{}, fmt.Errorf("article %d (%q): %w", i+1, a.Title, err)
			}
			batch[h] = id
		}
		res.IDs[i], res.Duplicate[i] = id, dup
		if dup {
			res.Duplicates++
		} else {
			res.Imported++
		}
	}
	if err := im.flush(ctx); err != nil {
		return ImportResult{}, err
	}
	if res.Imported > 0 {
		if err := im.res.decideTypes(ctx); err != nil {
			return ImportResult{}, fmt.Errorf("decide entity types: %w", err)
		}
		if err := markPending(ctx, tx, workRelink); err != nil {
			return ImportResult{}, err
		}
	}
	if err := im.search(ctx); err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// importer holds the statements of one import transaction, prepared once and
// run for every article.
type importer struct {
	now int64

	findArticle, insertArticle, indexArticle *sql.Stmt
	findEntity                               *sql.Stmt

	// Rows of entities, article_entities and mentions not yet written
	// (see flush), and the id the next new entity takes (see nextID; 0
	// until the first).
	newEntities, links, mentions *multiInsert
	nextEntity                   int64
	// Full-text rows not yet written (see search).
	texts []searchRow

	entities map[entityKey]int64    // ids already resolved in this batch
	stored   map[entityKey]int64    // ids read by knownNames
	fetched  bool                   // knownNames read every entity the batch names
	names    map[int64]model.Entity // the first name and type seen of each of those ids
	res      *resolver              // puts each article's names in identities
	words    searchWords            // the articles' words, for search_words: flush writes them (vocab.go)
}

type entityKey struct {
	key string
	typ model.EntityType
}

func newImporter(ctx context.Context, tx *sql.Tx) (*importer, error) {
	im := &importer{now: time.Now().Unix(), entities: make(map[entityKey]int64),
		stored: make(map[entityKey]int64), names: make(map[int64]model.Entity)}
	res, err := newResolver(ctx, tx)
	if err != nil {
		return nil, err
	}
	im.res = res
	im.newEntities = newMultiInsert(tx, `INSERT INTO entities (id, name, key, type) VALUES `, 4)
	res.newIdentities = newMultiInsert(tx, `INSERT INTO identities (id, key, sense, name, type) VALUES `, 5)
	im.links = newMultiInsert(tx, `INSERT INTO article_entities (article_id, entity_id, position, mentions, identity_id) VALUES `, 5)
	im.mentions = newMultiInsert(tx, `INSERT INTO mentions (article_id, field, paragraph, start, "end", entity_id) VALUES `, 6)
	res.newLinks = newMultiInsert(tx, `INSERT INTO article_identities (article_id, identity_id, position, mentions) VALUES `, 4)
	res.newTopics = newMultiInsert(tx, `INSERT OR REPLACE INTO article_topics (article_id, sport) VALUES `, 2)
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&im.findArticle, `SELECT id FROM articles WHERE hash = ?`},
		{&im.insertArticle, `INSERT INTO articles
			(hash, title, published, caption, credit, source, url, format, body, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&im.indexArticle, `INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)`},
		{&im.findEntity, `SELECT id FROM entities WHERE key = ? AND type = ?`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			im.close()
			return nil, err
		}
		*st.dst = p
	}
	return im, nil
}

func (im *importer) close() {
	if im.res != nil {
		im.res.close()
	}
	im.newEntities.close()
	im.links.close()
	im.mentions.close()
	for _, st := range []*sql.Stmt{im.findArticle, im.insertArticle, im.indexArticle,
		im.findEntity} {
		if st != nil {
			st.Close()
		}
	}
}

// article stores a unless its hash is already stored, and returns its id.
func (im *importer) article(ctx context.Context, a *model.Article, h [sha256.Size]byte) (id int64, dup bool, err error) {
	err = im.findArticle.QueryRowContext(ctx, h[:]).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if err != sql.ErrNoRows {
		return 0, false, err
	}

	// Check every mention before writing anything of this article.
	fields, err := mentionFields(a)
	if err != nil {
		return 0, false, err
	}
	body, err := json.Marshal(a.Paragraphs)
	if err != nil {
		return 0, false, err
	}
	r, err := im.insertArticle.ExecContext(ctx, h[:], a.Title, unixOrNull(a.Published),
		a.Caption, a.Credit, a.Source, a.URL, string(a.Format), string(body), im.now)
	if err != nil {
		return 0, false, err
	}
	if id, err = r.LastInsertId(); err != nil {
		return 0, false, err
	}
	if err := im.index(ctx, id, a, fields); err != nil {
		return 0, false, err
	}
	return id, false, nil
}

// mentionFields returns the field code of every mention of a, per entity,
// or an error naming the first mention in a field that could never be drawn.
func mentionFields(a *model.Article) ([][]int, error) {
	fields := make([][]int, len(a.Entities))
	for i, e := range a.Entities {
		fields[i] = make([]int, len(e.Mentions))
		for j, m := range e.Mentions {
			f, ok := fieldCode(m.Field)
			if !ok {
				return nil, fmt.Errorf("entity %q: mention %d: unknown field %q", e.Name, j+1, m.Field)
			}
			fields[i][j] = f
		}
	}
	return fields, nil
}

// index writes what hangs off stored article id: its entities; and
// gathers its entity links, mentions (fields from mentionFields), identity
// links and topic for flush and its full-text row for search.
func (im *importer) index(ctx context.Context, id int64, a *model.Article, fields [][]int) error {
	im.texts = append(im.texts, searchRow{id, a.Title, strings.Join(a.Paragraphs, "\n\n")})
	im.words.add(a.Title, a.Paragraphs)

	// Entities that fold to one identity are merged into the first of them,
	// since article_entities holds one row per (article, entity).
	// A mention given twice (same entity, same place) is stored and
	// counted once: the mentions table is keyed by place and entity.
	counts := make(map[int64]int, len(a.Entities))
	var order []int64
	var rows []mentionRow
	seen := make(map[mentionRow]bool)
	titled := make(map[int64]bool) // a person's title before a mention (namesake.go)
	for i, e := range a.Entities {
		eid, err := im.entity(ctx, e)
		if err != nil {
			return fmt.Errorf("entity %q: %w", e.Name, err)
		}
		if !titled[eid] && mayBeNamesake(articleRow{name: e.Name, typ: e.Type}) && titledInArticle(a, e) {
			titled[eid] = true
		}
		if _, ok := counts[eid]; !ok {
			order = append(order, eid)
			counts[eid] = 0
		}
		for j, m := range e.Mentions {
			r := mentionRow{entity: eid, field: fields[i][j], paragraph: m.Paragraph, start: m.Start, end: m.End}
			if !seen[r] {
				seen[r] = true
				rows = append(rows, r)
				counts[eid]++
			}
		}
	}
	// Resolve the names into identities before storing the links, so each
	// link is written once, with its identity.
	sport, err := learn(ctx, im.res.tx, im.res, id, a)
	if err != nil {
		return fmt.Errorf("learn: %w", err)
	}
	links := make([]articleRow, len(order))
	for pos, eid := range order {
		e := im.names[eid]
		links[pos] = articleRow{entity: eid, key: foldName(e.Name), name: e.Name, typ: e.Type, position: pos, mentions: counts[eid], titled: titled[eid]}
	}
	identities, err := im.res.link(ctx, id, links, sport, false)
	if err != nil {
		return fmt.Errorf("resolve entities: %w", err)
	}
	for pos, eid := range order {
		im.links.add(id, eid, int64(pos), int64(counts[eid]), identities[pos])
	}
	for _, r := range rows {
		im.mentions.add(id, int64(r.field), int64(r.paragraph), int64(r.start), int64(r.end), r.entity)
	}
	return nil
}

// flush writes the links, mentions, identity links, topics and new search
// words index has gathered, many rows to a statement (multiInsert). A statement that fires
// triggers (each link is counted into its entity, identity and identity
// names) or may replace a row first copies every page it touches to its
// statement journal: once per statement, so a few times per batch rather
// than once per link or article. The rows must be written before anything
// reads them or the counts their triggers keep: before decideTypes, before
// an article is replaced.
func (im *importer) flush(ctx context.Context) error {
	for _, w := range []struct {
		what string
		rows *multiInsert
	}{
		{"entities", im.newEntities},
		{"identities", im.res.newIdentities},
		{"link entities", im.links},
		{"mentions", im.mentions},
		{"link identities", im.res.newLinks},
		{"topics", im.res.newTopics},
	} {
		if err := w.rows.flush(ctx); err != nil {
			return fmt.Errorf("%s: %w", w.what, err)
		}
	}
	return im.words.write(ctx, im.res.tx)
}

// searchRow is an article's row of articles_fts.
type searchRow struct {
	id          int64
	title, body string
}

// search writes the full-text rows index has gathered. It runs after every
// other statement of the transaction: FTS5 keeps new rows in memory and
// writes them out as one segment at commit, but also whenever a statement
// opens a statement journal (each one that fires triggers does), and an
// index written a few rows at a time costs segment after segment, then
// merging them.
func (im *importer) search(ctx context.Context) error {
	for _, t := range im.texts {
		if _, err := im.indexArticle.ExecContext(ctx, t.id, t.title, t.body); err != nil {
			return fmt.Errorf("index article %d: %w", t.id, err)
		}
	}
	im.texts = im.texts[:0]
	return nil
}

// mentionRow is one row of the mentions table, less its article.
type mentionRow struct {
	entity                       int64
	field, paragraph, start, end int
}

// entity returns the id of e's stored entity, creating it when new.
func (im *importer) entity(ctx context.Context, e model.Entity) (int64, error) {
	k := entityKey{foldName(e.Name), e.Type}
	if id, ok := im.entities[k]; ok {
		return id, nil
	}
	id, ok := im.stored[k]
	var err error
	switch {
	case ok:
	case im.fetched:
		err = sql.ErrNoRows
	default:
		err = im.findEntity.QueryRowContext(ctx, k.key, string(k.typ)).Scan(&id)
	}
	if err == sql.ErrNoRows {
		if im.nextEntity == 0 {
			im.nextEntity, err = nextID(ctx, im.res.tx, "entities")
		} else {
			err = nil
		}
		id = im.nextEntity
		im.nextEntity++
		im.newEntities.add(id, e.Name, k.key, string(k.typ))
	}
	if err != nil {
		return 0, err
	}
	im.entities[k] = id
	im.names[id] = model.Entity{Name: e.Name, Type: e.Type}
	return id, nil
}

// foldName is an entity's identity within its type: case and runs of spaces
// do not make a different person ("XI JINPING" in a headline is Xi Jinping).
func foldName(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// contentHash identifies an article by what a reader sees, not by where it
// came from: the same story saved twice, or fetched again with other line
// wrapping or paragraph breaks, is one article. Whitespace is collapsed;
// each part is length-prefixed so text cannot slide from one part into the
// next.
func contentHash(a *model.Article) [sha256.Size]byte {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	// Each part is its texts' words joined by single spaces, gathered in
	// one buffer that every part reuses.
	buf := make([]byte, 0, 4096)
	part := func(texts ...string) {
		buf = buf[:0]
		for _, t := range texts {
			for w := range strings.FieldsSeq(t) {
				if len(buf) > 0 {
					buf = append(buf, ' ')
				}
				buf = append(buf, w...)
			}
		}
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(buf)))])
		h.Write(buf)
	}
	part(a.Title)
	part(a.Caption)
	part(a.Paragraphs...)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// Field codes in the mentions table, in document order.
var fieldCodes = []model.Field{model.FieldTitle, model.FieldCaption, model.FieldBody}

func fieldCode(f model.Field) (int, bool) {
	for i, g := range fieldCodes {
		if f == g {
			return i, true
		}
	}
	return 0, false
}

// unixOrNull stores an unknown (zero) date as NULL, so it sorts after every
// known date instead of as 1 January of year 1.
func unixOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

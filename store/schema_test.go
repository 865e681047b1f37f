package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
)

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := userVersion(ctx, s.db); err != nil || v != len(migrations) {
		t.Fatalf("user_version = %d, %v; want %d", v, err, len(migrations))
	}
	if _, err := s.Import(ctx, []model.Article{{Title: "kept", Paragraphs: []string{"body"}}}); err != nil {
		t.Fatal(err)
	}
	// Opening an up-to-date store applies nothing and keeps everything.
	applied, err := migrate(ctx, s.db)
	if err != nil || applied != 0 {
		t.Errorf("migrate on a migrated store applied %d steps, %v; want 0", applied, err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("after reopen Count = %d, want 1", n)
	}

	// A store from a newer byline is refused, with a message that says so.
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open(newer store) err = %v, want ErrNewerSchema", err)
	}
	t.Logf("newer store: %v", err)
}

func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Hold several connections at once so the pool must open new ones.
	var conns []*sql.Conn
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var journal string
		var sync, fk, busy, pageSize int
		for _, p := range []struct {
			pragma string
			dst    any
		}{{"journal_mode", &journal}, {"synchronous", &sync}, {"foreign_keys", &fk}, {"busy_timeout", &busy}, {"page_size", &pageSize}} {
			if err := c.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(p.dst); err != nil {
				t.Fatal(err)
			}
		}
		if journal != "wal" || sync != 1 || fk != 1 || busy != 5000 || pageSize != 16384 {
			t.Errorf("connection %d: journal_mode=%s synchronous=%d foreign_keys=%d busy_timeout=%d page_size=%d",
				i, journal, sync, fk, busy, pageSize)
		}
		c.Close()
	}
}

// Deleting an article (a later issue) must take its mentions, entity counts
// and search entry with it; the schema's cascades and triggers do that.
func TestDeleteCascades(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mk := func(title string) model.Article {
		return model.Article{
			Title: title, Published: time.Unix(1e9, 0), Paragraphs: []string{"Oslo " + title},
			Entities: []model.Entity{{Name: "Oslo", Type: model.LOC, Mentions: []model.Mention{
				{Field: model.FieldBody, Start: 0, End: 4, Text: "Oslo"}}}},
		}
	}
	res, err := s.Import(ctx, []model.Article{mk("one"), mk("two")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "DELETE FROM articles WHERE id = ?", res.IDs[0]); err != nil {
		t.Fatal(err)
	}
	ents, _ := s.Entities(ctx, EntityQuery{})
	if len(ents) != 1 || ents[0].Articles != 1 || ents[0].Mentions != 1 {
		t.Errorf("after delete Entities = %+v, want Oslo in 1 article", ents)
	}
	var mentions int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM mentions").Scan(&mentions)
	if mentions != 1 {
		t.Errorf("mentions left = %d, want 1", mentions)
	}
	if got, _ := s.Search(ctx, "one", 0); len(got) != 0 {
		t.Errorf("deleted article still found: %+v", got)
	}
	if got, _ := s.Search(ctx, "oslo", 0); len(got) != 1 {
		t.Errorf("Search(oslo) = %+v, want the remaining article", got)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"election", `"election"`},
		{"elect*", `"elect"*`},
		{"two words", `"two" "words"`},
		{`"a phrase"`, `"a phrase"`},
		{`"a phrase"*`, `"a phrase"*`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`say"hi"`, `"say" "hi"`},
		{`it's`, `"it's"`},
		{`a"b`, `"a" "b"`},
		{`AND(`, `"AND("`},
		{`NEAR(a b)`, `"NEAR(a" "b)"`},
		{`-x`, `"-x"`},
		{`*`, ``},
		{`"`, ``},
		{`- * ( ) :`, ``},
		{`""*`, ``},
		{"  \t\n ", ``},
		{"a\x00b", `"a" "b"`},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// A store written by the first byline (schema version 1) opens in this one
// with its articles, entities and reading state, and gains what version 2
// adds: state in the list index and the entity generation.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	path, db := oldStore(t, 1)
	old := &Store{db: db}
	oslo := model.Article{Title: "Oslo votes", Published: time.Unix(1e9, 0), Paragraphs: []string{"Oslo voted."},
		Entities: []model.Entity{{Name: "Oslo", Type: model.LOC, Mentions: []model.Mention{
			{Field: model.FieldBody, End: 4, Text: "Oslo"}}}}}
	res, err := importOld(old, []model.Article{oslo, {Title: "Calm", Paragraphs: []string{"Calm."}}})
	if err != nil {
		t.Fatal(err)
	}
	// Version 1 had the columns already; a reader could have set them.
	if _, err := db.ExecContext(ctx, "UPDATE articles SET read = 1, starred = 1 WHERE id = ?", res.IDs[0]); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openMigrated(t, path)
	items, err := s.ListItems(ctx, ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Title != "Oslo votes" || !items[0].Read || !items[0].Starred || items[1].Read {
		t.Errorf("after migration ListItems = %+v", items)
	}
	if unread, _ := s.List(ctx, ListQuery{Unread: true}); len(unread) != 1 || unread[0].Title != "Calm" {
		t.Errorf("after migration unread = %+v", unread)
	}
	got, err := s.Entities(ctx, EntityQuery{Match: "osl"})
	if err != nil || len(got) != 1 || got[0].Name != "Oslo" || got[0].Articles != 1 {
		t.Errorf("after migration Entities(osl) = %+v, %v", got, err)
	}
	// The generation moves from here on.
	if _, err := s.Import(ctx, []model.Article{{Title: "Oslo again", Paragraphs: []string{"Oslo again."}, Entities: oslo.Entities}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entities(ctx, EntityQuery{Match: "osl"}); len(got) != 1 || got[0].Articles != 2 {
		t.Errorf("after an import Entities(osl) = %+v", got)
	}
}

// A store of version 3 kept short GUIDs global; version 4 keys them by
// their feed, so the next fetch still finds them unchanged.
func TestMigrateLocalGUIDs(t *testing.T) {
	ctx := context.Background()
	path, db := oldStore(t, 3)
	if _, err := db.ExecContext(ctx, `INSERT INTO feeds (url, created) VALUES ('https://a.example/rss', 0)`); err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db}
	short := model.Article{Title: "Short", Paragraphs: []string{"A short GUID."}, GUID: "7"}
	perma := model.Article{Title: "Perma", Paragraphs: []string{"A permalink GUID."}, GUID: "https://a.example/p/8"}
	res, err := importOld(old, []model.Article{short, perma})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range []model.Article{short, perma} {
		if _, err := db.ExecContext(ctx, `UPDATE articles SET guid = ?, identity = ?, feed_id = 1 WHERE id = ?`, a.GUID, "guid:"+a.GUID, res.IDs[i]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tt := range []struct {
		id   int64
		want string
	}{{res.IDs[0], "guid:feed1:7"}, {res.IDs[1], "guid:https://a.example/p/8"}} {
		var got string
		if err := s.db.QueryRowContext(ctx, `SELECT identity FROM articles WHERE id = ?`, tt.id).Scan(&got); err != nil || got != tt.want {
			t.Errorf("identity of article %d = %q (%v), want %q", tt.id, got, err, tt.want)
		}
	}
}

// oldStore makes a store file as byline wrote it at schema version v, in a
// temporary folder, and returns its path and the open database.
func oldStore(t *testing.T, v int) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "byline.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:v] {
		if _, err := db.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
	return path, db
}

// importOld imports into a store of an older schema the way the byline of
// that schema did (Import writes what the newest schema holds): articles,
// entities, their links and mentions, and the search rows.
func importOld(old *Store, arts []model.Article) (ImportResult, error) {
	ctx := context.Background()
	res := ImportResult{}
	err := writeTx(ctx, old.db, func(tx *sql.Tx) error {
		for i := range arts {
			a := &arts[i]
			h := contentHash(a)
			body, _ := json.Marshal(a.Paragraphs)
			r, err := tx.ExecContext(ctx, `INSERT INTO articles
				(hash, title, published, caption, credit, source, url, format, body, imported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`, h[:], a.Title, unixOrNull(a.Published),
				a.Caption, a.Credit, a.Source, a.URL, string(a.Format), string(body))
			if err != nil {
				return err
			}
			id, _ := r.LastInsertId()
			res.IDs = append(res.IDs, id)
			res.Duplicate = append(res.Duplicate, false)
			res.Imported++
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)`,
				id, a.Title, strings.Join(a.Paragraphs, "\n\n")); err != nil {
				return err
			}
			for pos, e := range a.Entities {
				var eid int64
				err := tx.QueryRowContext(ctx, `INSERT INTO entities (name, key, type) VALUES (?, ?, ?)
					ON CONFLICT DO UPDATE SET name = name RETURNING id`, e.Name, foldName(e.Name), string(e.Type)).Scan(&eid)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO article_entities (article_id, entity_id, position, mentions)
					VALUES (?, ?, ?, ?)`, id, eid, pos, len(e.Mentions)); err != nil {
					return err
				}
				for _, m := range e.Mentions {
					f, _ := fieldCode(m.Field)
					if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, field, paragraph, start, "end", text)
						VALUES (?, ?, ?, ?, ?, ?, ?)`, id, eid, f, m.Paragraph, m.Start, m.End, m.Text); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	return res, err
}

// Version 8 keeps mentions by article and place, without their text: a
// store of version 7 keeps every mention, in document order, with the text
// it spans, and a mention stored twice is shown once.
func TestMigrateMentionsPacked(t *testing.T) {
	ctx := context.Background()
	path, db := oldStore(t, 7)
	body := []string{"Oslo voted.", "Mayor Kari Berg of Oslo spoke."}
	oslo := model.Article{Title: "Oslo votes", Paragraphs: body, Entities: []model.Entity{
		{Name: "Oslo", Type: model.LOC, Mentions: []model.Mention{
			{Field: model.FieldTitle, End: 4, Text: "Oslo"},
			{Field: model.FieldBody, Paragraph: 1, Start: 19, End: 23, Text: "Oslo"},
			{Field: model.FieldBody, End: 4, Text: "Oslo"},
			{Field: model.FieldBody, Paragraph: 1, Start: 19, End: 23, Text: "Oslo"}}},
		{Name: "Kari Berg", Type: model.PER, Mentions: []model.Mention{
			{Field: model.FieldBody, Paragraph: 1, Start: 6, End: 15, Text: "Kari Berg"}}}}}
	res, err := importOld(&Store{db: db}, []model.Article{oslo, {Title: "Calm", Paragraphs: []string{"Calm."}}})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openMigrated(t, path)
	got, err := s.Article(ctx, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	type mention struct {
		entity string
		m      model.Mention
	}
	var mentions []mention
	for _, e := range got.Entities {
		for _, m := range e.Mentions {
			mentions = append(mentions, mention{e.Name, m})
		}
	}
	want := []mention{
		{"Oslo", model.Mention{Field: model.FieldTitle, End: 4, Text: "Oslo"}},
		{"Oslo", model.Mention{Field: model.FieldBody, End: 4, Text: "Oslo"}},
		{"Oslo", model.Mention{Field: model.FieldBody, Paragraph: 1, Start: 19, End: 23, Text: "Oslo"}},
		{"Kari Berg", model.Mention{Field: model.FieldBody, Paragraph: 1, Start: 6, End: 15, Text: "Kari Berg"}},
	}
	if fmt.Sprint(mentions) != fmt.Sprint(want) {
		t.Errorf("mentions after migration:\n got %v\nwant %v", mentions, want)
	}
	// The repeated mention was counted twice before: the counts the
	// sidebar and the entity view show lose it too.
	ents, err := s.ArticleEntities(ctx, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name == "Oslo" && e.Mentions != 3 {
			t.Errorf("Oslo's mentions in the article after migration = %d, want 3 (the repeat dropped)", e.Mentions)
		}
	}
	for _, q := range []string{
		`SELECT count(*) FROM entities e WHERE mentions != (SELECT coalesce(sum(mentions), 0) FROM article_entities WHERE entity_id = e.id)`,
		`SELECT count(*) FROM article_entities ae WHERE mentions != (SELECT count(*) FROM mentions m WHERE m.article_id = ae.article_id AND m.entity_id = ae.entity_id)`,
		`SELECT count(*) FROM identities i WHERE mentions != (SELECT coalesce(sum(mentions), 0) FROM article_identities WHERE identity_id = i.id)`,
		`SELECT count(*) FROM identity_names n WHERE mentions != (SELECT coalesce(sum(mentions), 0) FROM article_entities WHERE identity_id = n.identity_id AND entity_id = n.entity_id)`,
	} {
		var n int
		if err := s.db.QueryRowContext(ctx, q).Scan(&n); err != nil || n != 0 {
			t.Errorf("after migration %d rows disagree (%v): %s", n, err, q)
		}
	}
	// The migrated store takes new articles and finds them by entity.
	if _, err := s.Import(ctx, []model.Article{{Title: "Oslo again", Paragraphs: []string{"Oslo again."},
		Entities: []model.Entity{{Name: "Oslo", Type: model.LOC, Mentions: []model.Mention{
			{Field: model.FieldBody, End: 4, Text: "Oslo"}}}}}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entities(ctx, EntityQuery{Match: "osl"}); len(got) != 1 || got[0].Articles != 2 {
		t.Errorf("after an import Entities(osl) = %+v", got)
	}
}

// openMigrated opens the store at path, which migrates it, and checks it
// is at the newest version; it is closed when the test ends.
func openMigrated(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if v, _ := userVersion(context.Background(), s.db); v != len(migrations) {
		t.Errorf("user_version = %d, want %d", v, len(migrations))
	}
	return s
}

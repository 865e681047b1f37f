package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
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
		var sync, fk, busy int
		for _, p := range []struct {
			pragma string
			dst    any
		}{{"journal_mode", &journal}, {"synchronous", &sync}, {"foreign_keys", &fk}, {"busy_timeout", &busy}} {
			if err := c.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(p.dst); err != nil {
				t.Fatal(err)
			}
		}
		if journal != "wal" || sync != 1 || fk != 1 || busy != 5000 {
			t.Errorf("connection %d: journal_mode=%s synchronous=%d foreign_keys=%d busy_timeout=%d", i, journal, sync, fk, busy)
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

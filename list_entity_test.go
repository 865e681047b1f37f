package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// namesakeStore is a store of two stories naming Mira Castell, the second
// split off as its own entity: one name, two entities.
func namesakeStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "b.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []model.Article
	for i, text := range []string{"Mira Castell, the sculptor, won the prize.", "The striker Mira Castell signed on Monday."} {
		arts = append(arts, model.Article{
			Title: "Story " + string(rune('A'+i)), Source: "story" + string(rune('a'+i)) + ".txt", Format: model.FormatText,
			Paragraphs: []string{text},
			Entities: []model.Entity{{Name: "Mira Castell", Type: model.PER, Mentions: []model.Mention{{
				Field: model.FieldBody, Start: strings.Index(text, "Mira"), End: strings.Index(text, "Mira") + len("Mira Castell"), Text: "Mira Castell"}}}},
		})
	}
	ctx := context.Background()
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	rows, err := s.ListPage(ctx, store.ListQuery{}, store.Page{Limit: 2})
	if err != nil || len(rows) != 2 {
		t.Fatal(rows, err)
	}
	if _, err := s.Split(ctx, "Mira Castell", rows[0].ID); err != nil {
		t.Fatal(err)
	}
	return db
}

// list --entity with a name of two entities lists nothing and says which
// they are, on one line, as the correction commands do.
func TestListEntityAmbiguous(t *testing.T) {
	db := namesakeStore(t)
	out, stderr, code := byline(t, db, "list", "--entity", "mira castell")
	if code == 0 || out != "" {
		t.Fatalf("exit %d, listed %q", code, out)
	}
	if want := `"mira castell" is 2 entities: Mira Castell (PER, 1 articles); Mira Castell (PER, 1 articles)`; strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want one line with %q", stderr, want)
	}
}

// A surname the relink gave to the one person who bears it finds him:
// `entities Blair` shows Tony Blair, and `list --entity Blair` names him
// first among the entities the name fits.
func TestEntitiesBySurname(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	story := func(title, text string, names ...string) model.Article {
		a := model.Article{Title: title, Source: title + ".txt", Format: model.FormatText, Paragraphs: []string{text}}
		for _, n := range names {
			typ := model.PER
			if n == "Labour" {
				typ = model.ORG
			}
			i := strings.Index(text, n)
			a.Entities = append(a.Entities, model.Entity{Name: n, Type: typ, Mentions: []model.Mention{{Field: model.FieldBody, Start: i, End: i + len(n), Text: n}}})
		}
		return a
	}
	ctx := context.Background()
	arts := []model.Article{
		story("Budget day", "Tony Blair set out Labour plans.", "Tony Blair", "Labour"),
		story("Election call", "Tony Blair told Labour the date.", "Tony Blair", "Labour"),
		story("Iraq debate", "Tony Blair defended the war to Labour MPs.", "Tony Blair", "Labour"),
		story("His week", "Mr Blair met Labour MPs.", "Blair", "Labour"),
		story("Premiere", "Blair walked the red carpet.", "Blair"),
	}
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, stderr, code := byline(t, db, "entities", "Blair")
	if code != 0 || !strings.Contains(out, "Tony Blair") {
		t.Errorf("entities Blair: exit %d, %q %q; want Tony Blair", code, out, stderr)
	}
	_, stderr, code = byline(t, db, "list", "--entity", "Blair")
	if want := `"Blair" is 2 entities: Tony Blair (PER, 4 articles); Blair (PER, 1 articles)`; code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("list --entity Blair: exit %d, %q; want %q", code, stderr, want)
	}
}

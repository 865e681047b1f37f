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

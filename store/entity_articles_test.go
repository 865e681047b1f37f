package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// storyWith is an article whose body names each of names (PER, ORG or
// LOC, split off after a colon) once.
func storyWith(title, body string, names ...string) model.Article {
	a := model.Article{Title: title, Source: "test/" + title, Format: model.FormatText, Paragraphs: []string{body}}
	for _, n := range names {
		name, typ, _ := strings.Cut(n, ":")
		start := strings.Index(body, name)
		a.Entities = append(a.Entities, model.Entity{Name: name, Type: model.EntityType(typ),
			Mentions: []model.Mention{{Field: model.FieldBody, Start: start, End: start + len(name), Text: name}}})
	}
	return a
}

// entityArticles must find exactly the articles whose rows name the
// entity, as an index by entity would: through each of the entity's
// identities (Leicester the club in sports stories, the city elsewhere)
// and, for rows not yet resolved, through the partial index.
func TestEntityArticlesFindsEveryRow(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "ea.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const sport = "beat Bath in the Premiership: the match was won with a late try, two penalty goals and a coach's grin at the final whistle of the season."
	var arts []model.Article
	for i := range 12 {
		switch i % 3 {
		case 0:
			arts = append(arts, storyWith(fmt.Sprint("Rugby ", i), "Leicester "+sport, "Leicester:LOC", "Bath:LOC"))
		case 1:
			arts = append(arts, storyWith(fmt.Sprint("Factory ", i), "A factory in Leicester closed, said Tony Blair.", "Leicester:LOC", "Tony Blair:PER"))
		default:
			arts = append(arts, storyWith(fmt.Sprint("Speech ", i), "Mr Blair spoke in Bath.", "Blair:PER", "Bath:LOC"))
		}
	}
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		err := s.write(ctx, func(tx *sql.Tx) error {
			var ids []int64
			ids, err := appendIDs(ctx, tx, ids, `SELECT id FROM entities ORDER BY id`)
			if err != nil {
				return err
			}
			for _, e := range ids {
				want, err := appendIDs(ctx, tx, nil, `SELECT article_id FROM article_entities NOT INDEXED
					WHERE entity_id = ? ORDER BY article_id DESC`, e)
				if err != nil {
					return err
				}
				for _, limit := range []int{0, 1, 3, 100} {
					got, err := entityArticles(ctx, tx, e, limit)
					if err != nil {
						return err
					}
					w := want
					if limit > 0 {
						w = want[:min(limit, len(want))]
					}
					if !slices.Equal(got, w) {
						t.Errorf("%s: entity %d, limit %d: got %v, want %v", when, e, limit, got, w)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var identities int
	if err := s.db.QueryRow(`SELECT count(*) FROM identity_names n JOIN entities e ON e.id = n.entity_id
		WHERE e.key = 'leicester' AND n.articles > 0`).Scan(&identities); err != nil || identities != 2 {
		t.Fatalf("Leicester is %d identities (%v), want 2: the test needs an entity of two", identities, err)
	}
	check("imported")
	// Rows a relink has just merged are unresolved until its identity pass.
	if _, err := s.db.Exec(`UPDATE article_entities SET identity_id = NULL WHERE article_id IN (1, 5, 6)`); err != nil {
		t.Fatal(err)
	}
	check("some unresolved")
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	check("relinked")
}

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
// identities (Leicester the club in sports stories, the city elsewhere),
// whether the entity is most of the identity (Manchester United) or not
// (Man Utd), and, for rows not yet resolved, through the partial index;
// with the articles' names read afresh or left from earlier calls.
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
	// The newest 17 of Manchester United's articles call it Man Utd: a
	// walk of its articles for Manchester United's goes on past them.
	for i := range 37 {
		if i < 20 {
			arts = append(arts, storyWith(fmt.Sprint("Win ", i), "Manchester United won at home.", "Manchester United:ORG"))
		} else {
			arts = append(arts, storyWith(fmt.Sprint("Loss ", i), "Man Utd lost away.", "Man Utd:ORG"))
		}
	}
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		err := s.write(ctx, func(tx *sql.Tx) error {
			kept := make(articleNames)
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
					w := want
					if limit > 0 {
						w = want[:min(limit, len(want))]
					}
					for _, names := range []articleNames{make(articleNames), kept} {
						got, err := entityArticles(ctx, tx, names, e, limit)
						if err != nil {
							return err
						}
						if !slices.Equal(got, w) {
							t.Errorf("%s: entity %d, limit %d: got %v, want %v", when, e, limit, got, w)
						}
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
	var minor, major bool
	if err := s.db.QueryRow(`SELECT sum(e.key = 'man utd' AND 2 * n.articles < i.articles),
			sum(e.key = 'manchester united' AND 2 * n.articles >= i.articles AND n.articles < i.articles)
		FROM identity_names n JOIN entities e ON e.id = n.entity_id JOIN identities i ON i.id = n.identity_id
		WHERE i.key = 'manchester united'`).Scan(&minor, &major); err != nil || !minor || !major {
		t.Fatalf("Man Utd the lesser name of Manchester United: %v, Manchester United the greater: %v (%v); the test needs both", minor, major, err)
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

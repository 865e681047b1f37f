package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/styles"
)

// story is a plain-text article of paragraphs, published on day d, with an
// entity for each name given (every occurrence of the name is a mention).
func story(d int, title string, paragraphs []string, names ...model.Entity) model.Article {
	a := model.Article{Title: title, Published: day(d), Source: "testdata/politics/" + title + ".txt", Format: model.FormatText, Paragraphs: paragraphs}
	for _, e := range names {
		mention(&a, e.Name, e.Type)
	}
	return a
}

// blairStore holds four stories: the three older name Tony Blair in full
// (and Labour), the newest only by his surname, three times, beside Labour.
// Relink makes that surname his, as `byline relink` does.
func blairStore(t *testing.T) *store.Store {
	t.Helper()
	tony, blair, labour := model.Entity{Name: "Tony Blair", Type: model.PER}, model.Entity{Name: "Blair", Type: model.PER}, model.Entity{Name: "Labour", Type: model.ORG}
	arts := []model.Article{story(21, "Harbour school gets its first pupils",
		[]string{"The school Blair opened took its first pupils on Monday.", "Blair was not there. Labour parents thanked Blair all the same."},
		blair, labour)}
	for i, what := range []string{"opens the harbour school", "visits the ferry yard", "answers Labour critics"} {
		arts = append(arts, story(18+i, "Tony Blair "+what,
			[]string{"Tony Blair spoke on Friday. He told Labour members the town had waited long enough."},
			tony, labour))
	}
	s := openStore(t, arts)
	if _, err := s.Relink(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// A pin is the identity: pinned where the story says "Tony Blair", it
// lights up "Blair" in a story that never gives his first name, and n/N
// walk those mentions.
func TestPinLightsEveryNameAcrossArticles(t *testing.T) {
	s := blairStore(t)
	ctx := context.Background()
	tony, err := s.EntityByName(ctx, "Tony Blair", model.PER)
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.ListPage(ctx, store.ListQuery{}, store.Page{Limit: 1})
	if err != nil || len(page) != 1 {
		t.Fatal(page, err)
	}
	if got, err := s.ArticleEntities(ctx, page[0].ID); err != nil || len(got) != 2 || got[0].ID != tony.ID {
		t.Fatalf("fixture: the surname story names %+v (%v), not Tony Blair %d: relink did not link the surname", got, err, tony.ID)
	}
	pin := styles.New(true).Mark.Pins[0]
	for _, size := range [][2]int{{160, 45}, {70, 20}} {
		m := newModel(t, s, size[0], size[1], Options{})
		press(t, m, "j") // an older story: Tony Blair in full
		if a := m.ReaderArticle(); a == nil || !strings.HasPrefix(a.Title, "Tony Blair") {
			t.Fatalf("%v: reader shows %+v", size, a)
		}
		pinFirstPerson(t, m)
		if p := m.Pins(); len(p) != 1 || p[0].ID != tony.ID {
			t.Fatalf("%v: pins %+v, want Tony Blair's identity %d", size, p, tony.ID)
		}
		press(t, m, "esc") // back to the list, where one pane shows at a time
		press(t, m, "g")   // the newest story: "Blair" alone
		if a := m.ReaderArticle(); a == nil || !strings.HasPrefix(a.Title, "Harbour school") {
			t.Fatalf("%v: reader shows %+v", size, a)
		}
		press(t, m, "n")
		if !strings.Contains(status(m), "mention 1/3") {
			t.Fatalf("%v: n in the surname story: status %q", size, status(m))
		}
		runs, _ := paintedRuns(m.View().Content, m.lay.Reader, pin)
		if strings.Join(runs, "|") != "Blair|Blair|Blair" {
			t.Errorf("%v: painted %q, want Blair three times", size, runs)
		}
		press(t, m, "N")
		if !strings.Contains(status(m), "mention 3/3") {
			t.Errorf("%v: N from the first: status %q", size, status(m))
		}
		if size[0] == 160 && contains(m, "not in this article") {
			t.Errorf("the legend calls the pin absent from a story that names him:\n%s", strings.Join(screen(m), "\n"))
		}
	}
}

// splitStore holds two stories naming "Mira Castell", the second split off
// as its own entity (`byline entity split "Mira Castell" --article ID`): two
// identities of one name and type.
func splitStore(t *testing.T) (s *store.Store, first, second model.EntityCount) {
	t.Helper()
	mira := model.Entity{Name: "Mira Castell", Type: model.PER}
	s = openStore(t, []model.Article{
		story(20, "Mira Castell wins the sculpture prize", []string{"Mira Castell, the sculptor, won the prize. Mira Castell thanked her teachers."}, mira),
		story(21, "Mira Castell signs for the harbour club", []string{"The striker Mira Castell signed on Monday."}, mira),
	})
	ctx := context.Background()
	page, err := s.ListPage(ctx, store.ListQuery{}, store.Page{Limit: 10})
	if err != nil || len(page) != 2 || !strings.Contains(page[0].Title, "signs") {
		t.Fatalf("list %+v, %v", page, err)
	}
	if _, err := s.Split(ctx, "Mira Castell", page[0].ID); err != nil {
		t.Fatal(err)
	}
	ents := func(id int64) model.EntityCount {
		es, err := s.ArticleEntities(ctx, id)
		if err != nil || len(es) != 1 {
			t.Fatalf("entities of %d: %+v, %v", id, es, err)
		}
		return es[0]
	}
	second, first = ents(page[0].ID), ents(page[1].ID)
	if first.ID == second.ID || first.Name != second.Name || first.Type != second.Type {
		t.Fatalf("split gave %+v and %+v, want two identities of one name and type", first, second)
	}
	return s, first, second
}

// Two identities of one name and type are two pins: pinning the sculptor
// lights nothing in the footballer's story, and each unpins alone.
func TestPinsTellNamesakesApart(t *testing.T) {
	s, sculptor, striker := splitStore(t)
	m := newModel(t, s, 160, 45, Options{})
	press(t, m, "j") // the sculptor's story
	pinFirstPerson(t, m)
	press(t, m, "shift+tab") // the list
	press(t, m, "k")         // the striker's story
	press(t, m, "n")
	if !strings.Contains(status(m), "no pinned entity in this article") {
		t.Errorf("n in the namesake's story: status %q", status(m))
	}
	if !contains(m, "not in this article") {
		t.Errorf("the sculptor's pin is not shown as absent here:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "e")
	if e, ok := m.sidebar.Selected(); !ok || e.ID != striker.ID {
		t.Fatalf("sidebar selects %+v, want the striker %d", e, striker.ID)
	}
	press(t, m, "enter")
	p := m.Pins()
	if len(p) != 2 || p[0].ID != sculptor.ID || p[1].ID != striker.ID || p[0].Slot == p[1].Slot {
		t.Fatalf("pins %+v, want the sculptor and the striker in two colours", p)
	}
	press(t, m, "enter") // unpins the striker only
	if p := m.Pins(); len(p) != 1 || p[0].ID != sculptor.ID {
		t.Fatalf("after unpinning the striker: pins %+v", p)
	}
}

// In the entity view, enter on one of two identities of one name lists
// exactly that identity's articles, not its namesake's.
func TestEntityViewFollowsTheIdentity(t *testing.T) {
	s, sculptor, striker := splitStore(t)
	for _, want := range []model.EntityCount{sculptor, striker} {
		m := newModel(t, s, 160, 45, Options{})
		press(t, m, "o")
		typeText(t, m, "mira")
		items := m.entities.Items()
		if len(items) != 2 || items[0].Name != items[1].Name {
			t.Fatalf("entity view lists %+v, want the two Mira Castells", items)
		}
		if items[0].ID != want.ID {
			press(t, m, "down")
		}
		if e, _ := m.entities.Selected(); e.ID != want.ID {
			t.Fatalf("selected %+v, want %d", e, want.ID)
		}
		press(t, m, "enter")
		if m.EntityViewOpen() || m.ListLen() != 1 {
			t.Fatalf("enter on %+v: view open %v, %d articles listed", want, m.EntityViewOpen(), m.ListLen())
		}
		ents, err := s.ArticleEntities(context.Background(), m.ReaderArticle().ID)
		if err != nil || len(ents) != 1 || ents[0].ID != want.ID {
			t.Errorf("enter on %d lists the article naming %+v (%v)", want.ID, ents, err)
		}
	}
}

// f on a pin of the legend that the open article does not name lists that
// entity's articles: the pin carries its identity from the article it was
// made in.
func TestFollowAbsentPin(t *testing.T) {
	s, sculptor, _ := splitStore(t)
	m := newModel(t, s, 160, 45, Options{})
	press(t, m, "j") // the sculptor's story
	pinFirstPerson(t, m)
	press(t, m, "shift+tab")
	press(t, m, "k") // the striker's: the pin is "not in this article"
	press(t, m, "e")
	press(t, m, "g")
	for range 3 {
		press(t, m, "k")
	}
	if e, ok := m.sidebar.Selected(); !m.sidebar.OnLegend() || !ok || e.ID != sculptor.ID {
		t.Fatalf("legend selection %+v (on legend %v), want the sculptor %d", e, m.sidebar.OnLegend(), sculptor.ID)
	}
	press(t, m, "f")
	if m.ListLen() != 1 || !contains(m, "entity: Mira Castell") || !strings.Contains(m.ReaderArticle().Title, "sculpture") {
		t.Fatalf("f on the absent pin: %d articles, reader on %q\n%s", m.ListLen(), m.ReaderArticle().Title, strings.Join(screen(m), "\n"))
	}
}

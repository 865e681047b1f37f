package entity

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
)

// seedPath is the seed article of the first issue, read in place.
const seedPath = "../../shared/seeds/000_d27acffbcd5def62.txt"

// readArticle parses a file of the shared data, skipping the test when the
// data is absent.
func readArticle(t testing.TB, path string) model.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%s absent (../shared is not checked out): %v", path, err)
	}
	a, err := ingest.Parse(path, data)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return a
}

func TestSeedArticle(t *testing.T) {
	a := readArticle(t, seedPath)
	ents := New().Extract(&a)
	byName := map[string]model.Entity{}
	for _, e := range ents {
		if _, dup := byName[e.Name]; dup {
			t.Errorf("two entities named %q", e.Name)
		}
		byName[e.Name] = e
	}

	want := []struct {
		name     string
		typ      model.EntityType
		mentions int // 0: at least one
	}{
		{"Vladimir Putin", model.PER, 14},
		{"Xi Jinping", model.PER, 13},
		{"John Kirby", model.PER, 3},
		{"Antony Blinken", model.PER, 0},
		{"Volodymyr Zelensky", model.PER, 0},
		{"Russia", model.LOC, 0},
		{"China", model.LOC, 0},
		{"Ukraine", model.LOC, 0},
		{"Moscow", model.LOC, 0},
		{"Beijing", model.LOC, 0},
		{"Kyiv", model.LOC, 0},
		{"United States", model.LOC, 0},
		{"Washington", model.LOC, 0},
		{"Brussels", model.LOC, 0},
		{"Bakhmut", model.LOC, 0},
		{"Baltic Sea", model.LOC, 0},
		{"Black Sea", model.LOC, 0},
		{"International Criminal Court", model.ORG, 0},
		{"White House", model.ORG, 0},
		{"European Union", model.ORG, 0},
		{"Kremlin", model.ORG, 0},
	}
	for _, w := range want {
		e, ok := byName[w.name]
		switch {
		case !ok:
			t.Errorf("no entity %q", w.name)
		case e.Type != w.typ:
			t.Errorf("%q is %s, want %s", w.name, e.Type, w.typ)
		case w.mentions > 0 && len(e.Mentions) != w.mentions:
			t.Errorf("%q has %d mentions, want %d: %v", w.name, len(e.Mentions), w.mentions, texts(e))
		}
	}

	// The title and caption mentions count, and spans are the name alone.
	putin := byName["Vladimir Putin"]
	if len(putin.Mentions) > 0 && putin.Mentions[0].Field != model.FieldTitle {
		t.Errorf("first Putin mention is in %s, want the title", putin.Mentions[0].Field)
	}
	for _, m := range byName["Xi Jinping"].Mentions {
		if m.Text != "Xi" && m.Text != "Xi Jinping" {
			t.Errorf("Xi mention %q: want the name alone, no title or possessive", m.Text)
		}
	}
	us := map[string]bool{}
	for _, m := range byName["United States"].Mentions {
		us[m.Text] = true
	}
	for _, alias := range []string{"US", "America", "United States"} {
		if !us[alias] {
			t.Errorf("%q is not linked to United States (mentions %v)", alias, texts(byName["United States"]))
		}
	}

	for _, nat := range []string{"Russian", "Chinese", "Ukrainian"} {
		if e, ok := byName[nat]; ok && e.Type == model.PER {
			t.Errorf("nationality %q tagged PER", nat)
		}
	}
	junk := []string{"Publish", "Give Your Comments", "Give", "Comments", "According", "Instead",
		"Fierce", "Each", "The", "He", "That", "While", "As", "After", "In", "It", "President", "Monday",
		"Tuesday", "March", "August", "November"}
	for _, j := range junk {
		if _, ok := byName[j]; ok {
			t.Errorf("junk entity %q", j)
		}
	}
	checkEntities(t, &a, ents)
}

// TestConcurrentExtract: one extractor serves many goroutines (the import
// runs several); run with -race.
func TestConcurrentExtract(t *testing.T) {
	a := readArticle(t, seedPath)
	ex := New()
	want := ex.Extract(&a)
	done := make(chan []model.Entity)
	for i := 0; i < 4; i++ {
		go func() {
			b := a
			done <- ex.Extract(&b)
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent run %d differs", i)
		}
	}
}

// checkEntities asserts what must hold for any article: every mention is
// exactly the slice of its field it claims, mentions run in document order,
// entities in order of first mention, no empty or function-word names.
func checkEntities(t *testing.T, a *model.Article, ents []model.Entity) {
	t.Helper()
	l := lex()
	var prevFirst model.Mention
	for i, e := range ents {
		if e.Name == "" || strings.TrimSpace(e.Name) != e.Name {
			t.Errorf("%s: entity name %q", a.Source, e.Name)
		}
		lc := strings.ToLower(e.Name)
		if l.function[lc] || l.dates[lc] || l.titles[e.Name] {
			t.Errorf("%s: function word, date or title as entity: %q", a.Source, e.Name)
		}
		if len(e.Mentions) == 0 {
			t.Errorf("%s: %q has no mentions", a.Source, e.Name)
			continue
		}
		for j, m := range e.Mentions {
			f := a.FieldText(m.Field, m.Paragraph)
			if m.Start < 0 || m.End > len(f) || m.Start >= m.End || f[m.Start:m.End] != m.Text {
				t.Errorf("%s: %q mention %+v is not its field's slice", a.Source, e.Name, m)
			}
			if j > 0 && !before(e.Mentions[j-1], m) {
				t.Errorf("%s: %q mentions out of order: %+v then %+v", a.Source, e.Name, e.Mentions[j-1], m)
			}
		}
		if i > 0 && !before(prevFirst, e.Mentions[0]) {
			t.Errorf("%s: %q is not in order of first mention", a.Source, e.Name)
		}
		prevFirst = e.Mentions[0]
	}
}

// before reports whether mention a comes before b in the article.
func before(a, b model.Mention) bool {
	if fa, fb := fieldRank(a.Field), fieldRank(b.Field); fa != fb {
		return fa < fb
	}
	if a.Paragraph != b.Paragraph {
		return a.Paragraph < b.Paragraph
	}
	return a.Start < b.Start
}

func texts(e model.Entity) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, m.Text)
	}
	return out
}

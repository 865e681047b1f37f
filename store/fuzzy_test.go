package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bylinehq/byline/model"
)

func TestMatchKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Angela Merkel", "angela merkel"},
		{"  XI   JINPING ", "xi jinping"},
		{"Zürich", "zurich"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"Jean-Luc Mélenchon", "jean luc melenchon"},
		{"U.S.", "u s"},
		{"O'Brien", "o brien"},
		{"50 Cent", "50 cent"},
		{"习近平", "习近平"},
		{"Ølstykke", "ølstykke"}, // no decomposition: kept
		{"-- ..", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(matchKey(tt.in)); got != tt.want {
			t.Errorf("matchKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchTier(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          int
	}{
		{"paris", "Paris", tierExact},
		{"PARIS", "paris", tierExact},
		{"u.s.", "U.S.", tierExact},
		{"zurich", "Zürich", tierExact},
		{"par", "Paris", tierWordStart},
		{"paris", "Paris Hilton", tierWordStart},
		{"hilton", "Paris Hilton", tierWordStart},
		{"xi jin", "Xi Jinping", tierWordStart},
		{"luc", "Jean-Luc Picard", tierWordStart},
		{"xj", "Xi Jinping", tierWords},
		{"xijin", "Xi Jinping", tierWords},
		{"jinp", "Jin Jinping", tierWordStart},
		{"jjinp", "Jin Jinping", tierWords}, // j from the first word, jinp from the second
		{"jinj", "Jin Jinping", tierWords},  // jin, then j
		{"angmer", "Angela Merkel", tierWords},
		{"us", "U.S.", tierWords},
		{"erkel", "Angela Merkel", tierInside},
		{"ela mer", "Angela Merkel", tierInside},
		{"mrkl", "Angela Merkel", tierScattered},
		{"amkl", "Angela Merkel", tierScattered},
		{"ba", "Abba", tierInside}, // not a word start, though the name has b and a
		{"lm", "Angela Merkel", tierScattered},
		{"merkel", "Merkel", tierExact},
		{"merkels", "Merkel", noMatch},
		{"ml", "Lima", noMatch},
		{"x", "Angela Merkel", noMatch},
		{"é", "Mélenchon", tierInside},
		{"习", "习近平", tierWordStart},
	}
	for _, tt := range tests {
		m := newMatcher(tt.pattern)
		if m == nil {
			t.Fatalf("newMatcher(%q) = nil", tt.pattern)
		}
		if got := m.tier(matchKey(tt.name)); got != tt.want {
			t.Errorf("tier(%q in %q) = %d, want %d", tt.pattern, tt.name, got, tt.want)
		}
	}
	for _, empty := range []string{"", " ", "-.'", "\x00"} {
		if m := newMatcher(empty); m != nil {
			t.Errorf("newMatcher(%q) = %+v, want nil", empty, m)
		}
	}
}

// The finder's order in Go must be the plain list's order in SQL, down to
// how SQLite's NOCASE compares names that differ only in case or in
// punctuation between the ASCII letters.
func TestEntityOrderMatchesSQL(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entities := []struct {
		name     string
		typ      model.EntityType
		articles int
	}{
		{"abc", model.PER, 1}, {"ABD", model.PER, 1}, {"Abc", model.LOC, 1}, {"ab", model.PER, 1},
		{"äb", model.PER, 1}, {"ÄB", model.LOC, 1}, {"Zeta", model.PER, 1}, {"zeta", model.LOC, 1},
		{"[x", model.PER, 1}, {"_x", model.PER, 1}, {"a b", model.PER, 1}, {"A", model.PER, 1},
		{"é", model.PER, 1}, {"e", model.PER, 1}, {"1", model.PER, 1}, {"Z", model.PER, 1},
		{"same", model.PER, 1}, {"same", model.ORG, 1}, {"same", model.LOC, 1}, // only the id tells them apart
		{"more", model.PER, 2}, {"Most", model.ORG, 3}, {"most", model.PER, 3},
	}
	var batch []model.Article
	for i, e := range entities {
		for j := range e.articles {
			a := model.Article{Title: fmt.Sprintf("%d/%d", i, j), Paragraphs: []string{e.name}}
			a.Entities = []model.Entity{{Name: e.name, Type: e.typ, Mentions: []model.Mention{
				{Field: model.FieldBody, Start: 0, End: len(e.name), Text: e.name}}}}
			batch = append(batch, a)
		}
	}
	if _, err := s.Import(ctx, batch); err != nil {
		t.Fatal(err)
	}
	want, err := s.Entities(ctx, EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	idx, err := s.currentEntityIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.entities) != len(want) {
		t.Fatalf("index holds %d entities, SQL lists %d", len(idx.entities), len(want))
	}
	for k := range len(want) + 1 {
		hits := make([]int32, len(idx.entities))
		for i := range hits {
			hits[i] = int32(i)
		}
		var got []model.EntityCount
		for _, i := range best(idx.entities, hits, k) {
			got = append(got, idx.entities[i])
		}
		n := k
		if k == 0 {
			n = len(want)
		}
		if !slices.Equal(got, want[:n]) {
			t.Errorf("best(k=%d) =\n %v\nSQL order\n %v", k, got, want[:n])
		}
	}
}

// The heap that picks a page must agree with sorting everything, for any
// page size.
func TestBestPicksThePage(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	entities := make([]model.EntityCount, 500)
	for i := range entities {
		entities[i] = model.EntityCount{
			ID:       int64(i + 1),
			Name:     string(rune('a'+r.IntN(3))) + string(rune('A'+r.IntN(3))),
			Articles: r.IntN(4),
			Mentions: r.IntN(3),
		}
	}
	all := make([]int32, len(entities))
	for i := range all {
		all[i] = int32(i)
	}
	sorted := best(entities, slices.Clone(all), 0)
	for i := 1; i < len(sorted); i++ {
		if !entityBefore(&entities[sorted[i-1]], &entities[sorted[i]]) {
			t.Fatalf("full sort out of order at %d", i)
		}
	}
	for _, k := range []int{1, 2, 7, 100, 499, 500, 501} {
		got := best(entities, slices.Clone(all), k)
		if want := sorted[:min(k, len(sorted))]; !slices.Equal(got, want) {
			t.Errorf("best(k=%d) differs from the sorted prefix", k)
		}
	}
}

// Names are read back through a framed string; no name may break it.
func TestEntityIndexOddNames(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	names := []string{"1 2 3", "12 PER 5 x", "a\x1eb", "tab\there", "new\nline", "  padded  ", "emoji 🇨🇭", "quote \"'", "7"}
	var batch []model.Article
	for i, name := range names {
		batch = append(batch, model.Article{Title: fmt.Sprint(i), Paragraphs: []string{name},
			Entities: []model.Entity{{Name: name, Type: model.EntityType(fmt.Sprintf("T %d", i)), Mentions: []model.Mention{
				{Field: model.FieldBody, End: len(name), Text: name}}}}})
	}
	if _, err := s.Import(ctx, batch); err != nil {
		t.Fatal(err)
	}
	idx, err := s.currentEntityIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]model.EntityType{}
	for _, e := range idx.entities {
		got[e.Name] = e.Type
		if e.ID == 0 || e.Articles != 1 || e.Mentions != 1 {
			t.Errorf("%q read back as %+v", e.Name, e)
		}
	}
	for i, name := range names {
		if want := model.EntityType(fmt.Sprintf("T %d", i)); got[name] != want {
			t.Errorf("%q: type %q, want %q (index %v)", name, got[name], want, got)
		}
	}
}

// Marking an article read changes no entity, so the finder keeps its index;
// an import does, so it loads again.
func TestEntityIndexGeneration(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	oslo := func(title string) model.Article {
		return model.Article{Title: title, Paragraphs: []string{"Oslo"}, Entities: []model.Entity{{Name: "Oslo", Type: model.LOC,
			Mentions: []model.Mention{{Field: model.FieldBody, End: 4, Text: "Oslo"}}}}}
	}
	res, err := s.Import(ctx, []model.Article{oslo("one")})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.currentEntityIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, res.IDs[0], true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, res.IDs[0], true); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.currentEntityIndex(ctx); again != first {
		t.Error("marking an article read or starred reloaded the entity index")
	}
	if _, err := s.Import(ctx, []model.Article{oslo("two")}); err != nil {
		t.Fatal(err)
	}
	after, err := s.currentEntityIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == first || after.generation <= first.generation || after.entities[0].Articles != 2 {
		t.Errorf("after an import: index %+v, was %+v", after, first)
	}
}

package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

func TestEntityByName(t *testing.T) {
	ctx := context.Background()
	s, _ := newsroom(t)
	mustImport(t, s,
		withEntity(article("Mercury scores", day(4), "Mercury scored."), "Mercury", model.PER, "Mercury"),
		withEntity(article("Mercury votes", day(5), "Mercury voted."), "Mercury", model.ORG, "Mercury"),
		withEntity(article("Mercury again", day(6), "Mercury voted again."), "Mercury", model.ORG, "Mercury"),
	)
	tests := []struct {
		name     string
		typ      model.EntityType
		want     string
		wantType model.EntityType
		articles int
	}{
		{"Angela Merkel", "", "Angela Merkel", model.PER, 3},
		{"angela merkel", "", "Angela Merkel", model.PER, 3},
		{"  ANGELA   merkel ", "", "Angela Merkel", model.PER, 3},
		{"angela merkel", model.PER, "Angela Merkel", model.PER, 3},
		{"mercury", "", "Mercury", model.ORG, 3}, // one entity: most mentions are of the firm
		{"MERCURY", model.ORG, "Mercury", model.ORG, 3},
	}
	for _, tt := range tests {
		got, err := s.EntityByName(ctx, tt.name, tt.typ)
		if err != nil {
			t.Errorf("EntityByName(%q, %q): %v", tt.name, tt.typ, err)
			continue
		}
		if got.Name != tt.want || got.Type != tt.wantType || got.Articles != tt.articles || got.ID == 0 {
			t.Errorf("EntityByName(%q, %q) = %+v, want %s %s in %d articles", tt.name, tt.typ, got, tt.want, tt.wantType, tt.articles)
		}
	}
	for _, miss := range []struct {
		name string
		typ  model.EntityType
	}{{"Merkel", ""}, {"Angela Merkel", model.LOC}, {"Mercury", model.PER}, {"", ""}, {"Berlin", "XYZ"}, {"'; DROP TABLE entities; --", ""}} {
		_, err := s.EntityByName(ctx, miss.name, miss.typ)
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("EntityByName(%q, %q) err = %v, want ErrNotFound", miss.name, miss.typ, err)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", miss.name)) {
			t.Errorf("EntityByName(%q) err = %q does not name what was asked for", miss.name, err)
		}
	}
}

func TestRelated(t *testing.T) {
	ctx := context.Background()
	s, _ := newsroom(t)
	alone := withEntity(article("Lonely", day(9), "Only Quito here."), "Quito", model.LOC, "Quito")
	mustImport(t, s, alone)
	byName := func(name string) int64 {
		t.Helper()
		e, err := s.EntityByName(ctx, name, "")
		if err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	tests := []struct {
		entity string
		limit  int
		want   []nameCount // Mentions and Articles within the shared articles
	}{
		// EU and Berlin share two articles each; EU is mentioned more in them.
		// Three one-article ties follow by name.
		{"Angela Merkel", 0, []nameCount{
			{"European Union", 4, 2}, {"Berlin", 3, 2},
			{"Emmanuel Macron", 1, 1}, {"Euro", 1, 1}, {"Paris", 1, 1},
		}},
		{"Angela Merkel", 2, []nameCount{{"European Union", 4, 2}, {"Berlin", 3, 2}}},
		{"Euro", 0, []nameCount{{"Angela Merkel", 2, 1}, {"European Union", 2, 1}, {"Berlin", 1, 1}}},
		{"Paris", 0, []nameCount{{"Angela Merkel", 2, 1}, {"Emmanuel Macron", 1, 1}}},
		{"Quito", 0, nil},
	}
	for _, tt := range tests {
		id := byName(tt.entity)
		got, err := s.Related(ctx, id, tt.limit)
		if err != nil {
			t.Fatalf("Related(%s): %v", tt.entity, err)
		}
		if !slices.Equal(nameCounts(got), tt.want) {
			t.Errorf("Related(%s, %d) =\n %v\nwant\n %v", tt.entity, tt.limit, nameCounts(got), tt.want)
		}
		for _, e := range got {
			if e.ID == id {
				t.Errorf("Related(%s) holds the entity itself", tt.entity)
			}
			if e.ID == 0 || e.Type == "" {
				t.Errorf("Related(%s): %+v lacks id or type", tt.entity, e)
			}
		}
	}
	if _, err := s.Related(ctx, 9999, 10); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Related(unknown) err = %v, want ErrNotFound", err)
	}
}

func TestSearchCount(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s,
		article("Election day in Zürich", day(1), "Voters went to the polls early."),
		article("Markets calm", day(2), "Traders said the election result was priced in."),
		article("Central bank holds rates", day(3), "The central bank held rates."),
		article("Bank holiday traffic", day(4), "Roads were busy. The central station was closed."),
	)
	for _, query := range []string{"election", "elect*", `"central bank"`, "central bank", "bank", "zurich", "nothing", "", `"`, `*`,
		`AND(`, `NEAR(a b, 3)`, `' OR 1=1 --`, "\x00", "\xff\xfe", `{title body}:bank`, `-bank`, `bank OR`} {
		hits, err := s.Search(ctx, query, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", query, err)
			continue
		}
		n, err := s.SearchCount(ctx, query, store.ListQuery{})
		if err != nil {
			t.Errorf("SearchCount(%q): %v", query, err)
			continue
		}
		if n != len(hits) {
			t.Errorf("SearchCount(%q) = %d, Search found %d", query, n, len(hits))
		}
	}
	if n, _ := s.SearchCount(ctx, "bank", store.ListQuery{}); n != 2 {
		t.Errorf("SearchCount(bank) = %d, want 2", n)
	}
	if page, _ := s.Search(ctx, "bank", 1); len(page) != 1 || page[0].Title != "Central bank holds rates" {
		t.Errorf("first page of one for bank = %q", titles(page))
	}
}

var serial int // makes every article entityIn imports distinct

// entityIn imports n new articles naming entity (name, typ) twice each, in
// the title and in the body.
func entityIn(t *testing.T, s *store.Store, name string, typ model.EntityType, n int) {
	t.Helper()
	var batch []model.Article
	for range n {
		serial++
		a := article(fmt.Sprintf("%s, part %d", name, serial), day(1+serial%28), name+" was there.")
		batch = append(batch, withEntity(a, name, typ, name))
	}
	mustImport(t, s, batch...)
}

func TestEntitiesMatch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, e := range []struct {
		name     string
		typ      model.EntityType
		articles int
	}{
		{"Bauer", model.PER, 9},
		{"Hubert", model.PER, 5},
		{"Berlin", model.LOC, 4},
		{"Boris Ernst", model.PER, 1},
		{"Bern", model.LOC, 1},
		{"Ber", model.MISC, 1},
		{"Angela Merkel", model.PER, 3},
		{"Merkelbach", model.ORG, 1},
		{"Xi Jinping", model.PER, 2},
		{"Zürich", model.LOC, 1},
		{"Jean-Luc Mélenchon", model.PER, 1},
		{"Paris", model.LOC, 1},
		{"Paris Hilton", model.PER, 2},
		{"U.S.", model.LOC, 1},
		{"50 Cent", model.PER, 1},
	} {
		entityIn(t, s, e.name, e.typ, e.articles)
	}
	tests := []struct {
		name string
		q    store.EntityQuery
		want []string
	}{
		{"every kind of match, best kind first, whatever the counts",
			store.EntityQuery{Match: "ber"},
			// exact; word starts (Berlin in more articles); word pieces
			// (b+er); inside a word; scattered.
			[]string{"Ber", "Berlin", "Bern", "Boris Ernst", "Hubert", "Bauer"}},
		{"case does not matter", store.EntityQuery{Match: "BER", Limit: 3}, []string{"Ber", "Berlin", "Bern"}},
		{"limit cuts the ranked list", store.EntityQuery{Match: "ber", Limit: 4}, []string{"Ber", "Berlin", "Bern", "Boris Ernst"}},
		{"type", store.EntityQuery{Match: "ber", Type: model.PER}, []string{"Boris Ernst", "Hubert", "Bauer"}},
		{"a word of the name, more articles first", store.EntityQuery{Match: "merkel"}, []string{"Angela Merkel", "Merkelbach"}},
		{"exact beats more articles", store.EntityQuery{Match: "paris"}, []string{"Paris", "Paris Hilton"}},
		{"initials", store.EntityQuery{Match: "xj"}, []string{"Xi Jinping"}},
		{"pieces of words", store.EntityQuery{Match: "angmer"}, []string{"Angela Merkel"}},
		{"spaces are optional", store.EntityQuery{Match: "xijin"}, []string{"Xi Jinping"}},
		{"inside a word", store.EntityQuery{Match: "erkel"}, []string{"Angela Merkel", "Merkelbach"}},
		{"scattered", store.EntityQuery{Match: "mrkl"}, []string{"Angela Merkel", "Merkelbach"}},
		{"accents are optional", store.EntityQuery{Match: "zurich"}, []string{"Zürich"}},
		{"accents typed", store.EntityQuery{Match: "ZÜR"}, []string{"Zürich"}},
		{"hyphenated", store.EntityQuery{Match: "melen"}, []string{"Jean-Luc Mélenchon"}},
		{"hyphen typed", store.EntityQuery{Match: "jean-luc"}, []string{"Jean-Luc Mélenchon"}},
		{"punctuation in the name", store.EntityQuery{Match: "us"}, []string{"U.S."}},
		{"digits", store.EntityQuery{Match: "50c"}, []string{"50 Cent"}},
		{"order matters", store.EntityQuery{Match: "ib"}, nil}, // Boris has b, i
		{"no match", store.EntityQuery{Match: "qqq"}, nil},
		{"with an exact name", store.EntityQuery{Match: "be", Name: "bern"}, []string{"Bern"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Entities(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range got {
				names = append(names, e.Name)
			}
			if !slices.Equal(names, tt.want) {
				t.Errorf("Entities(%+v) = %q, want %q", tt.q, names, tt.want)
			}
		})
	}

	// A match carries the same counts as the plain list.
	plain, _ := s.Entities(ctx, store.EntityQuery{Name: "Berlin"})
	fuzzy, _ := s.Entities(ctx, store.EntityQuery{Match: "berlin"})
	if len(plain) != 1 || len(fuzzy) != 1 || plain[0] != fuzzy[0] {
		t.Errorf("Berlin: plain %+v, fuzzy %+v", plain, fuzzy)
	}
	// Nothing to match on is no filter at all.
	all, _ := s.Entities(ctx, store.EntityQuery{Limit: 5})
	for _, match := range []string{" ", "-", "'.,"} {
		got, err := s.Entities(ctx, store.EntityQuery{Match: match, Limit: 5})
		if err != nil || !slices.Equal(got, all) {
			t.Errorf("Entities(Match %q) = %v, %v; want the unfiltered list %v", match, got, err, all)
		}
	}
}

// The finder keeps entities in memory; it must see what is imported after,
// by this handle or by another process.
func TestEntitiesMatchSeesImports(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	reader, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	match := func(want string) {
		t.Helper()
		got, err := reader.Entities(ctx, store.EntityQuery{Match: "nai"})
		if err != nil {
			t.Fatal(err)
		}
		if s := fmt.Sprint(nameCounts(got)); s != want {
			t.Errorf("Entities(nai) = %s, want %s", s, want)
		}
	}
	match("[]")
	entityIn(t, reader, "Nairobi", model.LOC, 1)
	match("[{Nairobi 2 1}]")
	entityIn(t, other, "Nairobi", model.LOC, 2) // counts change, no new entity
	match("[{Nairobi 6 3}]")
	entityIn(t, other, "Naivasha", model.LOC, 4)
	match("[{Naivasha 8 4} {Nairobi 6 3}]")
}

// One handle serves the ui's goroutines while an import runs: the finder's
// index is shared, reloaded under their feet, and must never be torn.
func TestReadingWhileImporting(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	entityIn(t, s, "Oslo", model.LOC, 1)
	done := make(chan struct{})
	errs := make(chan error, 16)
	var wg sync.WaitGroup
	for r := range 3 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				ents, err := s.Entities(ctx, store.EntityQuery{Match: []string{"o", "osl", "lo", "x"}[i%4], Limit: 10})
				if err == nil && len(ents) > 0 {
					_, err = s.Related(ctx, ents[0].ID, 5)
				}
				var items []store.ListItem
				if err == nil {
					items, err = s.ListItems(ctx, store.ListQuery{Unread: true, Limit: 20})
				}
				if err == nil && len(items) > 0 {
					err = s.SetRead(ctx, items[0].ID, true)
				}
				if err == nil {
					_, err = s.SearchCount(ctx, "oslo", store.ListQuery{})
				}
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
			}
		})
	}
	for b := range 10 {
		var batch []model.Article
		for i := range 10 {
			title := fmt.Sprintf("batch %d article %d in Oslo", b, i)
			a := withEntity(article(title, day(1+i), "Oslo and Lofoten."), "Oslo", model.LOC, "Oslo")
			batch = append(batch, withEntity(a, fmt.Sprintf("Lofoten %d", b), model.LOC, "Lofoten"))
		}
		mustImport(t, s, batch...)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := s.Entities(ctx, store.EntityQuery{Match: "oslo"})
	if err != nil || len(got) != 1 || got[0].Articles != 101 {
		t.Errorf("after the imports Entities(oslo) = %+v, %v; want Oslo in 101 articles", got, err)
	}
}

package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// entityNames are the store's entities, the most reported first.
func entityNames(t *testing.T, s *store.Store) []string {
	t.Helper()
	list, err := s.Entities(context.Background(), store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name+" "+string(e.Type))
	}
	return names
}

func TestEntityViewMerge(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		t.Run(answer, func(t *testing.T) {
			s := openStore(t, fixtures())
			before := entityNames(t, s)
			m := newModel(t, s, 160, 45, Options{})
			press(t, m, "o")
			items := m.entities.Items()
			if len(items) < 3 {
				t.Fatalf("fixtures have %d entities", len(items))
			}
			a, b := items[0], items[1]
			press(t, m, "M")
			if !strings.Contains(status(m), "mark two or more") {
				t.Errorf("M with nothing marked: status %q", status(m))
			}
			press(t, m, "space")
			press(t, m, "down")
			press(t, m, "space")
			if !contains(m, "2 marked") || !contains(m, "✓") {
				t.Errorf("marks not shown:\n%s", strings.Join(screen(m), "\n"))
			}
			press(t, m, "M") // b is selected and marked: a goes into it
			if want := "merge " + a.Name + " into " + b.Name + "? y/enter yes"; !strings.Contains(status(m), want) {
				t.Fatalf("M asks %q, want %q", status(m), want)
			}
			press(t, m, answer)
			after := entityNames(t, s)
			if answer != "y" {
				if len(after) != len(before) || !strings.Contains(status(m), "nothing merged") {
					t.Errorf("declined: %d entities (was %d), status %q", len(after), len(before), status(m))
				}
				return
			}
			if len(after) != len(before)-1 {
				t.Errorf("after merge %d entities, want %d: %q", len(after), len(before)-1, after)
			}
			if got, err := s.LookupEntity(context.Background(), a.Name); err != nil || got.ID == a.ID && got.Name == a.Name {
				t.Errorf("%s is %+v (%v) after the merge", a.Name, got, err)
			}
			if want := "merged into " + b.Name + " · byline entity undo 1 undoes it"; !strings.Contains(status(m), want) {
				t.Errorf("status %q, want %q", status(m), want)
			}
			if contains(m, "marked") {
				t.Error("marks outlive the merge")
			}
			if sel, _ := m.entities.Selected(); sel.Name != b.Name || !contains(m, "also: "+a.Name) {
				t.Errorf("selected after merge %+v, or %s not among its names", sel, a.Name)
			}
			typeText(t, m, strings.ToLower(strings.ReplaceAll(b.Name, " ", "")))
			if e, ok := m.entities.Selected(); !ok || e.Name != b.Name {
				t.Fatalf("typing %s selected %+v", b.Name, e)
			}
			if !contains(m, "also: "+a.Name) {
				t.Errorf("the merged name is not listed:\n%s", strings.Join(screen(m), "\n"))
			}
		})
	}
}

func TestEntityViewRename(t *testing.T) {
	for _, answer := range []string{"enter", "n"} {
		t.Run(answer, func(t *testing.T) {
			s := openStore(t, fixtures())
			m := newModel(t, s, 160, 45, Options{})
			press(t, m, "o")
			e, _ := m.entities.Selected()
			press(t, m, "R")
			if want := "rename " + e.Name + " to: " + e.Name; !strings.Contains(status(m), want) {
				t.Fatalf("R asks %q, want %q", status(m), want)
			}
			press(t, m, "ctrl+u")
			typeText(t, m, "Zed Quux") // M, R, T and space type here
			press(t, m, "enter")
			if want := "rename " + e.Name + " to Zed Quux? y/enter yes"; !strings.Contains(status(m), want) {
				t.Fatalf("enter asks %q, want %q", status(m), want)
			}
			press(t, m, answer)
			got, err := s.LookupEntity(context.Background(), "Zed Quux")
			if answer == "n" {
				if err == nil || !strings.Contains(status(m), "name unchanged") {
					t.Errorf("declined: Zed Quux is %+v, status %q", got, status(m))
				}
				return
			}
			if err != nil || got.ID == 0 {
				t.Fatalf("renamed entity: %+v, %v", got, err)
			}
			if sel, _ := m.entities.Selected(); sel.Name != "Zed Quux" {
				t.Errorf("selected after rename: %+v", sel)
			}
			if !contains(m, "Zed Quux") || !strings.Contains(status(m), "renamed "+e.Name+" to Zed Quux") {
				t.Errorf("rename not shown; status %q", status(m))
			}
		})
	}
}

func TestEntityViewType(t *testing.T) {
	for _, answer := range []string{"y", "x"} {
		t.Run(answer, func(t *testing.T) {
			s := openStore(t, fixtures())
			m := newModel(t, s, 160, 45, Options{})
			press(t, m, "o")
			e, _ := m.entities.Selected()
			press(t, m, "T")
			if want := "type of " + e.Name + ": p/o/l/w/r/e/m"; !strings.Contains(status(m), want) {
				t.Fatalf("T asks %q, want %q", status(m), want)
			}
			press(t, m, "w")
			if want := "make " + e.Name + " WORK? y/enter yes"; !strings.Contains(status(m), want) {
				t.Fatalf("w asks %q, want %q", status(m), want)
			}
			press(t, m, answer)
			got, err := s.LookupEntity(context.Background(), e.Name)
			if err != nil {
				t.Fatal(err)
			}
			if answer != "y" {
				if got.Type != e.Type || !strings.Contains(status(m), "type unchanged") {
					t.Errorf("declined: %+v, status %q", got, status(m))
				}
				return
			}
			if got.Type != "WORK" || !strings.Contains(status(m), e.Name+" is WORK now") {
				t.Errorf("after T w y: %+v, status %q", got, status(m))
			}
		})
	}
}

// Typing the filter still works with the correction keys bound: lowercase
// letters narrow the list, and a key other than a type letter cancels T.
func TestEntityViewFilterStillTypes(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "o")
	typeText(t, m, "mrt")
	if m.entities.Query() != "mrt" {
		t.Errorf("query %q, want mrt", m.entities.Query())
	}
	press(t, m, "T")
	press(t, m, "esc")
	if !m.EntityViewOpen() || !strings.Contains(status(m), "type unchanged") {
		t.Errorf("esc at the type question: open %v, status %q", m.EntityViewOpen(), status(m))
	}
}

// X in the entities pane splits the selected entity's mentions in the
// article on show off as an entity of their own, once confirmed, as
// `byline entity split NAME --article ID` does; a pin made on the other
// story's entity then lights nothing here.
func TestSidebarSplit(t *testing.T) {
	mira := model.Entity{Name: "Mira Castell", Type: model.PER}
	s := openStore(t, []model.Article{
		story(20, "Mira Castell wins the sculpture prize", []string{"Mira Castell, the sculptor, won the prize at Saltholm."}, mira, model.Entity{Name: "Saltholm", Type: model.LOC}),
		story(21, "Mira Castell signs for the harbour club", []string{"The striker Mira Castell signed on Monday. Coach Ansel Brook said Ansel Brook had wanted her for years."},
			mira, model.Entity{Name: "Ansel Brook", Type: model.PER}),
	})
	ctx := context.Background()
	m := newModel(t, s, 160, 45, Options{})
	press(t, m, "j") // the sculptor's story
	pinFirstPerson(t, m)
	press(t, m, "e")
	press(t, m, "j") // Saltholm, named in this story only
	press(t, m, "X")
	if !strings.Contains(status(m), "Saltholm is in this article only") {
		t.Errorf("X on an entity of one article: status %q", status(m))
	}
	press(t, m, "shift+tab")
	press(t, m, "shift+tab") // the list
	press(t, m, "k")         // the striker's story
	press(t, m, "n")
	if !strings.Contains(status(m), "mention 1/2") {
		t.Fatalf("before the split the pin lights the striker: status %q", status(m))
	}
	press(t, m, "e")
	press(t, m, "j") // the coach comes first, named more often
	press(t, m, "X")
	if want := "split Mira Castell of this article off as an entity of its own? y/enter yes"; !strings.Contains(status(m), want) {
		t.Fatalf("X asks %q, want %q", status(m), want)
	}
	press(t, m, "n")
	if len(entityNames(t, s)) != 3 || !strings.Contains(status(m), "nothing split") {
		t.Fatalf("declined: entities %q, status %q", entityNames(t, s), status(m))
	}
	press(t, m, "X")
	press(t, m, "y")
	if want := "Mira Castell of this article is an entity of its own now · byline entity undo 1 undoes it"; !strings.Contains(status(m), want) {
		t.Errorf("status %q, want %q", status(m), want)
	}
	if names := entityNames(t, s); strings.Count(strings.Join(names, "|"), "Mira Castell PER") != 2 {
		t.Fatalf("after the split the store has %q, want two Mira Castells", names)
	}
	e, ok := m.sidebar.Selected()
	if p := m.Pins(); !ok || e.Name != "Mira Castell" || len(p) != 1 || e.ID == p[0].ID || m.Focus() != FocusSidebar {
		t.Fatalf("the sidebar selects %+v after the split, pins %+v: want the new entity", e, p)
	}
	press(t, m, "n")
	if !strings.Contains(status(m), "no pinned entity in this article") {
		t.Errorf("after the split the sculptor's pin still lights the striker: status %q", status(m))
	}
	if got, err := s.Corrections(ctx); err != nil || len(got) != 1 || got[0].Kind != "split" {
		t.Errorf("corrections %+v, %v", got, err)
	}
}

// T in the entity view retypes the entity the cursor is on, not every
// entity of its name: retyping Mr Washington, the chairman, leaves the city
// he shares a name with a place.
func TestEntityViewTypeTakesThePickedNamesake(t *testing.T) {
	loc, per := model.Entity{Name: "Washington", Type: model.LOC}, model.Entity{Name: "Washington", Type: model.PER}
	s := openStore(t, []model.Article{
		story(20, "Talks resume", []string{"Officials in Washington said talks would resume."}, loc),
		story(21, "Chairman resigns", []string{"Mr Washington, the chairman, resigned. Washington said he was proud."}, per),
		story(22, "Summit", []string{"Leaders flew to Washington for the summit."}, loc),
	})
	ctx := context.Background()
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, s, 160, 45, Options{})
	press(t, m, "o")
	typeText(t, m, "washington")
	press(t, m, "down")
	if e, _ := m.entities.Selected(); e.Name != "Washington" || e.Type != model.PER {
		t.Fatalf("second Washington row is %+v, want the person", e)
	}
	press(t, m, "T")
	press(t, m, "o")
	press(t, m, "y")
	if !strings.Contains(status(m), "Washington is ORG now") {
		t.Fatalf("after T o y: status %q", status(m))
	}
	ents, err := s.Entities(ctx, store.EntityQuery{Match: "washington"})
	if err != nil {
		t.Fatal(err)
	}
	types := map[model.EntityType]int{}
	for _, e := range ents {
		types[e.Type] = e.Articles
	}
	if len(ents) != 2 || types[model.LOC] != 2 || types[model.ORG] != 1 {
		t.Errorf("Washingtons after T: %+v, want the city LOC in 2 and the chairman ORG in 1", ents)
	}
}

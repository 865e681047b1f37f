package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

func TestListFiltersAndStates(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	res := mustImport(t, s,
		withEntity(article("Oslo one", day(1), "Oslo wakes."), "Oslo", model.LOC, "Oslo"),
		withEntity(article("Oslo two", day(2), "Oslo sleeps."), "Oslo", model.LOC, "Oslo"),
		withEntity(article("Oslo three", day(3), "Oslo votes."), "Oslo", model.LOC, "Oslo"),
		withEntity(article("Lima one", day(4), "Lima wakes."), "Lima", model.LOC, "Lima"),
		article("Nothing", day(5)),
	)
	id := func(i int) int64 { return res.IDs[i] }
	oslo, err := s.EntityByName(ctx, "oslo", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 3} {
		if err := s.SetRead(ctx, id(i), true); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{1, 3, 4} {
		if err := s.SetStarred(ctx, id(i), true); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		q    store.ListQuery
		want []string
	}{
		{"all", store.ListQuery{}, []string{"Nothing", "Lima one", "Oslo three", "Oslo two", "Oslo one"}},
		{"unread", store.ListQuery{Unread: true}, []string{"Nothing", "Oslo three", "Oslo two"}},
		{"starred", store.ListQuery{Starred: true}, []string{"Nothing", "Lima one", "Oslo two"}},
		{"unread and starred", store.ListQuery{Unread: true, Starred: true}, []string{"Nothing", "Oslo two"}},
		{"entity", store.ListQuery{EntityID: oslo.ID}, []string{"Oslo three", "Oslo two", "Oslo one"}},
		{"entity and unread", store.ListQuery{EntityID: oslo.ID, Unread: true}, []string{"Oslo three", "Oslo two"}},
		{"entity and starred", store.ListQuery{EntityID: oslo.ID, Starred: true}, []string{"Oslo two"}},
		{"entity, unread, starred", store.ListQuery{EntityID: oslo.ID, Unread: true, Starred: true}, []string{"Oslo two"}},
		{"entity and unread, paged", store.ListQuery{EntityID: oslo.ID, Unread: true, Limit: 1, Offset: 1}, []string{"Oslo two"}},
		{"nothing read and starred about Oslo", store.ListQuery{EntityID: oslo.ID, Unread: true, Starred: true, Offset: 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.List(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(titles(got), tt.want) {
				t.Errorf("List(%+v) = %q, want %q", tt.q, titles(got), tt.want)
			}
			items, err := s.ListItems(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var summaries []model.Summary
			for _, it := range items {
				summaries = append(summaries, it.Summary)
			}
			if !slices.Equal(summaries, got) {
				t.Errorf("ListItems(%+v) summaries differ from List:\n %+v\n %+v", tt.q, summaries, got)
			}
		})
	}

	// Every row carries its state.
	items, err := s.ListItems(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]store.ArticleState{
		"Oslo one":   {Read: true},
		"Oslo two":   {Starred: true},
		"Oslo three": {},
		"Lima one":   {Read: true, Starred: true},
		"Nothing":    {Starred: true},
	}
	for _, it := range items {
		if it.ArticleState != want[it.Title] {
			t.Errorf("%s: state %+v, want %+v", it.Title, it.ArticleState, want[it.Title])
		}
	}
	// Scripts read the state beside the summary's fields.
	line, err := json.Marshal(items[1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(line), `"title":"Lima one"`) || !strings.Contains(string(line), `"read":true,"starred":true`) {
		t.Errorf("ListItem JSON = %s", line)
	}
}

// Read and starred are the reader's own record: they must outlive the
// process, and toggling them back must work as well as setting them.
func TestStatePersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, s, article("a", day(1)), article("b", day(2)), article("c", day(3)))
	a, b, c := res.IDs[0], res.IDs[1], res.IDs[2]
	steps := []struct {
		name string
		do   func() error
	}{
		{"read a", func() error { return s.SetRead(ctx, a, true) }},
		{"read a again", func() error { return s.SetRead(ctx, a, true) }},
		{"star a", func() error { return s.SetStarred(ctx, a, true) }},
		{"star b", func() error { return s.SetStarred(ctx, b, true) }},
		{"read c", func() error { return s.SetRead(ctx, c, true) }},
		{"unread c", func() error { return s.SetRead(ctx, c, false) }},
		{"unstar b", func() error { return s.SetStarred(ctx, b, false) }},
		{"unstar b again", func() error { return s.SetStarred(ctx, b, false) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.States(ctx, []int64{a, b, c, 999})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]store.ArticleState{a: {Read: true, Starred: true}, b: {}, c: {}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after reopen States = %v, want %v (no entry for the missing id)", got, want)
	}
	if unread, _ := s.List(ctx, store.ListQuery{Unread: true}); !slices.Equal(titles(unread), []string{"c", "b"}) {
		t.Errorf("after reopen unread = %q", titles(unread))
	}
	if starred, _ := s.List(ctx, store.ListQuery{Starred: true}); !slices.Equal(titles(starred), []string{"a"}) {
		t.Errorf("after reopen starred = %q", titles(starred))
	}
}

func TestStateErrors(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if err := s.SetRead(ctx, 42, true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetRead(42) err = %v, want ErrNotFound", err)
	}
	if err := s.SetStarred(ctx, 42, false); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetStarred(42) err = %v, want ErrNotFound", err)
	}
	if got, err := s.States(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("States(nil) = %v, %v", got, err)
	}
	// More ids than SQLite takes parameters in one statement.
	var batch []model.Article
	for i := range 40 {
		batch = append(batch, article(fmt.Sprint("article ", i), day(1)))
	}
	res := mustImport(t, s, batch...)
	ids := slices.Clone(res.IDs)
	for i := range 40_000 {
		ids = append(ids, int64(1000+i))
	}
	if err := s.SetStarred(ctx, res.IDs[7], true); err != nil {
		t.Fatal(err)
	}
	got, err := s.States(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 40 || !got[res.IDs[7]].Starred || got[res.IDs[8]].Starred {
		t.Errorf("States(40,040 ids) = %d states, article 7 %+v", len(got), got[res.IDs[7]])
	}
}

// DeleteSource takes the articles of one source away whole: their entities
// are named nowhere any more, and a search no longer finds them.
func TestDeleteSource(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	demo := withEntity(article("Demo harbour", day(1), "Oslo harbour demo."), "Oslo", model.LOC, "Oslo")
	demo.Source = "byline/samples/01.txt"
	real := withEntity(article("Real news", day(2), "Bergen real news."), "Bergen", model.LOC, "Bergen")
	mustImport(t, s, demo, real)
	if n, err := s.DeleteSource(ctx, "byline/samples/"); err != nil || n != 1 {
		t.Fatalf("DeleteSource = %d, %v; want 1", n, err)
	}
	if list, _ := s.List(ctx, store.ListQuery{}); len(list) != 1 || list[0].Title != "Real news" {
		t.Errorf("left %q", titles(list))
	}
	if hits, _ := s.Search(ctx, "harbour", 0); len(hits) != 0 {
		t.Errorf("search still finds %q", titles(hits))
	}
	ents, _ := s.Entities(ctx, store.EntityQuery{})
	if len(ents) != 1 || ents[0].Name != "Bergen" {
		t.Errorf("entities after the delete: %+v", ents)
	}
	if _, err := s.DeleteSource(ctx, ""); err == nil {
		t.Error("an empty prefix would delete everything; want an error")
	}
}

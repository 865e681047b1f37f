package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

func TestArticleRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)

	in := model.Article{
		Title:   "Xi Jinping meets Zürich's mayor — 习近平 in Switzerland",
		Caption: "Xi Jinping, left, with Corine Mauch at the Zürich town hall 🇨🇭",
		Credit:  "Photo: Ånne Ødegård / Byline",
		Source:  "/tmp/zürich?#%.txt",
		URL:     "https://example.test/news/xi-zürich?a=1&b=2",
		Format:  model.FormatMarkdown,
		Paragraphs: []string{
			"ZÜRICH — Xi Jinping arrived on *Tuesday*, meeting Corine Mauch.",
			"",
			"A list:\n- one\n- two",
			"\ttabbed \"quotes\" and 'apostrophes' < > & 习近平",
			"Mauch said Xi Jinping was welcome in Zürich.",
		},
	}
	in = withEntity(in, "Xi Jinping", model.PER, "Xi Jinping")
	in.Entities[0].Mentions = append(in.Entities[0].Mentions, mentionsOf(&in, "习近平")...)
	slices.SortFunc(in.Entities[0].Mentions, func(a, b model.Mention) int {
		order := map[model.Field]int{model.FieldTitle: 0, model.FieldCaption: 1, model.FieldBody: 2}
		if c := order[a.Field] - order[b.Field]; c != 0 {
			return c
		}
		if c := a.Paragraph - b.Paragraph; c != 0 {
			return c
		}
		return a.Start - b.Start
	})
	in = withEntity(in, "Zürich", model.LOC, "Zürich")
	in = withEntity(in, "Corine Mauch", model.PER, "Corine Mauch")
	in.Entities[2].Mentions = append(in.Entities[2].Mentions, model.Mention{
		Field: model.FieldBody, Paragraph: 4, Start: 0, End: len("Mauch"), Text: "Mauch",
	})
	in = withEntity(in, "Switzerland", model.LOC, "Switzerland")

	res := mustImport(t, s, in)
	if res.Imported != 1 || res.Duplicates != 0 || len(res.IDs) != 1 || res.Duplicate[0] {
		t.Fatalf("ImportResult = %+v, want one imported", res)
	}
	got, err := s.Article(ctx, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}

	want := in
	want.ID = res.IDs[0]
	want.Entities = slices.Clone(in.Entities)
	for i := range want.Entities {
		if got.Entities[i].ID == 0 {
			t.Errorf("entity %q came back without an id", got.Entities[i].Name)
		}
		want.Entities[i].ID = got.Entities[i].ID
	}
	if !got.Published.IsZero() {
		t.Errorf("Published = %v, want the zero time", got.Published)
	}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("round trip differs\n got %+v\nwant %+v", *got, want)
	}
	// Offsets must still slice out the mention text: that is what
	// highlighting relies on.
	for _, e := range got.Entities {
		for _, m := range e.Mentions {
			if text := got.FieldText(m.Field, m.Paragraph); text[m.Start:m.End] != m.Text {
				t.Errorf("%s mention %+v slices to %q", e.Name, m, text[m.Start:m.End])
			}
		}
	}
}

func TestArticleRoundTripDatesAndEmptyBodies(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	zone := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		in   model.Article
		want time.Time
	}{
		{"utc date", article("utc", day(5)), day(5)},
		{"zoned date keeps the instant", article("zoned", time.Date(2024, 3, 5, 13, 30, 0, 0, zone)), time.Date(2024, 3, 5, 12, 30, 0, 0, time.UTC)},
		{"before 1970", article("old", time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC)), time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC)},
		{"no paragraphs", model.Article{Title: "no body"}, time.Time{}},
		{"empty paragraphs", model.Article{Title: "empty body", Paragraphs: []string{}}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustImport(t, s, tt.in)
			got, err := s.Article(ctx, res.IDs[0])
			if err != nil {
				t.Fatal(err)
			}
			if !got.Published.Equal(tt.want) || got.Published.Location() != time.UTC {
				t.Errorf("Published = %v, want %v in UTC", got.Published, tt.want)
			}
			if !reflect.DeepEqual(got.Paragraphs, tt.in.Paragraphs) {
				t.Errorf("Paragraphs = %#v, want %#v", got.Paragraphs, tt.in.Paragraphs)
			}
		})
	}
}

func TestImportDuplicates(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)

	a := withEntity(article("Storm hits coast", day(1), "The storm hit Brest at dawn."), "Brest", model.LOC, "Brest")
	rewrapped := a
	rewrapped.Source = "elsewhere.txt" // same story saved from another place
	rewrapped.Paragraphs = []string{"The storm  hit\nBrest", "at dawn. "}
	b := article("Calm returns", day(2))

	res := mustImport(t, s, a, rewrapped, b)
	if res.Imported != 2 || res.Duplicates != 1 {
		t.Fatalf("first batch: imported %d, duplicates %d; want 2, 1", res.Imported, res.Duplicates)
	}
	if want := []bool{false, true, false}; !slices.Equal(res.Duplicate, want) {
		t.Errorf("Duplicate = %v, want %v", res.Duplicate, want)
	}
	if res.IDs[1] != res.IDs[0] || res.IDs[2] == res.IDs[0] {
		t.Errorf("IDs = %v: a duplicate must carry the id of its original", res.IDs)
	}

	again := mustImport(t, s, b, a, article("New one", day(3)))
	if again.Imported != 1 || again.Duplicates != 2 {
		t.Fatalf("second batch: imported %d, duplicates %d; want 1, 2", again.Imported, again.Duplicates)
	}
	if again.IDs[0] != res.IDs[2] || again.IDs[1] != res.IDs[0] {
		t.Errorf("second batch IDs = %v, want existing ids %d, %d first", again.IDs, res.IDs[2], res.IDs[0])
	}
	if n, err := s.Count(ctx); err != nil || n != 3 {
		t.Errorf("Count = %d, %v; want 3", n, err)
	}
	// A duplicate must not count its entity twice.
	ents, err := s.Entities(ctx, store.EntityQuery{Name: "Brest"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Articles != 1 || ents[0].Mentions != 1 {
		t.Errorf("Brest = %+v, want 1 article, 1 mention", ents)
	}
}

func TestImportIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	bad := article("bad", day(2))
	bad.Entities = []model.Entity{{Name: "X", Type: model.PER, Mentions: []model.Mention{{Field: "footer"}}}}

	_, err := s.Import(ctx, []model.Article{article("good", day(1)), bad})
	if err == nil || !strings.Contains(err.Error(), "footer") {
		t.Fatalf("Import with an unknown field: err = %v, want it named", err)
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("after a failed batch Count = %d, want 0: the batch must land whole or not at all", n)
	}
	if res := mustImport(t, s, article("good", day(1))); res.Imported != 1 {
		t.Errorf("re-import after rollback: %+v", res)
	}
}

func TestImportEmpty(t *testing.T) {
	s := openTemp(t)
	res := mustImport(t, s)
	if res.Imported != 0 || res.Duplicates != 0 || len(res.IDs) != 0 {
		t.Errorf("empty import = %+v", res)
	}
}

func TestListOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s,
		article("undated first", time.Time{}),
		article("march 2 a", day(2)),
		article("march 9", day(9)),
		article("march 2 b", day(2)),
		article("undated second", time.Time{}),
	)
	mustImport(t, s, article("march 2 c", day(2)), article("march 1", day(1)))

	all := []string{"march 9", "march 2 a", "march 2 b", "march 2 c", "march 1", "undated first", "undated second"}
	tests := []struct {
		q    store.ListQuery
		want []string
	}{
		{store.ListQuery{}, all},
		{store.ListQuery{Limit: 3}, all[:3]},
		{store.ListQuery{Limit: 3, Offset: 3}, all[3:6]},
		{store.ListQuery{Offset: 5}, all[5:]},
		{store.ListQuery{Offset: 10}, nil},
	}
	for _, tt := range tests {
		got, err := s.List(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(titles(got), tt.want) {
			t.Errorf("List(%+v) = %q, want %q", tt.q, titles(got), tt.want)
		}
	}

	got, _ := s.List(ctx, store.ListQuery{Limit: 1})
	if sm := got[0]; sm.ID == 0 || !sm.Published.Equal(day(9)) || sm.Source != "test/march 9" {
		t.Errorf("summary = %+v", sm)
	}
}

func TestListByEntity(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s,
		withEntity(article("Merkel in Paris", day(1), "Merkel went to Paris."), "Angela Merkel", model.PER, "Merkel"),
		withEntity(article("Paris floods", day(3), "Paris is flooded."), "Paris", model.LOC, "Paris"),
		withEntity(article("Merkel retires", day(2), "Merkel retires."), "Angela Merkel", model.PER, "Merkel"),
	)
	ents, err := s.Entities(ctx, store.EntityQuery{Name: "angela merkel"})
	if err != nil || len(ents) != 1 {
		t.Fatalf("Entities(angela merkel) = %v, %v", ents, err)
	}
	got, err := s.List(ctx, store.ListQuery{EntityID: ents[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Merkel retires", "Merkel in Paris"}; !slices.Equal(titles(got), want) {
		t.Errorf("List(Merkel) = %q, want %q", titles(got), want)
	}
	if got, _ := s.List(ctx, store.ListQuery{EntityID: ents[0].ID, Limit: 1, Offset: 1}); !slices.Equal(titles(got), []string{"Merkel in Paris"}) {
		t.Errorf("List(Merkel, page 2) = %q", titles(got))
	}
	if got, _ := s.List(ctx, store.ListQuery{EntityID: 9999}); len(got) != 0 {
		t.Errorf("List(unknown entity) = %q, want nothing", titles(got))
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Article(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(42) err = %v, want ErrNotFound", err)
	}
	if _, err := s.ArticleEntities(ctx, 42); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ArticleEntities(42) err = %v, want ErrNotFound", err)
	}
	res := mustImport(t, s, article("no entities", day(1)))
	if got, err := s.ArticleEntities(ctx, res.IDs[0]); err != nil || len(got) != 0 {
		t.Errorf("ArticleEntities(article without entities) = %v, %v; want empty, nil", got, err)
	}
}

func TestOpenMakesParentAndOddPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a b", "what?#50%")
	path := filepath.Join(dir, "my?store#1%20.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, article("x", day(1)))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the path given: %v", err)
	}
	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(context.Background()); n != 1 {
		t.Errorf("reopened Count = %d, want 1", n)
	}
}

func TestDefaultPath(t *testing.T) {
	p := store.DefaultPath()
	if !filepath.IsAbs(p) || !strings.HasSuffix(p, filepath.Join("byline", "byline.db")) {
		t.Errorf("DefaultPath = %q", p)
	}
}

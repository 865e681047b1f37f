package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// newsroom is a small store where entity counts are easy to check by eye:
//
//	Merkel: 3 articles (5 mentions)   EU: 2 articles (4)     Berlin: 2 articles (3)
//	Macron: 1 article (1)             Euro: 1 article (1)    Paris: 1 article (1)
func newsroom(t *testing.T) (*store.Store, []int64) {
	s := openTemp(t)
	a1 := article("Merkel in Berlin", day(1), "Merkel met the EU and the EU agreed on the Euro.")
	a1 = withEntity(a1, "Angela Merkel", model.PER, "Merkel")
	a1 = withEntity(a1, "Berlin", model.LOC, "Berlin")
	a1 = withEntity(a1, "European Union", model.ORG, "EU")
	a1 = withEntity(a1, "Euro", model.MISC, "Euro")

	a2 := article("MERKEL and Macron", day(2), "Macron met Merkel in Paris.")
	a2 = withEntity(a2, "ANGELA  MERKEL", model.PER, "MERKEL") // a shouted headline
	a2.Entities[0].Mentions = append(a2.Entities[0].Mentions, mentionsOf(&a2, "Merkel")...)
	a2 = withEntity(a2, "Emmanuel Macron", model.PER, "Macron")
	a2.Entities[1].Mentions = a2.Entities[1].Mentions[1:] // the body's only
	a2 = withEntity(a2, "Paris", model.LOC, "Paris")

	a3 := article("Berlin budget", day(3), "Berlin and the EU argue; the EU wins; Merkel is silent.")
	a3 = withEntity(a3, "Berlin", model.LOC, "Berlin")
	a3 = withEntity(a3, "European Union", model.ORG, "EU")
	a3 = withEntity(a3, "Angela Merkel", model.PER, "Merkel")

	res := mustImport(t, s, a1, a2)
	res2 := mustImport(t, s, a3)
	return s, append(res.IDs, res2.IDs...)
}

type nameCount struct {
	Name               string
	Mentions, Articles int
}

func nameCounts(list []model.EntityCount) []nameCount {
	var out []nameCount
	for _, e := range list {
		out = append(out, nameCount{e.Name, e.Mentions, e.Articles})
	}
	return out
}

func TestArticleEntities(t *testing.T) {
	ctx := context.Background()
	s, ids := newsroom(t)
	tests := []struct {
		article int
		want    []nameCount
	}{
		{0, []nameCount{
			{"Angela Merkel", 2, 3},
			{"European Union", 2, 2},
			{"Berlin", 1, 2},
			{"Euro", 1, 1},
		}},
		{1, []nameCount{
			{"Angela Merkel", 2, 3}, // the store keeps the name first seen
			{"Emmanuel Macron", 1, 1},
			{"Paris", 1, 1},
		}},
		{2, []nameCount{
			{"Angela Merkel", 1, 3},
			{"European Union", 2, 2},
			{"Berlin", 2, 2},
		}},
	}
	for _, tt := range tests {
		got, err := s.ArticleEntities(ctx, ids[tt.article])
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(nameCounts(got), tt.want) {
			t.Errorf("ArticleEntities(article %d) =\n %v\nwant\n %v", tt.article, nameCounts(got), tt.want)
		}
	}
	// Type order wins over mentions: PER, ORG, LOC, MISC.
	got, _ := s.ArticleEntities(ctx, ids[0])
	var types []model.EntityType
	for _, e := range got {
		types = append(types, e.Type)
	}
	if want := []model.EntityType{model.PER, model.ORG, model.LOC, model.MISC}; !slices.Equal(types, want) {
		t.Errorf("types = %v, want %v", types, want)
	}
}

func TestEntities(t *testing.T) {
	ctx := context.Background()
	s, _ := newsroom(t)
	tests := []struct {
		name string
		q    store.EntityQuery
		want []string
	}{
		{"ranked by articles, then mentions, then name", store.EntityQuery{},
			[]string{"Angela Merkel", "European Union", "Berlin", "Emmanuel Macron", "Euro", "Paris"}},
		{"limit", store.EntityQuery{Limit: 2}, []string{"Angela Merkel", "European Union"}},
		{"type", store.EntityQuery{Type: model.LOC}, []string{"Berlin", "Paris"}},
		{"type PER", store.EntityQuery{Type: model.PER}, []string{"Angela Merkel", "Emmanuel Macron"}},
		{"name, any case", store.EntityQuery{Name: "berlin"}, []string{"Berlin"}},
		{"name and wrong type", store.EntityQuery{Name: "Berlin", Type: model.PER}, nil},
		{"name is exact, not a prefix", store.EntityQuery{Name: "Ber"}, nil},
		{"unknown type", store.EntityQuery{Type: "XYZ"}, nil},
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
	top, _ := s.Entities(ctx, store.EntityQuery{Limit: 1})
	if want := (nameCount{"Angela Merkel", 5, 3}); len(top) != 1 || nameCounts(top)[0] != want || top[0].Type != model.PER || top[0].ID == 0 {
		t.Errorf("top entity = %+v, want %+v", top, want)
	}
}

// A name is one entity whatever type the tagger gave it in each article:
// the type is the one most of its mentions across the store were given.
// (A place's name is the exception: TestPersonNamedAfterAPlace.)
func TestEntityTypeIsDecidedAcrossTheStore(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s,
		withEntity(article("Mercury scores", day(1), "Mercury scored."), "Mercury", model.PER, "Mercury"),
		withEntity(article("Mercury votes", day(2), "Mercury voted."), "Mercury", model.ORG, "Mercury"),
		withEntity(article("Mercury again", day(3), "Mercury voted again."), "Mercury", model.ORG, "Mercury"),
	)
	got, err := s.Entities(ctx, store.EntityQuery{Name: "mercury"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Articles != 3 || got[0].Type != model.ORG {
		t.Errorf("Entities(mercury) = %+v, want one ORG in 3 articles", got)
	}
}

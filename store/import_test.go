package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/bylinehq/byline/model"
)

// A mention the tagger gives twice is drawn and counted once; the text of
// each mention is what the article says at its place.
func TestImportRepeatedMention(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	a := withEntity(article("Oslo votes", day(1), "Oslo voted, and Oslo won."), "Oslo", model.LOC, "Oslo")
	a.Entities[0].Mentions = append(a.Entities[0].Mentions, a.Entities[0].Mentions[1])
	res := mustImport(t, s, a)
	got, err := s.Article(ctx, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != 1 || len(got.Entities[0].Mentions) != 3 {
		t.Fatalf("entities = %+v, want Oslo with 3 mentions", got.Entities)
	}
	for _, m := range got.Entities[0].Mentions {
		if m.Text != "Oslo" {
			t.Errorf("mention %+v: text %q, want Oslo", m, m.Text)
		}
	}
	side, err := s.ArticleEntities(ctx, res.IDs[0])
	if err != nil || len(side) != 1 || side[0].Mentions != 3 {
		t.Errorf("sidebar = %+v, %v; want Oslo with 3 mentions", side, err)
	}
}

// An import stopped by its context stores nothing of its batch, and the
// next import works as if it had never run.
func TestImportAfterCancelled(t *testing.T) {
	s := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	oslo := withEntity(article("Oslo votes", day(1), "Oslo voted."), "Oslo", model.LOC, "Oslo")
	if _, err := s.Import(ctx, []model.Article{oslo}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: err = %v, want context.Canceled", err)
	}
	if n, _ := s.Count(context.Background()); n != 0 {
		t.Fatalf("after a cancelled import Count = %d, want 0", n)
	}
	res := mustImport(t, s, oslo)
	if res.Imported != 1 {
		t.Fatalf("then Import = %+v, want 1 imported", res)
	}
	if got, err := s.Article(context.Background(), res.IDs[0]); err != nil || len(got.Entities) != 1 {
		t.Errorf("then Article = %+v, %v", got, err)
	}
}

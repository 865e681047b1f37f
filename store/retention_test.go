package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// retention = "180d" drops old articles that were read and not starred, and
// nothing else: a starred article stays whatever its age, an unread one
// too, and a recent read one.
func TestDropOldRead(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	old := now.AddDate(0, 0, -200)
	arts := []model.Article{
		{Title: "Old and read", Published: old, Paragraphs: []string{"Gone."}},
		{Title: "Old, read and starred", Published: old, Paragraphs: []string{"Kept: starred."}},
		{Title: "Old and unread", Published: old, Paragraphs: []string{"Kept: unread."}},
		{Title: "New and read", Published: now.AddDate(0, 0, -3), Paragraphs: []string{"Kept: recent."}},
	}
	if _, err := s.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	ids := idsByTitle(t, s)
	for _, title := range []string{"Old and read", "Old, read and starred", "New and read"} {
		if err := s.SetRead(ctx, ids[title], true); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetStarred(ctx, ids["Old, read and starred"], true); err != nil {
		t.Fatal(err)
	}
	n, err := s.DropOldRead(ctx, now.AddDate(0, 0, -180))
	if err != nil || n != 1 {
		t.Fatalf("dropped %d, %v; want 1", n, err)
	}
	left := idsByTitle(t, s)
	if _, ok := left["Old and read"]; ok || len(left) != 3 {
		t.Errorf("left %v; want all but the old read one", left)
	}
	if n, err := s.DropOldRead(ctx, now.AddDate(0, 0, -180)); err != nil || n != 0 {
		t.Errorf("a second pass dropped %d, %v; want 0", n, err)
	}
}

// idsByTitle maps each stored article's title to its id.
func idsByTitle(t *testing.T, s *store.Store) map[string]int64 {
	t.Helper()
	list, err := s.List(context.Background(), store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, a := range list {
		ids[a.Title] = a.ID
	}
	return ids
}

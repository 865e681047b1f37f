package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// pagedStore holds 60 articles over a few dates, many sharing one, some
// undated; every third names "Ada", every seventh is read, every fifth
// starred.
func pagedStore(t *testing.T) (*store.Store, int64) {
	s := openTemp(t)
	ctx := context.Background()
	var arts []model.Article
	for i := range 60 {
		var when time.Time
		if i%11 != 0 {
			when = day(1 + i%4)
		}
		a := article(fmt.Sprintf("Story %02d", i), when, fmt.Sprintf("Body %d names Ada.", i))
		if i%3 == 0 {
			a = withEntity(a, "Ada", model.PER, "Ada")
		}
		arts = append(arts, a)
	}
	mustImport(t, s, arts...)
	all, err := s.ListItems(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range all {
		if i%7 == 0 {
			s.SetRead(ctx, it.ID, true)
		}
		if i%5 == 0 {
			s.SetStarred(ctx, it.ID, true)
		}
	}
	ents, err := s.Entities(ctx, store.EntityQuery{Type: model.PER, Limit: 1})
	if err != nil || len(ents) != 1 {
		t.Fatalf("entities %v: %v", ents, err)
	}
	return s, ents[0].ID
}

func ids(items []store.ListItem) []int64 {
	var out []int64
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

// TestListPageWalks walks every list filter page by page, forwards from the
// top and backwards from the bottom, and finds the rows and counts of the
// whole list, in its order: what the reader shows as one scrolls.
func TestListPageWalks(t *testing.T) {
	s, ada := pagedStore(t)
	for _, plan := range store.EntityPlans {
		store.SetEntityPlan(t, plan)
		testListPageWalks(t, s, ada)
	}
}

func testListPageWalks(t *testing.T, s *store.Store, ada int64) {
	ctx := context.Background()
	for _, q := range []store.ListQuery{
		{}, {Unread: true}, {Starred: true}, {EntityID: ada}, {EntityID: ada, Unread: true},
	} {
		for _, size := range []int{1, 4, 7, 100} {
			t.Run(fmt.Sprintf("%+v/%d", q, size), func(t *testing.T) {
				want, err := s.ListItems(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				var fwd []store.ListItem
				p := store.Page{Limit: size}
				for {
					page, err := s.ListPage(ctx, q, p)
					if err != nil {
						t.Fatal(err)
					}
					fwd = append(fwd, page...)
					if len(page) < size {
						break
					}
					k := store.KeyOf(page[len(page)-1])
					p.Key = &k
				}
				if !slices.Equal(ids(fwd), ids(want)) {
					t.Errorf("forwards %v, want %v", ids(fwd), ids(want))
				}
				var back []store.ListItem
				p = store.Page{Limit: size, Backward: true}
				for {
					page, err := s.ListPage(ctx, q, p)
					if err != nil {
						t.Fatal(err)
					}
					back = append(slices.Clone(page), back...)
					if len(page) < size {
						break
					}
					k := store.KeyOf(page[0])
					p.Key = &k
				}
				if !slices.Equal(ids(back), ids(want)) {
					t.Errorf("backwards %v, want %v", ids(back), ids(want))
				}
				unread := 0
				for _, it := range want {
					if !it.Read {
						unread++
					}
				}
				for i, it := range want {
					if r, err := s.ListRank(ctx, q, store.KeyOf(it)); err != nil || r != i {
						t.Fatalf("rank of row %d: %d, %v", i, r, err)
					}
				}
				var unreadIDs []int64
				for _, it := range want {
					if !it.Read {
						unreadIDs = append(unreadIDs, it.ID)
					}
				}
				got, err := s.ListUnreadIDs(ctx, q)
				slices.Sort(got)
				slices.Sort(unreadIDs)
				if err != nil || !slices.Equal(got, unreadIDs) {
					t.Errorf("unread ids %v (%v), want %v", got, err, unreadIDs)
				}
				n, u, err := s.ListCount(ctx, q)
				if err != nil || n != len(want) || u != unread {
					t.Errorf("count %d, %d unread (%v); want %d, %d", n, u, err, len(want), unread)
				}
			})
		}
	}
}

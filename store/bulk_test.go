package store_test

import (
	"context"
	"slices"
	"testing"
)

// Marking a list read changes only the unread ones and says which, so the
// undo restores exactly the state before.
func TestSetReadManyAndUndo(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	res := mustImport(t, s, article("One", day(1)), article("Two", day(2)), article("Three", day(3)))
	ids := res.IDs
	if err := s.SetRead(ctx, ids[1], true); err != nil {
		t.Fatal(err)
	}
	changed, err := s.SetReadMany(ctx, append(slices.Clone(ids), 999999), true)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(changed)
	if want := []int64{ids[0], ids[2]}; !slices.Equal(changed, want) {
		t.Fatalf("changed %v, want %v (the already read one and the missing id left out)", changed, want)
	}
	states, err := s.States(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if !states[id].Read {
			t.Fatalf("article %d not read after SetReadMany", id)
		}
	}
	if _, err := s.SetReadMany(ctx, changed, false); err != nil {
		t.Fatal(err)
	}
	states, _ = s.States(ctx, ids)
	if states[ids[0]].Read || !states[ids[1]].Read || states[ids[2]].Read {
		t.Fatalf("after the undo: %+v", states)
	}
	if changed, err := s.SetReadMany(ctx, nil, true); changed != nil || err != nil {
		t.Fatalf("no ids: %v, %v", changed, err)
	}
}

package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// A command killed after storing articles leaves their relink recorded.
// The reader opens the store without doing that work first (it can take
// seconds on a big store) and finishes it beside the first frame; every
// other command finishes it on Open.
func TestOpenLeavingPending(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := withEntity(article("Blair speaks", day(1), "Tony Blair spoke. Blair left."), "Tony Blair", model.PER, "Tony Blair")
	mustImport(t, s, a) // no Relink after it: as if the import were killed
	s.Close()

	r, err := store.OpenLeavingPending(path)
	if err != nil {
		t.Fatal(err)
	}
	if due, err := r.Pending(ctx); err != nil || !due {
		t.Fatalf("after OpenLeavingPending the relink is not pending (%v, %v): the reader's open did the work", due, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	r.FinishPending(cancelled)
	if due, _ := r.Pending(ctx); !due {
		t.Fatal("a cancelled FinishPending cleared the record without relinking")
	}
	r.FinishPending(ctx)
	if due, err := r.Pending(ctx); err != nil || due {
		t.Fatalf("FinishPending left the relink pending (%v, %v)", due, err)
	}
	r.Close()

	b := withEntity(article("Blair returns", day(2), "Tony Blair is back."), "Tony Blair", model.PER, "Tony Blair")
	w := openAgain(t, path)
	mustImport(t, w, b)
	w.Close()
	o, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if due, err := o.Pending(ctx); err != nil || due {
		t.Fatalf("Open left the relink pending (%v, %v)", due, err)
	}
}

func openAgain(t *testing.T, path string) *store.Store {
	s, err := store.OpenLeavingPending(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

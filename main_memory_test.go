package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/store"
)

// TestMain starts SQLite as `byline import` and `byline fetch` do, with its
// page caches in one reserved block (store.ReserveBulkMemory), so the
// benchmarks of importing measure what the commands do. The reader's
// memory is measured in a child that starts SQLite as the reader does.
func TestMain(m *testing.M) {
	if os.Getenv("BYLINE_MEMCHILD_DB") == "" {
		if err := store.ReserveBulkMemory(); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// Once SQLite has started, reserving is refused and changes nothing: an
// import still lands whole.
func TestReserveBulkMemoryAfterStart(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := store.ReserveBulkMemory(); err == nil {
		t.Fatal("reserving after SQLite started was accepted")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "story.txt"), []byte("Storm hits Oslo\n\nKari Berg said the storm hit Oslo at dawn.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := importPaths(t.Context(), st, entity.New(), []string{dir}, nil)
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import after a refused reservation: %+v, %v", rep, err)
	}
}

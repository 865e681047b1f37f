package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
)

// A read-only handle beside a writer that still has the file open (its
// last commit only in the WAL) sees that commit, refuses every write with
// ErrReadOnly, and wrote nothing when it closes.
func TestOpenReadOnlyBesideWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	res, err := w.Import(ctx, []model.Article{{Title: "Oslo votes", Paragraphs: []string{"Oslo voted."}}})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)

	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := r.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; want the writer's article", n, err)
	}
	if err := r.SetRead(ctx, res.IDs[0], true); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SetRead = %v, want ErrReadOnly", err)
	}
	if _, err := r.Import(ctx, []model.Article{{Title: "New", Paragraphs: []string{"New."}}}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Import = %v, want ErrReadOnly", err)
	}
	if _, err := r.db.ExecContext(ctx, `DELETE FROM articles`); err == nil {
		t.Error("a write statement ran on a read-only handle")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(path); after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		t.Error("opening read-only changed the database file")
	}
	if n, _ := w.Count(ctx); n != 1 {
		t.Errorf("writer Count = %d after the reader", n)
	}
}

// No file: ErrNoStore, and nothing is created. An older schema is not
// migrated: ErrOldSchema, and the file keeps its version.
func TestOpenReadOnlyRefuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	if _, err := OpenReadOnly(filepath.Join(dir, "byline.db")); !errors.Is(err, ErrNoStore) {
		t.Errorf("no file: %v, want ErrNoStore", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("OpenReadOnly created the folder")
	}

	path, db := oldStore(t, 3)
	db.Close()
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrOldSchema) {
		t.Errorf("version 3: %v, want ErrOldSchema", err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := userVersion(context.Background(), s.db); v != len(migrations) {
		t.Errorf("version %d after Open", v)
	}
}

// On a full disk (the file may not grow: max_page_count pinned to its size)
// a write fails at once with SQLite's "full" error instead of retrying as if
// another writer held the lock, and reading through the same handle goes on.
func TestFullDiskWriteFailsReadWorks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, []model.Article{{Title: "Oslo votes", Paragraphs: []string{"Oslo voted."}}}); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", dsn(path)+fmt.Sprintf("&_pragma=max_page_count(%d)", pages))
	if err != nil {
		t.Fatal(err)
	}
	full := &Store{db: db}
	defer full.Close()

	var arts []model.Article
	for i := range 50 {
		arts = append(arts, model.Article{Title: fmt.Sprintf("Story %d", i), Paragraphs: []string{strings.Repeat("Words fill pages. ", 200)}})
	}
	start := time.Now()
	_, err = full.Import(ctx, arts)
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("Import on a full disk = %v, want SQLite's full error", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the failing write took %s: retried as if busy", d)
	}
	if n, err := full.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count on a full disk = %d, %v; want the stored article", n, err)
	}
}

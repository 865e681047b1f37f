package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/entity"
)

// The tagging queue hands the writer every file once, in the order given,
// with a file that cannot be read in its place, however small its ring
// (here 3, so it wraps many times) and however the writer takes them.
func TestTagQueueKeepsOrderAcrossItsRing(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 20 {
		f := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		if i != 7 {
			if err := os.WriteFile(f, []byte(fmt.Sprintf("Story %d\n\nBody of story %d.\n", i, i)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, f)
	}
	q := startTagging(files, entity.New(), make(chan struct{}, 2), 3)
	defer q.stop()
	var got []string
	for written, n := 0, 1; written < len(files); n = n%3 + 1 {
		batch := q.take(written, n)
		if len(batch) != min(n, len(files)-written) {
			t.Fatalf("take(%d, %d) gave %d files", written, n, len(batch))
		}
		for _, b := range batch {
			if b.err != nil {
				got = append(got, "error")
			} else {
				got = append(got, b.art.Title)
			}
		}
		written += len(batch)
		q.consumed(written)
	}
	for i, title := range got {
		want := fmt.Sprintf("Story %d", i)
		if i == 7 {
			want = "error"
		}
		if title != want {
			t.Fatalf("file %d came out as %q, want %q (all: %q)", i, title, want, got)
		}
	}
	if len(got) != len(files) {
		t.Fatalf("%d files came out of %d", len(got), len(files))
	}
}

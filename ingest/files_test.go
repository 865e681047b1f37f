package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// write creates a file (and its folders) under dir.
func write(t *testing.T, dir, rel, content string) string {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportFolder imports a folder of 1,000 articles of which three are
// bad, as a user would: every good one arrives and each bad one is named
// once, with its reason.
func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	bad := map[string]error{
		filepath.Join(dir, "b", "empty.txt"): ErrEmpty,
		filepath.Join(dir, "c", "image.txt"): ErrBinary,
		filepath.Join(dir, "d", "huge.txt"):  ErrTooLarge,
	}
	for i := range 997 {
		sub := []string{"a", "b", "c", "d", "e/f"}[i%5]
		write(t, dir, fmt.Sprintf("%s/%04d.txt", sub, i), fmt.Sprintf("Story %d\n\nBody of story %d.\n", i, i))
	}
	write(t, dir, "b/empty.txt", "")
	write(t, dir, "c/image.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	huge := write(t, dir, "d/huge.txt", "")
	if err := os.Truncate(huge, MaxFileSize+1<<20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	// Not articles: Files must leave them out.
	write(t, dir, "README.md", "# About this folder\n")
	write(t, dir, ".git/x.txt", "hidden\n")
	write(t, dir, "a/notes.json", "{}")

	files, errs := Files([]string{dir})
	if len(errs) != 0 {
		t.Fatalf("Files errors: %v", errs)
	}
	if len(files) != 1000 {
		t.Fatalf("Files found %d files, want 1000", len(files))
	}
	imported := 0
	var failed []error
	for _, f := range files {
		a, err := ReadFile(f)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		if p := articleProblem(a); p != "" {
			t.Errorf("%s: %s", f, p)
		}
		imported++
	}
	if imported != 997 {
		t.Errorf("imported %d articles, want 997", imported)
	}
	if len(failed) != 3 {
		t.Fatalf("got %d errors, want 3: %v", len(failed), failed)
	}
	for _, err := range failed {
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("%v is not a *FileError", err)
		}
		want, ok := bad[fe.Path]
		if !ok || !errors.Is(err, want) {
			t.Errorf("unexpected error %v", err)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, fe.Path+": ") || strings.Contains(msg, "\n") {
			t.Errorf("message %q does not name its file on one line", msg)
		}
	}
	if msg := failed[2].Error(); !strings.HasSuffix(msg, "huge.txt: 11.0 MB, over the 10 MB limit") {
		t.Errorf("size message = %q", msg)
	}
}

// TestFiles covers which files a folder yields, and in what order.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{
		"z.txt", "a.md", "b.markdown", "c.TEXT", "noext", "d.html", "e.txt.bak",
		"README", "readme.txt", "License.md", "LICENCE", "SOURCE.txt", "COPYING",
		".hidden.txt", ".dot/inside.txt", "sub/2.txt", "sub/10.txt", "sub/.x/y.txt",
	} {
		write(t, dir, rel, "T\n\nB")
	}
	rel := func(files []string) []string {
		var out []string
		for _, f := range files {
			r, _ := filepath.Rel(dir, f)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}

	files, errs := Files([]string{dir})
	want := []string{"a.md", "b.markdown", "c.TEXT", "d.html", "noext", "sub/10.txt", "sub/2.txt", "z.txt"}
	if len(errs) != 0 || !slices.Equal(rel(files), want) {
		t.Errorf("Files(dir) = %q, %v; want %q", rel(files), errs, want)
	}

	t.Run("explicit paths always taken, in the order given, once", func(t *testing.T) {
		explicit := []string{
			filepath.Join(dir, "README"), filepath.Join(dir, ".hidden.txt"),
			filepath.Join(dir, "d.html"), filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "2.txt"),
		}
		files, errs := Files(explicit)
		want := []string{"README", ".hidden.txt", "d.html", "sub/10.txt", "sub/2.txt"}
		if len(errs) != 0 || !slices.Equal(rel(files), want) {
			t.Errorf("got %q, %v; want %q", rel(files), errs, want)
		}
	})

	t.Run("a missing path is reported and the rest goes on", func(t *testing.T) {
		missing := filepath.Join(dir, "nope.txt")
		files, errs := Files([]string{missing, filepath.Join(dir, "z.txt")})
		if len(files) != 1 || len(errs) != 1 {
			t.Fatalf("got %q, %v", files, errs)
		}
		if !errors.Is(errs[0], os.ErrNotExist) || errs[0].Error() != missing+": no such file or directory" {
			t.Errorf("error = %v", errs[0])
		}
	})

	t.Run("hidden folder named explicitly is walked", func(t *testing.T) {
		files, _ := Files([]string{filepath.Join(dir, ".dot")})
		if !slices.Equal(rel(files), []string{".dot/inside.txt"}) {
			t.Errorf("got %q", rel(files))
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		again, _ := Files([]string{dir})
		if !slices.Equal(again, files) {
			t.Errorf("second run differs: %q vs %q", again, files)
		}
	})
}

// TestFilesSymlinks checks links to files are followed and a link loop
// cannot trap the walk.
func TestFilesSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := write(t, t.TempDir(), "story.txt", "T\n\nB")
	if err := os.Symlink(target, filepath.Join(dir, "link.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	files, errs := Files([]string{dir})
	if len(files) != 1 || filepath.Base(files[0]) != "link.txt" {
		t.Errorf("files = %q", files)
	}
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) || !strings.Contains(errs[0].Error(), "dangling.txt") {
		t.Errorf("errs = %v, want one for the dangling link", errs)
	}
}

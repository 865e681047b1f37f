package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// story writes a small article file.
func story(t *testing.T, path, title string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(title+"\n\nThe council met on Tuesday to talk about "+title+".\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bylineWithin runs byline and fails the test if it has not ended within d:
// an import that hangs is the bug.
func bylineWithin(t *testing.T, d time.Duration, db string, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errs string
		code      int
	}
	done := make(chan result, 1)
	go func() {
		out, errs, code := byline(t, db, args...)
		done <- result{out, errs, code}
	}()
	select {
	case r := <-done:
		return r.out, r.errs, r.code
	case <-time.After(d):
		t.Fatalf("byline %s did not end within %s", strings.Join(args, " "), d)
		return "", "", 0
	}
}

func fifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	// Should a reader block on it, a writer that opens and closes it lets
	// the reader go, so a failing test does not hold the rest.
	t.Cleanup(func() {
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	return path
}

// `byline import PIPE` used to open the named pipe and wait forever for a
// writer. A file that is not regular is skipped with a line, and the rest
// of the import goes on.
func TestImportSkipsANamedPipe(t *testing.T) {
	dir := t.TempDir()
	pipe := fifo(t, filepath.Join(dir, "pipe"))
	story(t, filepath.Join(dir, "a.txt"), "Harbour")
	out, errs, code := bylineWithin(t, 20*time.Second, filepath.Join(dir, "b.db"), "import", pipe, filepath.Join(dir, "a.txt"))
	if code != 0 || !strings.HasPrefix(out, "imported 1,") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if want := "skipped: " + pipe + ": not a regular file (named pipe)\n"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	if want := "skipped 1 file: 1 named pipe (not a regular file)\n"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q, want %q", errs, want)
	}
}

// `byline import LINK`, LINK a symbolic link to a folder, imported nothing
// and said "imported 0". A link named on the command line is followed, as
// cp -r follows it, and links inside still do not lead into a loop.
func TestImportFollowsALinkToAFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "news")
	story(t, filepath.Join(real, "a.txt"), "Harbour")
	story(t, filepath.Join(real, "sub", "b.md"), "Ferry")
	for link, target := range map[string]string{
		filepath.Join(real, "loop"):        "..",   // the folder holding news: a loop through link
		filepath.Join(real, "sub", "self"): ".",    // itself
		filepath.Join(dir, "link"):         "news", // what the user names
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("cannot make a symbolic link here: %v", err)
		}
	}
	link := filepath.Join(dir, "link")
	out, errs, code := bylineWithin(t, 30*time.Second, filepath.Join(dir, "b.db"), "import", link)
	if code != 0 || !strings.HasPrefix(out, "imported 2,") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !strings.Contains(errs, "2 link to a folder (links to folders are not followed inside a folder)") {
		t.Errorf("stderr %q does not count the links it did not follow", errs)
	}
	// The articles are known by the name the user gave.
	list, _, _ := byline(t, filepath.Join(dir, "b.db"), "list", "--json")
	if !strings.Contains(list, filepath.Join(link, "sub", "b.md")) {
		t.Errorf("sources are not under %s: %s", link, list)
	}
}

// A folder of files byline does not read said only "imported 0". It now
// says how many it skipped, of which kinds and why; named pipes and other
// files that are not regular count too.
func TestImportSaysWhatItSkipped(t *testing.T) {
	dir := t.TempDir()
	for i := range 181 {
		name := filepath.Join(dir, "html", strings.Repeat("x", i%7+1)+string(rune('a'+i%26))+
			string(rune('a'+i/26))+".html.gz")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte("\x1f\x8b\x08\x00"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := bylineWithin(t, 30*time.Second, filepath.Join(dir, "b.db"), "import", filepath.Join(dir, "html"))
	if code != 0 || out != "imported 0, duplicates 0, failed 0\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if want := "skipped 181 files: 181 .html.gz (not an article format)\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}

	fifo(t, filepath.Join(dir, "html", "pipe.txt"))
	story(t, filepath.Join(dir, "html", "a.txt"), "Harbour")
	story(t, filepath.Join(dir, "html", "README.md"), "About")
	story(t, filepath.Join(dir, "html", "x.jpg"), "not a picture")
	_, errs, _ = bylineWithin(t, 30*time.Second, filepath.Join(dir, "b.db"), "import", filepath.Join(dir, "html"))
	want := "skipped 184 files: 181 .html.gz, 1 .jpg (not an article format); 1 named pipe (not a regular file); 1 README (notes that travel with articles)\n"
	if errs != want {
		t.Errorf("stderr %q\nwant   %q", errs, want)
	}
}

// The shared data's scraped pages are stored compressed, which byline does
// not read: the import says so.
func TestImportSharedHTMLGz(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "data", "html", "scrapinghub", "html")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no %s: %v", dir, err)
	}
	out, errs, code := byline(t, filepath.Join(t.TempDir(), "b.db"), "import", dir)
	if code != 0 || !strings.HasPrefix(out, "imported 0,") || !strings.Contains(errs, "skipped 181 files: 181 .html.gz (not an article format)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

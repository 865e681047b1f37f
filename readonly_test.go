package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui"
)

// readFixture makes a store at db holding two articles that name Oslo, and
// closes it, as a finished command leaves it: no -wal, no -shm.
func readFixture(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var arts []model.Article
	for _, title := range []string{"Oslo votes", "Oslo snows"} {
		a := model.Article{Title: title, Source: "test/" + title, Format: model.FormatText,
			Paragraphs: []string{title + " today in Oslo."}}
		a.Entities = []model.Entity{{Name: "Oslo", Type: model.LOC, Mentions: []model.Mention{
			{Field: model.FieldTitle, Start: 0, End: 4, Text: "Oslo"}}}}
		arts = append(arts, a)
	}
	if _, err := st.Import(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
}

// checkReads runs the read commands through runCmd and checks that each
// works and shows the fixture.
func checkReads(t *testing.T, runCmd func(args ...string) (string, string, int)) {
	t.Helper()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"list"}, "Oslo snows"},
		{[]string{"show", "1", "--color", "never"}, "Oslo votes"},
		{[]string{"entities"}, "Oslo"},
		{[]string{"list", "--entity", "oslo"}, "Oslo votes"},
	} {
		out, errs, code := runCmd(c.args...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("byline %s: exit %d, stdout %q, stderr %q; want %q listed", strings.Join(c.args, " "), code, out, errs, c.want)
		}
	}
}

// list, show and entities on a path with no store say so, exit 1 and
// create nothing: not the file, not its folder.
func TestReadCommandsWithoutStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	db := filepath.Join(dir, "b.db")
	for _, args := range [][]string{{"list"}, {"show", "1"}, {"entities"}, {"entities", "Oslo"}, {"feed", "list"}} {
		_, errs, code := byline(t, db, args...)
		if code != 1 || !strings.Contains(errs, "no store at "+db) || strings.Count(errs, "\n") != 1 {
			t.Errorf("byline %s: exit %d, stderr %q; want exit 1 and one line saying there is no store", strings.Join(args, " "), code, errs)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("byline %s created %s", strings.Join(args, " "), dir)
		}
	}
}

// A store the user may not write is read: the file and its folder are
// made unwritable (chmod, or for root, whom modes do not stop, the
// immutable attribute), so not even the -shm index can be made.
func TestReadCommandsOnReadOnlyStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	readFixture(t, db)
	lockDown(t, dir, db)
	checkReads(t, func(args ...string) (string, string, int) { return byline(t, db, args...) })
	if _, errs, code := byline(t, db, "import", dir); code != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("import into a read-only store: exit %d, stderr %q; want one line and exit 1", code, errs)
	}
}

// lockDown makes db and its folder unwritable, even by root, until the
// test ends.
func lockDown(t *testing.T, dir, db string) {
	t.Helper()
	if os.Geteuid() != 0 {
		os.Chmod(db, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755); os.Chmod(db, 0o644) })
		return
	}
	if out, err := exec.Command("chattr", "+i", db, dir).CombinedOutput(); err != nil {
		t.Skipf("running as root, and chattr +i fails (%v: %s): cannot make a file read-only here", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir, db).Run() })
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		t.Fatal("the folder is still writable")
	}
}

// With a full disk, reading still works. The disk is filled for one
// process by the file size limit (RLIMIT_FSIZE 0): no file may grow, which
// is what a full disk means to SQLite, and root is held to it too.
func TestReadCommandsOnFullDisk(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	readFixture(t, db)
	checkReads(t, func(args ...string) (string, string, int) { return fullDisk(t, db, args...) })
	if _, errs, code := fullDisk(t, db, "feed", "add", "https://news.example/rss"); code != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("feed add on a full disk: exit %d, stderr %q; want one line and exit 1", code, errs)
	}
}

// fullDiskEnv, set to the JSON of a command line, makes the test binary run
// it as byline with no room to grow any file.
const fullDiskEnv = "BYLINE_TEST_FULL_DISK"

// fullDisk runs byline args against db in a process that cannot grow any
// file, and returns stdout, stderr and the exit status.
func fullDisk(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	line, _ := json.Marshal(append([]string{"--db", db}, args...))
	cmd := exec.Command(os.Args[0], "-test.run=^TestFullDiskHelper$")
	cmd.Env = append(os.Environ(), fullDiskEnv+"="+string(line), "NO_COLOR=1")
	var out, errs strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errs.String(), code
}

// TestFullDiskHelper is the process fullDisk starts; it does nothing in a
// normal run.
func TestFullDiskHelper(t *testing.T) {
	line := os.Getenv(fullDiskEnv)
	if line == "" {
		t.Skip("runs only as the process of a full-disk test")
	}
	var args []string
	if err := json.Unmarshal([]byte(line), &args); err != nil {
		t.Fatal(err)
	}
	// Past the limit the kernel sends SIGXFSZ, which would kill us: ignored,
	// the write fails with EFBIG instead, as it would with ENOSPC.
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 0, Max: 0}); err != nil {
		t.Fatal(err)
	}
	os.Exit(run(context.Background(), args, os.Stdout, os.Stderr))
}

// The reader's r on a store that cannot save (read-only here, a full disk
// alike) returns the failures, each naming its feed and why, for the status
// bar to count and name.
func TestReaderRefreshReturnsSaveFailures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	readFixture(t, db)
	feedFile := filepath.Join(dir, "feed.xml")
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>` +
		`<item><title>Ferry to Oslo</title><guid>https://x.example/1</guid><description>The ferry to Oslo leaves at nine, said Ansel Brook.</description></item>` +
		`</channel></rss>`
	if err := os.WriteFile(feedFile, []byte(rss), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, 0, "feed", "add", feedFile)
	ro, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	summary, err := readerRefresh(ro)(context.Background(), func(int, int, int) {})
	var failed ui.Failures
	if !errors.As(err, &failed) || len(failed) != 1 {
		t.Fatalf("refresh = %q, %v; want one failure", summary, err)
	}
	if msg := failed[0].Error(); !strings.Contains(msg, feedFile) || !strings.Contains(msg, "read-only") {
		t.Errorf("failure %q does not name the feed and why", msg)
	}
	if !strings.Contains(summary, "1 failed") {
		t.Errorf("summary %q does not count the failure", summary)
	}
}

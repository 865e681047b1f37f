package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// Killing `byline fetch` with SIGKILL at any moment leaves a store that
// opens, passes SQLite's integrity check and holds no partial article: every
// article has its body, search row and entities, and every mention and link
// points at rows that exist.
func TestFetchSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds byline and fetches many feeds: skipped under -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "byline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const feedsPerRound, rounds = 25, 5
	srv := newFeedServer(t, feedsPerRound*rounds, 20, 150, false)
	db := filepath.Join(dir, "b.db")
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)

	// The reader's part: another process's handle, listing and starring
	// while fetch writes, as the TUI does.
	reader, err := store.Open(db) // makes the store; feed list only reads one
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	for round := range rounds {
		// New feeds each round, and every earlier one edited, so each kill
		// lands among inserts and in-place updates.
		for n := round * feedsPerRound; n < (round+1)*feedsPerRound; n++ {
			mustRun(t, db, 0, "feed", "add", srv.feedURL(n))
		}
		for n := range round * feedsPerRound {
			srv.bump(n)
		}
		cmd := exec.Command(bin, "--db", db, "fetch")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stop := make(chan struct{})
		readerDone := make(chan error)
		go func() { readerDone <- readAndStar(reader, stop) }()
		delay := time.Duration(30+rng.IntN(900)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		close(stop)
		if rerr := <-readerDone; rerr != nil {
			t.Errorf("round %d: the reader beside fetch: %v", round, rerr)
		}
		t.Logf("round %d: killed after %s (%v)", round, delay, err)
		checkStoreIntegrity(t, db)
	}
	if out, errs, code := byline(t, db, "fetch"); code != 0 {
		t.Fatalf("fetch after the kills: exit %d\n%s%s", code, out, errs)
	}
	checkStoreIntegrity(t, db)
}

// readAndStar lists, opens and stars articles until stop is closed.
func readAndStar(st *store.Store, stop <-chan struct{}) error {
	ctx := context.Background()
	for {
		select {
		case <-stop:
			return nil
		default:
		}
		list, err := st.List(ctx, store.ListQuery{Limit: 50})
		if err == nil && len(list) > 0 {
			if _, err = st.Article(ctx, list[len(list)-1].ID); err == nil {
				err = st.SetStarred(ctx, list[0].ID, true)
			}
		}
		if err == nil {
			_, err = st.Feeds(ctx)
		}
		if err != nil {
			return err
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkStoreIntegrity opens the store file directly and checks what a crash
// could break.
func checkStoreIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	checks := []struct{ what, query string }{
		{"foreign-key violations", `SELECT count(*) FROM pragma_foreign_key_check`},
		{"articles without a body", `SELECT count(*) FROM articles WHERE json_valid(body) = 0 OR json_array_length(body) = 0`},
		{"articles without entities", `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_entities WHERE article_id = a.id)`},
		{"articles without mentions", `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE article_id = a.id)`},
		{"mentions of missing articles", `SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = m.article_id)`},
		{"mentions of missing entities", `SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM entities WHERE id = m.entity_id)`},
		{"links to missing entities", `SELECT count(*) FROM article_entities ae WHERE NOT EXISTS (SELECT 1 FROM entities WHERE id = ae.entity_id)`},
		{"mentions without their link", `SELECT count(*) FROM mentions m WHERE NOT EXISTS
			(SELECT 1 FROM article_entities WHERE article_id = m.article_id AND entity_id = m.entity_id)`},
		{"entities miscounted", `SELECT count(*) FROM entities e WHERE e.articles !=
			(SELECT count(*) FROM article_entities WHERE entity_id = e.id)`},
		{"search rows not matching articles", `SELECT abs((SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts_docsize))
			+ (SELECT count(*) FROM articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = d.id))`},
	}
	for _, c := range checks {
		var n int
		if err := db.QueryRow(c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if n != 0 {
			t.Errorf("%d %s", n, c.what)
		}
	}
	var articles int
	db.QueryRow(`SELECT count(*) FROM articles`).Scan(&articles)
	t.Logf("store holds %d articles, intact", articles)
}

// An import killed (SIGKILL) right after its articles are committed and
// before it links people across articles leaves that work recorded in the
// store; the next command finishes it. Before, importing the same files
// again said "imported 0" and never relinked: Tony Blair stayed in fewer
// articles than an import that ran to the end gives him.
func TestImportKilledBeforeRelink(t *testing.T) {
	if os.Getenv(killAfterImportEnv) != "" {
		importThenDie()
		return
	}
	if testing.Short() || raceEnabled {
		t.Skip("tags the BBC politics articles three times: skipped under -short and -race")
	}
	dir := filepath.Join(bbcDir(t), "politics")
	tmp := t.TempDir()
	blair := func(db string) int {
		t.Helper()
		st, err := store.OpenReadOnly(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		e, err := st.EntityByName(context.Background(), "Tony Blair", model.PER)
		if err != nil {
			t.Fatal(err)
		}
		return e.Articles
	}

	clean := filepath.Join(tmp, "clean.db")
	mustRun(t, clean, 0, "import", dir)
	want := blair(clean)

	killed := filepath.Join(tmp, "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportKilledBeforeRelink$")
	cmd.Env = append(os.Environ(), killAfterImportEnv+"="+killed+string(filepath.ListSeparator)+dir)
	out, err := cmd.CombinedOutput()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the importing process was not killed: %v\n%s", err, out)
	}
	before := blair(killed)
	if before >= want {
		t.Fatalf("killed before relinking, Tony Blair is in %d articles, already the %d of a whole import: the test kills too late", before, want)
	}

	stdout, _ := mustRun(t, killed, 0, "import", dir)
	if !strings.HasPrefix(stdout, "imported 0,") {
		t.Errorf("import again: %q, want imported 0", stdout)
	}
	if got := blair(killed); got != want {
		t.Errorf("after the kill and one more command, Tony Blair is in %d articles (%d right after the kill), want %d as after a whole import", got, before, want)
	}
}

// killAfterImportEnv, set to "DB<list separator>DIR", makes the test binary
// the import that is killed: it stores DIR's articles in DB as `byline
// import` does, then kills itself before relinking.
const killAfterImportEnv = "BYLINE_TEST_KILL_AFTER_IMPORT"

func importThenDie() {
	db, dir, _ := strings.Cut(os.Getenv(killAfterImportEnv), string(filepath.ListSeparator))
	st, err := store.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	if _, err := importPaths(context.Background(), st, entity.New(), []string{dir}, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {} // the signal lands before anything else runs
}

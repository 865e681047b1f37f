package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"github.com/bylinehq/byline/store"
)

// Issue 9, item 4, as a user meets it: on a fresh store, `byline import`
// and `byline fetch` run as two processes while the reader, open in a
// third, presses r (a fetch of its own) and saves read marks. No writer may
// fail because another is writing, and nothing may be lost.
func TestThreeWritersAtOnce(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds byline and tags the BBC business articles: skipped under -short and -race")
	}
	corpus := filepath.Join(bbcDir(t), "business")
	dir := t.TempDir()
	bin := filepath.Join(dir, "byline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const feeds, items = 12, 20
	srv := newFeedServer(t, feeds, items, 150, false)
	db := filepath.Join(dir, "b.db")
	for n := range feeds {
		mustRun(t, db, 0, "feed", "add", srv.feedURL(n))
	}
	reader, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	type result struct {
		name     string
		out, err bytes.Buffer
		runErr   error
	}
	procs := []*result{{name: "import"}, {name: "fetch"}}
	args := map[string][]string{"import": {"import", corpus}, "fetch": {"fetch"}}
	var wg sync.WaitGroup
	for _, p := range procs {
		cmd := exec.Command(bin, append([]string{"--db", db}, args[p.name]...)...)
		cmd.Stdout, cmd.Stderr = &p.out, &p.err
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() { p.runErr = cmd.Wait() })
	}
	ctx := context.Background()
	stop := make(chan struct{})
	var readerWG sync.WaitGroup
	var readerErr error
	marks := 0
	readerWG.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			list, err := reader.List(ctx, store.ListQuery{Limit: 40})
			if err == nil && len(list) > 0 {
				err = reader.SetRead(ctx, list[i%len(list)].ID, i%3 != 0)
				marks++
			}
			if err != nil {
				readerErr = fmt.Errorf("reader saving a read mark: %w", err)
				return
			}
		}
	})
	summary, rerr := readerRefresh(reader)(ctx, func(int, int, int) {})
	wg.Wait()
	close(stop)
	readerWG.Wait()

	for _, p := range procs {
		if p.runErr != nil {
			t.Errorf("byline %s: %v\nstdout: %s\nstderr: %s", p.name, p.runErr, p.out.String(), p.err.String())
		}
	}
	if readerErr != nil {
		t.Error(readerErr)
	}
	if rerr != nil {
		t.Errorf("the reader's r: %q, %v", summary, rerr)
	}
	m := regexp.MustCompile(`imported (\d+), duplicates (\d+), failed 0`).FindStringSubmatch(procs[0].out.String())
	if m == nil {
		t.Fatalf("import said %q", procs[0].out.String())
	}
	imported, _ := strconv.Atoi(m[1])
	n, err := reader.Count(ctx)
	if want := imported + feeds*items; err != nil || n != want {
		t.Errorf("store holds %d articles (%v), want %d imported + %d from feeds", n, err, imported, feeds*items)
	}
	if due, err := reader.Pending(ctx); err != nil || due {
		t.Errorf("relink still pending after every writer finished: %v, %v", due, err)
	}
	t.Logf("import: %s; fetch: %s; r: %s; %d read marks saved", bytes.TrimSpace(procs[0].out.Bytes()), bytes.TrimSpace(procs[1].out.Bytes()), summary, marks)
	checkStoreIntegrity(t, db)
}

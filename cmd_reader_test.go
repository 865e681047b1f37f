package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui"
)

// TestReaderRefreshRunsTheFetch presses r in the real reader wired as
// `byline` wires it, while a `byline fetch` of the same feeds runs on
// another store handle, as from another terminal: both finish without a
// failed feed, and the list shows every article.
func TestReaderRefreshRunsTheFetch(t *testing.T) {
	srv := newFeedServer(t, 3, 4, 60, false)
	path := filepath.Join(t.TempDir(), "byline.db")
	open := func() *store.Store {
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	st, other := open(), open()
	ctx := context.Background()
	for i := range 3 {
		if _, err := st.AddFeed(ctx, store.Feed{URL: srv.feedURL(i)}); err != nil {
			t.Fatal(err)
		}
	}

	m := ui.New(st, ui.Options{Refresh: readerRefresh(st), ReadDelay: -1})
	tm := teatest.NewTestModel(t, m.TeaModel(), teatest.WithInitialTermSize(160, 45))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	wait("no articles yet")
	feeds, err := other.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fetched := make(chan fetchReport, 1)
	go func() {
		rep, err := fetchFeeds(ctx, other, entity.New(), feeds, fetchOptions{})
		if err != nil {
			rep.Failures = append(rep.Failures, err)
		}
		fetched <- rep
	}()
	tm.Type("r")
	wait("3 feeds ok, 0 failed;")
	rep := <-fetched
	if rep.Failed != 0 || len(rep.Failures) != 0 {
		t.Errorf("the concurrent fetch failed: %v", rep.Failures)
	}
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	m.StopRefresh()
	if n, err := st.Count(ctx); err != nil || n != 12 {
		t.Errorf("store holds %d articles (%v), want 12", n, err)
	}
	// How many the list shows depends on when q beat the last reload; that
	// it grows as feeds land is TestRefreshGrowsTheList… in package ui.
	if m.ListLen() == 0 {
		t.Error("the reader's list did not grow")
	}
}

// TestReaderRefreshWithoutFeeds: the hook says there is nothing to fetch.
func TestReaderRefreshWithoutFeeds(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = readerRefresh(st)(context.Background(), func(int, int, int) { t.Error("progress without feeds") })
	if err != ui.ErrNoFeeds {
		t.Fatalf("err %v, want ui.ErrNoFeeds", err)
	}
}

// A first run shows the demo articles with a hint; the user's first fetch
// from the reader replaces them: the fictional samples, dated this year,
// would otherwise head the list above the real news, under a hint that
// no longer applies.
func TestFirstFetchReplacesTheDemo(t *testing.T) {
	srv := newFeedServer(t, 1, 3, 60, false)
	st := openStoreT(t, filepath.Join(t.TempDir(), "byline.db"))
	ctx := context.Background()
	if err := importSamples(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddFeed(ctx, store.Feed{URL: srv.feedURL(0)}); err != nil {
		t.Fatal(err)
	}
	m := ui.New(st, ui.Options{Refresh: readerRefresh(st), ReadDelay: -1, Hint: demoHint, DemoSource: sampleSource})
	tm := teatest.NewTestModel(t, m.TeaModel(), teatest.WithInitialTermSize(160, 45))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("fictional sample articles")) },
		teatest.WithDuration(10*time.Second))
	tm.Type("r")
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("1 feed ok, 0 failed; 3 new")) },
		teatest.WithDuration(30*time.Second))
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	m.StopRefresh()
	view := m.View().Content
	if bytes.Contains([]byte(view), []byte("fictional sample articles")) {
		t.Error("the demo hint is still up after the first fetch")
	}
	list, err := st.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if strings.HasPrefix(s.Source, sampleSource) {
			t.Errorf("sample %q is still in the store", s.Title)
		}
	}
	if len(list) != 3 {
		t.Errorf("store lists %d articles, want the 3 fetched", len(list))
	}
}

// Importing the user's own files removes the demo articles too.
func TestImportReplacesTheDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	st := openStoreT(t, db)
	if err := importSamples(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Harbour reopens\n\nThe harbour in Nordvik reopened on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, 0, "import", dir)
	out, _ := mustRun(t, db, 0, "list", "--json")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.Contains(out, "Harbour reopens") {
		t.Errorf("after the first import the store lists:\n%s", out)
	}
}

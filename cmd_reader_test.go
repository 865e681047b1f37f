package main

import (
	"bytes"
	"context"
	"path/filepath"
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
	wait("feeds 3 ok, 0 failed;")
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

package main

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui"
)

// After r, the reader's status bar names up to two failed feeds and counts
// the rest: it has no stderr to list them on.
func TestReaderSummaryNamesFailedFeeds(t *testing.T) {
	feeds := []store.Feed{
		{URL: "https://a.example/rss", Title: "World News"},
		{URL: "https://a.example/rss2", Title: "A very long feed title that goes on and on"},
		{URL: "https://b.example/feed"},
		{URL: "https://c.example/feed", Title: "C"},
	}
	fail := func(fs ...store.Feed) fetchReport {
		rep := fetchReport{OK: 4 - len(fs), Failed: len(fs), New: 1}
		for _, f := range fs {
			rep.Failures = append(rep.Failures, feedError(f, "500 Internal Server Error"))
		}
		return rep
	}
	for _, tc := range []struct {
		rep  fetchReport
		want string
	}{
		{fail(), "4 feeds ok, 0 failed; 1 new article"},
		{fail(feeds[2]), "3 feeds ok, 1 failed (b.example/feed); 1 new article"},
		{fail(feeds[1], feeds[0]), "2 feeds ok, 2 failed (A very long feed title that g…, World News); 1 new article"},
		{fail(feeds[3], feeds[0], feeds[2], feeds[1]), "0 feeds ok, 4 failed (C, World News +2 more); 1 new article"},
		// A failure to store names no feed: it is counted, not named.
		{fetchReport{OK: 1, Failed: 3, Failures: []error{errors.New("disk full"), feedError(feeds[0], "x"), feedError(feeds[3], "y")}},
			"1 feed ok, 3 failed (World News, C +1 more); 0 new articles"},
	} {
		if got := readerSummary(tc.rep, feeds); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

// The reader's r, as byline wires it, against feeds that stop answering.
func TestReaderRefreshNamesFailedFeeds(t *testing.T) {
	srv := newFeedServer(t, 5, 2, 30, false)
	db := filepath.Join(t.TempDir(), "b.db")
	for i := range 5 {
		mustRun(t, db, 0, "feed", "add", srv.feedURL(i), "--full-text", "never")
	}
	st := openStoreT(t, db)
	refresh := readerRefresh(st)
	ctx := context.Background()
	if got, err := refresh(ctx, func(int, int, int) {}); err != nil || got != "5 feeds ok, 0 failed; 10 new articles" {
		t.Fatalf("first fetch: %q, %v", got, err)
	}
	for i := range 4 {
		srv.setBroken(i, true)
	}
	got, err := refresh(ctx, func(int, int, int) {})
	want := regexp.MustCompile(`^1 feed ok, 4 failed \(Generated News [0-3], Generated News [0-3] \+2 more\); 0 new articles$`)
	// The summary names two of them; the error carries each failure, so
	// the status bar can say why the first one failed.
	var failed ui.Failures
	if !want.MatchString(got) || !errors.As(err, &failed) || len(failed) != 4 {
		t.Errorf("summary %q, %v; want %s and 4 failures", got, err, want)
	}
}

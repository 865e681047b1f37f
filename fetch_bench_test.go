package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/store"
)

// BenchmarkFetch200x50 fetches 200 feeds of 50 generated items (about 300
// words each, full of names) from a local server into a fresh store, with
// entities: 10,000 articles. The target is 60 s on two cores. A second fetch
// of the unchanged feeds must be 200 conditional requests answered 304 that
// write no article; the benchmark fails otherwise. Run it with
//
//	go test -run '^$' -bench Fetch200x50 -benchtime 1x .
func BenchmarkFetch200x50(b *testing.B) {
	const feeds, items = 200, 50
	srv := newFeedServer(b, feeds, items, 300, false)
	ex := entity.New()
	ctx := context.Background()
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "b.db")
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		for n := range feeds {
			if _, err := st.AddFeed(ctx, store.Feed{URL: srv.feedURL(n)}); err != nil {
				b.Fatal(err)
			}
		}
		list, _ := st.Feeds(ctx)
		b.StartTimer()
		start := time.Now()
		rep, err := fetchFeeds(ctx, st, ex, list, fetchOptions{})
		elapsed += time.Since(start)
		b.StopTimer()
		if err != nil || rep.OK != feeds || rep.New != feeds*items {
			b.Fatalf("fetch: %+v, %v; want %d feeds ok, %d new", rep, err, feeds, feeds*items)
		}

		before := articleFingerprint(b, path)
		srv.conditional.Store(0)
		srv.notModified.Store(0)
		list, _ = st.Feeds(ctx)
		again, err := fetchFeeds(ctx, st, ex, list, fetchOptions{})
		if err != nil || again.OK != feeds || again.New+again.Updated != 0 {
			b.Fatalf("second fetch: %+v, %v", again, err)
		}
		if c, nm := srv.conditional.Load(), srv.notModified.Load(); c != feeds || nm != feeds {
			b.Fatalf("second fetch: %d conditional requests, %d answered 304; want %d", c, nm, feeds)
		}
		if after := articleFingerprint(b, path); after != before {
			b.Fatalf("second fetch wrote articles: %s, then %s", before, after)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(elapsed.Seconds()/float64(b.N), "s/fetch")
	b.ReportMetric(float64(feeds*items*b.N)/elapsed.Seconds(), "articles/s")
}

// articleFingerprint sums up the article, link and mention tables.
func articleFingerprint(tb testing.TB, path string) string {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n, maxID, bodies, links, mentions int64
	err = db.QueryRow(`SELECT count(*), max(id), sum(length(body)) + sum(imported_at),
		(SELECT count(*) FROM article_entities), (SELECT count(*) FROM mentions) FROM articles`).
		Scan(&n, &maxID, &bodies, &links, &mentions)
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("%d articles (max id %d, %d), %d links, %d mentions", n, maxID, bodies, links, mentions)
}

package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
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

// nestedFeed is the feed of issue 9: 19.6 MB of <a> nested as deep as fits
// (2.8 million) inside an RSS channel.
func nestedFeed() []byte {
	const size = 19_600_000
	n := (size - 100) / len("<a></a>")
	var b strings.Builder
	b.Grow(size)
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>`)
	b.WriteString(strings.Repeat("<a>", n))
	b.WriteString(strings.Repeat("</a>", n))
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// peakHeap runs fn and returns the most heap in use while it ran, sampled
// every millisecond, in MB above what was in use before.
func peakHeap(fn func()) float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	var peak atomic.Uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	<-done
	return float64(peak.Load()-min(base, peak.Load())) / (1 << 20)
}

// fetchNested serves the nested feed from n servers (so the per-host limit
// does not serialise them) and fetches them together, returning the run's
// report and its peak heap in MB. Odd ones are sent without a length.
func fetchNested(tb testing.TB, doc []byte, n int) (fetchReport, float64) {
	serve := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		if r.URL.Query().Has("chunked") {
			w.Header().Set("Transfer-Encoding", "chunked")
		} else {
			w.Header().Set("Content-Length", strconv.Itoa(len(doc)))
		}
		w.Write(doc)
	})
	var urls []string
	for i := range n {
		srv := httptest.NewServer(serve)
		defer srv.Close()
		u := fmt.Sprintf("%s/deep/%d", srv.URL, i)
		if i%2 == 1 {
			u += "?chunked"
		}
		urls = append(urls, u)
	}
	st, err := store.Open(filepath.Join(tb.TempDir(), "b.db"))
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for _, u := range urls {
		if _, err := st.AddFeed(ctx, store.Feed{URL: u}); err != nil {
			tb.Fatal(err)
		}
	}
	feeds, _ := st.Feeds(ctx)
	var rep fetchReport
	peak := peakHeap(func() {
		rep, err = fetchFeeds(ctx, st, entity.New(), feeds, fetchOptions{})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return rep, peak
}

// Issue 9.5: four 19.6 MB feeds of deeply nested XML fetched together are
// each refused with one line naming the feed, and the fetch stays under
// 300 MB (it peaked at 4.1 GB).
func TestNestedFeedsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches 80 MB")
	}
	rep, peak := fetchNested(t, nestedFeed(), 4)
	if rep.Failed != 4 || len(rep.Failures) != 4 {
		t.Fatalf("report %+v", rep)
	}
	for _, f := range rep.Failures {
		if msg := f.Error(); !strings.Contains(msg, "/deep/") || !strings.HasSuffix(msg, "not a readable feed: XML nested more than 256 elements deep") || strings.Contains(msg, "\n") {
			t.Errorf("failure %q", msg)
		}
	}
	t.Logf("peak heap %.0f MB", peak)
	if peak > 300 {
		t.Errorf("peak heap %.0f MB, want at most 300", peak)
	}
}

// BenchmarkFetchNestedFeeds fetches 1, 4, 8 and 16 of the nested feeds
// together and reports the peak heap: it must stay flat as the number of
// feeds grows. Run it with
//
//	go test -run '^$' -bench FetchNestedFeeds -benchtime 1x .
func BenchmarkFetchNestedFeeds(b *testing.B) {
	doc := nestedFeed()
	for _, n := range []int{1, 4, 8, 16, 32} {
		b.Run(fmt.Sprintf("feeds=%d", n), func(b *testing.B) {
			var worst float64
			for b.Loop() {
				rep, peak := fetchNested(b, doc, n)
				if rep.Failed != n {
					b.Fatalf("report %+v", rep)
				}
				worst = max(worst, peak)
			}
			b.ReportMetric(worst, "peak-MB")
		})
	}
}

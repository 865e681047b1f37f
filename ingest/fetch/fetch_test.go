package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// collect drains a run, failing the test if it does not end in time.
func collect(t *testing.T, ch <-chan Result, within time.Duration) map[string]Result {
	t.Helper()
	out := map[string]Result{}
	deadline := time.After(within)
	for {
		select {
		case r, ok := <-ch:
			if !ok {
				return out
			}
			out[r.URL] = r
		case <-deadline:
			t.Fatalf("run did not finish within %s", within)
		}
	}
}

// TestLimits fetches 40 URLs from 5 hosts and counts, in the handlers, how
// many requests are in flight in all and per host.
func TestLimits(t *testing.T) {
	var inFlight, maxAll atomic.Int32
	var mu sync.Mutex
	perHost, maxHost := map[string]int{}, map[string]int{}
	var reqs []Request
	for range 5 {
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for m := maxAll.Load(); n > m && !maxAll.CompareAndSwap(m, n); m = maxAll.Load() {
			}
			mu.Lock()
			perHost[srv.URL]++
			maxHost[srv.URL] = max(maxHost[srv.URL], perHost[srv.URL])
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			mu.Lock()
			perHost[srv.URL]--
			mu.Unlock()
			fmt.Fprint(w, "ok")
		}))
		defer srv.Close()
		for i := range 8 {
			reqs = append(reqs, Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
		}
	}
	f := &Fetcher{Concurrency: 8, PerHost: 2}
	got := collect(t, f.Fetch(context.Background(), reqs), 20*time.Second)
	if len(got) != len(reqs) {
		t.Fatalf("%d results for %d requests", len(got), len(reqs))
	}
	for u, r := range got {
		if r.Err != nil || string(r.Body) != "ok" {
			t.Errorf("%s: %+v", u, r)
		}
	}
	if m := maxAll.Load(); m > 8 || m < 4 {
		t.Errorf("at most %d requests in flight, want between 4 and 8", m)
	}
	for host, m := range maxHost {
		if m > 2 {
			t.Errorf("%s: %d requests in flight, limit 2", host, m)
		}
	}
}

// TestConditionalAndGzip checks validators are sent and a 304 reports
// NotModified, that gzip is asked for and decoded, and the User-Agent.
func TestConditionalAndGzip(t *testing.T) {
	const etag, modified = `"v1"`, "Mon, 06 May 2024 10:00:00 GMT"
	body := strings.Repeat("<rss>feed</rss>", 100)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "byline/1.2.3 ") {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			fmt.Fprint(w, body)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		z := gzip.NewWriter(w)
		fmt.Fprint(z, body)
		z.Close()
	}))
	defer srv.Close()
	f := &Fetcher{UserAgent: UserAgent("1.2.3")}
	first := collect(t, f.Fetch(context.Background(), []Request{{URL: srv.URL}}), 10*time.Second)[srv.URL]
	if first.Err != nil || string(first.Body) != body || first.ETag != etag || first.LastModified != modified {
		t.Fatalf("first fetch: %+v", first)
	}
	for _, req := range []Request{{URL: srv.URL, ETag: etag}, {URL: srv.URL, LastModified: modified}} {
		again := collect(t, f.Fetch(context.Background(), []Request{req}), 10*time.Second)[srv.URL]
		if again.Err != nil || !again.NotModified || again.Status != 304 || len(again.Body) != 0 {
			t.Errorf("conditional fetch %+v: %+v", req, again)
		}
		if again.ETag != req.ETag || again.LastModified != req.LastModified {
			t.Errorf("validators not kept: %+v", again)
		}
	}
}

// TestGzipOnTheWire checks the transport really asked for and decoded gzip:
// the handler only answers compressed.
func TestGzipOnTheWire(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip" {
			http.Error(w, "gzip only", http.StatusNotAcceptable)
			return
		}
		var buf bytes.Buffer
		z := gzip.NewWriter(&buf)
		z.Write([]byte("compressed"))
		z.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes())
	}))
	defer srv.Close()
	r := collect(t, (&Fetcher{}).Fetch(context.Background(), []Request{{URL: srv.URL}}), 10*time.Second)[srv.URL]
	if r.Err != nil || string(r.Body) != "compressed" {
		t.Errorf("%+v", r)
	}
}

// TestRetryAfter checks a short Retry-After is waited for and retried once,
// and a long one is reported without waiting.
func TestRetryAfter(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy-once":
			if calls.Add(1) == 1 {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, "fine now")
		case "/slow-down":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer srv.Close()
	start := time.Now()
	got := collect(t, (&Fetcher{}).Fetch(context.Background(), []Request{
		{URL: srv.URL + "/busy-once"}, {URL: srv.URL + "/slow-down"},
	}), 10*time.Second)
	if r := got[srv.URL+"/busy-once"]; r.Err != nil || string(r.Body) != "fine now" || calls.Load() != 2 {
		t.Errorf("busy-once: %+v after %d calls", r, calls.Load())
	}
	if el := time.Since(start); el < time.Second || el > 5*time.Second {
		t.Errorf("run took %s; want the 1 s Retry-After honoured and the hour not", el)
	}
	r := got[srv.URL+"/slow-down"]
	if r.Err == nil || r.Status != 429 || r.RetryAfter != time.Hour || strings.Contains(r.Err.Error(), "\n") {
		t.Errorf("slow-down: %+v", r)
	}
	if got := retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", time.Date(2015, 10, 21, 7, 27, 0, 0, time.UTC)); got != time.Minute {
		t.Errorf("HTTP-date Retry-After = %s", got)
	}
}

// TestSlowServer checks a hanging server times out without holding up the
// others, and the run's deadline ends everything.
func TestSlowServer(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer slow.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hj, _ := w.(http.Hijacker)
		conn, _, _ := hj.Hijack()
		conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"))
		conn.Close()
	}))
	defer broken.Close()
	fast := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "fast") }))
	defer fast.Close()

	f := &Fetcher{RequestTimeout: 300 * time.Millisecond, PerHost: 1}
	reqs := []Request{{URL: slow.URL + "/1"}, {URL: slow.URL + "/2"}, {URL: broken.URL}, {URL: "ftp://x/"}}
	for i := range 4 {
		reqs = append(reqs, Request{URL: fmt.Sprintf("%s/%d", fast.URL, i)})
	}
	got := collect(t, f.Fetch(context.Background(), reqs), 10*time.Second)
	for _, u := range []string{slow.URL + "/1", slow.URL + "/2"} {
		if r := got[u]; !errors.Is(r.Err, context.DeadlineExceeded) {
			t.Errorf("%s: %+v, want a timeout", u, r)
		}
	}
	if r := got[broken.URL]; r.Err == nil {
		t.Errorf("truncated body accepted: %+v", r)
	}
	if r := got["ftp://x/"]; r.Err == nil {
		t.Error("ftp URL fetched")
	}
	for i := range 4 {
		if r := got[fmt.Sprintf("%s/%d", fast.URL, i)]; r.Err != nil || string(r.Body) != "fast" {
			t.Errorf("fast server: %+v", r)
		}
	}

	// The whole run's deadline: nothing outlives it.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	got = collect(t, (&Fetcher{PerHost: 1}).Fetch(ctx, []Request{{URL: slow.URL + "/a"}, {URL: slow.URL + "/b"}, {URL: slow.URL + "/c"}}), 5*time.Second)
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("run outlived its deadline: %s", el)
	}
	for u, r := range got {
		if !errors.Is(r.Err, context.DeadlineExceeded) {
			t.Errorf("%s: %+v", u, r)
		}
	}
	if len(got) != 3 {
		t.Errorf("%d results, want 3", len(got))
	}
}

// TestBodyLimit checks an oversized response fails instead of filling memory.
func TestBodyLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 4096))
	}))
	defer srv.Close()
	r := collect(t, (&Fetcher{MaxBodySize: 1024}).Fetch(context.Background(), []Request{{URL: srv.URL}}), 10*time.Second)[srv.URL]
	if r.Err == nil || r.Body != nil {
		t.Errorf("%+v", r)
	}
}

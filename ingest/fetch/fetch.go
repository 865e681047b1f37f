// Package fetch downloads feeds and pages politely: a bounded number of
// requests at once and per host, conditional GET so an unchanged feed costs a
// 304, gzip, a timeout for every request and a deadline for the whole run (the
// context's), and a server's 429 or 503 Retry-After honoured once. It is the
// only part of ingest that does I/O; what it returns is raw bytes for
// package feed or web to parse.
//
// What a request may reach follows from its origin, the address the user
// gave (guard.go): redirects go only to http(s), files are read only for a
// feed added by path, and loopback and private addresses are dialled only
// for an origin at one. Large bodies share a memory budget per Fetcher.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// Defaults for a zero Fetcher field.
const (
	DefaultConcurrency    = 8
	DefaultPerHost        = 2
	DefaultRequestTimeout = 20 * time.Second
	DefaultMaxBodySize    = 20 << 20
	DefaultMaxRetryWait   = 60 * time.Second
	DefaultMaxInFlight    = 40 << 20
)

// smallBody is how much of every body is read outside the budget: most
// feeds and pages are smaller, and the run's concurrency bounds them.
const smallBody = 1 << 20

// DefaultUserAgent names byline and where to find it; main sets UserAgent to
// UserAgent(version) so servers see the release too.
var DefaultUserAgent = UserAgent("dev")

// UserAgent returns the User-Agent for byline at version.
func UserAgent(version string) string {
	return "byline/" + version + " (+https://github.com/bylinehq/byline)"
}

// Request is one URL to fetch, with the validators saved from its last
// successful fetch (empty the first time).
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// Origin is the address the user gave that this request comes from:
	// a feed's URL for the pages of its items; "" means URL itself. It
	// decides what the request may reach (see NewTransport): a file only
	// when Origin is a file (and Fetcher.Files is set), a loopback or
	// private address only when Origin is at one.
	Origin string
}

// Result is the outcome of one Request. On success Status is 2xx and Body
// holds the (decompressed) response, or NotModified is true and Body is
// empty: the caller keeps what it has. ETag and LastModified are the
// validators to send next time. Err is set for anything else; a feed that
// fails keeps its articles and its last good state, so the caller only
// reports it. RetryAfter is the wait a 429 or 503 asked for when it could not
// be honoured within the run.
type Result struct {
	URL          string
	Status       int
	Body         []byte
	ETag         string
	LastModified string
	NotModified  bool
	Err          error
	RetryAfter   time.Duration

	release func() // gives a large body's bytes back to the budget
}

// Release gives the memory of a large Body back to the fetcher's budget
// (see Fetcher.MaxBytesInFlight): call it once the body is parsed. Until
// then other large responses wait. It may be called more than once, and
// on any Result.
func (r *Result) Release() {
	if r.release != nil {
		r.release()
	}
}

// Fetcher fetches many URLs at once within limits. The zero value is usable;
// a zero field takes its default.
type Fetcher struct {
	Client *http.Client // nil: NewTransport(nil), files served when Files is set
	// Files lets file:/// URLs through for requests whose origin is a
	// file (a feed kept in a local folder, and its items' pages); the
	// Client's transport must then serve the file scheme, as
	// FileTransport does.
	Files          bool
	UserAgent      string        // "": DefaultUserAgent
	Concurrency    int           // requests in flight in all (8)
	PerHost        int           // requests in flight to one host (2)
	RequestTimeout time.Duration // per request, body included (20 s)
	MaxBodySize    int64         // larger responses fail (20 MB)
	MaxRetryWait   time.Duration // longest Retry-After waited for (60 s)
	// MaxBytesInFlight bounds the memory of response bodies past the first
	// megabyte of each, across every Fetch call of this Fetcher, from the
	// moment they are read until their Result is released (40 MB). So the
	// memory of a fetch does not grow with the number of large feeds in it.
	MaxBytesInFlight int64

	budgetOnce sync.Once
	budget     *semaphore.Weighted
}

// Fetch fetches reqs concurrently and sends one Result per request on the
// returned channel, in the order they finish; the channel is closed when all
// are done. Cancelling ctx (or its deadline passing) ends the run: requests
// not yet finished report ctx's error. A slow or broken server only holds up
// its own requests.
func (f *Fetcher) Fetch(ctx context.Context, reqs []Request) <-chan Result {
	out := make(chan Result, len(reqs))
	all := make(chan struct{}, positive(f.Concurrency, DefaultConcurrency))
	var mu sync.Mutex
	hosts := map[string]chan struct{}{}
	hostSlots := func(host string) chan struct{} {
		mu.Lock()
		defer mu.Unlock()
		if hosts[host] == nil {
			hosts[host] = make(chan struct{}, positive(f.PerHost, DefaultPerHost))
		}
		return hosts[host]
	}
	var wg sync.WaitGroup
	for _, r := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- f.fetchOne(ctx, r, all, hostSlots)
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// fetchOne fetches r, retrying once after a Retry-After that fits the run.
func (f *Fetcher) fetchOne(ctx context.Context, r Request, all chan struct{}, hostSlots func(string) chan struct{}) Result {
	u, err := url.Parse(r.URL)
	origin := r.Origin
	if origin == "" {
		origin = r.URL
	}
	can := reachOf(origin)
	web := err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	file := err == nil && u.Scheme == "file" && u.Host == "" && u.Path != ""
	if file && f.Files && !can.files {
		return Result{URL: r.URL, Err: fmt.Errorf("fetch %s: %w: only a feed added by its path may read files", r.URL, ErrRefused)}
	}
	if !web && !(file && f.Files) {
		return Result{URL: r.URL, Err: fmt.Errorf("fetch %s: not an http(s) URL", r.URL)}
	}
	ctx = context.WithValue(ctx, reachKey{}, can)
	host := hostSlots(strings.ToLower(u.Host))
	for attempt := 0; ; attempt++ {
		res := f.withSlots(ctx, all, host, func() Result { return f.get(ctx, r) })
		res.URL = r.URL
		if res.RetryAfter == 0 {
			return res
		}
		wait := res.RetryAfter
		deadline, hasDeadline := ctx.Deadline()
		if attempt > 0 || wait > positiveDuration(f.MaxRetryWait, DefaultMaxRetryWait) ||
			(hasDeadline && time.Until(deadline) < wait) {
			return res
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return res
		}
	}
}

// withSlots runs fn holding a slot for the host and one of the run's, or
// reports ctx's error when the run ends first.
func (f *Fetcher) withSlots(ctx context.Context, all, host chan struct{}, fn func() Result) Result {
	select {
	case host <- struct{}{}:
	case <-ctx.Done():
		return Result{Err: fmt.Errorf("fetch: %w", ctx.Err())}
	}
	defer func() { <-host }()
	select {
	case all <- struct{}{}:
	case <-ctx.Done():
		return Result{Err: fmt.Errorf("fetch: %w", ctx.Err())}
	}
	defer func() { <-all }()
	return fn()
}

// get performs one conditional GET.
func (f *Fetcher) get(ctx context.Context, r Request) (res Result) {
	res = Result{URL: r.URL, ETag: r.ETag, LastModified: r.LastModified}
	ctx, cancel := context.WithTimeout(ctx, positiveDuration(f.RequestTimeout, DefaultRequestTimeout))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.URL, nil)
	if err != nil {
		res.Err = fmt.Errorf("fetch %s: %w", r.URL, err)
		return res
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	// Accept-Encoding is left to the transport: it asks for gzip and
	// decompresses transparently only when the caller does not set it.
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	client := http.Client{Transport: defaultTransport()}
	if f.Client != nil {
		client = *f.Client
	}
	client.CheckRedirect = checkRedirect
	resp, err := client.Do(req)
	if err != nil {
		res.Err = fmt.Errorf("fetch %s: %w", r.URL, unwrapURLError(err))
		return res
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	if v := resp.Header.Get("ETag"); v != "" {
		res.ETag = v
	}
	if v := resp.Header.Get("Last-Modified"); v != "" {
		res.LastModified = v
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		return res
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		res.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		res.Err = fmt.Errorf("fetch %s: %s", r.URL, resp.Status)
		if res.RetryAfter > 0 {
			res.Err = fmt.Errorf("fetch %s: %s, retry after %s", r.URL, resp.Status, res.RetryAfter.Round(time.Second))
		}
		return res
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		res.Err = fmt.Errorf("fetch %s: %s", r.URL, resp.Status)
		return res
	}
	limit := f.MaxBodySize
	if limit <= 0 {
		limit = DefaultMaxBodySize
	}
	body, release, err := f.readBody(ctx, resp, limit)
	switch {
	case err != nil:
		res.Err = fmt.Errorf("fetch %s: reading body: %w", r.URL, err)
	case int64(len(body)) > limit:
		res.Err = fmt.Errorf("fetch %s: response over the %d MB limit", r.URL, limit>>20)
	default:
		res.Body, res.release = body, release
		return res
	}
	release()
	return res
}

// readBody reads up to limit+1 bytes of resp's body: the first smallBody
// freely, the rest only once the budget grants room for all of it (the
// Content-Length, or limit when unknown), which is held until the returned
// release is called. A body takes its room in one piece, so two large
// bodies never hold half the budget each and wait for each other.
func (f *Fetcher) readBody(ctx context.Context, resp *http.Response, limit int64) ([]byte, func(), error) {
	noop := func() {}
	var buf bytes.Buffer
	small := min(int64(smallBody), limit)
	if resp.ContentLength >= 0 && resp.ContentLength <= small {
		buf.Grow(int(resp.ContentLength) + 1)
	}
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, small+1)); err != nil || int64(buf.Len()) <= small {
		return buf.Bytes(), noop, err
	}
	want := limit + 1
	if resp.ContentLength > 0 && resp.ContentLength < want {
		want = resp.ContentLength + 1
	}
	budget := f.bytesBudget()
	room := min(want, positive64(f.MaxBytesInFlight, DefaultMaxInFlight))
	if err := budget.Acquire(ctx, room); err != nil {
		return nil, noop, err
	}
	release := sync.OnceFunc(func() { budget.Release(room) })
	// One allocation of the size granted: a growing buffer would copy the
	// body on its way up and hold up to twice it.
	data := make([]byte, buf.Len(), want)
	copy(data, buf.Bytes())
	buf = bytes.Buffer{}
	for int64(len(data)) < want {
		n, err := resp.Body.Read(data[len(data):want])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			release()
			return nil, noop, err
		}
	}
	return data, release, nil
}

func (f *Fetcher) bytesBudget() *semaphore.Weighted {
	f.budgetOnce.Do(func() {
		f.budget = semaphore.NewWeighted(positive64(f.MaxBytesInFlight, DefaultMaxInFlight))
	})
	return f.budget
}

// defaultTransport is the transport of a Fetcher without a Client: the
// guarded one, with local files served when Files is set (their reach is
// checked before the request is made).
var defaultTransport = sync.OnceValue(func() http.RoundTripper {
	return FileTransport(NewTransport(nil))
})

// retryAfter parses a Retry-After header (seconds or an HTTP date) into a
// wait from now; 0 when absent or unreadable.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(min(s, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// unwrapURLError drops *url.Error's repetition of the method and URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func positive(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func positive64(v, def int64) int64 {
	if v > 0 {
		return v
	}
	return def
}

func positiveDuration(v, def time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return def
}

// FileTransport is base, which serves http and https, with the file scheme
// served from the local file system: for a Fetcher with Files set.
// Conditional requests work as for a web server, by modification time.
func FileTransport(base http.RoundTripper) http.RoundTripper {
	return fileRouter{base: base, files: http.NewFileTransport(http.Dir("/"))}
}

type fileRouter struct{ base, files http.RoundTripper }

func (t fileRouter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme == "file" {
		return t.files.RoundTrip(req)
	}
	return t.base.RoundTrip(req)
}

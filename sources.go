package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest/feed"
	"github.com/bylinehq/byline/ingest/fetch"
	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/ingest/web"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// fetchOptions tune a fetch; zero fields take the defaults.
type fetchOptions struct {
	Timeout    time.Duration     // the whole run (5 min)
	Transport  http.RoundTripper // nil: fetch.NewTransport(nil); tests give it a fetch.Network
	OnProgress func(done, total int)
	// OnStored, when set, is called after each feed is stored or has failed,
	// with the report so far: the reader reloads its list as articles land.
	OnStored func(done, total int, rep fetchReport)
	// NotBefore, when set (the config's retention), keeps items dated
	// before it out of the store: they would be dropped by the retention
	// anyway, and storing them again would bring back, unread, articles the
	// retention dropped while the feed still lists them.
	NotBefore time.Time
}

// defaultFetchTimeout bounds a whole fetch: a few hundred feeds and their
// pages take well under a minute; a stuck run should not hold a cron slot.
const defaultFetchTimeout = 5 * time.Minute

// fetchReport is what a fetch did, for the summary line.
type fetchReport struct {
	OK, Failed   int
	New, Updated int
	// SummariesOnly counts the new or changed items stored as the feed's
	// teaser because their page could not be had: without it a fetch that
	// got no full text at all still said only "ok".
	SummariesOnly int
	Failures      []error // one per failed feed, each naming it on one line
}

// Summary is the report's one line, as `byline fetch` prints it and the
// reader's status bar shows it.
func (r fetchReport) Summary() string {
	s := fmt.Sprintf("%s ok, %d failed; %s", count(r.OK, "feed", "feeds"), r.Failed, count(r.New, "new article", "new articles"))
	if r.SummariesOnly > 0 {
		s += "; " + count(r.SummariesOnly, "summary only", "summaries only")
	}
	return s
}

// feedOutcome is one feed's fetch, ready to store.
type feedOutcome struct {
	feed  store.Feed
	state store.FeedState
	items []store.FeedItem // the changed items, tagged; nil for a 304 or a failure
	// summaryOnly says, for each of items, that it holds only the feed's
	// teaser though the full text was wanted.
	summaryOnly []bool
}

// fetchFeeds fetches feeds concurrently and stores what changed, one
// transaction per feed, while later feeds are still downloading and being
// tagged. A feed that fails is reported and keeps its articles and its last
// good validators; it never stops the others. Only the run's end (ctx
// cancelled) is returned as an error.
func fetchFeeds(ctx context.Context, st *store.Store, ex entity.Extractor, feeds []store.Feed, opt fetchOptions) (fetchReport, error) {
	var rep fetchReport
	if len(feeds) == 0 {
		return rep, nil
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = defaultFetchTimeout
	}
	runCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	base := opt.Transport
	if base == nil {
		base = fetch.NewTransport(nil)
	}
	client := &http.Client{Transport: newPoliteTransport(fetch.FileTransport(base),
		fetch.DefaultConcurrency, fetch.DefaultPerHost, fetch.DefaultRequestTimeout)}
	newFetcher := func() *fetch.Fetcher {
		return &fetch.Fetcher{
			Client: client,
			// Only the user adds feeds, and a request may read a file
			// only when its feed is one (fetch checks each request's
			// origin), so a file here is the user's.
			Files:     true,
			UserAgent: fetch.UserAgent(version),
			// The transport times each request once it is sent; here a
			// request may wait for slots as long as the run lasts.
			RequestTimeout: timeout,
		}
	}
	// Feeds and pages draw on separate memory budgets: a worker waiting
	// for room for a page must never wait on a feed body that is queued
	// for a worker.
	f, pages := newFetcher(), newFetcher()
	byURL := make(map[string]store.Feed, len(feeds))
	reqs := make([]fetch.Request, 0, len(feeds))
	for _, fd := range feeds {
		byURL[fd.URL] = fd
		reqs = append(reqs, fetch.Request{URL: fd.URL, ETag: fd.ETag, LastModified: fd.LastModified, Origin: fd.URL})
	}
	results := f.Fetch(runCtx, reqs)

	// Workers parse, fetch pages and tag; the caller's goroutine stores, so
	// the store has one writer and the tagger never waits for a commit.
	outcomes := make(chan feedOutcome, fetch.DefaultConcurrency)
	var wg sync.WaitGroup
	for range fetch.DefaultConcurrency {
		wg.Go(func() {
			for res := range results {
				outcomes <- readFeed(runCtx, st, pages, ex, byURL[res.URL], res, timeout)
			}
		})
	}
	go func() {
		wg.Wait()
		close(outcomes)
	}()
	done := 0
	for o := range outcomes {
		o.items = withinRetention(o.items, opt.NotBefore)
		if err := storeOutcome(ctx, st, o, &rep); err != nil {
			rep.Failed++
			rep.Failures = append(rep.Failures, feedError(o.feed, err.Error()))
		}
		done++
		if opt.OnProgress != nil {
			opt.OnProgress(done, len(feeds))
		}
		if opt.OnStored != nil {
			opt.OnStored(done, len(feeds), rep)
		}
	}
	return rep, ctx.Err()
}

// withinRetention is items without those dated before notBefore; undated
// items stay (they are dated when stored).
func withinRetention(items []store.FeedItem, notBefore time.Time) []store.FeedItem {
	if notBefore.IsZero() {
		return items
	}
	kept := items[:0:0]
	for _, it := range items {
		if it.Published.IsZero() || !it.Published.Before(notBefore) {
			kept = append(kept, it)
		}
	}
	return kept
}

// applyRetention drops the read, unstarred articles older than retention
// (0: keep everything) after a fetch, and says on w what failed.
func applyRetention(ctx context.Context, st *store.Store, retention time.Duration, w io.Writer) {
	if retention <= 0 {
		return
	}
	if _, err := st.DropOldRead(ctx, time.Now().Add(-retention)); err != nil {
		fmt.Fprintf(w, "warning: %s\n", oneLine(err.Error()))
	}
}

// storeOutcome writes one feed's changed items, then its new state: in that
// order, so a crash between the two only means the next run fetches the
// feed again, never that its validators promise articles that were lost.
func storeOutcome(ctx context.Context, st *store.Store, o feedOutcome, rep *fetchReport) error {
	added, updated, err := st.UpsertFeedArticles(ctx, o.feed.ID, o.items)
	if err != nil {
		return err
	}
	arts := make([]model.Article, len(o.items))
	only := 0
	for i := range o.items {
		arts[i] = o.items[i].Article
		if o.summaryOnly[i] {
			only++
		}
	}
	if err := st.SetSummaryOnly(ctx, o.feed.ID, arts, o.summaryOnly); err != nil {
		return err
	}
	if err := st.UpdateFeedState(ctx, o.feed.ID, o.state); err != nil {
		return err
	}
	if o.state.Err != "" {
		rep.Failed++
		rep.Failures = append(rep.Failures, feedError(o.feed, o.state.Err))
		return nil
	}
	rep.OK++
	rep.New += added
	rep.Updated += updated
	rep.SummariesOnly += only
	return nil
}

// feedError names the feed by its URL (what `byline feed rm` takes) and its
// title when it has one.
func feedError(fd store.Feed, reason string) error {
	if fd.Title != "" {
		return fmt.Errorf("%s (%s): %s", fd.URL, safe.Line(fd.Title), reason)
	}
	return fmt.Errorf("%s: %s", fd.URL, reason)
}

// readFeed turns one fetch result into what to store: the feed's new state
// and its changed items, with full text fetched through pages where the feed
// sent only a teaser, and entities found.
func readFeed(ctx context.Context, st *store.Store, pages *fetch.Fetcher, ex entity.Extractor, fd store.Feed, res fetch.Result, runTimeout time.Duration) feedOutcome {
	o := feedOutcome{feed: fd, state: store.FeedState{Fetched: time.Now(), Status: res.Status}}
	fail := func(err error) feedOutcome {
		o.state.Err = reason(ctx, err, fd.URL, runTimeout)
		return o
	}
	if res.Err != nil {
		return fail(res.Err)
	}
	o.state.ETag, o.state.LastModified = res.ETag, res.LastModified
	if res.NotModified {
		return o
	}
	parsed, err := feed.Parse(fd.URL, res.Body)
	res.Release()
	if err != nil {
		return fail(err)
	}
	o.state.Title = parsed.Title
	source := parsed.Title
	if source == "" && fd.Title != "" {
		source = safe.Line(fd.Title)
	}
	arts := make([]model.Article, len(parsed.Items))
	for i := range parsed.Items {
		if source != "" {
			parsed.Items[i].Source = source
		}
		arts[i] = parsed.Items[i].Article
	}
	same, err := st.Unchanged(ctx, fd.ID, arts)
	if err != nil {
		return fail(err)
	}
	var changed []feed.Item
	for i, it := range parsed.Items {
		if !same[i] {
			changed = append(changed, it)
		}
	}
	o.items, o.summaryOnly = withFullText(ctx, pages, fd, changed)
	for i := range o.items {
		o.items[i].Entities = ex.Extract(&o.items[i].Article)
	}
	if err := ctx.Err(); err != nil {
		// Half-read items are not stored: the next run reads the feed again.
		return fail(err)
	}
	return o
}

// withFullText makes store items of feed items, fetching the page of each
// that needs it (every item with fd's mode always, teasers with auto)
// through the run's page fetcher, with fd as their origin: a web feed's
// pages may not be files or local addresses. A page that cannot be fetched
// or read leaves the item as the feed sent it, and summaryOnly says so: for
// each item, that its full text was wanted (a teaser, unless fd's mode is
// never) and is not had.
func withFullText(ctx context.Context, f *fetch.Fetcher, fd store.Feed, items []feed.Item) (out []store.FeedItem, summaryOnly []bool) {
	mode := fd.FullText
	out = make([]store.FeedItem, len(items))
	summaryOnly = make([]bool, len(items))
	for i, it := range items {
		summaryOnly[i] = it.Summary && mode != store.FullTextNever && it.URL != "" // no page, nothing more to have
	}
	var reqs []fetch.Request
	wanted := map[string][]int{}
	for i, it := range items {
		out[i] = store.FeedItem{Article: it.Article}
		if it.URL == "" || mode == store.FullTextNever || (mode != store.FullTextAlways && !it.Summary) {
			continue
		}
		if len(wanted[it.URL]) == 0 {
			reqs = append(reqs, fetch.Request{URL: it.URL, Origin: fd.URL})
		}
		wanted[it.URL] = append(wanted[it.URL], i)
		out[i].Retry = true // until its page answers for good
	}
	if len(reqs) == 0 {
		return out, summaryOnly
	}
	for res := range f.Fetch(ctx, reqs) {
		if res.Err != nil && !permanent(res.Status) && !errors.Is(res.Err, fetch.ErrRefused) {
			continue // the teaser for now; the next fetch tries again
		}
		for _, i := range wanted[res.URL] {
			out[i].Retry = false
		}
		if res.Err != nil || res.NotModified {
			continue
		}
		page, err := web.Extract(res.URL, res.Body)
		res.Release()
		if err != nil {
			continue
		}
		for _, i := range wanted[res.URL] {
			// The page was read: either its text replaces the teaser, or it
			// says no more than the item did, which is then all there is.
			summaryOnly[i] = false
			teaser := items[i].Article
			if full, ok := fullArticle(teaser, page); ok {
				out[i] = store.FeedItem{Article: full, Teaser: &teaser}
			}
		}
	}
	return out, summaryOnly
}

// permanent reports whether an HTTP status says a page will not come, so
// that trying again on the next fetch is pointless: a 4xx other than 408
// (timeout) and 429 (too many requests).
func permanent(status int) bool {
	return status >= 400 && status < 500 && status != 408 && status != 429
}

// fullArticle puts a page's text under a feed item's title, link and GUID.
// ok is false when the page says less than the item did (a paywall, a
// cookie wall): the teaser is the better article then.
func fullArticle(item, page model.Article) (model.Article, bool) {
	if textLen(page.Paragraphs) <= textLen(item.Paragraphs) {
		return item, false
	}
	full := item
	full.Paragraphs, full.Format = page.Paragraphs, page.Format
	if full.Caption == "" {
		full.Caption = page.Caption
	}
	if full.Author == "" {
		full.Author = page.Author
	}
	if full.Published.IsZero() {
		full.Published = page.Published
	}
	return full, true
}

func textLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

// reason is why a feed failed, on one line and without repeating its URL,
// which the report puts first.
func reason(ctx context.Context, err error, url string, runTimeout time.Duration) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
		return fmt.Sprintf("not done when the run's %s timeout passed", runTimeout)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("no answer within %s", fetch.DefaultRequestTimeout)
	case errors.Is(err, context.Canceled):
		return "interrupted"
	}
	msg := oneLine(err.Error())
	for _, prefix := range []string{"fetch " + url + ": ", url + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

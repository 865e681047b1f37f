package ui

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/ingest/feed"
	"github.com/bylinehq/byline/ingest/fetch"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// newsServer serves generated RSS feeds at /feed/N, each with items
// articles dated 2024, newer than every fixture. A feed listed in gates
// answers only once its gate is opened, so a test can look at the reader
// while a fetch is half done.
type newsServer struct {
	*httptest.Server
	items int
	gates map[int]*gate
}

// gate holds a feed's answer until it is opened.
type gate struct {
	ch   chan struct{}
	once sync.Once
}

func (g *gate) open() { g.once.Do(func() { close(g.ch) }) }

func newNewsServer(t *testing.T, items int, gated ...int) *newsServer {
	s := &newsServer{items: items, gates: map[int]*gate{}}
	for _, n := range gated {
		s.gates[n] = &gate{ch: make(chan struct{})}
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		for _, g := range s.gates {
			g.open()
		}
		s.Close()
	})
	return s
}

func (s *newsServer) feedURL(n int) string { return fmt.Sprintf("%s/feed/%d", s.URL, n) }

func (s *newsServer) serve(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if g := s.gates[n]; g != nil {
		select {
		case <-g.ch:
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Wire %d</title><link>%s/</link>`, n, s.URL)
	for i := range s.items {
		fmt.Fprintf(w, `<item><title>Wire %d story %d: the ferry timetable changes again</title><link>%s/page/%d/%d</link><guid isPermaLink="false">wire-%d-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			n, i, s.URL, n, i, n, i, time.Date(2024, 5, 1+i, 8, n, 0, 0, time.UTC).Format(time.RFC1123Z),
			html.EscapeString("Councillor Ansel Brook said the winter boats would leave Nordvik earlier. The Saltholm co-operative asked for one more sailing on Sundays, and the council agreed to look at it."))
	}
	fmt.Fprint(w, "</channel></rss>\n")
}

// subscribe adds feeds 1..n of s to st.
func subscribe(t *testing.T, st *store.Store, s *newsServer, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		if _, err := st.AddFeed(context.Background(), store.Feed{URL: s.feedURL(i)}); err != nil {
			t.Fatal(err)
		}
	}
}

// pipeline is the refresh these tests hand the reader: the real fetcher,
// feed parser and store, one transaction per feed, progress after each.
// byline's own hook (package main, which ui cannot import) adds full text
// and entities to the same steps and is tested there end to end.
func pipeline(st *store.Store) RefreshFunc {
	return func(ctx context.Context, progress func(done, total, news int)) (string, error) {
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return "", err
		}
		if len(feeds) == 0 {
			return "", ErrNoFeeds
		}
		progress(0, len(feeds), 0)
		ids := map[string]int64{}
		var reqs []fetch.Request
		for _, f := range feeds {
			ids[f.URL] = f.ID
			reqs = append(reqs, fetch.Request{URL: f.URL})
		}
		ok, news, done := 0, 0, 0
		var failed Failures
		for res := range (&fetch.Fetcher{}).Fetch(ctx, reqs) {
			done++
			added, err := storeFeed(ctx, st, ids[res.URL], res)
			if err != nil {
				failed = append(failed, fmt.Errorf("%s: %w", res.URL, err))
			} else {
				ok++
				news += added
			}
			progress(done, len(feeds), news)
		}
		summary := fmt.Sprintf("feeds %d ok, %d failed; %d new articles", ok, len(failed), news)
		if len(failed) > 0 {
			return summary, errors.Join(ctx.Err(), failed)
		}
		return summary, ctx.Err()
	}
}

func storeFeed(ctx context.Context, st *store.Store, id int64, res fetch.Result) (int, error) {
	if res.Err != nil {
		return 0, res.Err
	}
	parsed, err := feed.Parse(res.URL, res.Body)
	if err != nil {
		return 0, err
	}
	items := make([]store.FeedItem, len(parsed.Items))
	for i, it := range parsed.Items {
		items[i] = store.FeedItem{Article: it.Article}
	}
	added, _, err := st.UpsertFeedArticles(ctx, id, items)
	return added, err
}

// TestRefreshGrowsTheListWhileTheReaderStaysResponsive fetches two feeds,
// the second held back by its server: the first feed's articles are listed
// at once, the status bar counts the feeds, j and k still move, and the
// summary follows when the second lands.
func TestRefreshGrowsTheListWhileTheReaderStaysResponsive(t *testing.T) {
	st := openStore(t, fixtures())
	srv := newNewsServer(t, 3, 2)
	subscribe(t, st, srv, 2)
	m := newModel(t, st, 160, 45, Options{Refresh: pipeline(st)})
	press(t, m, "j")
	selected := m.ReaderArticle().Title // the second fixture

	sawFetching, halfway := false, false
	runEach(t, m, m.Update(keyMsg("r")), func(msg tea.Msg) tea.Cmd {
		if m.Fetching() && contains(m, "fetching") {
			sawFetching = true
		}
		if _, ok := msg.(listLoadedMsg); !ok || halfway || !m.Fetching() {
			return nil
		}
		halfway = true
		if m.ListLen() != 9 {
			t.Fatalf("after the first feed the list has %d articles, want 9", m.ListLen())
		}
		if !contains(m, "fetching 1/2") {
			t.Errorf("status bar does not count the feeds:\n%s", strings.Join(screen(m), "\n"))
		}
		if a := m.ReaderArticle(); a == nil || a.Title != selected || m.SelectedIndex() != 4 {
			t.Errorf("the new articles moved the selection off %q: row %d, reader %v", selected, m.SelectedIndex(), a)
		}
		press(t, m, "k")
		if a := m.ReaderArticle(); m.SelectedIndex() != 3 || a == nil || a.Title != fixtures()[0].Title {
			t.Errorf("k while fetching: row %d, reader %v", m.SelectedIndex(), a)
		}
		press(t, m, "j")
		if m.SelectedIndex() != 4 {
			t.Errorf("j while fetching: row %d, want 4", m.SelectedIndex())
		}
		press(t, m, "r")
		if !contains(m, "already fetching") {
			t.Error("a second r does not say a fetch is running")
		}
		srv.gates[2].open()
		return nil
	})
	if !sawFetching || !halfway {
		t.Fatalf("never saw the fetch half done (fetching shown: %v)", sawFetching)
	}
	if m.Fetching() || contains(m, "fetching") {
		t.Error("still fetching after the run ended")
	}
	if !contains(m, "feeds 2 ok, 0 failed; 6 new articles") {
		t.Errorf("no summary in the status bar:\n%s", strings.Join(screen(m), "\n"))
	}
	if m.ListLen() != 12 {
		t.Errorf("list has %d articles, want 12", m.ListLen())
	}
	if a := m.ReaderArticle(); a == nil || a.Title != selected {
		t.Errorf("reader ends on %v, want %q", a, selected)
	}

	// Nothing changed on the server: a second run adds nothing.
	press(t, m, "r")
	if !contains(m, "feeds 2 ok, 0 failed; 0 new articles") || m.ListLen() != 12 {
		t.Errorf("second run: %d articles, screen:\n%s", m.ListLen(), strings.Join(screen(m), "\n"))
	}
}

// A fetch whose articles cannot be saved (here a store opened read-only;
// a full disk is the same to the reader) ends with the failures counted
// and the first named, not with "0 failed".
func TestRefreshNamesSaveFailures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(context.Background(), fixtures()); err != nil {
		t.Fatal(err)
	}
	srv := newNewsServer(t, 3)
	subscribe(t, st, srv, 2)
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()

	m := newModel(t, ro, 200, 30, Options{Refresh: pipeline(ro)})
	press(t, m, "r")
	bar := screen(m)[len(screen(m))-1]
	for _, want := range []string{"feeds 0 ok, 2 failed", "2 failed: " + srv.URL + "/feed/", "read-only", "(and 1 more)"} {
		if !strings.Contains(bar, want) {
			t.Errorf("status bar %q does not say %q", bar, want)
		}
	}
	if strings.Contains(bar, "fetch stopped") || strings.Contains(bar, "cannot fetch") {
		t.Errorf("a run that went to the end is called stopped: %q", bar)
	}
}

// TestRefreshWithNothingToFetch: r says how to subscribe, whether the
// reader has no refresh at all or the store has no feeds.
func TestRefreshWithNothingToFetch(t *testing.T) {
	st := openStore(t, fixtures())
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"no refresh hook", Options{}},
		{"no feeds subscribed", Options{Refresh: pipeline(st)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newModel(t, st, 120, 30, tc.opts)
			press(t, m, "r")
			if !contains(m, noFeedsNote) || m.Fetching() {
				t.Errorf("r shows:\n%s", strings.Join(screen(m), "\n"))
			}
		})
	}
}

// TestQuitWhileFetchingCancels: q during a fetch that would never end
// quits and cancels the fetch.
func TestQuitWhileFetchingCancels(t *testing.T) {
	st := openStore(t, fixtures())
	srv := newNewsServer(t, 3, 1) // never answers
	subscribe(t, st, srv, 1)
	ended := make(chan error, 1)
	hook := pipeline(st)
	m := newModel(t, st, 120, 30, Options{Refresh: func(ctx context.Context, p func(int, int, int)) (string, error) {
		s, err := hook(ctx, p)
		ended <- err
		return s, err
	}})
	quit := runEach(t, m, m.Update(keyMsg("r")), func(msg tea.Msg) tea.Cmd {
		if p, ok := msg.(refreshProgressMsg); ok && p.Total == 1 {
			return m.Update(keyMsg("q"))
		}
		return nil
	})
	if !quit {
		t.Fatal("q did not quit")
	}
	select {
	case err := <-ended:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("fetch ended with %v, want it cancelled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the fetch went on after q")
	}
	m.StopRefresh() // already over: returns at once
}

// TestConcurrentWriterWhileReading: another store handle on the same file,
// as `byline fetch` in another terminal would be, imports while the reader
// lists, searches and saves reading state. The reader sees no error.
func TestConcurrentWriterWhileReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	var handles [2]*store.Store
	for i := range handles {
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		handles[i] = s
	}
	st, other := handles[0], handles[1]
	if _, err := st.Import(context.Background(), fixtures()); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, st, 160, 45, Options{})

	const batches, perBatch = 20, 10
	done := make(chan error, 1)
	go func() {
		for b := range batches {
			arts := make([]model.Article, perBatch)
			for i := range arts {
				arts[i] = model.Article{
					Title:      fmt.Sprintf("Wire report %d-%d on the harbour", b, i),
					Source:     fmt.Sprintf("https://wire.example/%d/%d", b, i),
					Published:  time.Date(2024, 1, 1+b, i, 0, 0, 0, time.UTC),
					Format:     model.FormatText,
					Paragraphs: []string{"The harbour council met again on Tuesday."},
				}
			}
			if _, err := other.Import(context.Background(), arts); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	keys := []string{"u", "u", "m", "s", "j", "S", "S", "/", "h", "a", "r", "b", "enter", "esc", "k"}
	for writing := true; writing; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the other writer failed: %v", err)
			}
			writing = false
		default:
		}
		for _, k := range keys {
			press(t, m, k)
			if contains(m, "cannot") || contains(m, "error") {
				t.Fatalf("after %s while another handle writes:\n%s", k, strings.Join(screen(m), "\n"))
			}
		}
	}
	press(t, m, "esc")
	press(t, m, "u") // a fresh query
	press(t, m, "u")
	if want := len(fixtures()) + batches*perBatch; m.ListLen() != want {
		t.Errorf("list has %d articles, want %d", m.ListLen(), want)
	}
}

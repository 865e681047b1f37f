package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bylinehq/byline/ingest/fetch"
	"github.com/bylinehq/byline/ingest/opml"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// mustRun runs byline and fails the test unless it exits with want.
func mustRun(t *testing.T, db string, want int, args ...string) (stdout, stderr string) {
	t.Helper()
	out, errs, code := byline(t, db, args...)
	if code != want {
		t.Fatalf("byline %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, want, out, errs)
	}
	return out, errs
}

func openStoreT(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestFeedAddListRemoveImportExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	out, _ := mustRun(t, db, 0, "feed", "add", "https://a.example/rss", "--tag", "world", "--tag", "uk", "--full-text", "never")
	if !strings.HasPrefix(out, "subscribed to https://a.example/rss") {
		t.Errorf("feed add said %q", out)
	}
	if out, _ = mustRun(t, db, 0, "feed", "add", "https://a.example/rss"); !strings.HasPrefix(out, "already subscribed") {
		t.Errorf("second feed add said %q", out)
	}
	mustRun(t, db, 2, "feed", "add", "ftp://a.example/rss")
	mustRun(t, db, 2, "feed", "add", "https://b.example/rss", "--full-text", "sometimes")

	opmlFile := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(opmlFile, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="Europe"><outline text="B" xmlUrl="https://b.example/rss"/></outline>
<outline text="A again" xmlUrl="https://a.example/rss"/></outline>
<outline text="C" xmlUrl="https://c.example/atom"/></body></opml>`), 0o644)
	if out, _ = mustRun(t, db, 0, "feed", "import", opmlFile); out != "added 2, already subscribed 1\n" {
		t.Errorf("feed import said %q", out)
	}

	out, _ = mustRun(t, db, 0, "feed", "list", "--json")
	var got []feedJSON
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f feedJSON
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("feed list --json line %q: %v", line, err)
		}
		got = append(got, f)
	}
	if len(got) != 3 || got[0].FullText != "never" || !slices.Equal(got[0].Tags, []string{"world", "uk"}) ||
		got[1].Title != "B" || !slices.Equal(got[1].Tags, []string{"News", "Europe"}) || got[2].LastFetched != nil {
		t.Errorf("feed list --json = %+v", got)
	}
	if out, _ = mustRun(t, db, 0, "feed", "list"); !strings.Contains(out, "https://c.example/atom") || !strings.Contains(out, "never") {
		t.Errorf("feed list = %q", out)
	}

	out, _ = mustRun(t, db, 0, "feed", "export")
	subs, err := opml.Parse([]byte(out))
	if err != nil {
		t.Fatalf("export is not OPML: %v\n%s", err, out)
	}
	if len(subs) != 3 || subs[1].URL != "https://b.example/rss" || !slices.Equal(subs[1].Tags, []string{"News", "Europe"}) {
		t.Errorf("exported %+v", subs)
	}
	if !strings.Contains(out, `<opml version="2.0">`) {
		t.Errorf("export is not OPML 2.0:\n%s", out)
	}

	if out, _ = mustRun(t, db, 0, "feed", "rm", "https://b.example/rss"); out != "unsubscribed from https://b.example/rss; its 0 articles stay in the store\n" {
		t.Errorf("feed rm said %q", out)
	}
	if _, errs := mustRun(t, db, 1, "feed", "rm", "https://b.example/rss"); !strings.Contains(errs, "not subscribed") {
		t.Errorf("second feed rm said %q", errs)
	}
}

// One broken feed among good ones: the summary counts it, its reason is on
// its own line, the exit status is 1, and its earlier articles stay.
func TestFetchSummaryWithBrokenFeed(t *testing.T) {
	srv := newFeedServer(t, 4, 3, 60, false)
	db := filepath.Join(t.TempDir(), "b.db")
	for n := range 4 {
		mustRun(t, db, 0, "feed", "add", srv.feedURL(n), "--tag", fmt.Sprintf("t%d", n%2))
	}
	if out, _ := mustRun(t, db, 0, "fetch", "--tag", "t1"); out != "2 feeds ok, 0 failed; 6 new articles\n" {
		t.Errorf("fetch --tag t1 said %q", out)
	}
	if out, _ := mustRun(t, db, 0, "fetch"); out != "4 feeds ok, 0 failed; 6 new articles\n" {
		t.Errorf("first fetch said %q", out)
	}
	srv.setBroken(1, true)
	srv.bump(0)
	out, errs := mustRun(t, db, 1, "fetch")
	if out != "3 feeds ok, 1 failed; 0 new articles\n" {
		t.Errorf("fetch with a broken feed said %q", out)
	}
	want := "failed: " + srv.feedURL(1) + " (Generated News 1): 500 Internal Server Error\n"
	if errs != want {
		t.Errorf("stderr = %q, want %q", errs, want)
	}
	st := openStoreT(t, db)
	f, err := st.Feed(context.Background(), srv.feedURL(1))
	if err != nil {
		t.Fatal(err)
	}
	if f.Articles != 3 || f.ETag != `"feed-1-0"` || f.LastStatus != 500 || f.LastError != "500 Internal Server Error" {
		t.Errorf("broken feed = %+v; want its 3 articles, its ETag and the error", f)
	}
	if n, _ := st.Count(context.Background()); n != 12 {
		t.Errorf("%d articles, want 12", n)
	}
	if a := srv.agents; len(a) != 1 || !a[fetch.UserAgent(version)] {
		t.Errorf("User-Agents seen: %v", a)
	}
}

// A second fetch of unchanged feeds is all conditional requests and 304s,
// and writes no article.
func TestFetchConditionalWritesNothing(t *testing.T) {
	srv := newFeedServer(t, 3, 4, 60, false)
	db := filepath.Join(t.TempDir(), "b.db")
	for n := range 3 {
		mustRun(t, db, 0, "feed", "add", srv.feedURL(n))
	}
	mustRun(t, db, 0, "fetch")
	before := storeFingerprint(t, db)
	if srv.conditional.Load() != 0 {
		t.Fatalf("first fetch sent %d conditional requests", srv.conditional.Load())
	}
	if out, _ := mustRun(t, db, 0, "fetch"); out != "3 feeds ok, 0 failed; 0 new articles\n" {
		t.Errorf("second fetch said %q", out)
	}
	if c, nm := srv.conditional.Load(), srv.notModified.Load(); c != 3 || nm != 3 {
		t.Errorf("second fetch: %d conditional requests, %d answered 304; want 3 and 3", c, nm)
	}
	if after := storeFingerprint(t, db); after != before {
		t.Errorf("a fetch of unchanged feeds changed the articles:\nbefore %s\nafter  %s", before, after)
	}
}

// storeFingerprint sums up every article row, entity link and mention.
func storeFingerprint(t *testing.T, db string) string {
	t.Helper()
	st := openStoreT(t, db)
	ctx := context.Background()
	list, err := st.ListItems(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, it := range list {
		a, err := st.Article(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d:%s:%d:%d;", a.ID, a.Title, len(a.Paragraphs), len(a.Entities))
	}
	st.Close()
	return fmt.Sprintf("%d articles, %x", len(list), b.String())
}

// An item re-sent with new text replaces the stored article in place: same
// id, the star kept, the new title searchable.
func TestFetchUpdatedItemKeepsStar(t *testing.T) {
	srv := newFeedServer(t, 1, 3, 60, false)
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", srv.feedURL(0))
	mustRun(t, db, 0, "fetch")
	ctx := context.Background()
	st := openStoreT(t, db)
	hits, err := st.Search(ctx, "\"0/0\"", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search for item 0: %+v, %v", hits, err)
	}
	id := hits[0].ID
	if err := st.SetStarred(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	srv.bump(0)
	if out, _ := mustRun(t, db, 0, "fetch"); out != "1 feed ok, 0 failed; 0 new articles\n" {
		t.Errorf("fetch of the edited feed said %q", out)
	}
	a, err := st.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.Title, "update 1") || a.GUID != "" && a.GUID != "feed-0-item-0" {
		t.Errorf("after the update article %d is %q", id, a.Title)
	}
	if n, _ := st.Count(ctx); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	if s, _ := st.States(ctx, []int64{id}); !s[id].Starred {
		t.Error("the update lost the star")
	}
	if hits, _ := st.Search(ctx, "update", 5); len(hits) != 1 || hits[0].ID != id {
		t.Errorf("search for the new title: %+v", hits)
	}
}

// Teaser items get the full text of their page, fetched with the feeds
// under one politeness budget (never more than two requests at once to the
// one host serving everything); the next fetch of a changed feed fetches
// only the changed item's page.
func TestFetchFullTextForTeasers(t *testing.T) {
	srv := newFeedServer(t, 6, 4, 150, true)
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", srv.feedURL(0))
	for n := 1; n < 6; n++ {
		mustRun(t, db, 0, "feed", "add", srv.feedURL(n), "--full-text", "never")
	}
	mustRun(t, db, 0, "fetch")
	if n := srv.pageRequests.Load(); n != 4 {
		t.Errorf("%d page requests, want 4", n)
	}
	if m := srv.maxInFlight.Load(); m > 2 {
		t.Errorf("%d requests at once to one host, want at most 2", m)
	}
	st := openStoreT(t, db)
	ctx := context.Background()
	var list []model.Summary
	all, _ := st.List(ctx, store.ListQuery{})
	for _, s := range all {
		if s.Source == "Generated News 0" {
			list = append(list, s)
		}
	}
	if len(list) != 4 {
		t.Fatalf("%d articles, want 4", len(list))
	}
	for _, s := range list {
		a, err := st.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		words := len(strings.Fields(strings.Join(a.Paragraphs, " ")))
		if words < 150 || strings.Contains(a.Paragraphs[0], "…") || a.Source != "Generated News 0" || len(a.Entities) == 0 {
			t.Errorf("%q: %d words, source %q, %d entities; want the page's full text", a.Title, words, a.Source, len(a.Entities))
		}
	}
	srv.bump(0)
	mustRun(t, db, 0, "fetch")
	if n := srv.pageRequests.Load(); n != 5 {
		t.Errorf("after one item changed, %d page requests in all, want 5", n)
	}
}

// A feed that never answers fails with the run's timeout named; the others
// are stored.
func TestFetchRunTimeout(t *testing.T) {
	good := newFeedServer(t, 1, 2, 40, false)
	stuck := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer stuck.Close()
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", good.feedURL(0))
	mustRun(t, db, 0, "feed", "add", stuck.URL+"/rss")
	out, errs := mustRun(t, db, 1, "fetch", "--timeout", "700ms")
	if out != "1 feed ok, 1 failed; 2 new articles\n" || errs != "failed: "+stuck.URL+"/rss: not done when the run's 700ms timeout passed\n" {
		t.Errorf("fetch with a stuck feed said %q and %q", out, errs)
	}
	mustRun(t, db, 2, "fetch", "--timeout", "0s")
}

func TestAddPage(t *testing.T) {
	body := (&feedServer{words: 120}).body(7, 7)
	page := articlePage("Mara Ellison opens the Pellbrook bridge", body)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "b.db")
	out, _ := mustRun(t, db, 0, "add", srv.URL+"/news/bridge")
	if !strings.HasPrefix(out, `added "Mara Ellison opens the Pellbrook bridge" (`) {
		t.Errorf("add said %q", out)
	}
	if out, _ = mustRun(t, db, 0, "add", srv.URL+"/news/bridge"); !strings.HasPrefix(out, "already stored") {
		t.Errorf("second add said %q", out)
	}
	st := openStoreT(t, db)
	ctx := context.Background()
	list, _ := st.List(ctx, store.ListQuery{})
	if len(list) != 1 {
		t.Fatalf("%d articles, want 1", len(list))
	}
	a, _ := st.Article(ctx, list[0].ID)
	if a.Source != "127.0.0.1" || a.URL != srv.URL+"/news/bridge" || len(a.Paragraphs) != len(body) {
		t.Errorf("stored %q from %q (%s), %d paragraphs", a.Title, a.Source, a.URL, len(a.Paragraphs))
	}
	names := map[string]bool{}
	for _, e := range a.Entities {
		names[e.Name] = true
	}
	if !names["Mara Ellison"] {
		t.Errorf("entities %v lack Mara Ellison", names)
	}
	if _, errs := mustRun(t, db, 1, "add", srv.URL+"/missing"); errs != "byline: add "+srv.URL+"/missing: 404 Not Found\n" {
		t.Errorf("a missing page: stderr %q", errs)
	}
}

// Real feeds (the feed-rs fixtures, captured from BBC, Spiegel and others)
// served locally: every one that parses is stored, with --full-text never so
// that nothing follows their links to the internet.
func TestFetchRealFeeds(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "data", "feeds", "feed-rs", "feed-rs", "fixture", "rss2")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Skipf("no feed-rs fixtures in %s", dir)
	}
	srv := httptest.NewServer(http.StripPrefix("/", http.FileServer(http.Dir(dir))))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "b.db")
	for _, f := range files {
		mustRun(t, db, 0, "feed", "add", srv.URL+"/"+filepath.Base(f), "--full-text", "never")
	}
	out, errs, _ := byline(t, db, "fetch")
	var ok, failed, added int
	var feeds string
	if _, err := fmt.Sscanf(out, "%d %s ok, %d failed; %d new", &ok, &feeds, &failed, &added); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if ok+failed != len(files) || ok < len(files)*3/4 || added == 0 {
		t.Errorf("%d feeds: %q\n%s", len(files), out, errs)
	}
	if n := strings.Count(errs, "\n"); n != failed {
		t.Errorf("%d failures but %d lines on stderr:\n%s", failed, n, errs)
	}
}

// A page that fails for a while (a 503) is tried again on the next fetch,
// and its full text replaces the teaser; a page that is gone (404) is not
// asked for again.
func TestFetchRetriesFullTextAfterAFailure(t *testing.T) {
	var flakyCalls, goneCalls, okCalls int
	page := func(title string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", title, title)
		for i := range 8 {
			fmt.Fprintf(&b, "<p>Paragraph %d of the full story: the harbour council in Nordvik met on Tuesday and voted to extend the ferry line to the island, which residents had asked for since the old pier closed.</p>", i+1)
		}
		return b.String() + "</article></body></html>"
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky News</title><link>%[1]s/</link><description>d</description>
<item><title>Ferry vote</title><link>%[1]s/p/ok</link><guid>ok</guid><description>Teaser of the ferry vote.</description></item>
<item><title>Pier closes</title><link>%[1]s/p/flaky</link><guid>flaky</guid><description>Teaser of the pier story.</description></item>
<item><title>Old story</title><link>%[1]s/p/gone</link><guid>gone</guid><description>Teaser of an old story.</description></item>
</channel></rss>`, srv.URL)
		case "/p/ok":
			okCalls++
			fmt.Fprint(w, page("Ferry vote"))
		case "/p/flaky":
			flakyCalls++
			if flakyCalls == 1 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, page("Pier closes"))
		case "/p/gone":
			goneCalls++
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", srv.URL+"/feed.xml")
	body := func(title string) string {
		st := openStoreT(t, db)
		ctx := context.Background()
		list, _ := st.List(ctx, store.ListQuery{})
		for _, s := range list {
			if s.Title == title {
				a, err := st.Article(ctx, s.ID)
				if err != nil {
					t.Fatal(err)
				}
				st.Close()
				return strings.Join(a.Paragraphs, "\n")
			}
		}
		st.Close()
		t.Fatalf("no article %q", title)
		return ""
	}
	mustRun(t, db, 0, "fetch")
	if b := body("Pier closes"); !strings.Contains(b, "Teaser of the pier story") {
		t.Fatalf("after a 503 the teaser should be stored, got %q", b)
	}
	if b := body("Ferry vote"); !strings.Contains(b, "Paragraph 8 of the full story") {
		t.Fatalf("the page that answered should give the full text, got %q", b)
	}
	mustRun(t, db, 0, "fetch")
	if b := body("Pier closes"); !strings.Contains(b, "Paragraph 8 of the full story") {
		t.Errorf("the second fetch did not retry the page that failed: %q", b)
	}
	if okCalls != 1 || flakyCalls != 2 || goneCalls != 1 {
		t.Errorf("page requests ok %d, flaky %d, gone %d; want 1, 2, 1", okCalls, flakyCalls, goneCalls)
	}
	mustRun(t, db, 0, "fetch")
	if flakyCalls != 2 || goneCalls != 1 {
		t.Errorf("third fetch asked again: flaky %d, gone %d", flakyCalls, goneCalls)
	}
}

// A feed kept in a local folder, with its items' pages beside it, is
// subscribed to by its path and read in full; fetching it again asks the
// file system whether it changed and stores nothing.
func TestFetchLocalFolderFeed(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	var items strings.Builder
	for i, title := range []string{"Harbour council approves ferry", "Saltholm fishermen ask for winter timetable"} {
		var page strings.Builder
		fmt.Fprintf(&page, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", title, title)
		for p := range 6 {
			fmt.Fprintf(&page, "<p>Paragraph %d: Mira Castell of the Nordvik Ferry Trust said on Tuesday that the line to Saltholm would open in May, and that tickets would cost twelve crowns.</p>", p+1)
		}
		page.WriteString("</article></body></html>")
		name := fmt.Sprintf("pages/%d.html", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(page.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&items, "<item><title>%s</title><link>%s</link><guid>%d</guid><description>Teaser %d.</description></item>", title, name, i, i)
	}
	feedFile := filepath.Join(dir, "feed.xml")
	os.WriteFile(feedFile, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Folder News</title><description>d</description>`+items.String()+`</channel></rss>`), 0o644)

	db := filepath.Join(t.TempDir(), "b.db")
	out, _ := mustRun(t, db, 0, "feed", "add", feedFile)
	if want := "subscribed to file://" + filepath.ToSlash(feedFile); !strings.HasPrefix(out, want) {
		t.Errorf("feed add said %q, want %q…", out, want)
	}
	if out, _ = mustRun(t, db, 0, "fetch"); out != "1 feed ok, 0 failed; 2 new articles\n" {
		t.Fatalf("fetch said %q", out)
	}
	st := openStoreT(t, db)
	list, _ := st.List(context.Background(), store.ListQuery{})
	for _, s := range list {
		a, err := st.Article(context.Background(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if body := strings.Join(a.Paragraphs, " "); !strings.Contains(body, "Paragraph 6") || len(a.Entities) == 0 {
			t.Errorf("%q: body %q, %d entities; want the page's full text with its entities", a.Title, body, len(a.Entities))
		}
	}
	st.Close()
	before := storeFingerprint(t, db)
	if out, _ = mustRun(t, db, 0, "fetch"); out != "1 feed ok, 0 failed; 0 new articles\n" {
		t.Errorf("second fetch said %q", out)
	}
	if after := storeFingerprint(t, db); after != before {
		t.Errorf("fetching an unchanged local feed changed the store")
	}
	// Unsubscribing by the path works even once the file is gone.
	os.Remove(feedFile)
	if out, _ = mustRun(t, db, 0, "feed", "rm", feedFile); !strings.HasPrefix(out, "unsubscribed from file://") {
		t.Errorf("feed rm said %q", out)
	}
}

// A feed on the web cannot make byline read a local file.
func TestWebFeedCannotReachFiles(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.html")
	os.WriteFile(secret, []byte("<html><body><article><p>"+strings.Repeat("The secret words are here. ", 40)+"</p></article></body></html>"), 0o644)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Evil</title><description>d</description>
<item><title>Bait</title><link>file://%s</link><guid>bait</guid><description>Teaser.</description></item></channel></rss>`, filepath.ToSlash(secret))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", srv.URL)
	mustRun(t, db, 0, "fetch")
	out, _ := mustRun(t, db, 0, "show", "1", "--color", "never")
	if strings.Contains(out, "secret words") {
		t.Errorf("a web feed's item read a local file:\n%s", out)
	}
}

func TestFeedAddress(t *testing.T) {
	dir := t.TempDir()
	feedFile := filepath.Join(dir, "feed.xml")
	os.WriteFile(feedFile, []byte("<rss/>"), 0o644)
	for in, want := range map[string]string{
		"https://a.example/rss":  "https://a.example/rss",
		feedFile:                 "file://" + filepath.ToSlash(feedFile),
		"file://" + feedFile:     "file://" + filepath.ToSlash(feedFile),
		"  " + feedFile + "  ":   "file://" + filepath.ToSlash(feedFile),
		dir:                      "error: is a folder",
		filepath.Join(dir, "no"): "error: no feed file",
		"localhost:8765/feed":    "error: did you mean http://localhost:8765/feed?",
		"example.org/rss":        "error: did you mean https://example.org/rss?",
		"ftp://a.example/rss":    "error: not an http or https URL",
		"file://host/feed.xml":   "error: not a file URL byline can read",
	} {
		got, err := feedAddress(in)
		if err != nil {
			got = "error: " + err.Error()
		}
		if strings.HasPrefix(want, "error: ") && strings.Contains(got, strings.TrimPrefix(want, "error: ")) {
			continue
		}
		if got != want {
			t.Errorf("feedAddress(%q) = %q, want %q", in, got, want)
		}
	}
}

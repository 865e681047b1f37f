package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest/fetch"
	"github.com/bylinehq/byline/store"
)

// secretPage is a page whose text must never reach the store from a feed
// that may not read it.
func secretPage(what string) string {
	return "<html><head><title>Secret</title></head><body><article><h1>Secret</h1><p>" +
		strings.Repeat("The "+what+" is hunter2, said the admin console. ", 30) + "</p></article></body></html>"
}

// storedText is every title and body in the store at db, for a test to
// search.
func storedText(t *testing.T, st *store.Store) string {
	t.Helper()
	ctx := context.Background()
	list, err := st.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range list {
		a, err := st.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\n%s\n\n", a.Title, strings.Join(a.Paragraphs, "\n"))
	}
	return b.String()
}

// Issue 9.2: a web feed's item whose link answers 302 Location: file:///…
// is not read, and a feed URL redirecting to a file is not read as a feed.
// (Both were, through the file transport a local folder feed needs.)
func TestWebRedirectToFileRefused(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.html")
	os.WriteFile(secret, []byte(secretPage("file secret")), 0o644)
	secretFeed := filepath.Join(dir, "secret.xml")
	os.WriteFile(secretFeed, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Secret feed</title>
<item><title>The file secret is hunter2</title><guid>s</guid><description>x</description></item></channel></rss>`), 0o644)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Evil</title><description>d</description>
<item><title>Bait</title><link>%s/p/bait</link><guid>bait</guid><description>Teaser.</description></item></channel></rss>`, srv.URL)
		case "/p/bait":
			http.Redirect(w, r, "file://"+filepath.ToSlash(secret), http.StatusFound)
		case "/feed-to-file":
			http.Redirect(w, r, "file://"+filepath.ToSlash(secretFeed), http.StatusFound)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", srv.URL+"/feed.xml")
	mustRun(t, db, 0, "feed", "add", srv.URL+"/feed-to-file")
	out, errs := mustRun(t, db, 1, "fetch")
	// The bait keeps its teaser, and the summary says so.
	if out != "1 feed ok, 1 failed; 1 new article; 1 summary only\n" {
		t.Errorf("fetch said %q", out)
	}
	want := "failed: " + srv.URL + "/feed-to-file: refused a redirect to file://" + filepath.ToSlash(secretFeed) +
		": a web address may only redirect to http or https\n"
	if errs != want {
		t.Errorf("stderr %q\nwant   %q", errs, want)
	}
	if text := storedText(t, openStoreT(t, db)); strings.Contains(text, "hunter2") {
		t.Errorf("a web feed read a local file:\n%s", text)
	}
}

// hostileSite serves made-up public names from one loopback listener, as
// in ingest/fetch's tests: news.example.com is "public"; rebound.example.com
// is a public name that resolves to 127.0.0.1; intranet.example.net resolves
// to 10.1.2.3. Every address dials the listener, so a check that failed
// would show as a request for a secret.
type hostileSite struct {
	*httptest.Server
	secrets, localSecrets atomic.Int64
}

func newHostileSite(t *testing.T) *hostileSite {
	s := &hostileSite{}
	page := (&feedServer{words: 150}).body(3, 3)
	mux := http.NewServeMux()
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	port := s.port()
	redirect := func(path, to string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, http.StatusFound) })
	}
	mux.HandleFunc("/secret", func(w http.ResponseWriter, r *http.Request) {
		s.secrets.Add(1)
		fmt.Fprint(w, secretPage("router password"))
	})
	mux.HandleFunc("/local-secret", func(w http.ResponseWriter, r *http.Request) {
		s.localSecrets.Add(1)
		fmt.Fprint(w, secretPage("local page"))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articlePage("An ordinary story", page))
	})
	redirect("/r/loopback", "http://127.0.0.1:"+port+"/secret")
	redirect("/r/localhost", "http://localhost:"+port+"/secret")
	redirect("/r/intranet", "http://intranet.example.net:"+port+"/secret")
	redirect("/feed-redirect", "http://127.0.0.1:"+port+"/feed")
	pub := "http://news.example.com:" + port
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Public News</title><description>d</description>
<item><title>Direct loopback</title><link>http://127.0.0.1:%[2]s/secret</link><guid>a</guid><description>Teaser a.</description></item>
<item><title>Redirect to loopback</title><link>%[1]s/r/loopback</link><guid>b</guid><description>Teaser b.</description></item>
<item><title>Redirect to localhost</title><link>%[1]s/r/localhost</link><guid>c</guid><description>Teaser c.</description></item>
<item><title>Redirect to intranet</title><link>%[1]s/r/intranet</link><guid>d</guid><description>Teaser d.</description></item>
<item><title>Rebound name</title><link>http://rebound.example.com:%[2]s/secret</link><guid>e</guid><description>Teaser e.</description></item>
<item><title>Ordinary story</title><link>%[1]s/page</link><guid>f</guid><description>Teaser f.</description></item>
</channel></rss>`, pub, port)
	})
	mux.HandleFunc("/local-feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title><description>d</description>
<item><title>On this machine</title><link>http://127.0.0.1:%s/local-secret</link><guid>l</guid><description>Teaser l.</description></item>
</channel></rss>`, port)
	})
	return s
}

func (s *hostileSite) port() string {
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	return port
}

func (s *hostileSite) network() *fetch.Network {
	names := map[string]string{
		"news.example.com":     "203.0.113.10",
		"rebound.example.com":  "127.0.0.1",
		"intranet.example.net": "10.1.2.3",
		"localhost":            "127.0.0.1",
	}
	return &fetch.Network{
		LookupIP: func(ctx context.Context, host string) ([]netip.Addr, error) {
			if ip, ok := names[host]; ok {
				return []netip.Addr{netip.MustParseAddr(ip)}, nil
			}
			return nil, errors.New("no such host " + host)
		},
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "tcp", s.Listener.Addr().String())
		},
	}
}

// Issue 9.2: a feed on a public host cannot reach loopback or private
// addresses, by an item link, a redirect, or a public name that resolves
// to one (the dialled address is checked), and a feed URL that redirects to
// loopback fails with a clear line. A feed added at a local address still
// reaches local pages.
func TestPublicFeedCannotReachLocal(t *testing.T) {
	site := newHostileSite(t)
	st := openStoreT(t, filepath.Join(t.TempDir(), "b.db"))
	ctx := context.Background()
	pub := "http://news.example.com:" + site.port()
	for _, u := range []string{pub + "/feed", pub + "/feed-redirect", site.URL + "/local-feed"} {
		if _, err := st.AddFeed(ctx, store.Feed{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	feeds, _ := st.Feeds(ctx)
	rep, err := fetchFeeds(ctx, st, entity.New(), feeds, fetchOptions{Transport: fetch.NewTransport(site.network())})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK != 2 || rep.Failed != 1 || len(rep.Failures) != 1 {
		t.Fatalf("report %+v", rep)
	}
	want := pub + "/feed-redirect: refused a redirect to http://127.0.0.1:" + site.port() + "/feed: a local address, reached from a public one"
	if got := rep.Failures[0].Error(); got != want {
		t.Errorf("failure %q\nwant    %q", got, want)
	}
	if n := site.secrets.Load(); n != 0 {
		t.Errorf("the public feed reached a local page %d times", n)
	}
	text := storedText(t, st)
	if strings.Contains(text, "router password") {
		t.Errorf("a local page was stored:\n%s", text)
	}
	for _, teaser := range []string{"Teaser a.", "Teaser b.", "Teaser c.", "Teaser d.", "Teaser e."} {
		if !strings.Contains(text, teaser) {
			t.Errorf("the item with %q was not kept as the feed sent it", teaser)
		}
	}
	if strings.Contains(text, "Teaser f.") {
		t.Errorf("the ordinary public page was not read in full")
	}
	if site.localSecrets.Load() != 1 || !strings.Contains(text, "local page is hunter2") {
		t.Errorf("a feed added at a local address did not reach its local page")
	}
}

// `byline add` of a page on a public host that redirects to loopback is
// refused with one line; the same page added at a local address is read.
func TestAddPageCannotReachLocal(t *testing.T) {
	site := newHostileSite(t)
	st := openStoreT(t, filepath.Join(t.TempDir(), "b.db"))
	ctx := context.Background()
	pageURL := "http://news.example.com:" + site.port() + "/r/loopback"
	_, err := addPage(ctx, st, entity.New(), pageURL, fetch.NewTransport(site.network()))
	want := "add " + pageURL + ": refused a redirect to http://127.0.0.1:" + site.port() + "/secret: a local address, reached from a public one"
	if err == nil || err.Error() != want {
		t.Errorf("add said %v\nwant     %s", err, want)
	}
	if _, err := addPage(ctx, st, entity.New(), site.URL+"/local-secret", fetch.NewTransport(site.network())); err != nil {
		t.Errorf("a page added at a local address: %v", err)
	}
	if n := site.secrets.Load(); n != 0 {
		t.Errorf("the public page reached a local one %d times", n)
	}
}

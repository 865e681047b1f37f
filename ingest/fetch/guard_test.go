package fetch

import (
	"bytes"
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
	"time"
)

// hostileNet is a network of made-up names, all served by one loopback
// listener: the fetcher sees each name's pretended address, and the address
// checks judge that address; the test never leaves the machine.
type hostileNet struct {
	srv     *httptest.Server
	secrets atomic.Int64 // requests that reached /secret
	names   map[string]string
}

const publicIP = "203.0.113.10" // a public-looking address (TEST-NET-3)

func newHostileNet(t *testing.T) *hostileNet {
	h := &hostileNet{names: map[string]string{
		"news.example.com":     publicIP,
		"rebound.example.com":  "127.0.0.1", // a public name rebound to loopback
		"intranet.example.net": "10.1.2.3",
		"metadata.example.org": "169.254.169.254",
		"mapped.example.org":   "::ffff:192.168.1.1",
		"nas.lan":              "192.168.1.20",
		"nas":                  "192.168.1.20",
	}}
	var mux http.ServeMux
	port := func() string { _, p, _ := net.SplitHostPort(h.srv.Listener.Addr().String()); return p }
	mux.HandleFunc("/secret", func(w http.ResponseWriter, r *http.Request) {
		h.secrets.Add(1)
		fmt.Fprint(w, "the admin password")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<rss/>")
	})
	redirect := func(path, to string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, strings.ReplaceAll(to, "PORT", port()), http.StatusFound)
		})
	}
	redirect("/to-file", "file:///etc/hosts")
	redirect("/to-loopback", "http://127.0.0.1:PORT/secret")
	redirect("/to-ipv6-loopback", "http://[::1]:PORT/secret")
	redirect("/to-localhost", "http://localhost:PORT/secret")
	redirect("/to-private-name", "http://intranet.example.net:PORT/secret")
	redirect("/to-rebound", "http://rebound.example.com:PORT/secret")
	redirect("/to-metadata", "http://metadata.example.org:PORT/secret")
	redirect("/to-mapped", "http://mapped.example.org:PORT/secret")
	redirect("/to-public", "http://news.example.com:PORT/feed")
	redirect("/to-unspecified", "http://0.0.0.0:PORT/secret")
	h.srv = httptest.NewServer(&mux)
	t.Cleanup(h.srv.Close)
	return h
}

// fetcher returns a Fetcher on the hostile network, with files allowed as
// byline's fetch allows them.
func (h *hostileNet) fetcher() *Fetcher {
	network := &Network{
		LookupIP: func(ctx context.Context, host string) ([]netip.Addr, error) {
			if ip, ok := h.names[host]; ok {
				return []netip.Addr{netip.MustParseAddr(ip)}, nil
			}
			if host == "localhost" {
				return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
			}
			return nil, fmt.Errorf("no such host %s", host)
		},
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			// Every address is the listener: had a check been missed,
			// /secret would be counted.
			var d net.Dialer
			return d.DialContext(ctx, "tcp", h.srv.Listener.Addr().String())
		},
	}
	return &Fetcher{Client: &http.Client{Transport: FileTransport(NewTransport(network))}, Files: true}
}

func (h *hostileNet) url(host, path string) string {
	_, port, _ := net.SplitHostPort(h.srv.Listener.Addr().String())
	return "http://" + net.JoinHostPort(host, port) + path
}

// A feed on a public host cannot redirect byline to a file, to loopback or
// to a private address, whether the Location names the address or a name
// that resolves to it; the message says what was refused.
func TestPublicOriginRefusesLocal(t *testing.T) {
	h := newHostileNet(t)
	f := h.fetcher()
	for path, want := range map[string]string{
		"/to-file":          "refused a redirect to file:///etc/hosts: a web address may only redirect to http or https",
		"/to-loopback":      "refused a redirect to http://127.0.0.1:",
		"/to-ipv6-loopback": "refused a redirect to http://[::1]:",
		"/to-localhost":     "refused a redirect to http://localhost:",
		"/to-unspecified":   "refused a redirect to http://0.0.0.0:",
		"/to-private-name":  "refused intranet.example.net: it is at 10.1.2.3, a loopback or private address",
		"/to-rebound":       "refused rebound.example.com: it is at 127.0.0.1",
		"/to-metadata":      "refused metadata.example.org: it is at 169.254.169.254",
		"/to-mapped":        "refused mapped.example.org: it is at 192.168.1.1",
	} {
		u := h.url("news.example.com", path)
		r := collect(t, f.Fetch(context.Background(), []Request{{URL: u}}), 10*time.Second)[u]
		if r.Err == nil || !errors.Is(r.Err, ErrRefused) || !strings.Contains(r.Err.Error(), want) || r.Body != nil {
			t.Errorf("%s: %v (body %q), want an error with %q", path, r.Err, r.Body, want)
		}
	}
	// A page linked from the public feed, at a name that resolves to
	// loopback, is refused at the dial: its origin is the feed.
	page := h.url("rebound.example.com", "/secret")
	r := collect(t, f.Fetch(context.Background(), []Request{{URL: page, Origin: h.url("news.example.com", "/feed")}}), 10*time.Second)[page]
	if !errors.Is(r.Err, ErrRefused) {
		t.Errorf("a public feed's item at a loopback name: %v", r.Err)
	}
	if n := h.secrets.Load(); n != 0 {
		t.Errorf("/secret was reached %d times", n)
	}
	// The public host itself, and a redirect between public hosts, work.
	for _, u := range []string{h.url("news.example.com", "/feed"), h.url("news.example.com", "/to-public")} {
		if r := collect(t, f.Fetch(context.Background(), []Request{{URL: u}}), 10*time.Second)[u]; r.Err != nil || string(r.Body) != "<rss/>" {
			t.Errorf("%s: %v %q", u, r.Err, r.Body)
		}
	}
}

// A feed the user added at a local address (a feed server on this machine
// or the home network) may go to local addresses, and so may its items.
func TestLocalOriginReachesLocal(t *testing.T) {
	h := newHostileNet(t)
	f := h.fetcher()
	for _, req := range []Request{
		{URL: h.srv.URL + "/to-loopback"},
		{URL: h.url("localhost", "/to-localhost")},
		{URL: h.url("nas.lan", "/secret")},
		{URL: h.url("nas", "/secret")},
		{URL: h.url("rebound.example.com", "/secret"), Origin: h.srv.URL + "/feed"},
		{URL: h.url("news.example.com", "/feed"), Origin: h.srv.URL + "/feed"},
	} {
		r := collect(t, f.Fetch(context.Background(), []Request{req}), 10*time.Second)[req.URL]
		if r.Err != nil {
			t.Errorf("%+v: %v", req, r.Err)
		}
	}
	// A public name is judged by where it resolves, even when the user
	// typed it: a name rebound to loopback is refused.
	u := h.url("rebound.example.com", "/secret")
	if r := collect(t, f.Fetch(context.Background(), []Request{{URL: u}}), 10*time.Second)[u]; !errors.Is(r.Err, ErrRefused) {
		t.Errorf("a public name resolving to loopback: %v", r.Err)
	}
	// A local feed still cannot be redirected to a file.
	u = h.srv.URL + "/to-file"
	if r := collect(t, f.Fetch(context.Background(), []Request{{URL: u}}), 10*time.Second)[u]; !errors.Is(r.Err, ErrRefused) {
		t.Errorf("a local feed redirected to a file: %v %q", r.Err, r.Body)
	}
}

// Only a request whose origin is a file may read one: a feed in a local
// folder and its items' pages, never a web feed's item.
func TestFilesOnlyFromFiles(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte("local page"), 0o644)
	f := newHostileNet(t).fetcher()
	pageURL := "file://" + filepath.ToSlash(page)
	for origin, ok := range map[string]bool{
		"": true,
		"file://" + filepath.ToSlash(dir) + "/feed.xml": true,
		"https://news.example.com/feed":                 false,
		"http://127.0.0.1:8080/feed":                    false,
	} {
		r := collect(t, f.Fetch(context.Background(), []Request{{URL: pageURL, Origin: origin}}), 10*time.Second)[pageURL]
		if got := r.Err == nil && string(r.Body) == "local page"; got != ok {
			t.Errorf("origin %q: read %v (%v), want %v", origin, got, r.Err, ok)
		}
	}
}

// Large bodies share one budget: while one is held, a second waits, and it
// is read once the first is released; small ones are not held up.
func TestBytesInFlight(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 3<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/small" {
			fmt.Fprint(w, "small")
			return
		}
		w.Write(big)
	}))
	defer srv.Close()
	f := &Fetcher{MaxBytesInFlight: 4 << 20}
	ch := f.Fetch(context.Background(), []Request{{URL: srv.URL + "/a"}, {URL: srv.URL + "/b"}})
	first := <-ch
	if first.Err != nil || len(first.Body) != len(big) {
		t.Fatalf("first: %v, %d bytes", first.Err, len(first.Body))
	}
	small := collect(t, f.Fetch(context.Background(), []Request{{URL: srv.URL + "/small"}}), 5*time.Second)
	if r := small[srv.URL+"/small"]; r.Err != nil || string(r.Body) != "small" {
		t.Errorf("a small body waited for the budget: %v", r.Err)
	}
	select {
	case second := <-ch:
		t.Fatalf("a second large body (%s) was read while the first was held", second.URL)
	case <-time.After(300 * time.Millisecond):
	}
	first.Release()
	first.Release() // harmless
	select {
	case second := <-ch:
		if second.Err != nil || len(second.Body) != len(big) {
			t.Errorf("second: %v, %d bytes", second.Err, len(second.Body))
		}
		second.Release()
	case <-time.After(5 * time.Second):
		t.Fatal("the second body never came after the first was released")
	}
}

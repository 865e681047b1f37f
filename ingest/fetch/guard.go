package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
)

// ErrRefused marks a request byline would not make: a redirect away from
// http(s), a file the origin may not read, or a loopback or private address
// reached from a public one.
var ErrRefused = errors.New("refused")

// reach is what a request may reach, decided by the address the user gave
// (its origin): files only from a feed added by path, loopback and private
// addresses only from an origin at such an address. A feed on the web thus
// cannot make byline read /etc/hosts or a router's admin page through a
// redirect, an item link or a name that resolves to 127.0.0.1.
type reach struct {
	files   bool
	private bool
}

type reachKey struct{}

// reachOf returns what a request from origin may reach.
func reachOf(origin string) reach {
	u, err := url.Parse(origin)
	if err != nil {
		return reach{}
	}
	if u.Scheme == "file" {
		return reach{files: true}
	}
	return reach{private: localName(u.Hostname())}
}

// localName reports whether host, as the user wrote it, names a machine on
// the user's own network: a loopback or private address, localhost, or a
// name no public DNS serves (one label, .local, .lan, .internal, .home.arpa).
// Only user-typed origins are judged by name; where a request may go is
// judged by the address it is dialled at.
func localName(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if a, err := netip.ParseAddr(host); err == nil {
		return privateAddr(a)
	}
	if host == "" {
		return false
	}
	if !strings.Contains(host, ".") {
		return true
	}
	for _, suffix := range []string{".localhost", ".local", ".lan", ".internal", ".home.arpa"} {
		if strings.HasSuffix(host, suffix) {
			return true
		}
	}
	return false
}

// privateAddr reports whether a is loopback (127.0.0.0/8, ::1), private
// (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10)
// or unspecified (0.0.0.0 and :: reach this machine).
func privateAddr(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsUnspecified()
}

// reachFrom is the reach a request's context carries, or its own URL's
// when none was set.
func reachFrom(req *http.Request) reach {
	if r, ok := req.Context().Value(reachKey{}).(reach); ok {
		return r
	}
	return reachOf(req.URL.String())
}

// checkRedirect lets a redirect through only to http(s), and, for a public
// origin, not to an address written as loopback or private: the dial check
// catches names that resolve there, this gives the clearer message.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("%w a redirect to %s: a web address may only redirect to http or https", ErrRefused, req.URL.Redacted())
	}
	if host := req.URL.Hostname(); !reachFrom(req).private && localName(host) {
		return fmt.Errorf("%w a redirect to %s: a local address, reached from a public one", ErrRefused, req.URL.Redacted())
	}
	return nil
}

// Network is how a Transport finds and connects to hosts; a nil field takes
// the system's. Tests set both to serve a public-looking name from a
// loopback listener while the address checks see the name's pretended
// address.
type Network struct {
	LookupIP func(ctx context.Context, host string) ([]netip.Addr, error)
	Dial     func(ctx context.Context, network, addr string) (net.Conn, error)
}

// NewTransport returns the transport byline fetches with: Go's default
// transport, with every connection of a request from a public origin
// refused when the address it would dial is loopback or private. The
// address checked is the one dialled (the name is resolved once, checked,
// and its checked address connected to), so a name that resolves to
// 127.0.0.1, at once or on a second lookup, is refused too. Connections for
// public and local origins are pooled apart, so a connection opened for a
// local feed is never reused for a public one. n may be nil.
func NewTransport(n *Network) http.RoundTripper {
	g := &guard{}
	if n != nil {
		g.net = *n
	}
	if g.net.LookupIP == nil {
		g.net.LookupIP = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if g.net.Dial == nil {
		g.net.Dial = (&net.Dialer{}).DialContext
	}
	base := http.DefaultTransport.(*http.Transport)
	g.local = base.Clone()
	g.public = base.Clone()
	if n != nil && n.Dial != nil {
		// A test network: no proxy from the environment may take its
		// requests off the machine.
		g.local.Proxy, g.public.Proxy = nil, nil
	}
	g.local.DialContext = g.dialer(true)
	g.public.DialContext = g.dialer(false)
	if g.public.Proxy != nil {
		proxy := g.public.Proxy
		g.public.Proxy = func(req *http.Request) (*url.URL, error) {
			u, err := proxy(req)
			if u != nil {
				g.allowProxy(u)
			}
			return u, err
		}
	}
	return g
}

type guard struct {
	net           Network
	local, public *http.Transport

	mu      sync.Mutex
	proxies map[string]bool // proxy host:port from the environment, which may be local
}

func (g *guard) RoundTrip(req *http.Request) (*http.Response, error) {
	if reachFrom(req).private {
		return g.local.RoundTrip(req)
	}
	return g.public.RoundTrip(req)
}

func (g *guard) allowProxy(u *url.URL) {
	port := u.Port()
	if port == "" {
		port = map[string]string{"https": "443", "socks5": "1080"}[u.Scheme]
		if port == "" {
			port = "80"
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.proxies == nil {
		g.proxies = map[string]bool{}
	}
	g.proxies[net.JoinHostPort(u.Hostname(), port)] = true
}

func (g *guard) isProxy(addr string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.proxies[addr]
}

// dialer resolves addr's host, refuses it unless private is allowed or
// every address is public, and connects to a checked address.
func (g *guard) dialer(private bool) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if private || g.isProxy(addr) {
			return g.net.Dial(ctx, network, addr)
		}
		addrs, err := g.lookup(ctx, host)
		if err != nil {
			return nil, err
		}
		for _, a := range addrs {
			if privateAddr(a) {
				return nil, fmt.Errorf("%w %s: it is at %s, a loopback or private address, reached from a public one", ErrRefused, host, a.Unmap())
			}
		}
		var firstErr error
		for _, a := range addrs {
			conn, err := g.net.Dial(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
			if err == nil {
				return conn, nil
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		return nil, firstErr
	}
}

func (g *guard) lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a}, nil
	}
	addrs, err := g.net.LookupIP(ctx, host)
	if err == nil && len(addrs) == 0 {
		err = fmt.Errorf("no address for %s", host)
	}
	return addrs, err
}

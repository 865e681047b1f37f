package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// politeTransport holds the fetch limits across every fetch.Fetcher call of
// a run. A fetch downloads the feeds in one call and, as each feed comes in,
// the pages of its teaser items in another; the fetcher bounds each call on
// its own, so without a shared budget a site whose feed and articles are both
// fetched would see several times two requests at once.
//
// It also times each request from the moment it holds its slots, not from
// when it was queued: a page waiting behind others for a busy host must not
// run out of time before it has begun.
type politeTransport struct {
	base    http.RoundTripper
	timeout time.Duration // per request, body included
	perHost int
	all     chan struct{}

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func newPoliteTransport(base http.RoundTripper, concurrency, perHost int, timeout time.Duration) *politeTransport {
	return &politeTransport{
		base:    base,
		timeout: timeout,
		perHost: perHost,
		all:     make(chan struct{}, concurrency),
		hosts:   map[string]chan struct{}{},
	}
}

func (t *politeTransport) hostSlots(host string) chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	host = strings.ToLower(host)
	if t.hosts[host] == nil {
		t.hosts[host] = make(chan struct{}, t.perHost)
	}
	return t.hosts[host]
}

// RoundTrip waits for a slot for the request's host and one of the run's,
// then sends it; the slots are held until the response body is closed.
func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	host := t.hostSlots(req.URL.Host)
	select {
	case host <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case t.all <- struct{}{}:
	case <-ctx.Done():
		<-host
		return nil, ctx.Err()
	}
	ctx, cancel := context.WithTimeout(ctx, t.timeout)
	release := sync.OnceFunc(func() {
		cancel()
		<-t.all
		<-host
	})
	resp, err := t.base.RoundTrip(req.WithContext(ctx))
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

// releasingBody gives a request's slots back when its body is closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}

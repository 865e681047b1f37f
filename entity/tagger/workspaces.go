package tagger

import (
	"runtime"
	"sync"
)

// workspaces keeps idle workspaces between tagging calls. A sync.Pool would
// drop them at every garbage collection, and an import collects often: each
// fresh workspace then regrows its buffers and relearns its word cache,
// which cost more than the tagging it served. Up to GOMAXPROCS are kept,
// one per caller that can run at once; more are left to the collector.
type workspaces struct {
	mu   sync.Mutex
	idle []*workspace
}

// get returns an idle workspace, or nil when there is none.
func (p *workspaces) get() *workspace {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.idle)
	if n == 0 {
		return nil
	}
	w := p.idle[n-1]
	p.idle[n-1] = nil
	p.idle = p.idle[:n-1]
	return w
}

// put hands w back for the next call.
func (p *workspaces) put(w *workspace) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) < runtime.GOMAXPROCS(0) {
		p.idle = append(p.idle, w)
	}
}

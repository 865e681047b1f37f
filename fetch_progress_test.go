package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer the progress ticker may write to while the
// test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The progress line is drawn at once, before any feed answers, redrawn in
// place on one line as feeds are stored, and cleared at the end.
func TestFetchProgressLine(t *testing.T) {
	var w lockedBuffer
	p := startFetchProgress(&w, 3, time.Hour)
	p.update(1, 0)
	p.update(2, 37)
	p.stop()
	p.stop()
	// On a slow machine a redraw may carry the seconds so far.
	got := regexp.MustCompile(` · \d+s`).ReplaceAllString(w.String(), "")
	const clear = "\r\x1b[2K"
	want := clear + "fetching 0/3 feeds" + clear + "fetching 1/3 feeds" + clear + "fetching 2/3 feeds · 37 new" + clear
	if got != want {
		t.Errorf("drew %q\nwant %q", got, want)
	}
	if strings.Contains(got, "\n") {
		t.Error("the progress line took more than one line")
	}

	// The line keeps moving while a slow server makes every feed wait.
	var slow lockedBuffer
	p = startFetchProgress(&slow, 1, 10*time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(slow.String(), "fetching 0/1 feed") < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	p.stop()
	if n := strings.Count(slow.String(), "fetching 0/1 feed"); n < 3 {
		t.Errorf("drawn %d times while waiting: %q", n, slow.String())
	}
	var nothing *fetchProgress
	nothing.stop() // stderr not a terminal: no line to clear
}

// When stderr is not a terminal, fetch adds nothing to it: scripts read
// the same output as before.
func TestFetchNoProgressWhenNotATerminal(t *testing.T) {
	srv := newFeedServer(t, 2, 3, 40, false)
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", srv.feedURL(0), "--full-text", "never")
	mustRun(t, db, 0, "feed", "add", srv.feedURL(1), "--full-text", "never")
	out, errs := mustRun(t, db, 0, "fetch")
	if out != "2 feeds ok, 0 failed; 6 new articles\n" || errs != "" {
		t.Errorf("stdout %q, stderr %q", out, errs)
	}
}

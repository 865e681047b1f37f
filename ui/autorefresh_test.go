package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// With refresh = "30m" the reader fetches on its own, in the background as
// r does, and keeps one clock: a tick that comes while a fetch still runs
// waits for the next, and a stale tick does nothing.
func TestAutoRefreshFetchesOnTheClock(t *testing.T) {
	st := openStore(t, fixtures())
	srv := newNewsServer(t, 3) // no feed held back
	subscribe(t, st, srv, 2)
	m := newModel(t, st, 160, 45, Options{Refresh: pipeline(st)})
	before := m.ListLen()

	var ticks []time.Duration
	m.tick = func(d time.Duration, _ func(time.Time) tea.Msg) tea.Cmd {
		ticks = append(ticks, d)
		return nil
	}
	m.opts.AutoRefresh = 30 * time.Minute
	run(t, m, m.scheduleAutoRefresh())
	if len(ticks) != 1 || ticks[0] != 30*time.Minute {
		t.Fatalf("ticks scheduled %v, want one of 30m", ticks)
	}
	run(t, m, m.Update(autoRefreshMsg{Gen: m.autoRefreshGen - 1}))
	if m.Fetching() || len(ticks) != 1 {
		t.Fatal("a stale tick started a fetch or a second clock")
	}
	run(t, m, m.Update(autoRefreshMsg{Gen: m.autoRefreshGen}))
	if m.Fetching() {
		t.Fatal("the fetch did not finish")
	}
	if m.ListLen() <= before {
		t.Errorf("after the tick the list has %d articles, want more than %d", m.ListLen(), before)
	}
	if len(ticks) != 2 {
		t.Errorf("after the tick %d ticks were scheduled, want the next one (2)", len(ticks))
	}
}

// Off by default: no clock runs unless the config sets refresh.
func TestAutoRefreshOffByDefault(t *testing.T) {
	st := openStore(t, fixtures())
	m := newModel(t, st, 160, 45, Options{Refresh: pipeline(st)})
	m.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
		t.Fatal("a refresh clock was started with refresh unset")
		return nil
	}
	if cmd := m.scheduleAutoRefresh(); cmd != nil {
		t.Fatal("scheduleAutoRefresh returned a command with refresh unset")
	}
}

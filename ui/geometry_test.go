package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// sweepWidths covers 1–250 columns: every width where layouts change or
// panes get cramped (1–45, around 80 and 120), and a step elsewhere to keep
// the sweep to seconds.
func sweepWidths() []int {
	step := 7
	if raceEnabled {
		step = 23
	}
	var ws []int
	for w := 1; w <= 250; w++ {
		dense := w <= 45 || (w >= 76 && w <= 84) || (w >= 115 && w <= 125) || w == 250
		if dense || w%step == 0 {
			ws = append(ws, w)
		}
	}
	return ws
}

// TestGeometrySweep draws every screen state at every size and checks what
// a user would see break: a panic, a line wider than the terminal (it would
// wrap and shift everything below), or more lines than the terminal has.
func TestGeometrySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("geometry sweep skipped in -short mode")
	}
	states := []struct {
		name  string
		empty bool
		keys  []string
		fetch []tea.Msg // what a refresh started with r reports
	}{
		{name: "list focus"},
		{name: "reader focus", keys: []string{"j", "enter", "j", "j"}},
		{name: "sidebar", keys: []string{"tab", "tab", "e", "j"}},
		{name: "help open", keys: []string{"?"}},
		{name: "pins active", keys: []string{"e", "enter", "j", "space", "e", "n"}},
		{name: "entity view open", keys: []string{"o", "a", "n"}},
		{name: "entity view merge asked", keys: []string{"o", "space", "down", "space", "M"}},
		{name: "entity view rename typed", keys: []string{"o", "R", "x", "y", "z"}},
		{name: "entity view type asked", keys: []string{"o", "T"}},
		{name: "search prompt open", keys: []string{"/", "f", "e", "r", "r", "y"}},
		{name: "pin legend selected", keys: []string{"e", "enter", "j", "space", "k", "k", "k"}},
		{name: "mark all asked", keys: []string{"A"}},
		{name: "all marked read", keys: []string{"A", "y"}},
		{name: "empty store", empty: true},
		{name: "fetching", keys: []string{"j"}, fetch: []tea.Msg{refreshProgressMsg{Run: 1, Done: 3, Total: 12}}},
		{name: "fetch summary", fetch: []tea.Msg{refreshDoneMsg{Run: 1, Summary: "feeds 12 ok, 1 failed; 37 new articles"}}},
	}
	lib := openStore(t, fixtures())
	empty := openStore(t, nil)
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			l := Library(lib)
			if st.empty {
				l = empty
			}
			// Keys are pressed at a medium size, where `e` toggles the sidebar.
			opts := Options{Hint: "demo articles — import your own: byline import PATH"}
			if st.fetch != nil {
				// A fetch that never ends: the sweep draws it mid-way.
				opts.Refresh = func(ctx context.Context, _ func(int, int, int)) (string, error) {
					<-ctx.Done()
					return "", ctx.Err()
				}
			}
			m := newModel(t, l, 100, 30, opts)
			for _, k := range st.keys {
				press(t, m, k)
			}
			if st.fetch != nil {
				// The fetch's Cmds never run (they would wait for it to end):
				// the messages below stand in for what it reports.
				m.Update(keyMsg("r"))
				for _, msg := range st.fetch {
					m.Update(msg)
				}
			}
			for _, w := range sweepWidths() {
				for h := 1; h <= 60; h++ {
					run(t, m, m.Update(tea.WindowSizeMsg{Width: w, Height: h}))
					checkFrame(t, m.View().Content, w, h)
				}
			}
		})
	}
}

func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%dx%d: line %d is %d wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}

package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestStatusHintsKeepHelpAndQuit is part of item 12: on a narrow status bar
// the pane's keys give way first; ? and q stay, and q says "back" where it
// goes back.
func TestStatusHintsKeepHelpAndQuit(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 50, 20, Options{})
	s := status(m)
	if !strings.Contains(s, "? help") || !strings.Contains(s, "q quit") || !strings.Contains(s, "enter read") {
		t.Fatalf("status at 50 columns: %q", s)
	}
	if strings.Contains(s, "…") {
		t.Errorf("hints cut mid-way: %q", s)
	}
	press(t, m, "enter")
	if s := status(m); !strings.Contains(s, "? help") || !strings.Contains(s, "q back") {
		t.Fatalf("status in the reader: %q", s)
	}
	run(t, m, m.Update(tea.WindowSizeMsg{Width: 40, Height: 20}))
	if s := status(m); !strings.Contains(s, "q back") {
		t.Fatalf("status at 40 columns: %q", s)
	}
}

// TestTooSmallSaysTheSizeItNeeds is part of item 12: however narrow, the
// too-small line keeps the size byline needs.
func TestTooSmallSaysTheSizeItNeeds(t *testing.T) {
	for _, size := range [][2]int{{35, 8}, {39, 30}, {20, 5}, {12, 3}, {6, 2}} {
		m := newModel(t, openStore(t, nil), size[0], size[1], Options{})
		got := screen(m)
		if len(got) != 1 || !strings.Contains(got[0], "40×10") {
			t.Errorf("%dx%d: %q", size[0], size[1], got)
		}
	}
}

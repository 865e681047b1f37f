package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestResizeMovesFocusToAVisiblePane is issue 13's item 2: the sidebar had
// focus at 160 columns; at 100 it is hidden, so focus moves to the reader,
// the status bar says so, and keys no longer pin entities out of sight.
func TestResizeMovesFocusToAVisiblePane(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "tab")
	press(t, m, "tab")
	if m.Focus() != FocusSidebar {
		t.Fatalf("tab tab: focus %v, want the sidebar", m.Focus())
	}
	run(t, m, m.Update(tea.WindowSizeMsg{Width: 100, Height: 30}))
	if m.Focus() != FocusReader {
		t.Fatalf("after the resize focus is on %v, want the reader", m.Focus())
	}
	if s := status(m); !strings.Contains(s, "reader") || strings.Contains(s, "entities") {
		t.Fatalf("status bar after the resize: %q", s)
	}
	if !contains(m, "▸ Article") {
		t.Fatalf("no pane is marked focused:\n%s", strings.Join(screen(m), "\n"))
	}
	for _, k := range []string{"j", "j", "enter"} {
		press(t, m, k)
	}
	if len(m.Pins()) != 0 {
		t.Fatalf("keys pinned %+v in a hidden sidebar", m.Pins())
	}
	// Back at a wide size the sidebar is shown again, and tab reaches it.
	run(t, m, m.Update(tea.WindowSizeMsg{Width: 160, Height: 45}))
	press(t, m, "tab")
	if m.Focus() != FocusSidebar {
		t.Fatalf("tab at 160 after the resize: focus %v", m.Focus())
	}
}

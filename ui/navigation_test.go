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

// TestFilterAndSearchKeepThePlace is item 4: toggling the unread filter
// twice, or searching and then clearing the search, keeps the selected
// article selected and in the reader when the new list still holds it.
func TestFilterAndSearchKeepThePlace(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "m") // the newest is read: the unread list starts one row later
	press(t, m, "j")
	press(t, m, "j") // the rocket club
	want := fixtures()[2].Title
	check := func(after string, row int) {
		t.Helper()
		if a := m.ReaderArticle(); a == nil || a.Title != want {
			t.Fatalf("after %s the reader shows %v, want %q", after, a, want)
		}
		if it, ok := m.list.Selected(); !ok || it.Title != want || m.SelectedIndex() != row {
			t.Fatalf("after %s row %d (%q) is selected, want %q on row %d", after, m.SelectedIndex(), it.Title, want, row)
		}
	}
	press(t, m, "u")
	check("u", 1)
	press(t, m, "u")
	check("u u", 2)

	// A search lists its best hit first; esc then keeps the hit chosen.
	press(t, m, "/")
	typeText(t, m, "launch")
	press(t, m, "enter")
	check("a search for launch", 0)
	press(t, m, "esc")
	check("esc after the search", 2)

	// An article the new list lacks gives way to the top row.
	press(t, m, "g") // the newest, read
	press(t, m, "u")
	if m.SelectedIndex() != 0 || m.ReaderArticle() == nil || m.ReaderArticle().Title != fixtures()[1].Title {
		t.Fatalf("u with the read article selected: row %d, reader %v", m.SelectedIndex(), m.ReaderArticle())
	}
}

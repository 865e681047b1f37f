package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
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

// TestNarrowReaderHasAWayBack is item 5: under 80 columns the reader fills
// the screen; esc, h and left go back to the list, and so does q, which
// quits only from the list.
func TestNarrowReaderHasAWayBack(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 70, 20, Options{})
	for _, k := range []string{"esc", "h", "left", "q"} {
		press(t, m, "j")
		press(t, m, "enter")
		if m.Focus() != FocusReader || !contains(m, "▸ Article") {
			t.Fatalf("enter: focus %v", m.Focus())
		}
		if press(t, m, k) {
			t.Fatalf("%s in the reader quit", k)
		}
		if m.Focus() != FocusList || !contains(m, "▸ Articles") {
			t.Fatalf("%s in the reader: focus %v, screen:\n%s", k, m.Focus(), strings.Join(screen(m), "\n"))
		}
	}
	if m.SelectedIndex() != 4 {
		t.Fatalf("going back moved the list to row %d, want 4", m.SelectedIndex())
	}
	// Back before the filters: esc in the reader leaves the search alone.
	press(t, m, "/")
	typeText(t, m, "nordvik")
	press(t, m, "enter")
	press(t, m, "enter")
	press(t, m, "esc")
	if m.Focus() != FocusList || !strings.Contains(status(m), "hit") {
		t.Fatalf("esc in the reader: focus %v, status %q", m.Focus(), status(m))
	}
	press(t, m, "tab")
	press(t, m, "tab") // the sidebar
	press(t, m, "q")
	if m.Focus() != FocusList {
		t.Fatalf("q in the sidebar: focus %v", m.Focus())
	}
	if !press(t, m, "q") {
		t.Fatal("q on the list did not quit")
	}
}

// TestNarrowEnterEscTeatest is the bar of item 5 in the real program: at
// 70x20, enter then esc shows the list again.
func TestNarrowEnterEscTeatest(t *testing.T) {
	m := New(openStore(t, fixtures()), Options{ReadDelay: -1})
	tm := teatest.NewTestModel(t, m.TeaModel(), teatest.WithInitialTermSize(70, 20))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Articles")) },
		teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(program).m
	if final.Focus() != FocusList || !final.lay.List.Visible() || final.lay.Reader.Visible() {
		t.Fatalf("after enter esc q: focus %v, layout %+v", final.Focus(), final.lay)
	}
}

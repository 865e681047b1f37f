package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func stripANSI(s string) string { return ansi.Strip(s) }

// contains reports whether any screen line holds s.
func contains(m *Model, s string) bool {
	return strings.Contains(strings.Join(screen(m), "\n"), s)
}

func TestNavigationMovesTheSelectionAndTheReaderFollows(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	if got := m.ReaderArticle(); got == nil || !strings.Contains(got.Title, "ferry line") {
		t.Fatalf("reader shows %v, want the newest article", got)
	}
	steps := []struct {
		key   string
		index int
		title string // part of the reader's title
	}{
		{"j", 1, "図書館"},
		{"down", 2, "rocket club"},
		{"k", 1, "図書館"},
		{"G", 5, "weather station"},
		{"g", 0, "ferry line"},
		{"pgdown", 5, "weather station"},
		{"pgup", 0, "ferry line"},
		{"ctrl+d", 5, "weather station"},
		{"ctrl+u", 0, "ferry line"},
		{"up", 0, "ferry line"}, // already at the top
	}
	for _, s := range steps {
		press(t, m, s.key)
		if m.SelectedIndex() != s.index {
			t.Fatalf("after %s: selected %d, want %d", s.key, m.SelectedIndex(), s.index)
		}
		if a := m.ReaderArticle(); a == nil || !strings.Contains(a.Title, s.title) {
			t.Fatalf("after %s: reader shows %v, want %q", s.key, a, s.title)
		}
		if !contains(m, s.title) {
			t.Fatalf("after %s: %q not on screen", s.key, s.title)
		}
	}
	if !contains(m, "1/6") {
		t.Error("status bar does not show the position 1/6")
	}
}

func TestFocusCycles(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	want := []Focus{FocusReader, FocusSidebar, FocusList, FocusReader}
	for _, f := range want {
		press(t, m, "tab")
		if m.Focus() != f {
			t.Fatalf("tab: focus %v, want %v", m.Focus(), f)
		}
	}
	press(t, m, "shift+tab")
	if m.Focus() != FocusList {
		t.Fatalf("shift+tab: focus %v, want list", m.Focus())
	}
	press(t, m, "enter")
	if m.Focus() != FocusReader || !contains(m, "reader") {
		t.Fatalf("enter on the list: focus %v, want reader", m.Focus())
	}
}

func TestMediumWidthSidebarToggles(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 100, 30, Options{})
	if contains(m, "Entities") {
		t.Fatal("sidebar shown at 100 columns before e")
	}
	press(t, m, "tab")
	press(t, m, "tab")
	if m.Focus() != FocusList {
		t.Fatalf("tab skipped to %v; the hidden sidebar must not take focus", m.Focus())
	}
	press(t, m, "e")
	if !contains(m, "Entities") || !contains(m, "Nordvik Ferry Trust") || m.Focus() != FocusSidebar {
		t.Fatalf("e did not open and focus the sidebar:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "e")
	if contains(m, "Entities") || m.Focus() != FocusReader {
		t.Fatal("second e did not close the sidebar")
	}
}

func TestNarrowShowsOnePaneAtATime(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 60, 20, Options{})
	for _, want := range []string{"Article", "Entities", "Articles"} {
		press(t, m, "tab")
		if !contains(m, "▸ "+want) {
			t.Fatalf("after tab, want the %s pane:\n%s", want, strings.Join(screen(m), "\n"))
		}
	}
}

func TestReaderScrolls(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 80, 12, Options{})
	press(t, m, "enter")
	press(t, m, "j")
	press(t, m, "j")
	if m.reader.Offset() != 2 {
		t.Fatalf("reader offset %d after jj, want 2", m.reader.Offset())
	}
	press(t, m, "G")
	if contains(m, "ferry line to Nordvik") || !contains(m, "winter") {
		t.Fatalf("G did not reach the end of the article:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "g")
	if m.reader.Offset() != 0 {
		t.Fatal("g did not return to the top")
	}
	if m.SelectedIndex() != 0 {
		t.Fatal("keys in the reader moved the list")
	}
}

func TestHelpToggles(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 120, 40, Options{})
	if contains(m, "half page down") {
		t.Fatal("full help shown before ?")
	}
	press(t, m, "?")
	if !m.HelpOpen() || !contains(m, "half page down") || !contains(m, "previous pane") {
		t.Fatalf("? did not open the full help:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "?")
	if m.HelpOpen() || contains(m, "half page down") {
		t.Fatal("second ? did not close the help")
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newModel(t, openStore(t, nil), 80, 24, Options{})
		if !press(t, m, k) {
			t.Errorf("%s did not quit", k)
		}
	}
}

func TestMouse(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	// Click the third list row: the header is line 0, so row 2 is line 3.
	run(t, m, m.Update(tea.MouseClickMsg{X: 5, Y: 3, Button: tea.MouseLeft}))
	if m.SelectedIndex() != 2 || !strings.Contains(m.ReaderArticle().Title, "rocket") {
		t.Fatalf("click selected %d", m.SelectedIndex())
	}
	// A click in the sidebar focuses it.
	run(t, m, m.Update(tea.MouseClickMsg{X: 150, Y: 5, Button: tea.MouseLeft}))
	if m.Focus() != FocusSidebar {
		t.Fatalf("click in the sidebar: focus %v", m.Focus())
	}
	// The wheel scrolls the pane under the pointer, not the focused one.
	m2 := newModel(t, openStore(t, fixtures()), 80, 12, Options{})
	run(t, m2, m2.Update(tea.MouseWheelMsg{X: 60, Y: 5, Button: tea.MouseWheelDown}))
	if m2.reader.Offset() != wheelStep || m2.Focus() != FocusList {
		t.Fatalf("wheel over the reader: offset %d focus %v", m2.reader.Offset(), m2.Focus())
	}
}

func TestEmptyStore(t *testing.T) {
	m := newModel(t, openStore(t, nil), 120, 30, Options{})
	for _, s := range []string{"no articles yet", "0/0", "no article selected"} {
		if !contains(m, s) {
			t.Errorf("empty store: %q not on screen", s)
		}
	}
	for _, k := range []string{"j", "G", "tab", "j", "tab", "j"} {
		press(t, m, k)
	}
}

func TestLoadingNeverBlocks(t *testing.T) {
	m := New(openStore(t, fixtures()), Options{})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	// No Cmd has run: the list query is still out.
	if !contains(m, "loading…") {
		t.Fatal("no loading state before the list arrives")
	}
	m.Update(keyMsg("j"))
	m.Update(keyMsg("tab"))
	if m.Focus() != FocusReader {
		t.Fatal("keys not handled while loading")
	}
}

func TestStaleArticleDropped(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	slow := m.Update(keyMsg("j")) // loads the second article…
	fast := m.Update(keyMsg("j")) // …but the user moved on to the third
	run(t, m, fast)
	run(t, m, slow)
	if a := m.ReaderArticle(); a == nil || !strings.Contains(a.Title, "rocket") {
		t.Fatalf("a stale load replaced the reader's article: %v", a)
	}
}

// On a small terminal the help does not fit: it says so, and the move keys
// scroll it to every binding.
func TestHelpScrollsOnSmallTerminal(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 70, 20, Options{})
	press(t, m, "?")
	if !contains(m, "more lines below") || contains(m, "copy URL") {
		t.Fatalf("help at 70x20 should say there is more:\n%s", strings.Join(screen(m), "\n"))
	}
	seen := map[string]bool{}
	for range 40 {
		for _, l := range screen(m) {
			for _, want := range []string{"previous pane", "pin entity", "copy URL", "fetch feeds", "config.toml"} {
				if strings.Contains(l, want) {
					seen[want] = true
				}
			}
		}
		press(t, m, "j")
	}
	if len(seen) != 5 {
		t.Fatalf("scrolling the help showed only %v", seen)
	}
	if !contains(m, "the end") {
		t.Fatal("the bottom of the help is not marked")
	}
	press(t, m, "g")
	if !contains(m, "Keys") {
		t.Fatal("g did not go back to the top of the help")
	}
	for _, w := range screen(m) {
		if n := len([]rune(w)); n > 70 {
			t.Fatalf("help line wider than the terminal: %q", w)
		}
	}
}

// The status bar names the keys that act where the focus is, so the next
// step can be read off the screen.
func TestStatusHintsFollowFocus(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	want := []string{"/ search", "pin", "its articles", "o all entities"}
	if s := status(m); !strings.Contains(s, want[0]) {
		t.Fatalf("list status %q lacks %q", s, want[0])
	}
	press(t, m, "tab")
	if s := status(m); !strings.Contains(s, "/ find") {
		t.Fatalf("reader status %q lacks / find", s)
	}
	press(t, m, "tab")
	for _, w := range want[1:] {
		if s := status(m); !strings.Contains(s, w) {
			t.Fatalf("sidebar status %q lacks %q", s, w)
		}
	}
	press(t, m, "enter") // pin
	if s := status(m); !strings.Contains(s, "n next mention") {
		t.Fatalf("status after pinning %q lacks n next mention", s)
	}
}

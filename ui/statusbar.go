package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ui/pane"
)

// statusHints is the status bar's key hints in at most w columns. When they
// do not all fit, the pane's own keys go first, from the last; the final
// two (? help and q quit, or their stand-ins) go last of all, since they
// are how to learn every other key and how to leave.
func (m *Model) statusHints(w int) string {
	bs := m.shortHelp()
	if n := len(bs); n > 0 && !m.showHelp && !m.entityView && m.focus != FocusList && slices.Equal(bs[n-1].Keys(), m.km.Global.Quit.Keys()) {
		// q in the reader and the sidebar goes back to the list.
		bs[n-1] = key.NewBinding(key.WithKeys(bs[n-1].Keys()...), key.WithHelp(bs[n-1].Help().Key, "back"))
	}
	defer m.help.SetWidth(m.width)
	m.help.SetWidth(0) // measure whole; cut here, by importance
	for len(bs) > 0 {
		if v := m.help.ShortHelpView(bs); ansi.StringWidth(v) <= w {
			return v
		}
		drop := max(0, len(bs)-3) // the last of the pane's keys
		if len(bs) <= 2 {
			drop = 0 // then ?, then q
		}
		bs = append(bs[:drop:drop], bs[drop+1:]...)
	}
	return ""
}

// tooSmallLine is what a terminal under MinWidth×MinHeight shows: the
// longest of the messages that fits w, so the size needed is never cut off.
func tooSmallLine(w int) string {
	for _, s := range []string{tooSmall, "too small for byline: 40×10", "too small: 40×10", "need 40×10", "40×10"} {
		if ansi.StringWidth(s) <= w {
			return s
		}
	}
	return pane.Cut("40×10", w)
}

package ui

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/reader"
	"github.com/bylinehq/byline/ui/sidebar"
	"github.com/bylinehq/byline/ui/styles"
)

// togglePin pins e, in the first free colour, or unpins it when it is
// pinned. Pins are by identity (by name and type for an entity outside the
// store), so they outlast the article and light up all of its names.
func (m *Model) togglePin(e model.EntityCount) {
	for i, p := range m.pins {
		if reader.SameEntity(p.ID, p.Name, p.Type, e.ID, e.Name, e.Type) {
			m.pins = append(m.pins[:i:i], m.pins[i+1:]...)
			m.pinsChanged()
			return
		}
	}
	if len(m.pins) >= styles.PinColours {
		m.note = strconv.Itoa(styles.PinColours) + " entities pinned already: unpin one in the legend (top of entities) or P unpins all"
		return
	}
	used := make([]bool, styles.PinColours)
	for _, p := range m.pins {
		used[p.Slot] = true
	}
	slot := 0
	for used[slot] {
		slot++
	}
	m.pins = append(m.pins, reader.Pin{ID: e.ID, Name: e.Name, Type: e.Type, Slot: slot})
	m.pinsChanged()
}

// pinsChanged hands the pins to the reader (which repaints at once) and to
// the sidebar's legend.
func (m *Model) pinsChanged() {
	m.reader.SetPins(m.pins)
	legend := make([]sidebar.Pinned, len(m.pins))
	for i, p := range m.pins {
		legend[i] = sidebar.Pinned{ID: p.ID, Name: p.Name, Type: p.Type, Slot: p.Slot}
	}
	m.sidebar.SetPins(legend)
}

// nextMention moves the reader to the next or previous pinned mention (or
// find hit), or says how to get some.
func (m *Model) nextMention(d int) {
	if (len(m.pins) > 0 || m.reader.Find() != "") && !m.lay.Reader.Visible() {
		m.setFocus(FocusReader) // one pane at a time: show the mention
	}
	if m.reader.NextMention(d) {
		return
	}
	switch {
	case m.reader.Find() != "":
		m.note = "no match for " + strconv.Quote(m.reader.Find()) + " in this article"
	case len(m.pins) == 0:
		m.note = "pin an entity first: enter on it in the entities pane (e)"
	default:
		m.note = "no pinned entity in this article"
	}
}

// markRead marks the article on show read, once.
func (m *Model) markRead() tea.Cmd {
	it, ok := m.list.Selected()
	if !ok || it.ID != m.articleID || it.Read {
		return nil
	}
	m.readReq++
	return m.setState(it, true, it.Starred)
}

// articleURL opens the selected article's URL in the browser, or copies it
// to the clipboard with OSC 52.
func (m *Model) articleURL(copyIt bool) tea.Cmd {
	it, ok := m.list.Selected()
	if !ok {
		return nil
	}
	u, err := safeURL(it.URL)
	if err != nil {
		m.note = err.Error()
		return nil
	}
	if copyIt {
		m.note = "copied " + u
		return tea.SetClipboard(u)
	}
	return m.open(m.opts.Browser, u)
}

// unpinAll takes every pin off, from any article: pins are global, so the
// ones pinned elsewhere must be as easy to clear as the ones in view.
func (m *Model) unpinAll() {
	if len(m.pins) == 0 {
		m.note = "nothing is pinned"
		return
	}
	m.pins = nil
	m.pinsChanged()
}

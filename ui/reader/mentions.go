package reader

import (
	tea "charm.land/bubbletea/v2"
	"slices"
)

// show makes r, rendered for key k, the text on screen.
func (m *Model) show(r *rendering, k CacheKey) {
	m.raw, m.shown, m.busy = r, k, false
	m.repaint()
	m.clamp()
	if d := m.jump; d != 0 {
		m.jump = 0
		m.NextMention(d)
	}
}

// repaint re-styles the current rendering for the pins, the tint and the
// current mention. It costs one pass over the article's text, no render.
func (m *Model) repaint() {
	if m.raw == nil || m.article == nil {
		return
	}
	cur := -1
	if m.cur >= 0 && m.cur < len(m.targets) {
		cur = m.targets[m.cur]
	}
	pins := m.pins
	if m.find != "" {
		pins = nil
	}
	p := paint(m.raw, m.article, paintState{pins: pins, tint: m.tint && m.find == "", cur: cur}, m.marks)
	m.lines, m.targets = p.lines, p.targets
	if m.cur >= len(m.targets) {
		m.cur = -1
	}
}

// SetPins sets the pinned entities; their mentions are painted at once
// from the current rendering, and n and N start again from the top.
func (m *Model) SetPins(pins []Pin) {
	m.pins = slices.Clone(pins)
	m.cur = -1
	m.repaint()
}

// SetTint turns the per-type tint of unpinned entities on or off.
func (m *Model) SetTint(on bool) {
	m.tint = on
	m.repaint()
}

// SetFind searches the article for q (any case) and marks every hit; ""
// ends the search and brings the pins back. Hits are marked before
// rendering, so this returns the render Cmd (nil when cached).
func (m *Model) SetFind(q string) tea.Cmd {
	if q == m.find {
		return nil
	}
	m.find, m.cur = q, -1
	return m.RenderCmd()
}

// Find is the text searched for in the article, or "".
func (m Model) Find() string { return m.find }

// NextMention moves to the next (d = 1) or previous (d = -1) mention of a
// pinned entity, or hit of the search, wrapping around at either end, and
// scrolls it into view. It reports whether there was one to move to.
func (m *Model) NextMention(d int) bool {
	if m.raw == nil && m.article != nil && (m.pins != nil || m.find != "") {
		m.jump = d // not drawn yet (a hidden pane): go there once it is
		return true
	}
	n := len(m.targets)
	if n == 0 {
		return false
	}
	switch {
	case m.cur < 0 && d >= 0:
		m.cur = m.firstBelow()
	case m.cur < 0:
		m.cur = (m.firstBelow() - 1 + n) % n
	default:
		m.cur = ((m.cur+d)%n + n) % n
	}
	m.repaint()
	if line := m.raw.at[m.targets[m.cur]]; line < m.offset || line >= m.offset+m.bodyHeight() {
		m.offset = line - m.bodyHeight()/3
		m.clamp()
	}
	return true
}

// firstBelow is the first target at or below the top of the view, so the
// first n goes to the next mention on screen rather than back to the top.
func (m Model) firstBelow() int {
	for i, k := range m.targets {
		if m.raw.at[k] >= m.offset {
			return i
		}
	}
	return 0
}

// Mention reports the current mention k (1-based; 0 before the first n)
// of n, and whether they are search hits rather than pinned mentions.
func (m Model) Mention() (k, n int, find bool) {
	return m.cur + 1, len(m.targets), m.find != ""
}

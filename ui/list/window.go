package list

import (
	"slices"
	"strconv"
)

// Window sizes: Margin is how close to an edge of the window the selection
// comes before the next rows are asked for (more than any page key moves,
// so the selection never waits); MaxRows is the most the window keeps, so
// the list's memory stays flat however far one scrolls.
const (
	Margin  = 100
	MaxRows = 600
)

// counts are the list's exact numbers, once a count has arrived.
type counts struct {
	known         bool
	total, unread int
	estimate      int // a guess at total shown (≈) until it is known; 0 none
}

// read moves the unread count when a row goes from read was to read now.
func (c *counts) read(was, now bool) {
	switch {
	case !c.known || was == now:
	case now:
		c.unread = max(0, c.unread-1)
	default:
		c.unread = min(c.total, c.unread+1)
	}
}

// SetWindow replaces the rows held with items, which are rows base on of
// the list; atEnd says they run to its last row. It ends the loading state;
// a window that is the whole list counts it. The selection stays on the
// same row number, clamped to the window.
func (m *Model) SetWindow(items []Item, base int, atEnd bool) {
	m.items, m.base, m.atEnd = items, base, atEnd
	m.dated = slices.ContainsFunc(items, func(it Item) bool { return !it.Published.IsZero() })
	m.loading = false
	m.err = ""
	if base == 0 && atEnd {
		m.count = counts{known: true, total: len(items), unread: unreadIn(items)}
	}
	m.fitCursor()
	m.keepInWindow()
}

// Extend adds rows fetched after the window (or, backward, before it);
// atEdge says they reach the list's end (or start). The window drops rows
// from its far side beyond MaxRows.
func (m *Model) Extend(items []Item, backward, atEdge bool) {
	if backward {
		m.items = append(slices.Clone(items), m.items...)
		m.base = max(0, m.base-len(items))
		if atEdge {
			m.base = 0
		}
		if extra := len(m.items) - MaxRows; extra > 0 {
			m.items = m.items[:MaxRows]
			m.atEnd = false
		}
	} else {
		m.items = append(m.items, items...)
		m.atEnd = atEdge
		if extra := len(m.items) - MaxRows; extra > 0 {
			m.items = slices.Clone(m.items[extra:])
			m.base += extra
		}
	}
	if !m.dated {
		m.dated = slices.ContainsFunc(items, func(it Item) bool { return !it.Published.IsZero() })
	}
	m.fitCursor()
}

// SetCount records the list's exact size and its unread articles.
func (m *Model) SetCount(total, unread int) {
	m.count = counts{known: true, total: total, unread: unread}
	m.fitCursor()
}

// ForgetCount drops the count (and estimate) of the list shown before, for
// a list under another filter.
func (m *Model) ForgetCount() {
	m.count = counts{}
	m.fitCursor()
}

// SetEstimate records a guess at the list's size, shown as ≈ until
// SetCount gives the exact one.
func (m *Model) SetEstimate(n int) {
	if !m.count.known {
		m.count.estimate = n
	}
}

// Counted reports whether the list's exact size is known.
func (m Model) Counted() bool { return m.count.known }

// Total is the list's size as the status bar shows it: exact ("95540"), an
// estimate ("≈95k") or, with neither, the rows known so far ("200+").
func (m Model) Total() string {
	switch {
	case m.count.known:
		return strconv.Itoa(m.count.total)
	case m.count.estimate >= 10_000:
		return "≈" + strconv.Itoa(m.count.estimate/1000) + "k"
	case m.count.estimate > 0:
		return "≈" + strconv.Itoa(m.count.estimate)
	case m.atEnd:
		return strconv.Itoa(m.base + len(m.items))
	}
	return strconv.Itoa(m.base+len(m.items)) + "+"
}

// AtStart and AtEnd report whether the window holds the list's first (or
// last) row, so g (or G) needs no fetch.
func (m Model) AtStart() bool { return m.base == 0 }

// AtEnd: see AtStart.
func (m Model) AtEnd() bool { return m.atEnd }

// First and Last are the window's first and last rows: the keys the rows
// before and after it are fetched from. ok is false for an empty window.
func (m Model) First() (Item, bool) { return m.at(m.base) }

// Last: see First.
func (m Model) Last() (Item, bool) { return m.at(m.base + len(m.items) - 1) }

// Base is the list row of the window's first row.
func (m Model) Base() int { return m.base }

// WindowLen is how many rows the window holds.
func (m Model) WindowLen() int { return len(m.items) }

// Need says which rows to fetch next, if any: after the window (backward
// false) when the selection is within Margin of its end and the list goes
// on, or before it when within Margin of its start.
func (m Model) Need() (backward, ok bool) {
	switch {
	case !m.atEnd && m.cur.Index >= m.base+len(m.items)-Margin:
		return false, true
	case m.base > 0 && m.cur.Index < m.base+Margin:
		return true, true
	}
	return false, false
}

// fitCursor sets the cursor's length: the whole list once counted, else the
// rows up to the window's end.
func (m *Model) fitCursor() {
	if m.count.known {
		m.cur.Len = m.count.total
	} else {
		m.cur.Len = m.base + len(m.items)
	}
	m.cur.Clamp()
}

// keepInWindow keeps the selection on a row the window holds: a key that
// would go past it stops at its edge until the rows beyond have loaded.
func (m *Model) keepInWindow() {
	if len(m.items) == 0 {
		return
	}
	i := max(m.base, min(m.cur.Index, m.base+len(m.items)-1))
	if i != m.cur.Index {
		m.cur.Set(i)
	}
}

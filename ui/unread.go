package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// markAll is the state of A, mark everything listed read: the question
// while it waits for y, then what U would undo.
type markAll struct {
	asking bool
	undo   []int64 // the articles the last A marked read; nil: nothing to undo
	req    int     // id of the newest A or U, to drop a stale store answer
}

// markedMsg answers a mark-all (or its undo) with the ids the store changed.
type markedMsg struct {
	Req     int
	Read    bool
	Changed []int64
	Err     error
}

// nextUnread selects the next (d 1) or previous (d -1) unread article in
// the list, from the selected one; the reader follows.
func (m *Model) nextUnread(d int) tea.Cmd {
	if i, ok := m.list.NextUnread(d); ok {
		m.list.Select(i)
		return m.followSelection()
	}
	if m.list.UnreadCount() > 0 && ((d > 0 && !m.list.AtEnd()) || (d < 0 && !m.list.AtStart())) {
		// Not in the window: go to its edge, and on once the rows beyond
		// have loaded.
		if d > 0 {
			m.list.Select(m.list.Base() + m.list.WindowLen() - 1)
		} else {
			m.list.Select(m.list.Base())
		}
		m.pendingUnread = d
		cmd := m.followSelection()
		if !m.pageBusy {
			m.pendingUnread = 0 // nothing to wait for
		}
		return cmd
	}
	switch {
	case m.list.UnreadCount() == 0:
		m.note = "no unread article in this list"
	case d > 0:
		m.note = "no unread article below"
	default:
		m.note = "no unread article above"
	}
	return nil
}

// askMarkAll asks before marking every listed article read: A is one key
// away from a lot of state.
func (m *Model) askMarkAll() {
	n := m.list.UnreadCount()
	if n == 0 {
		m.note = "nothing unread in this list"
		return
	}
	m.marks.asking = true
	what := strconv.Itoa(n) + " unread articles"
	if n == 1 {
		what = "1 unread article"
	}
	m.note = "mark " + what + " in this list read? y/enter yes, any other key no"
}

// markAllKey answers the question askMarkAll put.
func (m *Model) markAllKey(msg tea.KeyPressMsg) tea.Cmd {
	m.marks.asking = false
	if s := msg.String(); s != "y" && s != "Y" && s != "enter" {
		m.note = "nothing marked"
		return nil
	}
	whole := m.list.AtStart() && m.list.AtEnd()
	n := m.list.UnreadCount()
	ids := m.list.MarkAll(true)
	m.readReq++ // the shown article is read now; its timer has nothing to do
	m.marks.undo = ids
	m.marks.req++
	m.note = strconv.Itoa(n) + " marked read · " + m.km.List.Undo.Help().Key + " undoes"
	if whole {
		return m.saveRead(ids, true)
	}
	// The window holds part of the list: the store names the rest.
	req, ctx, lib, q := m.marks.req, m.ctx, m.lib, m.listQuery()
	return func() tea.Msg {
		ids, err := lib.ListUnreadIDs(ctx, q)
		if err != nil {
			return markedMsg{Req: req, Read: true, Err: err}
		}
		changed, err := lib.SetReadMany(ctx, ids, true)
		return markedMsg{Req: req, Read: true, Changed: changed, Err: err}
	}
}

// undoMarkAll marks unread again what the last A marked read.
func (m *Model) undoMarkAll() tea.Cmd {
	ids := m.marks.undo
	if len(ids) == 0 {
		m.note = "nothing to undo"
		return nil
	}
	m.marks.undo = nil
	m.marks.req++
	m.list.MarkRead(ids, false)
	m.note = strconv.Itoa(len(ids)) + " unread again"
	if m.list.AtStart() && m.list.AtEnd() {
		return m.saveRead(ids, false)
	}
	// Rows outside the window were marked too: count the list again, once
	// they are saved.
	req, gen, ctx, lib, q := m.marks.req, m.listGen, m.ctx, m.lib, m.listQuery()
	return func() tea.Msg {
		changed, err := lib.SetReadMany(ctx, ids, false)
		marked := markedMsg{Req: req, Read: false, Changed: changed, Err: err}
		total, unread, err := lib.ListCount(ctx, q)
		counted := listCountedMsg{Gen: gen, Total: total, Unread: unread, Err: err}
		return tea.BatchMsg{func() tea.Msg { return marked }, func() tea.Msg { return counted }}
	}
}

// saveRead writes a mark-all or its undo to the store, in one statement.
func (m *Model) saveRead(ids []int64, read bool) tea.Cmd {
	req, ctx, lib := m.marks.req, m.ctx, m.lib
	return func() tea.Msg {
		changed, err := lib.SetReadMany(ctx, ids, read)
		return markedMsg{Req: req, Read: read, Changed: changed, Err: err}
	}
}

// marked takes in the store's answer: on success the undo covers exactly
// what the store changed (another process may have read some meanwhile).
func (m *Model) marked(msg markedMsg) {
	switch {
	case msg.Err != nil:
		m.note = "cannot save: " + msg.Err.Error()
	case msg.Req == m.marks.req && msg.Read:
		m.marks.undo = msg.Changed
	}
}

// unreadKey handles J, K, A and U; ok is false for any other key.
func (m *Model) unreadKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	l := m.km.List
	switch {
	case key.Matches(msg, l.NextUnread):
		return m.nextUnread(1), true
	case key.Matches(msg, l.PrevUnread):
		return m.nextUnread(-1), true
	case key.Matches(msg, l.MarkAllRead):
		m.askMarkAll()
		return nil, true
	case key.Matches(msg, l.Undo):
		return m.undoMarkAll(), true
	}
	return nil, false
}

// isUnreadKey reports whether msg is J, K, A or U.
func (m *Model) isUnreadKey(msg tea.KeyPressMsg) bool {
	l := m.km.List
	return key.Matches(msg, l.NextUnread, l.PrevUnread, l.MarkAllRead, l.Undo)
}

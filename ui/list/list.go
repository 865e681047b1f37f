// Package list is the article list pane: one row per article, newest first,
// with its title, date and source. It holds a window of the list's rows
// (summaries only, no bodies) around the selection, never the whole list: the
// root fetches the next window as the selection nears an edge (see Need), so
// a store of a million articles draws as fast as one of ten. Rows are
// formatted when they come on screen, never all up front.
package list

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/pane"
	"github.com/bylinehq/byline/ui/styles"
)

// Item is one row: an article's summary and what the reader has done with
// it. Unread rows are bold with a dot; starred rows carry a star in a column
// of their own, so a starred article still shows whether it is read.
type Item struct {
	model.Summary
	Read, Starred bool
	// SummaryOnly marks a feed article that holds only the feed's teaser:
	// its row carries SummaryGlyph, and O opens the page.
	SummaryOnly bool
}

// SummaryGlyph marks, in the column after the star, a row whose article
// holds only its feed's teaser.
const SummaryGlyph = "…"

// Model is the list pane. The zero value is not usable; call New.
type Model struct {
	dated   bool // some article has a date: the date column is drawn
	km      keymap.KeyMap
	st      styles.Styles
	items   []Item      // the window: rows base to base+len(items)-1 of the list
	base    int         // the list row of items[0]
	atEnd   bool        // the window runs to the list's last row
	count   counts      // how many rows the list holds, once known
	cur     pane.Cursor // Index and Len count rows of the whole list
	width   int
	height  int
	focused bool
	loading bool
	err     string
	empty   string // what an empty list says; "" is "no articles yet"
}

// SetEmpty sets what the list says when it has no rows, such as "no
// article matches"; "" restores "no articles yet".
func (m *Model) SetEmpty(msg string) { m.empty = msg }

// New returns an empty list that shows "loading…" until SetItems is called.
func New(km keymap.KeyMap, st styles.Styles) Model {
	return Model{km: km, st: st, loading: true}
}

// SetStyles changes the styles, after the terminal's background is known.
func (m *Model) SetStyles(st styles.Styles) { m.st = st }

// SetSize gives the pane its rectangle, header line included.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.cur.Height = max(1, m.height-1)
	m.cur.Clamp()
}

// SetFocused says whether the list has the keyboard.
func (m *Model) SetFocused(f bool) { m.focused = f }

// SetItems replaces the articles shown with the whole list and ends the
// loading state. The selection stays on the same row number, clamped to the
// new length.
func (m *Model) SetItems(items []Item) {
	m.SetWindow(items, 0, true)
	m.SetCount(len(items), unreadIn(items))
}

// SetError shows a one-line error in place of the rows.
func (m *Model) SetError(msg string) {
	m.loading = false
	m.err = msg
}

// Len is the number of articles in the list, as far as it is known: the
// exact count once it has arrived, else the rows up to the window's end.
func (m Model) Len() int { return m.cur.Len }

// Index is the selected row, counted from 0.
func (m Model) Index() int { return m.cur.Index }

// Selected returns the selected article's summary; ok is false when the list
// is empty.
func (m Model) Selected() (s Item, ok bool) {
	return m.at(m.cur.Index)
}

// at is row i of the list, when the window holds it.
func (m Model) at(i int) (Item, bool) {
	if i < m.base || i >= m.base+len(m.items) {
		return Item{}, false
	}
	return m.items[i-m.base], true
}

// SetState records article id's read and starred state on its row, if it
// is listed.
func (m *Model) SetState(id int64, read, starred bool) {
	for i := range m.items {
		if m.items[i].ID == id {
			m.count.read(m.items[i].Read, read)
			m.items[i].Read, m.items[i].Starred = read, starred
			return
		}
	}
}

// Select selects row i (clamped to the list and to the window).
func (m *Model) Select(i int) {
	m.cur.Set(i)
	m.keepInWindow()
}

// Scroll moves the rows by d without a key, as the mouse wheel does; the
// selection follows only as far as it must to stay visible.
func (m *Model) Scroll(d int) {
	m.cur.Scroll(d)
	m.keepInWindow()
}

// Click selects the row at line y of the pane (0 is the header) and reports
// whether a row was hit.
func (m *Model) Click(y int) bool {
	i := m.cur.Offset + y - 1
	if _, ok := m.at(i); y < 1 || !ok {
		return false
	}
	m.cur.Set(i)
	return true
}

// Update moves the selection on movement keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if d, ok := pane.Motion(m.km.Move, k, m.cur.Page()); ok {
			m.cur.Move(d)
			m.keepInWindow()
		}
	}
	return m, nil
}

// View draws the pane: exactly height lines of exactly width columns.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, 0, m.height)
	info := ""
	if !m.loading && m.err == "" {
		info = m.counts()
	}
	lines = append(lines, pane.Header("Articles", info, m.width, m.focused, m.st.Pane.Header, m.st.Pane.HeaderFocused))
	switch {
	case m.err != "":
		lines = append(lines, m.st.Status.Error.Render(pane.Cut("  "+model.Sanitize(m.err), m.width)))
	case m.loading:
		lines = append(lines, m.st.Pane.Muted.Render(pane.Cut("  loading…", m.width)))
	case m.cur.Len == 0:
		empty := m.empty
		if empty == "" {
			empty = "no articles yet"
		}
		lines = append(lines, m.st.Pane.Muted.Render(pane.Cut("  "+model.Sanitize(empty), m.width)))
	default:
		end := min(m.cur.Len, m.cur.Offset+m.height-1)
		for i := m.cur.Offset; i < end; i++ {
			lines = append(lines, m.row(i))
		}
	}
	return strings.Join(pane.Block(lines, m.width, m.height), "\n")
}

// dateWidth is the width of a yyyy-mm-dd date; sourceWidth that of the
// source column.
const (
	dateWidth   = 10
	sourceWidth = 10
)

// titleRoom is the width a title keeps before the date and then the source
// get a column: a headline of about this length reads whole, which matters
// more than when or where it came from (the reader's header says both).
const titleRoom = 52

// rowPrefix is the columns before a title: the selection marker, the unread
// dot, the star, the summary-only mark, a space; rowMargin is the one column kept free on the right.
const (
	rowPrefix = 5
	rowMargin = 1
)

// Columns is how a row of a list width w wide is divided: the title's width,
// and whether the date and source columns are drawn. dated says whether any
// article in the list has a date; an undated list gives the date's room to
// titles.
func Columns(w int, dated bool) (title int, date, source bool) {
	title = max(0, w-rowPrefix-rowMargin)
	if dated && title-dateWidth-1 >= titleRoom {
		date = true
		title -= dateWidth + 1
	}
	if title-sourceWidth-1 >= titleRoom {
		source = true
		title -= sourceWidth + 1
	}
	return title, date, source
}

// counts is the header's right side: unread articles over all of them,
// once counted; until then the estimate of all of them.
func (m Model) counts() string {
	if !m.count.known {
		return m.Total()
	}
	n := strconv.Itoa(m.count.unread) + "/" + strconv.Itoa(m.count.total)
	// "▸ Articles" and the spaces around the counts.
	if 10+2+len(n)+len(" unread") <= m.width {
		return n + " unread"
	}
	return n
}

// UnreadCount is the number of unread articles in the list: exact once the
// count has arrived, else those in the window.
func (m Model) UnreadCount() int {
	if m.count.known {
		return m.count.unread
	}
	return unreadIn(m.items)
}

func unreadIn(items []Item) int {
	n := 0
	for _, it := range items {
		if !it.Read {
			n++
		}
	}
	return n
}

// row formats row i. The selected row carries a ▌ marker and is drawn in one
// style (reverse video without colour) so it shows on any terminal.
func (m Model) row(i int) string {
	w := m.width
	s, ok := m.at(i)
	if !ok {
		// Outside the window, while the rows around it load.
		return m.st.Pane.Muted.Render(pane.Fit("  …", w))
	}
	titleW, showDate, showSrc := Columns(w, m.dated)
	if showDate && s.Published.IsZero() {
		// No blank date: an undated row's title runs on into the column.
		showDate, titleW = false, titleW+dateWidth+1
	}
	title := pane.Fit(pane.Cut(oneLine(model.Sanitize(s.Title)), titleW), titleW)
	state := " "
	if !s.Read {
		state = "•"
	}
	if s.Starred {
		state += "★"
	} else {
		state += " "
	}
	if s.SummaryOnly {
		state += SummaryGlyph + " "
	} else {
		state += "  "
	}
	date := ""
	if showDate {
		date = " " + pane.Fit(Date(s.Summary), dateWidth)
	}
	src := ""
	if showSrc {
		src = " " + pane.Fit(pane.Cut(ShortSource(model.Sanitize(s.Source)), sourceWidth), sourceWidth)
	}

	selected := i == m.cur.Index
	switch {
	case selected && m.focused:
		return m.st.List.Selected.Render(pane.Fit("▌"+state+title+date+src, w))
	case selected:
		return m.st.List.SelectedBlurred.Render(pane.Fit("›"+state+title+date+src, w))
	}
	titleSt := m.st.List.Title
	if !s.Read {
		titleSt = titleSt.Bold(true)
	}
	return " " + m.st.List.Source.Render(state) + titleSt.Render(title) + m.st.List.Date.Render(date) + m.st.List.Source.Render(src)
}

// Date formats an article's publication date as yyyy-mm-dd, or "" when it is
// unknown.
func Date(s model.Summary) string {
	if s.Published.IsZero() {
		return ""
	}
	return s.Published.Format("2006-01-02")
}

// ShortSource is the short form of where an article came from: for a file
// path its parent folder (bbc/business/001.txt → business), for a URL its
// host. Folders say more than file names in the seed data, where every file
// is a number.
func ShortSource(src string) string {
	if src == "" {
		return ""
	}
	if u, err := url.Parse(src); err == nil && u.Host != "" && u.Scheme != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	p := strings.TrimRight(strings.ReplaceAll(src, "\\", "/"), "/")
	dir := path.Base(path.Dir(p))
	if dir == "." || dir == "/" || dir == "" {
		return path.Base(p)
	}
	return dir
}

// oneLine keeps a title on one row: newlines and tabs become spaces.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\n\t") {
		s = strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
	}
	return strings.TrimSpace(s)
}

// NextUnread is the row of the first unread article after (d 1) or before
// (d -1) the selected one, in the window.
func (m Model) NextUnread(d int) (int, bool) {
	for i := m.cur.Index + d; i >= m.base && i < m.base+len(m.items); i += d {
		if !m.items[i-m.base].Read {
			return i, true
		}
	}
	return 0, false
}

// MarkAll marks every article in the window read (or unread) on its row
// and returns the ids of those it changed; with the whole list in the
// window, that is every listed article. The count of unread ones follows:
// marking all read leaves none.
func (m *Model) MarkAll(read bool) []int64 {
	var ids []int64
	for i := range m.items {
		if m.items[i].Read != read {
			m.items[i].Read = read
			ids = append(ids, m.items[i].ID)
		}
	}
	if m.count.known {
		if read {
			m.count.unread = 0
		} else {
			m.count.unread = m.count.total
		}
	}
	return ids
}

// MarkRead sets the read state of the listed articles among ids.
func (m *Model) MarkRead(ids []int64, read bool) {
	set := make(map[int64]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	for i := range m.items {
		if set[m.items[i].ID] {
			m.count.read(m.items[i].Read, read)
			m.items[i].Read = read
		}
	}
}

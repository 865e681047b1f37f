// Package feeds is the feeds view (F): one row per subscribed feed, grouped
// by tag when any feed has tags, with its unread and total articles, when it
// was last fetched and, when that failed, why. The root model runs the store
// queries, the fetches and the unsubscribing; this pane keeps the selection
// and the question before an unsubscribe, and draws.
package feeds

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/pane"
	"github.com/bylinehq/byline/ui/styles"
)

// Row is one line of the view: a tag's group or a feed.
type Row struct {
	Group bool   // a tag's heading; enter lists every article of its feeds
	Tag   string // the group's tag; "" for the untagged feeds' group
	Feed  store.Feed
	// Feeds are a group's feeds; for a feed row, the feed alone.
	Feeds         []store.Feed
	Unread, Total int
}

// Name is what the row is called on screen: the tag, or the feed's title
// (its URL before the first fetch names it).
func (r Row) Name() string {
	switch {
	case r.Group && r.Tag == "":
		return "untagged"
	case r.Group:
		return r.Tag
	}
	return FeedName(r.Feed)
}

// FeedName is a feed's title on one line, or its URL when it has none.
func FeedName(f store.Feed) string {
	if t := oneLine(f.Title); t != "" {
		return t
	}
	return oneLine(f.URL)
}

// URLs are the addresses of the row's feeds, which r fetches.
func (r Row) URLs() []string {
	out := make([]string, len(r.Feeds))
	for i, f := range r.Feeds {
		out[i] = f.URL
	}
	return out
}

// Model is the feeds view. The zero value is not usable; call New.
type Model struct {
	km       keymap.KeyMap
	st       styles.Styles
	rows     []Row
	cur      pane.Cursor
	feeds    int // feeds subscribed
	loading  bool
	err      string
	confirm  bool // asking whether to unsubscribe from the selected feed
	width    int
	height   int
	grouped  bool
	selected string // the URL (or "#tag") to keep selected across reloads
}

// New returns an empty view, waiting for its first query.
func New(km keymap.KeyMap, st styles.Styles) Model {
	return Model{km: km, st: st, loading: true}
}

// SetStyles changes the styles.
func (m *Model) SetStyles(st styles.Styles) { m.st = st }

// chrome is the lines around the rows: header, key line and the bottom
// line (the selected feed's error or address, or the question).
const chrome = 3

// SetSize gives the view its rectangle.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.cur.Height = max(1, m.height-chrome)
	m.cur.Clamp()
}

// SetFeeds shows feeds (in the store's order), grouped by tag when any
// has one, keeping the selected row selected when it is still there.
func (m *Model) SetFeeds(feeds []store.Feed, err error) {
	keep := m.selected
	if r, ok := m.Selected(); ok {
		keep = rowKey(r)
	}
	m.loading, m.err, m.confirm = false, "", false
	if err != nil {
		m.err = err.Error()
	}
	m.feeds = len(feeds)
	m.rows, m.grouped = Rows(feeds)
	m.cur.Len = len(m.rows)
	m.cur.Set(0)
	for i, r := range m.rows {
		if rowKey(r) == keep {
			m.cur.Set(i)
			break
		}
	}
	m.selected = ""
}

func rowKey(r Row) string {
	if r.Group {
		return "#" + r.Tag
	}
	return r.Feed.URL
}

// Rows are the view's rows for feeds: one per feed when none has a tag;
// else a group per tag, in the order the tags first appear, each with the
// feeds carrying it (a feed with two tags is in both, as `fetch --tag`
// reads them), and last the untagged feeds' group.
func Rows(feeds []store.Feed) (rows []Row, grouped bool) {
	feedRow := func(f store.Feed) Row {
		return Row{Feed: f, Feeds: []store.Feed{f}, Unread: f.Unread, Total: f.Articles}
	}
	var tags []string
	byTag := map[string][]store.Feed{}
	var untagged []store.Feed
	for _, f := range feeds {
		if len(f.Tags) == 0 {
			untagged = append(untagged, f)
		}
		for _, t := range f.Tags {
			if _, ok := byTag[t]; !ok {
				tags = append(tags, t)
			}
			byTag[t] = append(byTag[t], f)
		}
	}
	if len(tags) == 0 {
		for _, f := range feeds {
			rows = append(rows, feedRow(f))
		}
		return rows, false
	}
	group := func(tag string, fs []store.Feed) {
		g := Row{Group: true, Tag: tag, Feeds: fs}
		for _, f := range fs {
			g.Unread += f.Unread
			g.Total += f.Articles
		}
		rows = append(rows, g)
		for _, f := range fs {
			rows = append(rows, feedRow(f))
		}
	}
	for _, t := range tags {
		group(t, byTag[t])
	}
	if len(untagged) > 0 {
		group("", untagged)
	}
	return rows, true
}

// Rows are the rows shown.
func (m Model) Rows() []Row { return m.rows }

// Selected is the selected row; ok is false when there is none.
func (m Model) Selected() (Row, bool) {
	if m.cur.Index < 0 || m.cur.Index >= len(m.rows) {
		return Row{}, false
	}
	return m.rows[m.cur.Index], true
}

// Select selects row i.
func (m *Model) Select(i int) { m.cur.Set(i) }

// Ask asks whether to unsubscribe from the selected feed; it reports false
// (and asks nothing) when a group or nothing is selected.
func (m *Model) Ask() bool {
	r, ok := m.Selected()
	m.confirm = ok && !r.Group
	return m.confirm
}

// Asking reports whether the question is on screen.
func (m Model) Asking() bool { return m.confirm }

// Cancel takes the question away.
func (m *Model) Cancel() { m.confirm = false }

// Update moves the selection with the move keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if d, ok := pane.Motion(m.km.Move, k, m.cur.Page()); ok {
		m.cur.Move(d)
	}
	return m, nil
}

// Fetched formats when a feed was last fetched, in local time, or "never".
func Fetched(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// View draws the view: exactly height lines of exactly width columns.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	w := m.width
	unread := 0
	seen := map[string]bool{}
	for _, r := range m.rows {
		if !r.Group && !seen[r.Feed.URL] {
			seen[r.Feed.URL] = true
			unread += r.Unread
		}
	}
	info := plural(m.feeds, "feed", "feeds") + " · " + strconv.Itoa(unread) + " unread"
	out := make([]string, 0, m.height)
	out = append(out, pane.Header("Feeds", info, w, true, m.st.Pane.Header, m.st.Pane.HeaderFocused))
	hint := " " + m.km.List.Open.Help().Key + ": its articles · " + m.km.Global.Refresh.Help().Key + ": fetch · " +
		m.km.Feeds.Unsubscribe.Help().Key + ": unsubscribe · esc: close"
	out = append(out, m.st.Pane.Muted.Render(pane.Cut(hint, w)))

	body := max(0, m.height-chrome)
	lines := make([]string, 0, body)
	switch {
	case m.err != "":
		lines = append(lines, m.st.Status.Error.Render(pane.Cut("  "+oneLine(m.err), w)))
	case m.loading:
		lines = append(lines, m.st.Pane.Muted.Render(pane.Cut("  loading…", w)))
	case len(m.rows) == 0:
		lines = append(lines, m.st.Pane.Muted.Render(pane.Cut("  no feeds: byline feed add URL", w)))
	}
	end := min(len(m.rows), m.cur.Offset+body)
	for i := m.cur.Offset; i < end && m.err == ""; i++ {
		lines = append(lines, m.row(i))
	}
	out = append(out, pane.Block(lines, w, body)...)
	if m.height >= chrome {
		out = append(out, m.bottom())
	}
	return strings.Join(pane.Block(out, w, m.height), "\n")
}

// bottom is the last line: the question while it is asked, else the
// selected feed's last error, or its address.
func (m Model) bottom() string {
	r, ok := m.Selected()
	switch {
	case !ok:
		return ""
	case m.confirm:
		q := " unsubscribe from " + r.Name() + "? "
		if r.Feed.Articles > 0 {
			q += "its " + plural(r.Feed.Articles, "article stays", "articles stay") + " · "
		}
		q += "y: yes · any other key: no"
		return m.st.Status.Error.Render(pane.Cut(q, m.width))
	case r.Group:
		return m.st.Pane.Muted.Render(pane.Cut(" "+plural(len(r.Feeds), "feed", "feeds")+" tagged "+r.Name(), m.width))
	case r.Feed.LastError != "":
		return m.st.Status.Error.Render(pane.Cut(" last fetch failed: "+oneLine(r.Feed.LastError), m.width))
	}
	return m.st.Pane.Muted.Render(pane.Cut(" "+oneLine(r.Feed.URL), m.width))
}

// Column widths of a feed row: the counts, unread/total, and the time of
// the last fetch.
const (
	countsWidth  = 11
	fetchedWidth = 16
	nameMin      = 12
	nameMax      = 48
)

// row formats row i: marker, name, counts, last fetch and its error, the
// columns dropped from the right as the width shrinks.
func (m Model) row(i int) string {
	r := m.rows[i]
	w := m.width
	indent := ""
	if m.grouped && !r.Group {
		indent = "  "
	}
	counts := strconv.Itoa(r.Unread) + "/" + strconv.Itoa(r.Total)
	fetched, failed := "", false
	if !r.Group {
		fetched = Fetched(r.Feed.LastFetched)
		failed = r.Feed.LastError != ""
	}
	flag := " "
	if failed {
		flag = "!"
	}
	// "▌" + flag + " " + indent + name + " " + counts [+ " " + fetched [+ " " + error]]
	// The columns are the same for every row, groups included, so the
	// counts line up; a group leaves the time blank.
	nameW := w - 3 - 1 - countsWidth
	fetchedCol := nameW-1-fetchedWidth-2 >= nameMin
	if fetchedCol {
		nameW -= 1 + fetchedWidth
	}
	nameW -= len(indent)
	showFetched := fetchedCol && !r.Group
	// The name column stops at nameMax: counts and times stay near the
	// names they belong to, and an error takes the rest of the line.
	nameW = min(nameW, nameMax-len(indent))
	errText := ""
	if showFetched && failed {
		errText = oneLine(r.Feed.LastError)
	}
	nameW = max(0, nameW)
	name := pane.Fit(pane.Cut(r.Name(), nameW), nameW)
	right := " " + padLeft(counts, countsWidth)
	if showFetched {
		right += " " + pane.Fit(fetched, fetchedWidth)
	}
	selected := i == m.cur.Index
	if selected {
		line := "▌" + flag + " " + indent + name + right
		if errText != "" {
			line += " " + errText
		}
		return m.st.List.Selected.Render(pane.Fit(pane.Cut(line, w), w))
	}
	nameSt := m.st.List.Title
	if r.Group {
		nameSt = m.st.Sidebar.Group
	} else if r.Unread > 0 {
		nameSt = nameSt.Bold(true)
	}
	line := " " + m.st.Status.Error.Render(flag) + " " + indent + nameSt.Render(name) + m.st.List.Date.Render(right)
	if errText != "" {
		rest := w - ansi.StringWidth(line) - 1
		if rest > 0 {
			line += " " + m.st.Status.Error.Render(pane.Cut(errText, rest))
		}
	}
	return pane.Fit(line, w)
}

func padLeft(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func oneLine(s string) string { return strings.Join(strings.Fields(model.Sanitize(s)), " ") }

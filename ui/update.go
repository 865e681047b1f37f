package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/ui/list"
	"github.com/bylinehq/byline/ui/reader"
	"github.com/bylinehq/byline/ui/styles"
)

// wheelStep is how many lines one notch of the mouse wheel scrolls.
const wheelStep = 3

// Update handles one message and returns the Cmd to run next. Whatever the
// message changed (article, pane width, theme), the reader is then brought up
// to date: from its cache at once, or by a render Cmd.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	return tea.Batch(m.update(msg), m.reader.RenderCmd())
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.relayout()
		return nil

	case tea.BackgroundColorMsg:
		if m.opts.Theme == "dark" || m.opts.Theme == "light" {
			return nil // the config chose; the terminal's answer does not change it
		}
		m.isDark = msg.IsDark()
		m.setStyles(m.styles())
		return nil

	case listLoadedMsg:
		return m.listLoaded(msg)

	case pageLoadedMsg:
		if msg.Req != m.listReq {
			return nil
		}
		m.pageBusy = false
		if msg.Err != nil {
			m.note = "cannot list articles: " + msg.Err.Error()
			return nil
		}
		m.list.Extend(msg.Items, msg.Backward, msg.AtEdge)
		if d := m.pendingUnread; d != 0 {
			m.pendingUnread = 0
			return m.nextUnread(d)
		}
		return m.followSelection()

	case searchCountedMsg:
		if msg.Req == m.listReq && msg.Err == nil {
			m.filter.hits, m.filter.approx = msg.Hits, false
		}
		return nil

	case listCountedMsg:
		if msg.Gen == m.listGen && msg.Err == nil {
			m.list.SetCount(msg.Total, msg.Unread)
		}
		return nil

	case spinner.TickMsg, refreshProgressMsg, refreshDoneMsg, summaryExpiredMsg:
		return tea.Batch(m.updateRefresh(msg), m.updateFeeds(msg))

	case feedsLoadedMsg, feedRemovedMsg:
		return m.updateFeeds(msg)

	case autoRefreshMsg:
		return m.autoRefresh(msg)

	case articleLoadedMsg:
		if msg.Req != m.articleReq {
			return nil // the selection moved on while this loaded
		}
		if msg.Err != nil {
			m.reader.SetError(fmt.Sprintf("cannot open article: %v", msg.Err))
			m.sidebar.SetEntities(nil)
			return nil
		}
		m.sidebar.SetEntities(msg.Entities)
		show := m.reader.SetArticle(msg.Article)
		if m.filter.search != "" {
			// An article opened from a search shows the search's terms
			// marked, until esc, as a find in the article does; that
			// render replaces the plain one.
			if withTerms := m.reader.SetFind(reader.SearchTerms(m.filter.search)); withTerms != nil {
				show = withTerms
			}
		}
		return tea.Batch(show, m.startReadTimer(msg.ID))

	case reader.RenderedMsg:
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return cmd

	case readTimerMsg:
		if msg.Req == m.readReq && msg.ID == m.articleID {
			return m.markRead()
		}
		return nil

	case markedMsg:
		m.marked(msg)
		return nil

	case stateSavedMsg:
		if msg.Err != nil {
			m.note = "cannot save: " + msg.Err.Error()
		}
		return nil

	case noteMsg:
		m.note = string(msg)
		return nil

	case entitiesLoadedMsg:
		if msg.Req != m.entityReq {
			return nil
		}
		m.entities.SetItems(msg.Items, msg.More, msg.Err)
		return m.loadDetail()

	case entityDetailMsg:
		if msg.Req == m.detailReq {
			m.entities.SetDetail(msg.ID, msg.Related, msg.Articles, msg.Aliases, msg.Sampled)
		}
		return nil

	case promptTypedMsg:
		return m.promptTyped(msg)

	case entityCorrectedMsg:
		return m.entityCorrected(msg)

	case tea.KeyPressMsg:
		m.note = ""
		return m.handleKey(msg)

	case tea.MouseWheelMsg:
		if m.showHelp {
			if msg.Mouse().Button == tea.MouseWheelUp {
				m.helpOffset -= wheelStep
			} else if msg.Mouse().Button == tea.MouseWheelDown {
				m.helpOffset += wheelStep
			}
			m.clampHelp()
			return nil
		}
		if m.entityView || m.feedsView {
			return nil
		}
		return m.handleWheel(msg.Mouse())

	case tea.MouseClickMsg:
		if m.entityView || m.feedsView || m.showHelp {
			return nil
		}
		return m.handleClick(msg.Mouse())
	}
	return nil
}

// paneAt is the pane under cell (x, y), and its rectangle.
func (m *Model) paneAt(x, y int) (Focus, Rect, bool) {
	switch {
	case m.lay.List.Contains(x, y):
		return FocusList, m.lay.List, true
	case m.lay.Reader.Contains(x, y):
		return FocusReader, m.lay.Reader, true
	case m.lay.Sidebar.Contains(x, y):
		return FocusSidebar, m.lay.Sidebar, true
	}
	return 0, Rect{}, false
}

// handleWheel scrolls the pane under the pointer, focused or not.
func (m *Model) handleWheel(ms tea.Mouse) tea.Cmd {
	p, _, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return nil
	}
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -wheelStep
	case tea.MouseWheelDown:
		d = wheelStep
	default:
		return nil
	}
	switch p {
	case FocusList:
		m.list.Scroll(d)
		return m.followSelection()
	case FocusReader:
		before := m.reader.Offset()
		m.reader.Scroll(d)
		if m.reader.Offset() != before {
			return m.markRead()
		}
	case FocusSidebar:
		m.sidebar.Scroll(d)
	}
	return nil
}

// handleClick focuses the pane clicked and selects the row clicked in the
// list or the sidebar.
func (m *Model) handleClick(ms tea.Mouse) tea.Cmd {
	if ms.Button != tea.MouseLeft {
		return nil
	}
	p, r, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return nil
	}
	m.setFocus(p)
	switch p {
	case FocusList:
		if m.list.Click(ms.Y - r.Y) {
			return m.followSelection()
		}
	case FocusSidebar:
		m.sidebar.Click(ms.Y - r.Y)
	}
	return nil
}

// listLoaded shows a list query's rows: a search's hits, the first window
// of a list, the window around the article kept selected, or the window g
// or G jumped to.
func (m *Model) listLoaded(msg listLoadedMsg) tea.Cmd {
	if msg.Req != m.listReq {
		return nil
	}
	if msg.Err != nil {
		m.listErr = fmt.Sprintf("cannot list articles: %v", msg.Err)
		m.list.SetError(m.listErr)
		return nil
	}
	m.listDone, m.listErr = true, ""
	switch {
	case msg.Whole:
		m.filter.hits, m.filter.approx = msg.Hits, msg.Approx
		m.list.SetItems(msg.Items)
	case msg.Jump:
		m.list.SetWindow(msg.Items, msg.Base, msg.AtEnd)
	default:
		m.filter.hits = msg.Hits
		m.list.ForgetCount()
		m.list.SetWindow(msg.Items, msg.Base, msg.AtEnd)
		m.list.SetEstimate(msg.Estimate)
	}
	if msg.Counted {
		m.list.SetCount(msg.Total, msg.Unread)
	}
	m.dropDemoHint(msg.Items)
	switch {
	case msg.Keep >= 0:
		m.list.Select(msg.Keep)
	case !msg.Jump:
		// A new list, or the kept article left it: its top. (Selecting row
		// 0 before the load could not: the window then held other rows.)
		m.list.Select(0)
	}
	m.listKeep = 0
	var count tea.Cmd
	switch {
	case msg.Whole && msg.Approx:
		count = m.countSearch()
	case !m.list.Counted():
		count = m.countList()
	}
	return tea.Batch(m.followSelection(), count)
}

// followSelection makes the reader show the article selected in the list,
// starting its load when the selection changed, and fetches the rows beyond
// the window when the selection nears its edge. The reader shows the title
// and "loading…" meanwhile, so moving through the list never waits.
func (m *Model) followSelection() tea.Cmd {
	return tea.Batch(m.showSelected(), m.fetchPage())
}

func (m *Model) showSelected() tea.Cmd {
	s, ok := m.list.Selected()
	if !ok {
		m.articleID = 0
		m.articleReq++ // drop any load in flight
		m.reader.Clear()
		m.reader.SetSummaryOnly(false)
		m.sidebar.SetEntities(nil)
		return nil
	}
	m.reader.SetSummaryOnly(s.SummaryOnly) // a fetch may have changed it
	if s.ID == m.articleID {
		return nil
	}
	m.articleID = s.ID
	m.readReq++ // the article on show changed: its read timer is off
	m.reader.SetLoading(s.Title)
	m.sidebar.SetLoading()
	return m.loadArticle(s.ID)
}

func (m *Model) cycleFocus(d int) {
	order := focusOrder(m.width, m.sidebarOpen)
	i := 0
	for j, f := range order {
		if f == m.focus {
			i = j
		}
	}
	m.setFocus(order[(i+d+len(order))%len(order)])
}

// toggleSidebar shows or hides the sidebar at medium widths. Where it is
// always shown (wide) or panes show one at a time (narrow), `e` moves to
// the entities and back instead.
func (m *Model) toggleSidebar() {
	if m.width >= MediumWidth && m.width < WideWidth {
		m.sidebarOpen = !m.sidebarOpen
		if m.sidebarOpen {
			m.setFocus(FocusSidebar)
		} else if m.focus == FocusSidebar {
			m.setFocus(FocusReader)
		}
		m.relayout()
		return
	}
	if m.focus == FocusSidebar {
		m.setFocus(FocusReader)
	} else {
		m.setFocus(FocusSidebar)
	}
}

func (m *Model) setFocus(f Focus) {
	m.focus = f
	m.list.SetFocused(f == FocusList)
	m.reader.SetFocused(f == FocusReader)
	m.sidebar.SetFocused(f == FocusSidebar)
	m.relayout()
}

func (m *Model) setStyles(st styles.Styles) {
	m.st = st
	m.help.Styles = st.Help
	m.list.SetStyles(st)
	m.reader.SetStyles(st)
	m.sidebar.SetStyles(st)
	m.entities.SetStyles(st)
	m.feeds.SetStyles(st)
}

// relayout recomputes the layout and hands each pane its size. A pane
// that is hidden keeps its last size, so its scroll position survives.
func (m *Model) relayout() {
	m.help.SetWidth(m.width)
	st := LayoutState{
		Focus:   m.focus,
		Sidebar: m.sidebarOpen,
		Hint:    m.opts.Hint != "",
		Overlay: m.entityView || m.feedsView || m.showHelp,
	}
	m.lay = layout(m.width, m.height, st)
	if f, moved := m.visibleFocus(); moved {
		// A resize hid the focused pane (the sidebar at a medium width):
		// keys must act on something the user can see.
		m.focus = f
		m.list.SetFocused(f == FocusList)
		m.reader.SetFocused(f == FocusReader)
		m.sidebar.SetFocused(f == FocusSidebar)
		st.Focus = f
		m.lay = layout(m.width, m.height, st)
	}
	m.helpView = ""
	if r := m.lay.Overlay; r.Visible() {
		switch {
		case m.showHelp:
			m.helpView = helpView(m.km, m.st, r.W)
		case m.feedsView:
			m.feeds.SetSize(r.W, r.H)
		default:
			m.entities.SetSize(r.W, r.H)
		}
	}
	if r := m.lay.List; r.Visible() {
		m.list.SetSize(r.W, r.H)
	}
	if r := m.lay.Reader; r.Visible() {
		m.reader.SetSize(r.W, r.H)
	}
	if r := m.lay.Sidebar; r.Visible() {
		m.sidebar.SetSize(r.W, r.H)
	}
}

// visibleFocus is the pane that should have focus under the current
// layout: the focused one when it is drawn, else the nearest drawn pane to
// its left. moved says whether that differs from the focus now. While an
// overlay covers the panes, or the terminal is too small, nothing moves.
func (m *Model) visibleFocus() (f Focus, moved bool) {
	l := m.lay
	if l.TooSmall || l.Overlay.Visible() || len(l.Panes()) == 0 {
		return m.focus, false
	}
	rects := []Rect{FocusList: l.List, FocusReader: l.Reader, FocusSidebar: l.Sidebar}
	for f := m.focus; f >= FocusList; f-- {
		if rects[f].Visible() {
			return f, f != m.focus
		}
	}
	return m.focus, false
}

// dropDemoHint takes the demo hint down once the list holds an article
// that is not a demo one: the reader is no longer a demo.
func (m *Model) dropDemoHint(items []list.Item) {
	if m.opts.Hint == "" || m.opts.DemoSource == "" {
		return
	}
	for _, it := range items {
		if !strings.HasPrefix(it.Source, m.opts.DemoSource) {
			m.opts.Hint = ""
			m.relayout()
			return
		}
	}
}

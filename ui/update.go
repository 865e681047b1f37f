package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
		m.isDark = msg.IsDark()
		m.setStyles(m.styles())
		return nil

	case listLoadedMsg:
		if msg.Req != m.listReq {
			return nil
		}
		if msg.Err != nil {
			m.listErr = fmt.Sprintf("cannot list articles: %v", msg.Err)
			m.list.SetError(m.listErr)
			return nil
		}
		m.listDone = true
		m.list.SetItems(msg.Items)
		return m.followSelection()

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
		return m.reader.SetArticle(msg.Article)

	case reader.RenderedMsg:
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return cmd

	case tea.KeyPressMsg:
		return m.handleKey(msg)

	case tea.MouseWheelMsg:
		return m.handleWheel(msg.Mouse())

	case tea.MouseClickMsg:
		return m.handleClick(msg.Mouse())
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.km.Global
	switch {
	case key.Matches(msg, g.Quit):
		return tea.Quit
	case key.Matches(msg, g.Help):
		m.showHelp = !m.showHelp
		m.help.ShowAll = m.showHelp
		m.relayout()
		return nil
	case key.Matches(msg, g.NextPane):
		m.cycleFocus(1)
		return nil
	case key.Matches(msg, g.PrevPane):
		m.cycleFocus(-1)
		return nil
	case key.Matches(msg, g.Entities):
		m.toggleSidebar()
		return nil
	}

	switch m.focus {
	case FocusList:
		if key.Matches(msg, m.km.List.Open) {
			m.setFocus(FocusReader)
			return nil
		}
		m.list, _ = m.list.Update(msg)
		return m.followSelection()
	case FocusReader:
		m.reader, _ = m.reader.Update(msg)
	case FocusSidebar:
		m.sidebar, _ = m.sidebar.Update(msg)
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
		m.reader.Scroll(d)
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

// followSelection makes the reader show the article selected in the list,
// starting its load when the selection changed. The reader shows the title
// and "loading…" meanwhile, so moving through the list never waits.
func (m *Model) followSelection() tea.Cmd {
	s, ok := m.list.Selected()
	if !ok {
		m.articleID = 0
		m.articleReq++ // drop any load in flight
		m.reader.Clear()
		m.sidebar.SetEntities(nil)
		return nil
	}
	if s.ID == m.articleID {
		return nil
	}
	m.articleID = s.ID
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
}

// relayout recomputes the layout and hands each pane its size. A pane
// that is hidden keeps its last size, so its scroll position survives.
func (m *Model) relayout() {
	m.help.SetWidth(m.width)
	st := LayoutState{
		Focus:   m.focus,
		Sidebar: m.sidebarOpen,
		Hint:    m.opts.Hint != "",
	}
	m.helpView = ""
	if m.showHelp {
		m.helpView = m.help.View(m.km)
		st.HelpLines = lineCount(m.helpView)
	}
	m.lay = layout(m.width, m.height, st)
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

package ui

import (
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/entities"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/reader"
)

// prompt is the one-line search input that replaces the status bar while
// it is open: a search of the whole store, or a find in the article.
type prompt struct {
	open bool
	find bool   // find in the article; else search the store
	text string // what is typed
	prev string // the search or find before the prompt opened; esc restores it
}

// promptLimit keeps a typed search to a sensible length.
const promptLimit = 200

// typeDelay is how long typing pauses before the search runs: a search per
// keystroke for a fast typist would mostly be thrown away.
const typeDelay = 120 * time.Millisecond

// promptTypedMsg runs the typed search, unless more was typed since.
type promptTypedMsg struct{ Seq int }

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == keymap.QuitKey { // whatever the config binds, and in every mode
		return m.quit()
	}
	if m.prompt.open {
		return m.promptKey(msg)
	}
	if m.entityView {
		return m.entityViewKey(msg)
	}
	if m.entityAsk.kind != askNone { // X in the entities pane asks first
		return m.entityAskKey(msg)
	}
	if m.feedsView && !m.showHelp {
		return m.feedsViewKey(msg)
	}
	if m.reader.LinksShown() {
		if cmd, ok := m.linksKey(msg); ok {
			return cmd
		}
	}
	if m.marks.asking {
		return m.markAllKey(msg)
	}
	g := m.km.Global
	if m.showHelp && (key.Matches(msg, g.Back) || key.Matches(msg, g.Help)) {
		m.showHelp = false
		m.relayout()
		return nil
	}
	switch {
	case key.Matches(msg, g.Quit) && msg.String() != "ctrl+c" && !m.showHelp && m.backToList():
		return nil // q from the reader or the sidebar goes back to the list
	case key.Matches(msg, g.Quit):
		return m.quit()
	case m.showHelp:
		m.scrollHelp(msg) // the help covers the panes; only ?, esc, q and moves act
		return nil
	case key.Matches(msg, g.Help):
		m.showHelp, m.helpOffset = true, 0
		m.relayout()
		return nil
	case key.Matches(msg, g.Back):
		return m.back()
	case key.Matches(msg, g.ToList):
		m.backToList()
		return nil
	case key.Matches(msg, m.km.Sidebar.Unpin):
		m.unpinAll()
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
	case key.Matches(msg, g.EntityView):
		return m.openEntityView()
	case key.Matches(msg, g.FeedsView):
		return m.openFeedsView()
	case key.Matches(msg, m.km.Reader.Links):
		m.toggleLinks()
		return nil
	case key.Matches(msg, g.Refresh):
		return m.startRefresh()
	case key.Matches(msg, g.Tint):
		m.tint = !m.tint
		m.reader.SetTint(m.tint)
		m.sidebar.SetTint(m.tint)
		return nil
	case key.Matches(msg, m.km.Reader.NextMention):
		m.nextMention(1)
		return nil
	case key.Matches(msg, m.km.Reader.PrevMention):
		m.nextMention(-1)
		return nil
	case m.focus == FocusReader && key.Matches(msg, m.km.Reader.Find):
		m.prompt = prompt{open: true, find: true, text: m.reader.Find(), prev: m.reader.Find()}
		return nil
	case m.focus != FocusReader && key.Matches(msg, m.km.List.Search):
		m.prompt = prompt{open: true, text: m.filter.search, prev: m.filter.search}
		return nil
	case m.isUnreadKey(msg):
		cmd, _ := m.unreadKey(msg)
		return cmd
	case key.Matches(msg, m.km.List.UnreadFilter):
		m.filter.unread = !m.filter.unread
		return m.reloadList()
	case key.Matches(msg, m.km.List.StarredFilter):
		m.filter.starred = !m.filter.starred
		return m.reloadList()
	case key.Matches(msg, m.km.Article.ToggleRead):
		if it, ok := m.list.Selected(); ok {
			m.readReq++ // a choice made by hand is not overridden by the timer
			return m.setState(it, !it.Read, it.Starred)
		}
		return nil
	case key.Matches(msg, m.km.Article.ToggleStar):
		if it, ok := m.list.Selected(); ok {
			return m.setState(it, it.Read, !it.Starred)
		}
		return nil
	case key.Matches(msg, m.km.Article.OpenURL), key.Matches(msg, m.km.Article.CopyURL):
		return m.articleURL(key.Matches(msg, m.km.Article.CopyURL))
	}

	switch m.focus {
	case FocusList:
		if key.Matches(msg, m.km.List.Open) {
			m.setFocus(FocusReader)
			return nil
		}
		if cmd, ok := m.listEndKey(msg); ok {
			return cmd
		}
		m.list, _ = m.list.Update(msg)
		return m.followSelection()
	case FocusReader:
		before := m.reader.Offset()
		m.reader, _ = m.reader.Update(msg)
		if m.reader.Offset() != before {
			return m.markRead()
		}
	case FocusSidebar:
		switch {
		case key.Matches(msg, m.km.Sidebar.Pin):
			if e, ok := m.sidebar.Selected(); ok {
				m.togglePin(e)
			}
			return nil
		case key.Matches(msg, m.km.Sidebar.Split):
			m.askSplit()
			return nil
		case key.Matches(msg, m.km.Sidebar.Follow):
			if e, ok := m.sidebar.Selected(); ok && e.ID == 0 {
				m.note = oneLine(e.Name) + " is not in this article"
			} else if ok {
				return m.followEntity(e)
			}
			return nil
		}
		m.sidebar, _ = m.sidebar.Update(msg)
	}
	return nil
}

// quit ends the reader, stopping a fetch in flight; Run waits for it to end.
func (m *Model) quit() tea.Cmd {
	if m.refresh != nil {
		m.refresh.cancel()
	}
	return tea.Quit
}

// back undoes the most recent narrowing, one per press: the find in the
// article (when the reader has focus), the search, the entity filter, the
// unread and starred filters.
func (m *Model) back() tea.Cmd {
	switch {
	case m.reader.Find() != "" && (m.focus == FocusReader || m.filter.search == "") &&
		(m.lay.List.Visible() || m.reader.Find() != reader.SearchTerms(m.filter.search)):
		// A find typed in the article goes first; the marks a search left
		// go first too, unless the reader fills the screen: there esc is
		// the way back to the list, and they go with the search.
		return m.reader.SetFind("")
	case !m.lay.List.Visible() && m.backToList():
		return nil // one pane at a time: back to the list before the filters
	case m.filter.search != "":
		var marks tea.Cmd
		if m.reader.Find() == reader.SearchTerms(m.filter.search) {
			marks = m.reader.SetFind("") // the search's marks go with it
		}
		m.filter.search = ""
		return tea.Batch(marks, m.reloadList())
	case m.filter.entity.ID != 0:
		m.filter.entity = model.EntityCount{}
	case m.filter.feed != (feedFilter{}):
		m.filter.feed = feedFilter{}
	case m.filter.unread || m.filter.starred:
		m.filter.unread, m.filter.starred = false, false
	default:
		m.backToList()
		return nil
	}
	return m.reloadList()
}

// reloadList shows the list for the current filter, keeping the selected
// article selected (and so in the reader) when the new list still holds it,
// else from the top: toggling a filter or clearing a search must not lose
// the reader's place.
func (m *Model) reloadList() tea.Cmd {
	keep, _ := m.list.Selected()
	m.listDone = false
	return m.loadListKeeping(keep)
}

// listEndKey handles g and G when the window does not hold the end they go
// to: the rows there are read, not every row between.
func (m *Model) listEndKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.km.Move.Top) && !m.list.AtStart():
		return m.jumpEnd(false), true
	case key.Matches(msg, m.km.Move.Bottom) && !m.list.AtEnd():
		return m.jumpEnd(true), true
	}
	return nil, false
}

// reloadListTop shows the list for the current filter from its top, as a
// new search does: its best hit comes first.
func (m *Model) reloadListTop() tea.Cmd {
	m.listDone = false
	m.list.Select(0)
	return m.loadList()
}

// promptKey edits the search line. The search (or the find in the article)
// follows the typing, once it pauses; enter keeps it and closes the line,
// esc closes the line and puts back what was there before it opened.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	before := m.prompt.text
	switch msg.String() {
	case "esc":
		p := m.prompt
		m.prompt = prompt{}
		m.typeSeq++
		return m.applySearch(p.find, p.prev)
	case "enter":
		p := m.prompt
		m.prompt = prompt{}
		m.typeSeq++
		cmd := m.applySearch(p.find, p.text)
		if !p.find && p.text != "" {
			m.setFocus(FocusList)
		}
		return cmd
	case "backspace":
		if r := []rune(m.prompt.text); len(r) > 0 {
			m.prompt.text = string(r[:len(r)-1])
		}
	case "ctrl+u":
		m.prompt.text = ""
	default:
		if t := msg.Text; t != "" && len(m.prompt.text)+len(t) <= promptLimit && isPrintable(t) {
			m.prompt.text += t
		}
	}
	if m.prompt.text == before {
		return nil
	}
	m.typeSeq++
	seq := m.typeSeq
	return tea.Tick(typeDelay, func(time.Time) tea.Msg { return promptTypedMsg{Seq: seq} })
}

// promptTyped runs the search typed so far, when typing has paused.
func (m *Model) promptTyped(msg promptTypedMsg) tea.Cmd {
	if msg.Seq != m.typeSeq || !m.prompt.open {
		return nil
	}
	return m.applySearch(m.prompt.find, m.prompt.text)
}

// applySearch makes text the find in the article or the store search,
// doing nothing when it already is.
func (m *Model) applySearch(find bool, text string) tea.Cmd {
	if find {
		if m.reader.Find() == text {
			return nil
		}
		return m.reader.SetFind(text)
	}
	if m.filter.search == text {
		return nil
	}
	var marks tea.Cmd
	if m.filter.search != "" && m.reader.Find() == reader.SearchTerms(m.filter.search) {
		marks = m.reader.SetFind(reader.SearchTerms(text)) // the open article follows the search
	}
	m.filter.search = text
	if text != "" {
		return tea.Batch(marks, m.reloadListTop())
	}
	return tea.Batch(marks, m.reloadList())
}

func isPrintable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// openEntityView opens the view of every entity, ranked by articles.
func (m *Model) openEntityView() tea.Cmd {
	m.entityView = true
	m.entityAsk = entityAsk{}
	m.entities = entities.New(m.st)
	m.relayout()
	return m.loadEntities()
}

// entityViewKey: esc closes the view, enter lists the selected entity's
// articles, space marks it and M, R and T correct it (entitycorrect.go),
// everything else edits the filters or moves the selection. The filter
// ignores case and spaces, so those keys take nothing from the typing.
func (m *Model) entityViewKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.entityAsk.kind != askNone {
		return m.entityAskKey(msg)
	}
	if cmd, ok := m.correctionKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, m.km.Global.Back):
		m.entityView = false
		m.relayout()
		return nil
	case msg.String() == "enter":
		e, ok := m.entities.Selected()
		m.entityView = false
		m.relayout()
		if !ok {
			return nil
		}
		return m.followEntity(e)
	}
	typ, q, sel := m.entities.Type(), m.entities.Query(), m.selectedEntityID()
	m.entities, _ = m.entities.Update(msg)
	if m.entities.Type() != typ || m.entities.Query() != q {
		return m.loadEntities()
	}
	if m.selectedEntityID() != sel {
		return m.loadDetail()
	}
	return nil
}

func (m *Model) selectedEntityID() int64 {
	e, _ := m.entities.Selected()
	return e.ID
}

// followEntity lists only the articles that mention e.
func (m *Model) followEntity(e model.EntityCount) tea.Cmd {
	m.filter.entity, m.filter.search = e, ""
	m.setFocus(FocusList)
	return m.reloadList()
}

// scrollHelp moves the help by the move keys, when it is taller than the
// screen. The view clamps the offset.
func (m *Model) scrollHelp(msg tea.KeyPressMsg) {
	mv, page := m.km.Move, max(1, m.lay.Overlay.H-2)
	switch {
	case key.Matches(msg, mv.Down):
		m.helpOffset++
	case key.Matches(msg, mv.Up):
		m.helpOffset--
	case key.Matches(msg, mv.PageDown):
		m.helpOffset += page
	case key.Matches(msg, mv.PageUp):
		m.helpOffset -= page
	case key.Matches(msg, mv.HalfDown):
		m.helpOffset += page / 2
	case key.Matches(msg, mv.HalfUp):
		m.helpOffset -= page / 2
	case key.Matches(msg, mv.Top):
		m.helpOffset = 0
	case key.Matches(msg, mv.Bottom):
		m.helpOffset = 1 << 20
	}
	m.clampHelp()
}

// clampHelp keeps the help's offset where helpWindow would draw it.
func (m *Model) clampHelp() {
	_, m.helpOffset = helpWindow(m.helpView, m.st, m.lay.Overlay.W, m.lay.Overlay.H, m.helpOffset)
}

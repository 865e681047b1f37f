package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/pane"
)

// tooSmall is all a terminal under MinWidth×MinHeight gets: one short line,
// cut to the width, never a broken layout.
const tooSmall = "terminal too small for byline (40×10)"

// render draws the whole screen as a string of at most height lines, none
// wider than width. The frame is the last step before the terminal, so it
// passes through safe.Terminal: whatever a pane drew from an article, a feed
// or an error, nothing but byline's own styling and links reaches the screen.
func (m *Model) render() string {
	return safe.Terminal(m.frame())
}

// frame draws the screen for render.
func (m *Model) frame() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.lay.TooSmall {
		return tooSmallLine(m.width)
	}

	panes := make([][]string, 0, 3)
	if r := m.lay.Overlay; r.Visible() {
		if m.showHelp {
			lines, _ := helpWindow(m.helpView, m.st, r.W, r.H, m.helpOffset)
			panes = append(panes, lines)
		} else if m.feedsView {
			panes = append(panes, strings.Split(m.feeds.View(), "\n"))
		} else {
			panes = append(panes, strings.Split(m.entities.View(), "\n"))
		}
	}
	for _, p := range []struct {
		r    Rect
		view func() string
	}{
		{m.lay.List, m.list.View},
		{m.lay.Reader, m.reader.View},
		{m.lay.Sidebar, m.sidebar.View},
	} {
		if p.r.Visible() {
			panes = append(panes, strings.Split(p.view(), "\n"))
		}
	}

	bodyH := m.lay.List.H + m.lay.Reader.H + m.lay.Sidebar.H + m.lay.Overlay.H
	if len(panes) > 0 {
		bodyH /= len(panes)
	}
	sep := m.st.Pane.Separator.Render("│")
	var b strings.Builder
	b.Grow((m.width + 16) * m.height * 2)
	for y := 0; y < bodyH; y++ {
		for i, p := range panes {
			if i > 0 {
				b.WriteString(sep)
			}
			if y < len(p) {
				b.WriteString(p[y])
			}
		}
		b.WriteByte('\n')
	}
	if m.lay.Help.Visible() {
		lines := strings.Split(m.helpView, "\n")
		for _, l := range pane.Block(lines, m.width, m.lay.Help.H) {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	if m.lay.Hint.Visible() {
		hint := strings.Join(strings.Fields(model.Sanitize(m.opts.Hint)), " ")
		b.WriteString(pane.Fit(m.st.Status.Hint.Render(pane.Cut(" "+hint, m.width)), m.width))
		b.WriteByte('\n')
	}
	if m.prompt.open {
		b.WriteString(m.promptLine())
	} else if m.entityAsk.kind != askNone {
		b.WriteString(m.entityAskLine())
	} else {
		b.WriteString(m.statusBar())
	}
	return b.String()
}

// promptLine is the search line, with a cursor, in place of the status bar.
func (m *Model) promptLine() string {
	label := "search articles: "
	if m.prompt.find {
		label = "find in article: "
	}
	text := oneLine(m.prompt.text)
	// Keep the end of a long query, where the typing is, in view.
	room := m.width - ansi.StringWidth(" /"+label) - 2
	if w := ansi.StringWidth(text); room > 0 && w > room {
		text = "…" + ansi.TruncateLeft(text, w-room+1, "")
	}
	return pane.Fit(" "+m.st.Status.Focus.Render("/"+label)+text+"▏", m.width)
}

// statusBar is the bottom line: position in the list, the focused pane and
// short key hints, cut to the width.
func (m *Model) statusBar() string {
	w := m.width
	pos := "loading…"
	switch {
	case m.listErr != "":
		pos = "error"
	case m.listDone:
		pos = strconv.Itoa(min(m.list.Index()+1, m.list.Len())) + "/" + m.list.Total()
	}
	focus := m.focus.String()
	if m.entityView {
		focus = "all entities"
	}
	if m.feedsView && !m.showHelp {
		focus = "feeds"
	}
	info := m.statusInfo()
	left := " " + m.st.Status.Position.Render(pos) + "  " + m.st.Status.Focus.Render(focus) + "  "
	plain := " " + pos + "  " + focus + "  "
	if info != "" {
		left += m.st.Status.Position.Render(info) + "  "
		plain += info + "  "
	}
	if spin, fetch := m.refreshStatus(); fetch != "" {
		if spin != "" {
			left += spin + " "
			plain += ansi.Strip(spin) + " "
		}
		left += m.st.Status.Position.Render(fetch) + "  "
		plain += fetch + "  "
	}
	if m.note != "" {
		return pane.Fit(m.st.Status.Bar.Render(left)+m.st.Status.Error.Render(oneLine(m.note)), w)
	}
	hints := ""
	if rest := w - ansi.StringWidth(plain); rest > 0 {
		hints = m.statusHints(rest)
	}
	return pane.Fit(m.st.Status.Bar.Render(left)+hints, w)
}

// statusInfo is what narrows or marks the reading: the list's filter or
// search, and the mention n and N are on.
func (m *Model) statusInfo() string {
	var parts []string
	if f := m.filter.describe(); f != "" {
		parts = append(parts, f)
	}
	k, n, find := m.reader.Mention()
	what, whats := "mention", "mentions"
	if find {
		what, whats = "match", "matches"
	}
	switch {
	case n == 0 && find:
		parts = append(parts, "no match")
	case n == 0:
	case k == 0 && n == 1:
		parts = append(parts, "1 "+what)
	case k == 0:
		parts = append(parts, strconv.Itoa(n)+" "+whats)
	default:
		parts = append(parts, what+" "+strconv.Itoa(k)+"/"+strconv.Itoa(n))
	}
	return strings.Join(parts, " · ")
}

// shortHelp is the status bar's hint: the keys that matter where the focus
// is, so that the next step can always be read off the screen.
func (m *Model) shortHelp() []key.Binding {
	k := m.km
	as := func(b key.Binding, desc string) key.Binding {
		name := b.Help().Key
		if first, _, ok := strings.Cut(name, "/"); ok && len(name) > 6 {
			name = first // enter/space: the first says enough here
		}
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(name, desc))
	}
	if m.showHelp {
		return []key.Binding{as(k.Move.Down, "scroll"), as(k.Global.Help, "close help"), k.Global.Quit}
	}
	if m.entityView { // typing filters there, so only keys that type nothing
		return []key.Binding{as(k.List.Open, "its articles"), as(k.Global.NextPane, "type"), as(k.Entities.Mark, "mark"), as(k.Entities.Merge, "merge"), as(k.Entities.Rename, "rename"), as(k.Entities.Type, "set type"), as(k.Global.Back, "close")}
	}
	if m.feedsView {
		return []key.Binding{as(k.List.Open, "its articles"), as(k.Global.Refresh, "fetch it"), as(k.Feeds.Unsubscribe, "unsubscribe"), as(k.Global.Back, "close")}
	}
	if m.reader.LinksShown() {
		return []key.Binding{key.NewBinding(key.WithKeys("1"), key.WithHelp("1-9", "open link")), as(k.Reader.Links, "close links"), k.Global.Help}
	}
	var out []key.Binding
	if len(m.pins) > 0 {
		out = append(out, as(k.Reader.NextMention, "next mention"))
	}
	switch m.focus {
	case FocusReader:
		out = append(out, k.Move.Down, as(k.Reader.Find, "find"))
	case FocusSidebar:
		out = append(out, as(k.Sidebar.Pin, "pin"), as(k.Sidebar.Follow, "its articles"), k.Global.EntityView)
	default:
		out = append(out, k.List.Open, as(k.List.Search, "search"))
	}
	return append(out, k.Global.NextPane, k.Global.Help, k.Global.Quit)
}

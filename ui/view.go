package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/pane"
)

// tooSmall is all a terminal under MinWidth×MinHeight gets: one short line,
// cut to the width, never a broken layout.
const tooSmall = "terminal too small for byline (40×10)"

// render draws the whole screen as a string of at most height lines, none
// wider than width.
func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.lay.TooSmall {
		return pane.Cut(tooSmall, m.width)
	}

	panes := make([][]string, 0, 3)
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

	bodyH := m.lay.List.H + m.lay.Reader.H + m.lay.Sidebar.H
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
	b.WriteString(m.statusBar())
	return b.String()
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
		pos = strconv.Itoa(min(m.list.Index()+1, m.list.Len())) + "/" + strconv.Itoa(m.list.Len())
	}
	focus := m.focus.String()
	left := " " + m.st.Status.Position.Render(pos) + "  " + m.st.Status.Focus.Render(focus) + "  "
	hints := ""
	if rest := w - ansi.StringWidth(" "+pos+"  "+focus+"  "); rest > 0 {
		m.help.SetWidth(rest)
		hints = m.help.ShortHelpView(m.km.ShortHelp())
		m.help.SetWidth(w)
	}
	return pane.Fit(m.st.Status.Bar.Render(left)+hints, w)
}

func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

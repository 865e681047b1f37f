package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// toggleLinks lists the article's links, numbered, in the reader (L), or
// puts the text back.
func (m *Model) toggleLinks() {
	if m.reader.LinksShown() {
		m.reader.HideLinks()
		m.linkTyped = ""
		return
	}
	if m.reader.Article() == nil {
		m.note = "no article open"
		return
	}
	links := m.reader.Links()
	if len(links) == 0 {
		m.note = "this article has no links"
		return
	}
	m.reader.ShowLinks(links)
	m.linkTyped = ""
	if m.lay.List.Visible() && !m.lay.Reader.Visible() {
		m.setFocus(FocusReader) // one pane at a time: show the list of links
	}
}

// linksKey takes the keys that act on the listed links: digits choose one
// (as soon as no longer number could follow, or on enter), esc and L put the
// text back. ok is false for any other key, which then acts as usual.
func (m *Model) linksKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	links := m.reader.ShownLinks()
	s := msg.String()
	switch {
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
		m.linkTyped += s
		n, _ := strconv.Atoi(m.linkTyped)
		if n < 1 || n > len(links) {
			m.note = "no link " + m.linkTyped + " (1–" + strconv.Itoa(len(links)) + ")"
			m.linkTyped = ""
			return nil, true
		}
		if n*10 > len(links) {
			return m.openLink(n), true
		}
		m.note = "link " + m.linkTyped + "… (enter opens it)"
		return nil, true
	case s == "enter" && m.linkTyped != "":
		n, _ := strconv.Atoi(m.linkTyped)
		return m.openLink(n), true
	case key.Matches(msg, m.km.Global.Back), key.Matches(msg, m.km.Reader.Links):
		m.toggleLinks()
		return nil, true
	case s == "backspace" && m.linkTyped != "":
		m.linkTyped = m.linkTyped[:len(m.linkTyped)-1]
		return nil, true
	}
	return nil, false
}

// openLink opens link n (from 1) of the listed ones in the browser, and
// puts the text back.
func (m *Model) openLink(n int) tea.Cmd {
	links := m.reader.ShownLinks()
	m.linkTyped = ""
	if n < 1 || n > len(links) {
		return nil
	}
	u := links[n-1].URL
	m.reader.HideLinks()
	m.note = "opening " + oneLine(u)
	return m.open(m.opts.Browser, u)
}

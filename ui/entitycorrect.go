package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/pane"
)

// askKind is what the entity view's correction is waiting for.
type askKind int

const (
	askNone       askKind = iota
	askRenameText         // the new name is being typed
	askTypeLetter         // one letter picks the type
	askConfirm            // y or enter does it, any other key does not
)

// entityAsk is a correction of the entity view (M, R, T) or of the
// entities pane (X) while it asks on the status line: the new name, the
// type, then whether to do it.
type entityAsk struct {
	kind    askKind
	action  string   // "merge", "rename", "type" or "split"
	article int64    // split: the article whose mentions go apart
	names   []string // merge: the names merged into target
	ids     []int64  // merge: the identities merged into target
	target  string   // the entity corrected, or merged into
	id      int64    // the identity corrected, or merged into (not split)
	text    string   // rename: the new name as typed
	typ     string   // type: the type chosen
}

// typeLetters are the letters T takes, one per correction type.
var typeLetters = map[string]string{
	"p": "PER", "o": "ORG", "l": "LOC", "w": "WORK", "r": "PRODUCT", "e": "EVENT", "m": "MISC",
}

// entityCorrectedMsg answers a correction made in the entity view.
type entityCorrectedMsg struct {
	Action  string
	Target  string
	Name    string // the corrected entity's name now
	Done    string // what the note says it did
	ID      int64  // the correction, for undo
	Article int64  // split: the article split
	Err     error
}

// correctionKey starts a correction for M, R or T, and marks for space;
// ok is false for any other key.
func (m *Model) correctionKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.km.Entities
	switch {
	case key.Matches(msg, k.Mark):
		m.entities.ToggleMark()
		return nil, true
	case key.Matches(msg, k.Merge):
		m.askMerge()
		return nil, true
	case key.Matches(msg, k.Rename):
		if e, ok := m.entities.Selected(); ok {
			m.entityAsk = entityAsk{kind: askRenameText, action: "rename", target: e.Name, id: e.ID, text: e.Name}
		}
		return nil, true
	case key.Matches(msg, k.Type):
		if e, ok := m.entities.Selected(); ok {
			m.entityAsk = entityAsk{kind: askTypeLetter, action: "type", target: e.Name, id: e.ID}
		}
		return nil, true
	}
	return nil, false
}

// askSplit asks before making the mentions of the entity selected in the
// entities pane, in the article on show, an entity of their own: the
// "Leicester" of a story that means the other Leicester.
func (m *Model) askSplit() {
	e, ok := m.sidebar.Selected()
	switch {
	case !ok:
		return
	case e.ID == 0 || m.sidebar.OnLegend() && !m.articleNames(e.ID):
		m.note = oneLine(e.Name) + " is not in this article"
		return
	case e.Articles < 2:
		m.note = oneLine(e.Name) + " is in this article only: nothing to split it from"
		return
	}
	m.entityAsk = entityAsk{kind: askConfirm, action: "split", target: e.Name, article: m.articleID}
}

// articleNames reports whether the article on show names identity id.
func (m *Model) articleNames(id int64) bool {
	a := m.reader.Article()
	if a == nil || a.ID != m.articleID {
		return false
	}
	for _, e := range a.Entities {
		if e.ID == id {
			return true
		}
	}
	return false
}

// askMerge asks before merging the marked entities into the selected one
// (or, when it is not marked, the first marked).
func (m *Model) askMerge() {
	marked := m.entities.Marked()
	if len(marked) < 2 {
		m.note = "mark two or more entities with " + m.km.Entities.Mark.Help().Key + ", then " + m.km.Entities.Merge.Help().Key + " merges them"
		return
	}
	into := marked[0]
	if e, ok := m.entities.Selected(); ok && m.entities.IsMarked(e.ID) {
		into = e
	}
	var names []string
	var ids []int64
	for _, e := range marked {
		if e.ID != into.ID {
			names, ids = append(names, e.Name), append(ids, e.ID)
		}
	}
	m.entityAsk = entityAsk{kind: askConfirm, action: "merge", names: names, ids: ids, target: into.Name, id: into.ID}
}

// entityAskKey answers the question the entity view's correction asks.
func (m *Model) entityAskKey(msg tea.KeyPressMsg) tea.Cmd {
	a := &m.entityAsk
	s := msg.String()
	switch a.kind {
	case askRenameText:
		switch {
		case s == "enter":
			to := strings.Join(strings.Fields(a.text), " ")
			if to == "" || to == a.target {
				m.entityAsk = entityAsk{}
				m.note = "name unchanged"
				return nil
			}
			a.text, a.kind = to, askConfirm
		case key.Matches(msg, m.km.Global.Back):
			m.entityAsk = entityAsk{}
			m.note = "name unchanged"
		case s == "backspace":
			if r := []rune(a.text); len(r) > 0 {
				a.text = string(r[:len(r)-1])
			}
		case s == "ctrl+u":
			a.text = ""
		default:
			if t := msg.Text; t != "" && len(a.text)+len(t) <= promptLimit && isPrintable(t) {
				a.text += t
			}
		}
		return nil
	case askTypeLetter:
		typ, ok := typeLetters[strings.ToLower(msg.Text)]
		if !ok {
			m.entityAsk = entityAsk{}
			m.note = "type unchanged"
			return nil
		}
		a.typ, a.kind = typ, askConfirm
		return nil
	}
	// askConfirm.
	ask := *a
	m.entityAsk = entityAsk{}
	if s != "y" && s != "Y" && s != "enter" {
		m.note = map[string]string{"merge": "nothing merged", "rename": "name unchanged", "type": "type unchanged", "split": "nothing split"}[ask.action]
		return nil
	}
	return m.correctEntity(ask)
}

// correctEntity makes the correction ask describes, in the store.
func (m *Model) correctEntity(ask entityAsk) tea.Cmd {
	ctx, lib := m.ctx, m.lib
	return func() tea.Msg {
		var c store.Correction
		var err error
		done := ""
		switch ask.action {
		case "merge":
			c, err = lib.MergeIdentities(ctx, ask.ids, ask.id)
			done = "merged into " + ask.target
		case "rename":
			c, err = lib.RenameIdentity(ctx, ask.id, ask.text)
			done = "renamed " + ask.target + " to " + ask.text
		case "type":
			c, err = lib.SetIdentityType(ctx, ask.id, ask.typ)
			done = ask.target + " is " + ask.typ + " now"
		case "split":
			c, err = lib.Split(ctx, ask.target, ask.article)
			done = ask.target + " of this article is an entity of its own now"
		}
		name := ask.target
		if ask.action == "rename" {
			name = ask.text
		}
		return entityCorrectedMsg{Action: ask.action, Target: ask.target, Name: name, Done: done, ID: c.ID, Article: ask.article, Err: err}
	}
}

// entityCorrected tells what the correction did and shows the entities as
// they are now.
func (m *Model) entityCorrected(msg entityCorrectedMsg) tea.Cmd {
	if msg.Err != nil {
		m.note = msg.Action + ": " + msg.Err.Error()
		return nil
	}
	m.note = msg.Done + " · byline entity undo " + strconv.FormatInt(msg.ID, 10) + " undoes it"
	if msg.Action == "merge" {
		m.entities.ClearMarks()
	}
	if msg.Action == "split" && msg.Article == m.articleID {
		// Its entities have other ids now: read them again, so that pins
		// and f go by the new one.
		m.sidebar.Reselect(msg.Target)
		m.sidebar.SetLoading()
		return m.loadArticle(m.articleID)
	}
	if !m.entityView {
		return nil
	}
	m.entities.Reselect(msg.Name)
	return m.loadEntities()
}

// question is what the entity view's correction asks, as the status line
// shows it.
func (a entityAsk) question() string {
	const yesNo = "? y/enter yes, any other key no"
	switch {
	case a.kind == askRenameText:
		return "rename " + a.target + " to:"
	case a.kind == askTypeLetter:
		return "type of " + a.target + ": p/o/l/w/r/e/m (PER ORG LOC WORK PRODUCT EVENT MISC)"
	case a.action == "merge":
		return "merge " + strings.Join(a.names, ", ") + " into " + a.target + yesNo
	case a.action == "rename":
		return "rename " + a.target + " to " + a.text + yesNo
	case a.action == "split":
		return "split " + a.target + " of this article off as an entity of its own" + yesNo
	default:
		return "make " + a.target + " " + a.typ + yesNo
	}
}

// entityAskLine is the status line while a correction asks.
func (m *Model) entityAskLine() string {
	q := oneLine(m.entityAsk.question())
	if m.entityAsk.kind != askRenameText {
		return pane.Fit(" "+m.st.Status.Focus.Render(q), m.width)
	}
	text := oneLine(m.entityAsk.text)
	// Keep the end of a long name, where the typing is, in view.
	room := m.width - ansi.StringWidth(" "+q+" ") - 2
	if w := ansi.StringWidth(text); room > 0 && w > room {
		text = "…" + ansi.TruncateLeft(text, w-room+1, "")
	}
	return pane.Fit(" "+m.st.Status.Focus.Render(q)+" "+text+"▏", m.width)
}

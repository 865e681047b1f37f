// Package sidebar is the entity pane: the people, organisations, places and
// other names in the article being read, grouped by type, each with how many
// times the article mentions it, and a legend of the pinned entities. The
// root model pins the selected entity; this pane only shows the pins.
package sidebar

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/pane"
	"github.com/bylinehq/byline/ui/styles"
)

// GroupName is the heading the sidebar gives each entity type (People,
// Organisations, Places, Works, Products, Events, Other).
func GroupName(t model.EntityType) string { return t.Group() }

// line is one row of the pane: a group heading (entity < 0, pin < 0), a
// legend row for pin number pin (entity < 0), an entity, or the pane's
// state such as "loading…" (state true). absent marks the legend's pins
// that the open article does not name, and the heading above them.
type line struct {
	group  string
	entity int
	pin    int
	state  bool
	absent bool
}

// selectable reports whether the selection can rest on l: an entity or a
// pin of the legend.
func (l line) selectable() bool { return l.entity >= 0 || l.pin >= 0 }

// Pinned is an entity pinned in the reader, as the legend shows it: its
// identity, name, type and pin colour slot.
type Pinned struct {
	ID   int64 // the store's identity; 0 matches by name and type
	Name string
	Type model.EntityType
	Slot int
}

// Model is the entity pane. The zero value is not usable; call New.
type Model struct {
	km       keymap.KeyMap
	st       styles.Styles
	entities []model.EntityCount
	lines    []line
	sel      int // index in lines of the selected row; -1 none
	offset   int
	width    int
	height   int
	focused  bool
	state    string // "", or a placeholder such as "loading…"
	pins     []Pinned
	tint     bool
	reselect string // the name SetEntities selects, once; "" the first entity
}

// New returns an empty sidebar waiting for an article.
func New(km keymap.KeyMap, st styles.Styles) Model {
	m := Model{km: km, st: st, state: "no article", tint: true, sel: -1}
	m.build(nil)
	return m
}

// SetStyles changes the styles, after the terminal's background is known.
func (m *Model) SetStyles(st styles.Styles) { m.st = st }

// SetSize gives the pane its rectangle, header line included.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.follow()
}

// SetFocused says whether the sidebar has the keyboard.
func (m *Model) SetFocused(f bool) { m.focused = f }

// SetLoading shows "loading…" while the article's entities are read.
func (m *Model) SetLoading() {
	m.state = "loading…"
	m.build(m.entities)
}

// SetEntities shows an article's entities, grouped in the order of
// model.EntityTypes and, within a group, in the order given (the store sorts
// by mentions, most first). The selection starts on the first entity.
func (m *Model) SetEntities(es []model.EntityCount) {
	m.offset, m.state = 0, ""
	if len(es) == 0 {
		m.state = noEntities
	}
	m.build(es)
	m.sel = m.firstEntity()
	if m.reselect != "" {
		for i, e := range m.entities {
			if strings.EqualFold(e.Name, m.reselect) {
				m.sel = m.lineOfEntity(i)
				break
			}
		}
		m.reselect = ""
	}
	m.follow()
}

// Reselect makes the next SetEntities select the entity named name, when
// the article names it: an entity split off keeps the selection as the
// article's entities are read again.
func (m *Model) Reselect(name string) { m.reselect = name }

// SetPins shows the legend of pinned entities at the top, and marks each
// pinned entity's row with its colour and number. The selection stays on
// the same entity, or on the legend row that took the place of an unpinned
// one.
func (m *Model) SetPins(pins []Pinned) {
	prev, prevLine := m.sel, line{entity: -1, pin: -1}
	if prev >= 0 && prev < len(m.lines) {
		prevLine = m.lines[prev]
	}
	m.pins = append([]Pinned(nil), pins...)
	m.build(m.entities)
	switch {
	case prevLine.entity >= 0:
		m.sel = m.lineOfEntity(prevLine.entity)
	case prevLine.pin >= 0 && len(m.pins) > 0:
		m.sel = m.lineOfPin(min(prevLine.pin, len(m.pins)-1))
	default:
		m.sel = m.firstEntity()
	}
	if m.sel < 0 {
		m.sel = m.firstEntity()
	}
	m.follow()
}

// SetTint says whether names are tinted by entity type, as in the reader.
func (m *Model) SetTint(on bool) { m.tint = on }

// build lays out the rows: the legend, then the entities by group, or the
// state line in their place.
func (m *Model) build(es []model.EntityCount) {
	// Fresh slices: copies of the model made by Update must not share them.
	m.entities, m.lines = nil, nil
	if len(m.pins) > 0 {
		// The pins this article names, then under their own dim heading
		// the ones it does not: pins outlast the article they were made in.
		m.lines = append(m.lines, line{group: "Pinned", entity: -1, pin: -1})
		known := m.state == "" || len(es) == 0 && m.state == noEntities
		var away []line
		for i, p := range m.pins {
			if known && !has(es, p) {
				away = append(away, line{entity: -1, pin: i, absent: true})
				continue
			}
			m.lines = append(m.lines, line{entity: -1, pin: i})
		}
		if len(away) > 0 {
			m.lines = append(m.lines, line{group: "not in this article", entity: -1, pin: -1, absent: true})
			m.lines = append(m.lines, away...)
		}
	}
	if m.state != "" {
		m.entities = es // kept for SetPins while a new article loads
		m.lines = append(m.lines, line{entity: -1, pin: -1, state: true})
		m.sel = min(m.sel, m.lastSelectable())
		return
	}
	for _, t := range model.EntityTypes {
		first := true
		for _, e := range es {
			if groupOf(e.Type) != t {
				continue
			}
			if first {
				m.lines = append(m.lines, line{group: GroupName(t), entity: -1, pin: -1})
				first = false
			}
			m.lines = append(m.lines, line{entity: len(m.entities), pin: -1})
			m.entities = append(m.entities, e)
		}
	}
	m.sel = min(m.sel, m.lastSelectable())
}

// noEntities is what the pane says for an article without entities.
const noEntities = "no entities found"

// has reports whether es holds the pinned entity p.
func has(es []model.EntityCount, p Pinned) bool {
	for _, e := range es {
		if p.Is(e) {
			return true
		}
	}
	return false
}

// Is reports whether the pin is entity e: the same identity when both have
// one, else the same name, in any case, and type. Two identities of one
// name (Leicester the city and the club, or a name split in one article)
// are two pins.
func (p Pinned) Is(e model.EntityCount) bool {
	if p.ID != 0 && e.ID != 0 {
		return p.ID == e.ID
	}
	return e.Type == p.Type && strings.EqualFold(e.Name, p.Name)
}

// firstEntity is the line of the first entity, else of the first pin, else -1.
func (m Model) firstEntity() int {
	if m.state == "" {
		if i := m.lineOfEntity(0); i >= 0 {
			return i
		}
	}
	return m.nextSelectable(-1, 1)
}

// lineOfPin is the legend line showing pin i, or -1.
func (m Model) lineOfPin(i int) int {
	for j, l := range m.lines {
		if l.pin == i {
			return j
		}
	}
	return -1
}

// lineOfEntity is the line showing entity i, or -1.
func (m Model) lineOfEntity(i int) int {
	for j, l := range m.lines {
		if l.entity == i {
			return j
		}
	}
	return -1
}

func (m Model) lastSelectable() int { return m.nextSelectable(len(m.lines), -1) }

// nextSelectable is the first selectable line after from in direction d
// (1 or -1), or -1.
func (m Model) nextSelectable(from, d int) int {
	for i := from + d; i >= 0 && i < len(m.lines); i += d {
		if m.lines[i].selectable() {
			return i
		}
	}
	return -1
}

// groupOf puts a type byline does not know under MISC ("Other").
func groupOf(t model.EntityType) model.EntityType {
	for _, k := range model.EntityTypes {
		if k == t {
			return t
		}
	}
	return model.MISC
}

// Len is the number of entities shown.
func (m Model) Len() int {
	if m.state != "" {
		return 0
	}
	return len(m.entities)
}

// Selected returns the selected entity; ok is false when there is none. On
// a row of the legend it is the pinned entity: the article's own entry for
// it when the article names it, else its identity, name and type alone (no
// counts).
func (m Model) Selected() (e model.EntityCount, ok bool) {
	if m.sel < 0 || m.sel >= len(m.lines) {
		return model.EntityCount{}, false
	}
	l := m.lines[m.sel]
	switch {
	case l.pin >= 0:
		p := m.pins[l.pin]
		if i, ok := m.indexOf(p); ok && m.state == "" {
			return m.entities[i], true
		}
		return model.EntityCount{ID: p.ID, Name: p.Name, Type: p.Type}, true
	case l.entity >= 0 && m.state == "":
		return m.entities[l.entity], true
	}
	return model.EntityCount{}, false
}

// OnLegend reports whether the selection is on a row of the legend.
func (m Model) OnLegend() bool {
	return m.sel >= 0 && m.sel < len(m.lines) && m.lines[m.sel].pin >= 0
}

// Update moves the selection on movement keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if d, ok := pane.Motion(m.km.Move, k, m.bodyHeight()); ok {
			m.move(d)
		}
	}
	return m, nil
}

// Scroll moves the view by d lines, as the mouse wheel does.
func (m *Model) Scroll(d int) {
	h := m.bodyHeight()
	m.offset = max(0, min(m.offset+d, len(m.lines)-h))
	// Keep the selection on screen.
	if m.sel < 0 {
		return
	}
	for m.sel < m.offset {
		n := m.nextSelectable(m.sel, 1)
		if n < 0 {
			break
		}
		m.sel = n
	}
	for m.sel >= m.offset+h {
		n := m.nextSelectable(m.sel, -1)
		if n < 0 {
			break
		}
		m.sel = n
	}
}

// Click selects the entity or pin at line y of the pane (0 is the header).
func (m *Model) Click(y int) bool {
	i := m.offset + y - 1
	if y < 1 || i >= len(m.lines) || !m.lines[i].selectable() {
		return false
	}
	m.sel = i
	return true
}

// move moves the selection by d selectable rows, stopping at either end.
func (m *Model) move(d int) {
	if m.sel < 0 {
		return
	}
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	for ; d > 0; d-- {
		n := m.nextSelectable(m.sel, step)
		if n < 0 {
			break
		}
		m.sel = n
	}
	m.follow()
}

// follow scrolls so the selected row, and its heading when it is the first
// of its group, are on screen.
func (m *Model) follow() {
	h := m.bodyHeight()
	if m.sel < 0 {
		m.offset = max(0, min(m.offset, len(m.lines)-h))
		return
	}
	r := m.sel
	top := r
	if r > 0 && !m.lines[r-1].selectable() {
		top = r - 1
	}
	if top < m.offset {
		m.offset = top
	}
	if r >= m.offset+h {
		m.offset = r - h + 1
	}
	m.offset = max(0, min(m.offset, len(m.lines)-h))
}

func (m Model) bodyHeight() int { return max(1, m.height-1) }

// View draws the pane: exactly height lines of exactly width columns.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	out := make([]string, 0, m.height)
	info := ""
	if m.state == "" {
		info = strconv.Itoa(len(m.entities))
	}
	out = append(out, pane.Header("Entities", info, m.width, m.focused, m.st.Pane.Header, m.st.Pane.HeaderFocused))
	end := min(len(m.lines), m.offset+m.height-1)
	for i := m.offset; i < end; i++ {
		switch l := m.lines[i]; {
		case l.state:
			out = append(out, m.st.Pane.Muted.Render(pane.Cut("  "+m.state, m.width)))
		case l.pin >= 0:
			out = append(out, m.legendRow(l.pin, l.absent, i == m.sel))
		case l.absent:
			out = append(out, "  "+m.st.Pane.Muted.Render(pane.Cut(l.group, m.width-2)))
		case l.entity < 0:
			out = append(out, " "+m.st.Sidebar.Group.Render(pane.Cut(l.group, m.width-1)))
		default:
			out = append(out, m.entityRow(l.entity, i == m.sel))
		}
	}
	return strings.Join(pane.Block(out, m.width, m.height), "\n")
}

// entityRow draws "▌ Name        3": the name cut to fit, the mention count
// right-aligned.
func (m Model) entityRow(i int, selected bool) string {
	e := m.entities[i]
	count := strconv.Itoa(e.Mentions)
	nameW := m.width - 3 - 1 - len(count) - 1
	if nameW < 4 {
		count, nameW = "", m.width-3
	}
	name := pane.Cut(strings.Join(strings.Fields(model.Sanitize(e.Name)), " "), nameW)
	gap := max(0, m.width-3-ansi.StringWidth(name)-len(count)-1)
	tail := strings.Repeat(" ", gap) + count + " "
	if count == "" {
		tail = ""
	}
	swatch := " "
	if slot, ok := m.slotOf(e); ok {
		swatch = m.swatch(slot)
	}
	switch {
	case selected && m.focused:
		return m.st.Sidebar.Selected.Render("▌") + swatch + m.st.Sidebar.Selected.Render(pane.Fit(" "+name+tail, m.width-2))
	case selected:
		return m.st.Sidebar.SelectedBlurred.Render("›") + swatch + m.st.Sidebar.SelectedBlurred.Render(" "+name+tail)
	}
	nameSt := m.st.Sidebar.Name
	if c := m.st.Mark.Tints[typeIndex(e.Type)]; m.tint && c != nil {
		nameSt = nameSt.Foreground(c)
	}
	return " " + swatch + " " + nameSt.Render(name) + m.st.Sidebar.Count.Render(tail)
}

// legendRow draws one pinned entity: its number on its colour, its name,
// dimmed when the open article does not name it.
func (m Model) legendRow(i int, absent, selected bool) string {
	p := m.pins[i]
	name := strings.Join(strings.Fields(model.Sanitize(p.Name)), " ")
	for _, o := range m.pins {
		if o.Type != p.Type && strings.EqualFold(o.Name, p.Name) {
			name += " (" + string(p.Type) + ")" // Leicester the city and the club
			break
		}
	}
	name = pane.Cut(name, m.width-4)
	switch {
	case selected && m.focused:
		return m.st.Sidebar.Selected.Render("▌") + m.swatch(p.Slot) + m.st.Sidebar.Selected.Render(pane.Fit(" "+name, m.width-2))
	case selected:
		return m.st.Sidebar.SelectedBlurred.Render("›") + m.swatch(p.Slot) + m.st.Sidebar.SelectedBlurred.Render(" "+name)
	case absent:
		return " " + m.swatch(p.Slot) + " " + m.st.Pane.Muted.Render(name)
	}
	return " " + m.swatch(p.Slot) + " " + m.st.Sidebar.Name.Render(name)
}

// indexOf is the index of pin p among the article's entities.
func (m Model) indexOf(p Pinned) (int, bool) {
	for i, e := range m.entities {
		if p.Is(e) {
			return i, true
		}
	}
	return 0, false
}

// swatch is a pin's number on the pin's background (reverse video without
// colour), one column wide.
func (m Model) swatch(slot int) string {
	st := lipgloss.NewStyle().Bold(true)
	if c := m.st.Mark.Pins[slot%len(m.st.Mark.Pins)]; c != nil {
		st = st.Background(c)
	} else {
		st = st.Reverse(true)
	}
	return st.Render(strconv.Itoa(slot + 1))
}

// slotOf is the pin slot of e, if it is pinned.
func (m Model) slotOf(e model.EntityCount) (int, bool) {
	for _, p := range m.pins {
		if p.Is(e) {
			return p.Slot, true
		}
	}
	return 0, false
}

// typeIndex is t's place in model.EntityTypes, MISC for unknown types.
func typeIndex(t model.EntityType) int {
	for i, k := range model.EntityTypes {
		if k == t {
			return i
		}
	}
	return len(model.EntityTypes) - 1
}

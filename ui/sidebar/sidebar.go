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

// GroupName is the heading the sidebar gives each entity type.
func GroupName(t model.EntityType) string {
	switch t {
	case model.PER:
		return "People"
	case model.ORG:
		return "Organisations"
	case model.LOC:
		return "Places"
	}
	return "Other"
}

// line is one row of the pane: a group heading (entity < 0, pin < 0), a
// legend row for pin number pin (entity < 0), or an entity.
type line struct {
	group  string
	entity int
	pin    int
}

// Pinned is an entity pinned in the reader, as the legend shows it: its
// name, type and pin colour slot.
type Pinned struct {
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
	rowOf    []int // line index of each entity
	sel      int
	offset   int
	width    int
	height   int
	focused  bool
	state    string // "", or a placeholder such as "loading…"
	pins     []Pinned
	tint     bool
}

// New returns an empty sidebar waiting for an article.
func New(km keymap.KeyMap, st styles.Styles) Model {
	return Model{km: km, st: st, state: "no article", tint: true}
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
func (m *Model) SetLoading() { m.state = "loading…" }

// SetEntities shows an article's entities, grouped in the order of
// model.EntityTypes and, within a group, in the order given (the store sorts
// by mentions, most first).
func (m *Model) SetEntities(es []model.EntityCount) {
	m.sel, m.offset, m.state = 0, 0, ""
	m.build(es)
	if len(m.entities) == 0 {
		m.state = "no entities found"
	}
}

// SetPins shows the legend of pinned entities at the top, and marks each
// pinned entity's row with its colour and number.
func (m *Model) SetPins(pins []Pinned) {
	m.pins = append([]Pinned(nil), pins...)
	m.build(m.entities)
	m.follow()
}

// SetTint says whether names are tinted by entity type, as in the reader.
func (m *Model) SetTint(on bool) { m.tint = on }

// build lays out the rows: the legend, then the entities by group.
func (m *Model) build(es []model.EntityCount) {
	// Fresh slices: copies of the model made by Update must not share them.
	m.entities, m.lines, m.rowOf = nil, nil, nil
	if len(m.pins) > 0 {
		m.lines = append(m.lines, line{group: "Pinned", entity: -1, pin: -1})
		for i := range m.pins {
			m.lines = append(m.lines, line{entity: -1, pin: i})
		}
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
			m.rowOf = append(m.rowOf, len(m.lines))
			m.lines = append(m.lines, line{entity: len(m.entities), pin: -1})
			m.entities = append(m.entities, e)
		}
	}
	m.sel = max(0, min(m.sel, len(m.entities)-1))
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
func (m Model) Len() int { return len(m.entities) }

// Selected returns the selected entity; ok is false when there is none.
func (m Model) Selected() (e model.EntityCount, ok bool) {
	if m.state != "" || m.sel >= len(m.entities) {
		return model.EntityCount{}, false
	}
	return m.entities[m.sel], true
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
	for m.sel > 0 && len(m.rowOf) > 0 && m.rowOf[m.sel] >= m.offset+h {
		m.sel--
	}
	for m.sel < len(m.rowOf)-1 && m.rowOf[m.sel] < m.offset {
		m.sel++
	}
}

// Click selects the entity at line y of the pane (0 is the header).
func (m *Model) Click(y int) bool {
	i := m.offset + y - 1
	if y < 1 || i >= len(m.lines) || m.lines[i].entity < 0 {
		return false
	}
	m.sel = m.lines[i].entity
	return true
}

func (m *Model) move(d int) {
	if len(m.entities) == 0 {
		return
	}
	m.sel = max(0, min(m.sel+d, len(m.entities)-1))
	m.follow()
}

// follow scrolls so the selected entity, and its group heading when it is
// the first of its group, are on screen.
func (m *Model) follow() {
	h := m.bodyHeight()
	if len(m.rowOf) == 0 {
		m.offset = 0
		return
	}
	r := m.rowOf[m.sel]
	top := r
	if r > 0 && m.lines[r-1].entity < 0 {
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
	if m.state != "" {
		out = append(out, m.st.Pane.Muted.Render(pane.Cut("  "+m.state, m.width)))
		return strings.Join(pane.Block(out, m.width, m.height), "\n")
	}
	end := min(len(m.lines), m.offset+m.height-1)
	for _, l := range m.lines[m.offset:end] {
		if l.pin >= 0 {
			out = append(out, m.legendRow(m.pins[l.pin]))
			continue
		}
		if l.entity < 0 {
			out = append(out, " "+m.st.Sidebar.Group.Render(pane.Cut(l.group, m.width-1)))
			continue
		}
		out = append(out, m.entityRow(l.entity))
	}
	return strings.Join(pane.Block(out, m.width, m.height), "\n")
}

// entityRow draws "▌ Name        3": the name cut to fit, the mention count
// right-aligned.
func (m Model) entityRow(i int) string {
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
	case i == m.sel && m.focused:
		return m.st.Sidebar.Selected.Render("▌") + swatch + m.st.Sidebar.Selected.Render(pane.Fit(" "+name+tail, m.width-2))
	case i == m.sel:
		return m.st.Sidebar.SelectedBlurred.Render("›") + swatch + m.st.Sidebar.SelectedBlurred.Render(" "+name+tail)
	}
	nameSt := m.st.Sidebar.Name
	if c := m.st.Mark.Tints[typeIndex(e.Type)]; m.tint && c != nil {
		nameSt = nameSt.Foreground(c)
	}
	return " " + swatch + " " + nameSt.Render(name) + m.st.Sidebar.Count.Render(tail)
}

// legendRow draws one pinned entity: its number on its colour, its name.
func (m Model) legendRow(p Pinned) string {
	name := pane.Cut(strings.Join(strings.Fields(model.Sanitize(p.Name)), " "), m.width-5)
	return " " + m.swatch(p.Slot) + " " + m.st.Sidebar.Name.Render(name)
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
		if p.Type == e.Type && strings.EqualFold(p.Name, e.Name) {
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

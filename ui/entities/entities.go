// Package entities is the entity view: every entity in the store, the most
// widely reported first, narrowed by type and by typing part of a name, and
// for the selected one the entities most often named with it and its
// articles by date. The root model runs the store queries; this pane keeps
// the selection and the marks (space) a merge takes, and draws.
package entities

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/pane"
	"github.com/bylinehq/byline/ui/styles"
)

// Types are the type filters tab steps through: "" is every type.
var Types = append([]model.EntityType{""}, model.EntityTypes...)

// Model is the entity view. The zero value is not usable; call New.
type Model struct {
	more     bool // more entities match than items holds
	st       styles.Styles
	typ      int // index in Types
	query    string
	items    []model.EntityCount
	cur      pane.Cursor
	related  []model.EntityCount
	sampled  int // related counts only the entity's latest sampled articles; 0 all
	articles []model.Summary
	aliases  []string
	detailOf int64               // entity the details are for
	marks    []model.EntityCount // marked for a merge, in the order marked
	reselect string              // the name SetItems selects, once; "" the top
	loading  bool
	err      string
	width    int
	height   int
}

// New returns an empty view, waiting for its first query.
func New(st styles.Styles) Model { return Model{st: st, loading: true} }

// SetStyles changes the styles.
func (m *Model) SetStyles(st styles.Styles) { m.st = st }

// SetSize gives the view its rectangle.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.cur.Height = max(1, m.height-4)
	m.cur.Clamp()
}

// Type is the type filter ("" = all).
func (m Model) Type() model.EntityType { return Types[m.typ] }

// Query is what was typed to narrow the names.
func (m Model) Query() string { return m.query }

// SetItems shows the entities that match the filters, the selection back
// at the top; more says the store holds more matches than items.
func (m *Model) SetItems(items []model.EntityCount, more bool, err error) {
	m.items, m.more, m.loading, m.err = items, more, false, ""
	if err != nil {
		m.err = err.Error()
	}
	m.cur.Len = len(items)
	m.cur.Set(0)
	if m.reselect != "" {
		if i := slices.IndexFunc(items, func(e model.EntityCount) bool { return strings.EqualFold(e.Name, m.reselect) }); i >= 0 {
			m.cur.Set(i)
		}
		m.reselect = ""
	}
}

// Reselect makes the next SetItems select the entity named name, when it
// lists it: a corrected entity stays selected as the list reloads.
func (m *Model) Reselect(name string) { m.reselect = name }

// SetDetail shows, for entity id, the entities named with it most often,
// its articles and its other names. sampled (0: none) says the companions
// were counted in only its latest sampled articles, not all of them.
func (m *Model) SetDetail(id int64, related []model.EntityCount, articles []model.Summary, aliases []string, sampled int) {
	m.detailOf, m.related, m.articles, m.aliases, m.sampled = id, related, articles, aliases, sampled
}

// ToggleMark marks the selected entity for a merge, or unmarks it. Marks
// outlive the filters, so entities found by different names can be
// marked together.
func (m *Model) ToggleMark() {
	e, ok := m.Selected()
	if !ok {
		return
	}
	if i := slices.IndexFunc(m.marks, func(x model.EntityCount) bool { return x.ID == e.ID }); i >= 0 {
		m.marks = slices.Delete(m.marks, i, i+1)
		return
	}
	m.marks = append(m.marks, e)
}

// IsMarked reports whether the entity id is marked.
func (m Model) IsMarked(id int64) bool {
	return slices.ContainsFunc(m.marks, func(x model.EntityCount) bool { return x.ID == id })
}

// Marked are the marked entities, in the order marked.
func (m Model) Marked() []model.EntityCount { return slices.Clone(m.marks) }

// ClearMarks unmarks every entity.
func (m *Model) ClearMarks() { m.marks = nil }

// Items are the entities listed.
func (m Model) Items() []model.EntityCount { return m.items }

// Selected is the selected entity; ok is false when the list is empty.
func (m Model) Selected() (model.EntityCount, bool) {
	if m.cur.Index < 0 || m.cur.Index >= len(m.items) {
		return model.EntityCount{}, false
	}
	return m.items[m.cur.Index], true
}

// Update moves the selection (arrows, page keys, ctrl+n/ctrl+p), changes
// the type filter (tab, shift+tab) and edits the typed filter (any
// printable key, backspace). Letters go to the filter, so j and k do not
// move here; the root takes space, M, R and T before them.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch k.String() {
	case "up", "ctrl+p":
		m.cur.Move(-1)
	case "down", "ctrl+n":
		m.cur.Move(1)
	case "pgup":
		m.cur.Move(-m.cur.Page())
	case "pgdown":
		m.cur.Move(m.cur.Page())
	case "home":
		m.cur.Set(0)
	case "end":
		m.cur.Set(m.cur.Len - 1)
	case "tab":
		m.typ = (m.typ + 1) % len(Types)
	case "shift+tab":
		m.typ = (m.typ + len(Types) - 1) % len(Types)
	case "backspace":
		if r := []rune(m.query); len(r) > 0 {
			m.query = string(r[:len(r)-1])
		}
	case "ctrl+u":
		m.query = ""
	default:
		if t := k.Text; t != "" && k.Mod&^tea.ModShift == 0 && printable(t) && len(m.query) < 64 {
			m.query += t
		}
	}
	return m, nil
}

func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// View draws the view: exactly height lines of exactly width columns.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	w := m.width
	out := make([]string, 0, m.height)
	count := strconv.Itoa(len(m.items))
	if m.more {
		count = "top " + count // the store holds more: typing finds them
	}
	if len(m.marks) > 0 {
		count = strconv.Itoa(len(m.marks)) + " marked · " + count
	}
	out = append(out, pane.Header("All entities", count, w, true, m.st.Pane.Header, m.st.Pane.HeaderFocused))
	var tabs []string
	for i, t := range Types {
		name := string(t)
		if t == "" {
			name = "all"
		}
		if i == m.typ {
			tabs = append(tabs, m.st.List.Selected.Render(" "+name+" "))
		} else {
			tabs = append(tabs, m.st.Pane.Muted.Render(" "+name+" "))
		}
	}
	out = append(out, " "+strings.Join(tabs, "")+m.st.Pane.Muted.Render("  tab: type"))
	out = append(out, " "+m.st.Status.Position.Render("filter: ")+model.Sanitize(m.query)+"▏"+m.st.Pane.Muted.Render("  ↑/↓ move · enter: list its articles · esc: close"))

	leftW := w
	if w >= 70 {
		leftW = w / 2
	}
	body := m.height - len(out)
	left := m.listLines(leftW, body)
	if leftW == w {
		out = append(out, left...)
		return strings.Join(pane.Block(out, w, m.height), "\n")
	}
	right := m.detailLines(w-leftW-1, body)
	sep := m.st.Pane.Separator.Render("│")
	for y := 0; y < body; y++ {
		r := ""
		if y < len(right) {
			r = right[y]
		}
		out = append(out, pane.Fit(left[y], leftW)+sep+r)
	}
	return strings.Join(pane.Block(out, w, m.height), "\n")
}

// listLines are the ranked entities: name, type and number of articles.
func (m Model) listLines(w, h int) []string {
	lines := make([]string, 0, h)
	switch {
	case m.err != "":
		lines = append(lines, m.st.Status.Error.Render(pane.Cut("  "+model.Sanitize(m.err), w)))
	case m.loading:
		lines = append(lines, m.st.Pane.Muted.Render(pane.Cut("  loading…", w)))
	case len(m.items) == 0:
		lines = append(lines, m.st.Pane.Muted.Render(pane.Cut("  no entity matches", w)))
	}
	end := min(len(m.items), m.cur.Offset+h)
	for i := m.cur.Offset; i < end && m.err == ""; i++ {
		e := m.items[i]
		tail := " " + string(e.Type) + " " + strconv.Itoa(e.Articles) + " "
		nameW := max(1, w-3-ansi.StringWidth(tail))
		name := pane.Fit(pane.Cut(strings.Join(strings.Fields(model.Sanitize(e.Name)), " "), nameW), nameW)
		mark := " "
		if m.IsMarked(e.ID) {
			mark = "✓"
		}
		if i == m.cur.Index {
			lines = append(lines, m.st.List.Selected.Render(pane.Fit("▌"+mark+" "+name+tail, w)))
			continue
		}
		lines = append(lines, " "+mark+" "+m.st.Sidebar.Name.Render(name)+m.st.Sidebar.Count.Render(tail))
	}
	return pane.Block(lines, w, h)
}

// detailLines are the selected entity's companions and articles.
func (m Model) detailLines(w, h int) []string {
	e, ok := m.Selected()
	if !ok {
		return nil
	}
	lines := []string{" " + m.st.Reader.Title.Render(pane.Cut(model.Sanitize(e.Name), w-1))}
	if m.detailOf != e.ID {
		return append(lines, m.st.Pane.Muted.Render(pane.Cut("  loading…", w)))
	}
	if len(m.aliases) > 0 {
		also := make([]string, len(m.aliases))
		for i, a := range m.aliases {
			also[i] = strings.Join(strings.Fields(model.Sanitize(a)), " ")
		}
		lines = append(lines, " "+m.st.Pane.Muted.Render(pane.Cut("also: "+strings.Join(also, ", "), max(0, w-1))))
	}
	group := "Often named with"
	if m.sampled > 0 && m.sampled < e.Articles {
		group += " in its latest " + strconv.Itoa(m.sampled) + " articles"
	}
	lines = append(lines, " "+m.st.Sidebar.Group.Render(pane.Cut(group, max(0, w-1))))
	for _, r := range m.related[:min(len(m.related), max(1, (h-4)/2))] {
		lines = append(lines, "  "+pane.Cut(model.Sanitize(r.Name)+" ("+strconv.Itoa(r.Articles)+")", w-2))
	}
	if len(m.related) == 0 {
		lines = append(lines, m.st.Pane.Muted.Render("  none"))
	}
	lines = append(lines, " "+m.st.Sidebar.Group.Render("Articles"))
	dated := slices.ContainsFunc(m.articles, func(a model.Summary) bool { return !a.Published.IsZero() })
	for _, a := range m.articles {
		title := strings.Join(strings.Fields(model.Sanitize(a.Title)), " ")
		if !dated { // no dates at all: the titles take their room
			lines = append(lines, "  "+pane.Cut(title, max(0, w-3)))
			continue
		}
		date := "          "
		if !a.Published.IsZero() {
			date = a.Published.Format("2006-01-02")
		}
		lines = append(lines, "  "+m.st.List.Date.Render(date)+" "+pane.Cut(title, max(0, w-14)))
	}
	return pane.Block(lines, w, h)
}

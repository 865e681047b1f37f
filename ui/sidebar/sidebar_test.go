package sidebar

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/styles"
)

func entities() []model.EntityCount {
	return []model.EntityCount{
		{ID: 1, Name: "Port Elling", Type: model.LOC, Mentions: 4},
		{ID: 2, Name: "Tova Renn", Type: model.PER, Mentions: 3},
		{ID: 3, Name: "Elling Harbour Board", Type: model.ORG, Mentions: 2},
		{ID: 4, Name: "Ivo Stane", Type: model.PER, Mentions: 1},
		{ID: 5, Name: "Spring Regatta", Type: model.MISC, Mentions: 1},
	}
}

func TestGroupsInOrderWithCounts(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetSize(30, 20)
	m.SetEntities(entities())
	got := ansi.Strip(m.View())
	order := []string{"People", "Tova Renn", "Ivo Stane", "Organisations", "Elling Harbour Board", "Places", "Port Elling", "Other", "Spring Regatta"}
	at := 0
	for _, s := range order {
		i := strings.Index(got[at:], s)
		if i < 0 {
			t.Fatalf("%q missing or out of order:\n%s", s, got)
		}
		at += i
	}
	if !strings.Contains(got, "Tova Renn                3") {
		t.Errorf("mention count not right-aligned:\n%s", got)
	}
}

func TestSelectionAndScroll(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetSize(30, 4) // header + 3 lines
	m.SetFocused(true)
	m.SetEntities(entities())
	for range 4 {
		m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	}
	if e, ok := m.Selected(); !ok || e.Name != "Spring Regatta" {
		t.Fatalf("selected %v", e)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "▌  Spring Regatta") || !strings.Contains(v, "Other") {
		t.Fatalf("selection not scrolled into view with its group:\n%s", v)
	}
	m.SetEntities(nil)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "no entities found") {
		t.Fatalf("empty article:\n%s", v)
	}
}

// The legend's rows take the selection like entities do, and the pins the
// article does not name come last under a dim "not in this article".
func TestLegendRowsAreSelectable(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetSize(30, 20)
	m.SetFocused(true)
	m.SetEntities(entities())
	m.SetPins([]Pinned{{Name: "Absent One", Type: model.PER, Slot: 0}, {Name: "Tova Renn", Type: model.PER, Slot: 1}})
	if e, ok := m.Selected(); !ok || e.Name != "Tova Renn" || m.OnLegend() {
		t.Fatalf("after pinning the selection is on %+v (legend %v), want the entity row", e, m.OnLegend())
	}
	up := tea.KeyPressMsg{Code: 'k', Text: "k"}
	m, _ = m.Update(up)
	if e, ok := m.Selected(); !ok || e.Name != "Absent One" || e.ID != 0 || !m.OnLegend() {
		t.Fatalf("k from the first entity selects %+v", e)
	}
	m, _ = m.Update(up)
	if e, ok := m.Selected(); !ok || e.ID != 2 || !m.OnLegend() {
		t.Fatalf("the legend row of an entity in the article selects %+v, want its entry", e)
	}
	var trimmed []string
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		trimmed = append(trimmed, strings.TrimRight(l, " "))
	}
	v := strings.Join(trimmed, "\n")
	if !strings.Contains(v, "Pinned\n▌2 Tova Renn\n  not in this article\n 1 Absent One\n People") {
		t.Fatalf("legend:\n%s", v)
	}
	// Unpinning the selected legend row keeps the selection in the legend.
	m.SetPins([]Pinned{{Name: "Absent One", Type: model.PER, Slot: 0}})
	if e, _ := m.Selected(); e.Name != "Absent One" {
		t.Fatalf("after unpinning, selected %+v", e)
	}
	// An article without entities still shows and selects the legend.
	m.SetEntities(nil)
	if e, ok := m.Selected(); !ok || e.Name != "Absent One" || !strings.Contains(ansi.Strip(m.View()), "no entities found") {
		t.Fatalf("no entities: selected %+v\n%s", e, ansi.Strip(m.View()))
	}
}

// Pins are identities: a pin with an id marks only the row of that
// identity, not a namesake of another id, and two pinned namesakes of
// other types say their type in the legend.
func TestPinsByIdentity(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetSize(40, 20)
	es := []model.EntityCount{
		{ID: 7, Name: "Leicester", Type: model.ORG, Mentions: 3},
		{ID: 9, Name: "Tova Renn", Type: model.PER, Mentions: 1},
	}
	m.SetEntities(es)
	m.SetPins([]Pinned{{ID: 8, Name: "Leicester", Type: model.LOC, Slot: 0}, {ID: 6, Name: "Tova Renn", Type: model.PER, Slot: 1}})
	var trimmed []string
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		trimmed = append(trimmed, strings.TrimRight(l, " "))
	}
	v := strings.Join(trimmed, "\n")
	// Tova Renn of id 6 is not this article's Tova Renn (id 9): a split.
	if !strings.Contains(v, "not in this article\n 1 Leicester\n 2 Tova Renn\n People\n›  Tova Renn") || !strings.Contains(v, "Organisations\n   Leicester") {
		t.Fatalf("legend of pins the article names only by name:\n%s", v)
	}
	m.SetPins([]Pinned{{ID: 8, Name: "Leicester", Type: model.LOC, Slot: 0}, {ID: 7, Name: "Leicester", Type: model.ORG, Slot: 1}})
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "2 Leicester (ORG)") || !strings.Contains(v, "1 Leicester (LOC)") {
		t.Fatalf("two pinned Leicesters are not told apart:\n%s", v)
	}
}

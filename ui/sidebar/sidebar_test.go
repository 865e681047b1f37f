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

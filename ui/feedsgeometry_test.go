package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
)

// TestFeedsGeometrySweep is the geometry sweep for the feeds view, its
// question, the list of links and the summary-only line: no panic, no line
// wider than the terminal, no more lines than it has.
func TestFeedsGeometrySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("geometry sweep skipped in -short mode")
	}
	linked := model.Article{Title: "Linked", Published: day(22), Source: "x", Format: model.FormatMarkdown,
		Paragraphs: []string{"See [the minutes of the harbour council's long meeting](https://council.example/minutes/2023/03/21/a-very-long-address) and [this](https://news.example/vote)."}}
	states := []struct {
		name string
		keys []string
	}{
		{name: "feeds view", keys: []string{"F", "j"}},
		{name: "feeds view failed feed", keys: []string{"F", "G"}},
		{name: "feeds view asking", keys: []string{"F", "G", "d"}},
		{name: "feed filter", keys: []string{"F", "j", "enter"}},
		{name: "summary only", keys: []string{"j", "enter"}},
		{name: "links listed", keys: []string{"L"}},
	}
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			lib := feedStore(t)
			if st.name == "links listed" {
				if _, err := lib.Import(t.Context(), []model.Article{linked}); err != nil {
					t.Fatal(err)
				}
			}
			m := newModel(t, lib, 100, 30, Options{})
			for _, k := range st.keys {
				press(t, m, k)
			}
			for _, w := range sweepWidths() {
				for h := 1; h <= 60; h++ {
					run(t, m, m.Update(tea.WindowSizeMsg{Width: w, Height: h}))
					checkFrame(t, m.View().Content, w, h)
				}
			}
		})
	}
}

package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
)

// TestCodeGeometrySweep is the geometry sweep for an article quoting code,
// whose block the highlighter colours: at every size, no panic, no line
// wider than the terminal, no more lines than it has. The block holds what
// stretches a pane: a line far wider than any terminal, wide characters,
// an unclosed string and comment.
func TestCodeGeometrySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("geometry sweep skipped in -short mode")
	}
	code := "```go\n" +
		"// tide computes the harbour's water level " + strings.Repeat("and then some ", 20) + "\n" +
		"func tide(h float64) string { return \"潮位: \" + fmt.Sprint(h*0.5e2) + `m` }\n" +
		"\tif h < 0 {\n\t\treturn \"\"\n\t}\n" +
		"x := 'unclosed \"string /* and comment\n" +
		"```"
	a := model.Article{Title: "How the tide model works", Published: day(23), Source: "x",
		Format: model.FormatMarkdown, Paragraphs: []string{"The model is one function:", code, "That is all."}}
	lib := openStore(t, []model.Article{a})
	m := newModel(t, lib, 100, 30, Options{})
	press(t, m, "enter")
	// The sweep is only worth its time if the reader shows the coloured
	// code: check once at a comfortable size.
	run(t, m, m.Update(tea.WindowSizeMsg{Width: 200, Height: 60}))
	frame := m.View().Content
	if !strings.Contains(ansi.Strip(frame), "func tide(h float64)") {
		t.Fatalf("the reader does not show the code:\n%s", ansi.Strip(frame))
	}
	if !regexp.MustCompile(`\x1b\[[0-9;]*mfunc`).MatchString(frame) {
		t.Fatalf("the code's keyword is not coloured:\n%q", frame)
	}
	for _, w := range sweepWidths() {
		for h := 1; h <= 60; h++ {
			run(t, m, m.Update(tea.WindowSizeMsg{Width: w, Height: h}))
			checkFrame(t, m.View().Content, w, h)
		}
	}
}

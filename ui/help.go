package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/pane"
	"github.com/bylinehq/byline/ui/styles"
)

// helpView is the `?` screen: every binding with what it does, in titled
// sections flowed into as many columns as the width takes, and a line on
// where keys are configured. It is built from the keymap, so a key changed
// in the config file shows as changed.
func helpView(km keymap.KeyMap, st styles.Styles, width int) string {
	type block struct {
		lines []string
		w     int
	}
	var blocks []block
	for _, s := range km.Sections() {
		keyW := 0
		for _, b := range s.Bindings {
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		}
		bl := block{lines: []string{st.Sidebar.Group.Render(s.Title)}}
		bl.w = ansi.StringWidth(s.Title)
		for _, b := range s.Bindings {
			k := b.Help().Key
			l := st.Status.Position.Render(k) + strings.Repeat(" ", keyW-ansi.StringWidth(k)+2) + st.Status.Hint.Render(b.Help().Desc)
			bl.lines = append(bl.lines, l)
			bl.w = max(bl.w, ansi.StringWidth(l))
		}
		blocks = append(blocks, bl)
	}
	const gap = 4
	var out []string
	out = append(out, " "+st.Reader.Title.Render("Keys")+st.Pane.Muted.Render("  ? or esc closes"), "")
	// Lay the blocks out in rows: as many side by side as fit.
	for i := 0; i < len(blocks); {
		row := []block{blocks[i]}
		used := 1 + blocks[i].w
		for j := i + 1; j < len(blocks) && used+gap+blocks[j].w <= width; j++ {
			row = append(row, blocks[j])
			used += gap + blocks[j].w
		}
		i += len(row)
		height := 0
		for _, b := range row {
			height = max(height, len(b.lines))
		}
		for y := 0; y < height; y++ {
			line := " "
			for c, b := range row {
				cell := ""
				if y < len(b.lines) {
					cell = b.lines[y]
				}
				if c < len(row)-1 {
					cell = pane.Fit(cell, b.w+gap)
				}
				line += cell
			}
			out = append(out, line)
		}
		out = append(out, "")
	}
	out = append(out, " "+st.Pane.Muted.Render("Change them in $XDG_CONFIG_HOME/byline/config.toml,"),
		" "+st.Pane.Muted.Render("under [keys] (by default ~/.config/byline/config.toml)."))
	return strings.Join(out, "\n")
}

// helpWindow is the part of the help that fits h lines from line off
// (clamped, and returned), with a last line saying how to see the rest
// when it does not all fit.
func helpWindow(help string, st styles.Styles, w, h, off int) ([]string, int) {
	lines := strings.Split(help, "\n")
	if len(lines) <= h || h < 2 {
		return pane.Block(lines, w, h), 0
	}
	room := h - 1
	off = max(0, min(off, len(lines)-room))
	below := len(lines) - room - off
	more := " ↑↓ j/k scroll · " + strconv.Itoa(below) + " more lines below"
	switch {
	case below == 0:
		more = " ↑ k scrolls back up · the end"
	case below == 1:
		more = " ↑↓ j/k scroll · 1 more line below"
	}
	out := pane.Block(lines[off:off+room], w, room)
	return append(out, pane.Fit(st.Status.Focus.Render(pane.Cut(more, w)), w)), off
}

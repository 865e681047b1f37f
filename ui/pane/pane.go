// Package pane holds the small pieces every byline pane shares: fitting a
// line to an exact width, a header line, and the cursor/scroll arithmetic.
// Keeping them in one place is what lets the geometry sweep trust every pane
// to return exactly the rectangle it was given.
package pane

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ui/keymap"
)

// Fit cuts s (which may hold SGR styling) to w columns and pads it with
// spaces to exactly w columns. A reset closes any style left open by the cut,
// so one pane's styling never bleeds into the next.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "")
		sw = ansi.StringWidth(s)
	}
	if strings.IndexByte(s, '\x1b') >= 0 {
		s += "\x1b[m"
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// Cut shortens plain text to w columns, ending it with … when it was cut.
// Widths are counted by grapheme, so CJK and emoji count two columns.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// Block fits lines into a w×h rectangle: h lines of exactly w columns.
func Block(lines []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = Fit("", w)
		}
	}
	return out
}

// Header draws a pane's one-line title, styled as focused or not, across w
// columns. A focused pane's header starts with ▸ so focus shows even on a
// terminal that draws no reverse video.
func Header(title, info string, w int, focused bool, st, stFocused lipgloss.Style) string {
	if w <= 0 {
		return ""
	}
	mark := "  "
	if focused {
		mark = "▸ "
	}
	left := mark + title
	line := left
	if info != "" {
		gap := w - ansi.StringWidth(left) - ansi.StringWidth(info) - 1
		if gap >= 1 {
			line = left + strings.Repeat(" ", gap) + info + " "
		}
	}
	line = Fit(Cut(line, w), w)
	if focused {
		return stFocused.Render(line)
	}
	return st.Render(line)
}

// Cursor is a selection in a list of Len rows shown Height rows at a time,
// starting at Offset. Its methods keep Index inside the list and on screen.
type Cursor struct {
	Index, Offset, Len, Height int
}

// Move moves the selection by d rows.
func (c *Cursor) Move(d int) { c.Set(c.Index + d) }

// Set selects row i, clamped to the list, and scrolls it into view.
func (c *Cursor) Set(i int) {
	c.Index = max(0, min(i, c.Len-1))
	c.Clamp()
}

// Clamp scrolls so the selection is on screen, after a change of Len or
// Height.
func (c *Cursor) Clamp() {
	if c.Len <= 0 {
		c.Index, c.Offset = 0, 0
		return
	}
	c.Index = max(0, min(c.Index, c.Len-1))
	h := max(1, c.Height)
	if c.Index < c.Offset {
		c.Offset = c.Index
	}
	if c.Index >= c.Offset+h {
		c.Offset = c.Index - h + 1
	}
	c.Offset = max(0, min(c.Offset, c.Len-h))
}

// Scroll moves the view by d rows without moving the selection further than
// needed to keep it on screen, as a mouse wheel does.
func (c *Cursor) Scroll(d int) {
	h := max(1, c.Height)
	c.Offset = max(0, min(c.Offset+d, c.Len-h))
	if c.Index < c.Offset {
		c.Index = c.Offset
	}
	if c.Index >= c.Offset+h {
		c.Index = c.Offset + h - 1
	}
	c.Index = max(0, min(c.Index, c.Len-1))
}

// Page is the number of rows a page key moves.
func (c *Cursor) Page() int { return max(1, c.Height) }

// Half is the number of rows a half-page key moves.
func (c *Cursor) Half() int { return max(1, c.Height/2) }

// far is a step longer than any list, used for g and G.
const far = 1 << 30

// Motion turns a movement key into a number of rows to move: negative is up.
// page is the pane's visible height. ok is false for keys that are not
// movement keys, so the caller can try its own bindings.
func Motion(km keymap.Move, msg tea.KeyPressMsg, page int) (d int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(msg, km.Up):
		return -1, true
	case key.Matches(msg, km.Down):
		return 1, true
	case key.Matches(msg, km.Top):
		return -far, true
	case key.Matches(msg, km.Bottom):
		return far, true
	case key.Matches(msg, km.PageUp):
		return -page, true
	case key.Matches(msg, km.PageDown):
		return page, true
	case key.Matches(msg, km.HalfUp):
		return -max(1, page/2), true
	case key.Matches(msg, km.HalfDown):
		return max(1, page/2), true
	}
	return 0, false
}

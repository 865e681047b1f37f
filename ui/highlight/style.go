package highlight

import (
	"image/color"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// Style is how Apply paints a range: Open is written before each painted run
// and Close after it. Close must undo only what Open did (ESC[49m after a
// background, not a full reset), because Apply restores glamour's own style
// after it by replaying glamour's sequences, not by guessing.
type Style struct {
	Open, Close string
}

// Background paints the background c: a lipgloss colour, an
// ansi.BasicColor (16 colours), ansi.IndexedColor (256) or any other
// color.Color (truecolor). The foreground is left to glamour, so emphasis and
// links keep their colour inside a highlight. A nil c gives Reverse, the only
// highlight that needs no colour.
func Background(c color.Color) Style {
	if c == nil {
		return Reverse()
	}
	return Style{
		Open:  ansi.Style{}.BackgroundColor(c).String(),
		Close: ansi.Style{}.DefaultBackgroundColor().String(),
	}
}

// Reverse paints in reverse video (ESC[7m … ESC[27m): a highlight that holds
// no colour, for NO_COLOR and terminals without colour.
func Reverse() Style {
	return Style{
		Open:  ansi.Style{}.Reverse(true).String(),
		Close: ansi.Style{}.NoReverse().String(),
	}
}

// ForProfile is the highlight with background c as a terminal of profile p
// can draw it: c converted to 256 or 16 colours when p has no more, reverse
// video when p has no colour at all (NO_COLOR, a pipe), so a highlight never
// vanishes when the program's output is downsampled.
func ForProfile(c color.Color, p colorprofile.Profile) Style {
	if p <= colorprofile.ASCII || c == nil {
		return Reverse()
	}
	return Background(p.Convert(c))
}

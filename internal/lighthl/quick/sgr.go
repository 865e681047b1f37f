package quick

import (
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// palette is how a formatter spells colours.
type palette uint8

const (
	plain       palette = iota // no escape sequences
	palette256                 // xterm's 256 colours: 38;5;N
	paletteTrue                // 24-bit colour: 38;2;R;G;B
)

// sequence is the SGR sequence that draws token type t in style s, or ""
// for none. The Background entry's own background is left out, as a
// terminal's background is the reader's choice; a token's own background
// (an error's red) is kept.
func sequence(p palette, s *chroma.Style, t chroma.TokenType) string {
	if p == plain {
		return ""
	}
	e := s.Get(t)
	if e.Background == s.Get(chroma.Background).Background {
		e.Background = 0
	}
	var parts []string
	if e.Bold == chroma.Yes {
		parts = append(parts, "1")
	}
	if e.Italic == chroma.Yes {
		parts = append(parts, "3")
	}
	if e.Underline == chroma.Yes {
		parts = append(parts, "4")
	}
	if e.Colour.IsSet() {
		parts = append(parts, colour(p, "38", e.Colour))
	}
	if e.Background.IsSet() {
		parts = append(parts, colour(p, "48", e.Background))
	}
	if len(parts) == 0 {
		return ""
	}
	return "\x1b[" + strings.Join(parts, ";") + "m"
}

// colour spells c as SGR parameters after lead (38 foreground, 48
// background).
func colour(p palette, lead string, c chroma.Colour) string {
	if p == paletteTrue {
		return lead + ";2;" + strconv.Itoa(int(c.Red())) + ";" +
			strconv.Itoa(int(c.Green())) + ";" + strconv.Itoa(int(c.Blue()))
	}
	return lead + ";5;" + strconv.Itoa(index256(c))
}

// index256 is the xterm palette entry nearest c: the nearer of the closest
// colour of the 6×6×6 cube (entries 16–231) and the closest grey of the
// ramp (232–255). The sixteen system colours are skipped, since each
// terminal sets them differently.
func index256(c chroma.Colour) int {
	r, g, b := int(c.Red()), int(c.Green()), int(c.Blue())
	ri, gi, bi := cubeStep(r), cubeStep(g), cubeStep(b)
	cube := 16 + 36*ri + 6*gi + bi
	cr, cg, cb := cubeLevel(ri), cubeLevel(gi), cubeLevel(bi)
	grey := (r + g + b) / 3
	gs := 0
	if grey > 8 {
		gs = min((grey-8+5)/10, 23)
	}
	gl := 8 + 10*gs
	if dist(r, g, b, gl, gl, gl) < dist(r, g, b, cr, cg, cb) {
		return 232 + gs
	}
	return cube
}

// cubeStep is the cube step (0–5) nearest the channel value v.
func cubeStep(v int) int {
	switch {
	case v < 48:
		return 0
	case v < 115:
		return 1
	}
	return min((v-35)/40, 5)
}

// cubeLevel is the channel value of cube step i.
func cubeLevel(i int) int {
	if i == 0 {
		return 0
	}
	return 55 + 40*i
}

// dist is a squared distance between two colours, weighted for the eye's
// greater sensitivity to green.
func dist(r1, g1, b1, r2, g2, b2 int) int {
	dr, dg, db := r1-r2, g1-g2, b1-b2
	return 3*dr*dr + 4*dg*dg + 2*db*db
}

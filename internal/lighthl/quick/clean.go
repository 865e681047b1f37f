package quick

import (
	"strings"
	"unicode/utf8"
)

// clean returns s without the characters a terminal would act on rather
// than draw: C0 controls but the tab (ESC among them, so no escape sequence
// in quoted code can start), DEL, the C1 controls U+0080–U+009F (CSI, OSC
// and DCS in their one-character forms), and the bidi controls that can
// make code read differently from what it does. Invalid UTF-8 bytes become
// U+FFFD, since a terminal in an 8-bit mode reads a lone 0x9b as CSI.
// Text that needs no change is returned as is.
func clean(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if c >= utf8.RuneSelf && !drop(r, n) {
			i += n
			continue
		}
		return cleanFrom(s, i)
	}
	return s
}

// cleanFrom is clean for s whose first unsafe character is at i.
func cleanFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r >= 0x20 && r != 0x7f && !drop(r, n):
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// drop reports whether the rune r, n bytes long, is unsafe to draw.
func drop(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1, r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

package model

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes untrusted text safe to store and draw: it repairs invalid
// UTF-8 (each bad byte becomes U+FFFD) and removes ESC and every other C0 and
// C1 control character except newline and tab, so no article can move the
// cursor, retitle the terminal or write the clipboard. A carriage return is
// removed too; callers that care about line breaks normalise CRLF first. The
// bidi embedding, override and isolate controls go as well (IsBidiControl).
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		i += size
		if isControl(r) || IsBidiControl(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isControl reports whether r is a C0 or C1 control (or DEL) that must not
// reach a terminal. Newline and tab are kept.
func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// isClean is the fast path: plain printable ASCII and valid UTF-8 without
// controls need no copy.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isControl(r) || IsBidiControl(r) {
			return false
		}
		i += size
	}
	return true
}

// IsBidiControl reports whether r opens or closes a bidi embedding or
// override (LRE RLE PDF LRO RLO, U+202A–U+202E) or an isolate (LRI RLI FSI
// PDI, U+2066–U+2069).
//
// byline removes them from every field, bodies included. Each scopes over
// the text after it until its closer, and once text is wrapped and drawn
// beside other panes no closer is sure to land on the same terminal line: an
// RLO in a paragraph could reverse the sidebar beside it, or make a title
// read as another ("Trojan Source"). What a paragraph needs to read right is
// kept: right-to-left letters order themselves by their own direction, and
// the scopeless marks LRM, RLM and ALM (U+200E, U+200F, U+061C) stay.
func IsBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

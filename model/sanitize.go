package model

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes untrusted text safe to store and draw: it repairs invalid
// UTF-8 (each bad byte becomes U+FFFD) and removes ESC and every other C0 and
// C1 control character except newline and tab, so no article can move the
// cursor, retitle the terminal or write the clipboard. A carriage return is
// removed too; callers that care about line breaks normalise CRLF first.
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
		if isControl(r) {
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
		if r == utf8.RuneError && size == 1 || isControl(r) {
			return false
		}
		i += size
	}
	return true
}

// Package safe makes untrusted text (files, feeds, web pages) safe to store
// and draw in a terminal. It is shared by ingest and its feed and web
// subpackages, so every source goes through the same hardened code: escape
// sequences are cut out whole, control characters removed, Markdown nesting
// capped, numeric references to control characters dropped and link targets
// limited to schemes a reader can follow.
package safe

import (
	"strings"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// Text is Bytes for a string: call it after every decoding step (XML
// entities, HTML entities, Markdown conversion), since each can produce the
// ESC that the previous pass removed.
func Text(s string) string { return Bytes([]byte(s)) }

// Line is Text for a field drawn on one line (a title, an author, a URL):
// tabs and line breaks become spaces and runs of spaces collapse to one.
func Line(s string) string {
	return strings.Join(strings.Fields(Text(s)), " ")
}

// Bytes returns data as safe UTF-8 text: every invalid byte becomes
// U+FFFD, CRLF, lone CR and the other line separators become LF, terminal
// escape sequences (CSI, OSC, DCS and the rest, in their 7-bit and C1 forms)
// are removed whole rather than leaving "[31m" behind, and model.Sanitize
// removes any control character left over.
func Bytes(data []byte) string {
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		switch r {
		case '\r':
			b.WriteByte('\n')
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case '\v', '\f', 0x85, 0x2028: // vertical tab, form feed, NEL, line separator
			b.WriteByte('\n')
		case 0x2029: // paragraph separator
			b.WriteString("\n\n")
		case 0x1b:
			i = skipEscape(data, i+1)
			continue
		case 0x9b: // C1 CSI
			i = skipCSI(data, i+size)
			continue
		case 0x90, 0x98, 0x9d, 0x9e, 0x9f: // C1 DCS, SOS, OSC, PM, APC
			i = skipString(data, i+size)
			continue
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return model.Sanitize(b.String())
}

// skipEscape returns the index just past the escape sequence whose ESC ended
// at j, following ECMA-48: ESC [ is a CSI, ESC ] P X ^ _ open a string, and
// any other sequence is intermediates (0x20–0x2F) then one final byte.
func skipEscape[T string | []byte](b T, j int) int {
	if j >= len(b) {
		return j
	}
	switch c := b[j]; {
	case c == '[':
		return skipCSI(b, j+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(b, j+1)
	case c >= 0x20 && c <= 0x2f:
		for j < len(b) && b[j] >= 0x20 && b[j] <= 0x2f {
			j++
		}
		if j < len(b) && b[j] >= 0x30 && b[j] <= 0x7e {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7e:
		return j + 1
	}
	return j // a lone ESC: drop it, keep what follows
}

// skipCSI returns the index past a control sequence's parameter bytes,
// intermediate bytes and final byte, which start at j.
func skipCSI[T string | []byte](b T, j int) int {
	for j < len(b) && b[j] >= 0x30 && b[j] <= 0x3f {
		j++
	}
	for j < len(b) && b[j] >= 0x20 && b[j] <= 0x2f {
		j++
	}
	if j < len(b) && b[j] >= 0x40 && b[j] <= 0x7e {
		j++
	}
	return j
}

// skipString returns the index past a control string (an OSC title or
// clipboard write, say) starting at j: up to BEL or ST. A line break or a new
// ESC ends it too, so an unterminated string costs at most the rest of its
// line, never the rest of the article.
func skipString[T string | []byte](b T, j int) int {
	for j < len(b) {
		switch b[j] {
		case 0x07:
			return j + 1
		case '\n', '\r':
			return j
		case 0x1b:
			if j+1 < len(b) && b[j+1] == '\\' {
				return j + 2
			}
			return j
		}
		if b[j] == 0xc2 && j+1 < len(b) && b[j+1] == 0x9c { // C1 ST
			return j + 2
		}
		j++
	}
	return j
}

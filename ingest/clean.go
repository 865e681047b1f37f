package ingest

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// binarySample is how much of a file isBinary looks at: git's heuristic
// looks at the first 8000 bytes and has served well for telling text from
// data.
const binarySample = 8000

// decode drops a UTF-8 byte-order mark and converts UTF-16 text that starts
// with one (as Windows editors save "Unicode" text) to UTF-8. Anything else
// is passed on as UTF-8; bad bytes are repaired later, not rejected.
func decode(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true)
	}
	return data
}

// decodeUTF16 converts UTF-16 to UTF-8. Unpaired surrogates and an odd last
// byte become U+FFFD, like any other damage.
func decodeUTF16(b []byte, bigEndian bool) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// isBinary reports whether data looks like something other than text: a NUL
// byte, or more than one in ten bytes (and at least minOddBytes) being
// control characters that text never uses, in the first few kilobytes. ESC and BEL do not count: they are
// how hostile text smuggles terminal sequences, and such text is parsed and
// cleaned rather than refused.
func isBinary(data []byte) bool {
	sample := data[:min(len(data), binarySample)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	odd := 0
	for _, c := range sample {
		switch {
		case c == '\t', c == '\n', c == '\v', c == '\f', c == '\r', c == 0x07, c == 0x1b:
		case c < 0x20, c == 0x7f:
			odd++
		}
	}
	return odd >= minOddBytes && odd*10 > len(sample)
}

// minOddBytes keeps a short note with a stray backspace or two from being
// refused: binary data has control bytes by the dozen.
const minOddBytes = 16

// cleanText returns data as safe UTF-8 text: every invalid byte becomes
// U+FFFD, CRLF, lone CR and the other line separators become LF, terminal
// escape sequences (CSI, OSC, DCS and the rest, in their 7-bit and C1 forms)
// are removed whole rather than leaving "[31m" behind, and model.Sanitize
// removes any control character left over.
func cleanText(data []byte) string {
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
func skipEscape(b []byte, j int) int {
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
func skipCSI(b []byte, j int) int {
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
func skipString(b []byte, j int) int {
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
		r, size := utf8.DecodeRune(b[j:])
		if r == 0x9c { // C1 ST
			return j + size
		}
		j += size
	}
	return j
}

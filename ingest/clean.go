package ingest

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bylinehq/byline/ingest/safe"
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
// U+FFFD, line endings become LF, terminal escape sequences are removed whole
// and model.Sanitize removes any control character left over (see
// safe.Bytes).
func cleanText(data []byte) string { return safe.Bytes(data) }

package safe

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// Terminal returns s as it may reach a terminal. The only escape sequences
// byline writes are its own styling and links, so those are all it keeps:
//
//   - SGR, ESC [ then parameters (digits, ';' and ':') then 'm';
//   - OSC 8 hyperlinks, ESC ] 8 ; params ; URI then BEL or ESC \, where the
//     params and the URI are printable ASCII (an empty URI closes a link).
//
// Every other escape sequence is removed whole (CSI, OSC, DCS, SOS, PM, APC
// and the two- and three-byte forms, 7-bit or C1), as are a lone ESC, every
// control character except \n and \t, and the bidi embedding, override and
// isolate controls (see IsBidiControl). Each byte of invalid UTF-8 becomes
// U+FFFD, since a terminal in an 8-bit mode reads a stray 0x9b as CSI.
//
// Terminal is the last step before any output: whatever decoding let a
// control character through earlier (a character reference decoded by the
// Markdown renderer, a server's status text), it stops here. Text that needs
// no change is returned as is, without allocating.
func Terminal(s string) string {
	var b strings.Builder
	kept := 0 // s[kept:i] is still to be copied once something is dropped
	drop := func(from, to int, with string) {
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[kept:from])
		b.WriteString(with)
		kept = to
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			if n := ownSequence(s[i:]); n > 0 {
				i += n
				continue
			}
			j := skipEscape(s, i+1)
			drop(i, j, "")
			i = j
		case c == '\n' || c == '\t' || c >= 0x20 && c < 0x7f:
			i++
		case c < utf8.RuneSelf: // C0 controls and DEL
			drop(i, i+1, "")
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				drop(i, i+1, "\uFFFD")
			case r == 0x9b: // C1 CSI
				j := skipCSI(s, i+size)
				drop(i, j, "")
				size = j - i
			case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // DCS SOS OSC PM APC
				j := skipString(s, i+size)
				drop(i, j, "")
				size = j - i
			case r >= 0x80 && r <= 0x9f || IsBidiControl(r):
				drop(i, i+size, "")
			}
			i += size
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}

// ownSequence returns the length of the SGR or OSC 8 sequence s starts with,
// or 0 when s starts with any other escape.
func ownSequence(s string) int {
	if len(s) < 3 {
		return 0
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			switch c := s[j]; {
			case c >= '0' && c <= '9' || c == ';' || c == ':':
			case c == 'm':
				return j + 1
			default:
				return 0
			}
		}
	case ']':
		if !strings.HasPrefix(s[2:], "8;") {
			return 0
		}
		semis := 0
		for j := 4; j < len(s); j++ {
			switch c := s[j]; {
			case c == ';' && semis == 0:
				semis++
			case c == 0x07 && semis == 1:
				return j + 1
			case c == 0x1b && semis == 1 && j+1 < len(s) && s[j+1] == '\\':
				return j + 2
			case c <= 0x20 || c >= 0x7f:
				return 0 // a control, space or non-ASCII byte: not a link of ours
			}
		}
	}
	return 0
}

// IsBidiControl reports whether r opens or closes a bidi embedding, override
// or isolate; see model.IsBidiControl for why byline removes them all.
func IsBidiControl(r rune) bool { return model.IsBidiControl(r) }

// TerminalWriter returns a writer that passes everything written to it
// through Terminal on its way to w. Each Write is filtered on its own: a
// sequence split across two writes is dropped rather than joined, which can
// lose a colour but never lets anything else through.
func TerminalWriter(w io.Writer) io.Writer { return terminalWriter{w} }

type terminalWriter struct{ w io.Writer }

func (t terminalWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, Terminal(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

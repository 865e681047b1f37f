// Package quick highlights source code in one call, the way glamour's
// code blocks ask for it: quick.Highlight(w, code, language, formatter,
// style). This replacement lexes with one small generic scanner and writes
// ANSI SGR colours from the named style.
package quick

import (
	"fmt"
	"io"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/internal/lex"
	"github.com/alecthomas/chroma/v2/styles"
)

// Highlight writes source, written in the language lexer names, to w,
// coloured with the registered style named style. formatter picks the
// colours: "terminal256" (the 256-colour palette), "terminal16m" (24-bit
// colour); any other name writes the text with no escape sequences.
//
// An unknown style is an error, not a silent fallback: this module
// registers no styles of its own, so a name nobody registered is a bug
// the caller should hear about. Control characters in source never reach
// w: code quoted in an article is untrusted text, and an escape sequence
// inside it could restyle or rewrite the terminal.
func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	s := styles.Get(style)
	if s == nil {
		return fmt.Errorf("highlight: no style named %q", style)
	}
	var p palette
	switch formatter {
	case "terminal256":
		p = palette256
	case "terminal16m":
		p = paletteTrue
	}
	var b strings.Builder
	b.Grow(len(source) * 2)
	open := make(map[chroma.TokenType]string, 16)
	for _, t := range lex.Tokenise(lexer, source) {
		sgr, ok := open[t.Type]
		if !ok {
			sgr = sequence(p, s, t.Type)
			open[t.Type] = sgr
		}
		writeToken(&b, sgr, t.Value)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeToken writes v, cleaned of control characters, with the SGR
// sequence sgr around each of its lines: opening and resetting per line
// keeps a colour from spilling into whatever the caller writes between
// lines (glamour's indentation).
func writeToken(b *strings.Builder, sgr, v string) {
	for first := true; ; first = false {
		line, rest, more := strings.Cut(v, "\n")
		if !first {
			b.WriteByte('\n')
		}
		line = clean(line)
		if sgr == "" || strings.Trim(line, " \t") == "" {
			b.WriteString(line)
		} else {
			b.WriteString(sgr)
			b.WriteString(line)
			b.WriteString("\x1b[0m")
		}
		if !more {
			return
		}
		v = rest
	}
}

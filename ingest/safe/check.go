package safe

import (
	"fmt"
	"regexp"
	"unicode/utf8"
)

// The two escape sequences byline may write, as OnlySGRAndOSC8 reads them.
// It is written apart from Terminal, as a regular expression, so that each
// checks the other.
var (
	sgrSeq  = regexp.MustCompile(`^\x1b\[[0-9;:]*m`)
	osc8Seq = regexp.MustCompile(`^\x1b\]8;[\x21-\x3a\x3c-\x7e]*;[\x21-\x7e]*(?:\x07|\x1b\\)`)
)

// OnlySGRAndOSC8 returns an error describing the first thing in s that must
// not reach a terminal: an escape sequence other than SGR and an OSC 8
// hyperlink, a control character other than \n and \t, a bidi control (see
// IsBidiControl) or invalid UTF-8. Tests of anything byline prints use it;
// every output of Terminal passes it.
func OnlySGRAndOSC8(s string) error {
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			m := sgrSeq.FindString(s[i:])
			if m == "" {
				m = osc8Seq.FindString(s[i:])
			}
			if m == "" {
				return fmt.Errorf("escape sequence other than SGR and OSC 8 at byte %d: %q", i, s[i:min(len(s), i+24)])
			}
			i += len(m)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Errorf("invalid UTF-8 at byte %d: %q", i, s[i:min(len(s), i+8)])
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			return fmt.Errorf("control character %U at byte %d: %q", r, i, s[max(0, i-12):min(len(s), i+12)])
		case IsBidiControl(r):
			return fmt.Errorf("bidi control %U at byte %d", r, i)
		}
		i += size
	}
	return nil
}

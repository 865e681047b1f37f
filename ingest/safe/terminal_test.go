package safe

import (
	"bytes"
	"strings"
	"testing"
)

// attacks are what issue 9 saw reach a terminal, as the bytes that reached
// it, with what must be left of each.
var attacks = []struct{ name, in, want string }{
	{"OSC 52 clipboard, BEL", "Word \x1b]52;c;cHduZWQ=\x07 and", "Word  and"},
	{"OSC 2 title, ST", "a \x1b]2;TITLE\x1b\\ b", "a  b"},
	{"OSC 0 title in a status line", "500 Oops \x1b]0;TITLE\x07", "500 Oops "},
	{"RIS full reset", "\x1bcReset", "Reset"},
	{"cursor moves and erase", "x\x1b[2J\x1b[H\x1b[10;10fy\x1b[?1049h", "xy"},
	{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
	{"APC PM SOS", "a\x1b_x\x07b\x1b^y\x1b\\c\x1bXz\x1b\\d", "abcd"},
	{"C1 CSI", "a\u009b2Jb", "ab"},
	{"C1 OSC with C1 ST", "a\u009d0;T\u009cb", "ab"},
	{"C1 alone", "a\u0085b\u0080c", "abc"},
	{"lone ESC at end", "a\x1b", "a"},
	{"charset designation", "a\x1b(0qqq\x1b(Bb", "aqqqb"},
	{"C0 and DEL", "a\x07b\x08c\rd\x7fe\x00f", "abcdef"},
	{"unterminated OSC stops at line end", "a\x1b]0;T\nb", "a\nb"},
	{"OSC 8 with a control in its URI", "\x1b]8;;http://x\x1b[2J/\x07link", "/link"},
	{"OSC 8 with a space in its URI", "\x1b]8;;http://x y\x07link", "link"},
	{"CSI with a private parameter", "\x1b[31;?mx", "x"},
	{"bidi override", "abc\u202Egnp.exe", "abcgnp.exe"},
	{"bidi isolates and embeddings", "\u2066a\u2067b\u2068c\u2069\u202Ad\u202Be\u202Cf\u202Dg", "abcdefg"},
	{"invalid UTF-8, raw 0x9b", "a\x9b2Jb", "a\uFFFD2Jb"},
}

// kept is what Terminal must leave exactly as it is.
var kept = []string{
	"plain text, tabs\tand\nlines",
	"\x1b[1;38;2;10;20;30mbold\x1b[m \x1b[4:3mcurly\x1b[0m",
	"\x1b]8;;https://news.example/a?b=c;d\x07link\x1b]8;;\x07",
	"\x1b]8;id=x:y=z;mailto:ed@example.com\x1b\\mail\x1b]8;;\x1b\\",
	"北京 🚀 עברית\u200F العربية\u061C marks",
}

func TestTerminal(t *testing.T) {
	for _, tt := range attacks {
		t.Run(tt.name, func(t *testing.T) {
			got := Terminal(tt.in)
			if got != tt.want {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if err := OnlySGRAndOSC8(got); err != nil {
				t.Error(err)
			}
			if err := OnlySGRAndOSC8(tt.in); err == nil {
				t.Errorf("the checker passed the attack %q", tt.in)
			}
		})
	}
	for _, s := range kept {
		if got := Terminal(s); got != s {
			t.Errorf("Terminal(%q) = %q, want it unchanged", s, got)
		}
		if err := OnlySGRAndOSC8(s); err != nil {
			t.Errorf("checker refused byline's own output: %v", err)
		}
	}
}

func TestTerminalWriter(t *testing.T) {
	var b bytes.Buffer
	w := TerminalWriter(&b)
	for _, tt := range attacks {
		if n, err := w.Write([]byte(tt.in)); n != len(tt.in) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if err := OnlySGRAndOSC8(b.String()); err != nil {
		t.Error(err)
	}
}

func TestTextDropsBidiControls(t *testing.T) {
	if got := Line("Title \u202Eevil\u202C \u2067x\u2069"); got != "Title evil x" {
		t.Errorf("Line = %q", got)
	}
	if got := Text("para \u202Dltr\u202C and \u200Fmark"); got != "para ltr and \u200Fmark" {
		t.Errorf("Text = %q", got)
	}
}

// FuzzTerminal: whatever the input, the output holds nothing but text, \n,
// \t, SGR and OSC 8; filtering twice changes nothing; and what the checker
// already passes is left alone.
func FuzzTerminal(f *testing.F) {
	for _, tt := range attacks {
		f.Add(tt.in)
	}
	for _, s := range kept {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Terminal(s)
		if err := OnlySGRAndOSC8(got); err != nil {
			t.Fatalf("Terminal(%q) = %q: %v", s, got, err)
		}
		if again := Terminal(got); again != got {
			t.Fatalf("not idempotent: %q then %q", got, again)
		}
		if OnlySGRAndOSC8(s) == nil && got != s {
			t.Fatalf("changed clean input %q to %q", s, got)
		}
		if !strings.ContainsAny(s, "\x1b\u009b\u009d\u0090") && len(got) > len(s)*3 {
			t.Fatalf("output grew: %d bytes from %d", len(got), len(s))
		}
	})
}

func BenchmarkTerminal(b *testing.B) {
	frame := strings.Repeat("\x1b[38;5;252m Xi Jinping visits Moscow \x1b[m│\x1b[1;4mpinned\x1b[22;24m text of a line  \n", 45)
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		Terminal(frame)
	}
}

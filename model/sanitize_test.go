package model

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Xi Jinping visits Moscow", "Xi Jinping visits Moscow"},
		{"keeps newline and tab", "a\tb\nc", "a\tb\nc"},
		{"strips CSI colour", "red \x1b[31mtext\x1b[0m", "red [31mtext[0m"},
		{"strips OSC title", "\x1b]0;pwned\x07title", "]0;pwnedtitle"},
		{"strips C1 CSI", "a\u009b31mb", "a31mb"},
		{"strips CR and DEL", "a\r\x7fb", "ab"},
		{"repairs invalid UTF-8", "caf\xe9", "caf\uFFFD"},
		{"keeps wide text", "北京 🚀", "北京 🚀"},
		{"strips bidi overrides", "abc\u202Egnp.exe\u202C", "abcgnp.exe"},
		{"strips bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"keeps bidi marks", "a\u200Eb\u200Fc\u061Cd", "a\u200Eb\u200Fc\u061Cd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

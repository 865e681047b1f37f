package ingest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestParseErrors checks that unusable input is refused with a sentinel and
// one line naming the file.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		want error
		msg  string
	}{
		{"empty", "sport/12.txt", nil, ErrEmpty, "sport/12.txt: empty file"},
		{"whitespace only", "w.txt", []byte(" \n\t\r\n  \n"), ErrEmpty, "w.txt: empty file"},
		{"BOM only", "b.md", []byte("\ufeff\n"), ErrEmpty, "b.md: empty file"},
		{"only escape sequences", "e.txt", []byte("\x1b[31m\x1b]0;x\x07\n"), ErrEmpty, "e.txt: empty file (no readable text)"},
		{"only metadata", "m.txt", []byte("Publish : 2023-03-21 10:03:00\n\nGive Your Comments"), ErrEmpty, "m.txt: empty file (no article text)"},
		{"NUL byte", "x.bin", []byte("Title\n\x00\x01body"), ErrBinary, "x.bin: binary file, not an article"},
		{"control bytes", "c.txt", bytes.Repeat([]byte("ab\x01\x02\x03"), 100), ErrBinary, "c.txt: binary file, not an article"},
		{"UTF-16 without BOM", "u.txt", []byte("T\x00i\x00t\x00"), ErrBinary, "u.txt: binary file, not an article"},
		{"over the limit", "big.txt", make([]byte, MaxFileSize+1), ErrTooLarge, "big.txt: 10.1 MB, over the 10 MB limit"},
		{"over the limit, markdown", "big.md", make([]byte, 11<<20+200<<10), ErrTooLarge, "big.md: 11.2 MB, over the 10 MB limit"},
		{"hostile name is quoted", "a\x1b]0;x\x07\n.txt", nil, ErrEmpty, `"a\x1b]0;x\a\n.txt": empty file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse = %v, want %v", err, tt.want)
			}
			if err.Error() != tt.msg {
				t.Errorf("message = %q, want %q", err.Error(), tt.msg)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != tt.file {
				t.Errorf("error %v is not a *FileError for %q", err, tt.file)
			}
		})
	}
}

// TestMaxFileSizeAccepted checks the limit itself is allowed.
func TestMaxFileSizeAccepted(t *testing.T) {
	data := bytes.Repeat([]byte("word "), MaxFileSize/5)
	copy(data, "Title\n\n")
	if _, err := Parse("limit.txt", data); err != nil {
		t.Errorf("a file of exactly MaxFileSize: %v", err)
	}
}

// TestEscapesStripped checks that no terminal sequence survives into any
// field, and that whole sequences go, not just their ESC byte.
func TestEscapesStripped(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CSI colour", "\x1b[1;31mRed\x1b[0m text", "Red text"},
		{"CSI private mode", "A\x1b[?1049hB", "AB"},
		{"OSC title with BEL", "\x1b]0;pwned\x07Title", "Title"},
		{"OSC title with ST", "\x1b]2;pwned\x1b\\Title", "Title"},
		{"OSC 52 clipboard", "Tit\x1b]52;c;ZWNobyBoaQ==\x07le", "Title"},
		{"OSC 8 hyperlink", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS", "A\x1bPq#0;2;0;0;0\x1b\\B", "AB"},
		{"unterminated OSC stops at the line end", "\x1b]0;pwned", ""},
		{"C1 CSI", "A\u009b31mB", "AB"},
		{"C1 OSC with C1 ST", "A\u009d0;pwned\u009cB", "AB"},
		{"charset and keypad escapes", "\x1b(BA\x1b=B\x1b7C", "ABC"},
		{"lone ESC at the end", "AB\x1b", "AB"},
		{"other controls", "A\x08\x7fB\u0080\u0010C", "ABC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range []string{"x.txt", "x.md"} {
				in := "Head " + tt.in + "\n\nBody " + tt.in + "\n\n" + tt.in + " (Photo: " + tt.in + "Credit)\n"
				a := mustParse(t, name, in)
				want := strings.TrimSpace("Head " + tt.want)
				if a.Title != want {
					t.Errorf("%s: title = %q, want %q", name, a.Title, want)
				}
				if got := strings.TrimSpace(a.Paragraphs[0]); got != strings.TrimSpace("Body "+tt.want) {
					t.Errorf("%s: body = %q, want %q", name, got, "Body "+tt.want)
				}
				for _, s := range append([]string{a.Title, a.Caption, a.Credit}, a.Paragraphs...) {
					if strings.Contains(s, "pwned") || strings.Contains(s, "evil") || strings.Contains(s, "ZWNo") {
						t.Errorf("%s: sequence payload left in %q", name, s)
					}
				}
			}
		})
	}
}

// TestInvalidUTF8Corpus reads the BBC file that is not valid UTF-8.
func TestInvalidUTF8Corpus(t *testing.T) {
	path := sharedPath(t, "data/articles/bbc/sport/199.txt")
	a, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if p := articleProblem(a); p != "" {
		t.Fatal(p)
	}
	if a.Title != "Chelsea sack Mutu" {
		t.Errorf("title = %q", a.Title)
	}
	if !strings.Contains(strings.Join(a.Paragraphs, " "), "\ufffd15.8m") {
		t.Errorf("the bad £ byte should become U+FFFD: %q", a.Paragraphs)
	}
}

// TestErrorsAreOneLine checks file-system errors read as one clean line.
func TestErrorsAreOneLine(t *testing.T) {
	_, err := ReadFile("no/such/file.txt")
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want not-exist", err)
	}
	if got := err.Error(); got != "no/such/file.txt: no such file or directory" {
		t.Errorf("message = %q", got)
	}
	_, err = ReadFile(t.TempDir())
	if err == nil || !strings.HasSuffix(err.Error(), ": is a directory") {
		t.Errorf("reading a directory: %v", err)
	}
}

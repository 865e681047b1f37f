package ingest

import (
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// TestParseText covers generic plain text and the byte-level clean-up every
// format gets.
func TestParseText(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end."
	tests := []struct {
		name  string
		in    string
		title string
		body  []string
	}{
		{"title and paragraphs", "Title\n\nOne.\n\nTwo.\n", "Title", []string{"One.", "Two."}},
		{"leading blank lines", "\n\n  \nTitle\n\nOne.", "Title", []string{"One."}},
		{"hard-wrapped lines join", "Title\n\nline one\n  line two\nline three\n\nNext.", "Title",
			[]string{"line one line two line three", "Next."}},
		{"title glued to first paragraph", "Title\nBody starts.\n\nMore.", "Title", []string{"Body starts.", "More."}},
		{"title only", "Just a title\n", "Just a title", nil},
		{"CRLF", "Title\r\n\r\nOne\r\ntwo.\r\n\r\nThree.\r\n", "Title", []string{"One two.", "Three."}},
		{"lone CR", "Title\r\rOne\rtwo.\r\rThree.", "Title", []string{"One two.", "Three."}},
		{"UTF-8 BOM", "\ufeffTitle\n\nOne.", "Title", []string{"One."}},
		{"tabs", "\tTab\ttitle\t\n\n\tOne\ttwo.", "Tab title", []string{"One two."}},
		{"trailing spaces", "Title   \n\nOne.   \ntwo.  \n", "Title", []string{"One. two."}},
		{"runs of spaces kept inside a line", "A  B\n\nx  y", "A  B", []string{"x  y"}},
		{"form feed and line separators", "Title\f\fOne.\u2029Two.\u2028more", "Title", []string{"One.", "Two. more"}},
		{"invalid UTF-8 repaired", "Caf\xe9 news\n\nCost \xa315m.", "Caf\ufffd news", []string{"Cost \ufffd15m."}},
		{"long first line is prose", long + "\n\nNext.", "", []string{long, "Next."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "x.txt", tt.in)
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if strings.Join(a.Paragraphs, "|") != strings.Join(tt.body, "|") {
				t.Errorf("paragraphs = %q, want %q", a.Paragraphs, tt.body)
			}
			if a.Format != model.FormatText {
				t.Errorf("format = %q, want text", a.Format)
			}
		})
	}
}

// TestLongTitle checks that an over-long first line gives a short title
// ending in an ellipsis and loses no text.
func TestLongTitle(t *testing.T) {
	line := strings.Repeat("Xi Jinping visits Moscow again ", 20)
	a := mustParse(t, "x.txt", line+"\n\nBody.")
	if n := len([]rune(a.Title)); n > maxTitle+1 || !strings.HasSuffix(a.Title, "…") {
		t.Errorf("title has %d runes: %q", n, a.Title)
	}
	if !strings.HasPrefix(line, strings.TrimSuffix(a.Title, "…")) || strings.HasSuffix(strings.TrimSuffix(a.Title, "…"), " ") {
		t.Errorf("title %q is not a word-boundary prefix of the line", a.Title)
	}
	if len(a.Paragraphs) != 2 || a.Paragraphs[0] != strings.TrimSpace(line) {
		t.Errorf("the long line should stay as the first paragraph, got %q", a.Paragraphs)
	}
}

// TestUTF16 checks that text saved as UTF-16 with a BOM is read, not
// refused as binary for its NUL bytes.
func TestUTF16(t *testing.T) {
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, r := range "Titel ü\n\nBody." {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, data := range map[string][]byte{"little-endian": le, "big-endian": be} {
		t.Run(name, func(t *testing.T) {
			a := mustParse(t, "x.txt", string(data))
			if a.Title != "Titel ü" || len(a.Paragraphs) != 1 || a.Paragraphs[0] != "Body." {
				t.Errorf("got %q %q", a.Title, a.Paragraphs)
			}
		})
	}
}

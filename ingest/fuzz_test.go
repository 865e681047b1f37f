package ingest

import (
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes under both formats: it must never
// panic, and whatever it accepts must keep Parse's promises (a visible
// title, valid UTF-8, no control characters, single-line text paragraphs).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		sampleArticle,
		"",
		"Title\n\nBody",
		"Title\r\n\r\nA (Photo: B)\r\n\r\nPublish:2023-01-02 03:04:05\r\nGive Your Comments",
		"\ufeff\x1b]0;x\x07T\x1b[31m\n\nb\u009b1m",
		"# Head *x*\n\n- a\n  - b\n\n> q\n\n```\ncode\n\n```\n",
		"---\ntitle: \"T\"\ndate: 2023-03-21\n---\nSetext\n===\n\n[a](b) &#27;",
		strings.Repeat("> ", 30) + "x\n" + strings.Repeat("*", 300),
		"\xff\xfeT\x00\n\x00",
		"caf\xe9\n\n\x00",
	} {
		f.Add("a.txt", []byte(s))
		f.Add("a.md", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := Parse(name, data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err.Error())
			}
			return
		}
		if p := articleProblem(a); p != "" {
			t.Errorf("%s: %+v", p, a)
		}
	})
}

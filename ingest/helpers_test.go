package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bylinehq/byline/ingest/shareddata"
	"github.com/bylinehq/byline/model"
)

// sharedPath returns the path of rel under the shared folder that sits next
// to the repository (../shared), found by walking up to go.mod. Tests that
// read real data call it and skip, saying why, when the data is absent.
func sharedPath(t testing.TB, rel string) string {
	t.Helper()
	return shareddata.Path(t, filepath.Join("..", rel))
}

// articleProblem returns what is wrong with a successfully parsed article,
// or "": the promises Parse makes to every caller.
func articleProblem(a model.Article) string {
	if strings.TrimSpace(a.Title) == "" {
		return "empty title"
	}
	fields := map[string]string{"title": a.Title, "caption": a.Caption, "credit": a.Credit, "source": a.Source, "url": a.URL}
	for i, p := range a.Paragraphs {
		fields[fmt.Sprintf("paragraph %d", i)] = p
		if strings.TrimSpace(p) == "" {
			return "blank paragraph"
		}
		if a.Format == model.FormatText && strings.Contains(p, "\n") {
			return "newline in a plain-text paragraph"
		}
	}
	for name, s := range fields {
		if !utf8.ValidString(s) {
			return name + ": invalid UTF-8"
		}
		for _, r := range s {
			if r == '\n' && strings.HasPrefix(name, "paragraph") {
				continue
			}
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				return fmt.Sprintf("%s: control character %U", name, r)
			}
		}
	}
	return ""
}

// mustParse parses data and fails the test on an error or a broken promise.
func mustParse(t *testing.T, name, data string) model.Article {
	t.Helper()
	a, err := Parse(name, []byte(data))
	if err != nil {
		t.Fatalf("Parse(%q): %v", name, err)
	}
	if p := articleProblem(a); p != "" {
		t.Fatalf("Parse(%q): %s in %+v", name, p, a)
	}
	return a
}

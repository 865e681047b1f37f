package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// bbcDir holds the BBC News articles of the shared test data.
const bbcDir = "../../shared/data/articles/bbc"

// TestBBCArticles runs the extractor over ten articles of each BBC topic and
// checks what a reader would notice: every article names somebody or
// something, no entity is a function word, a date or a title ("The",
// "However", "Mr"), and every highlight is exactly its text.
func TestBBCArticles(t *testing.T) {
	if _, err := os.Stat(bbcDir); err != nil {
		t.Skipf("BBC articles absent (../shared is not checked out): %v", err)
	}
	ex := New()
	n := 0
	for _, topic := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		for i := 1; i <= 10; i++ {
			path := filepath.Join(bbcDir, topic, fmt.Sprintf("%03d.txt", i))
			a := readArticle(t, path)
			a.Source = path
			ents := ex.Extract(&a)
			if len(ents) == 0 {
				t.Errorf("%s: no entities in %q", path, a.Title)
			}
			checkEntities(t, &a, ents)
			for _, e := range ents {
				if junk := sentenceJunk[e.Name]; junk {
					t.Errorf("%s: junk entity %q (%s)", path, e.Name, e.Type)
				}
			}
			n++
		}
	}
	if n != 50 {
		t.Errorf("read %d articles, want 50", n)
	}
}

// TestAllBBCArticlesOffsets runs over every BBC article, including the one
// that is not valid UTF-8, and checks only that nothing panics and every
// mention is its field's slice.
func TestAllBBCArticlesOffsets(t *testing.T) {
	if testing.Short() {
		t.Skip("all articles: skipped in -short mode")
	}
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("BBC articles absent (../shared is not checked out)")
	}
	ex := New()
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Split as plainly as possible, so that this test does not depend
		// on what ingest cleans: title, then blank-line paragraphs.
		title, body, _ := strings.Cut(string(data), "\n")
		a := model.Article{Title: title, Source: path}
		for _, p := range strings.Split(body, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				a.Paragraphs = append(a.Paragraphs, p)
			}
		}
		for _, e := range ex.Extract(&a) {
			for _, m := range e.Mentions {
				if f := a.FieldText(m.Field, m.Paragraph); m.Start < 0 || m.End > len(f) || m.Start >= m.End || f[m.Start:m.End] != m.Text {
					t.Errorf("%s: %q mention %+v is not its field's slice", path, e.Name, m)
				}
			}
		}
	}
}

// sentenceJunk are capitalised words that open sentences and are never
// names.
var sentenceJunk = map[string]bool{
	"The": true, "But": true, "However": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "In": true, "On": true, "At": true,
	"This": true, "That": true, "These": true, "A": true, "An": true, "And": true, "If": true,
	"According": true, "Instead": true, "Meanwhile": true, "While": true, "After": true, "As": true,
	"There": true, "Its": true, "His": true, "Her": true, "Their": true, "Some": true, "Many": true,
	"President": true, "Minister": true, "Secretary": true, "Chancellor": true, "Prime Minister": true,
}

package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// openTemp opens a fresh store in a file under t.TempDir, closed at cleanup.
func openTemp(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// mustImport imports articles and fails the test on error.
func mustImport(t testing.TB, s *store.Store, articles ...model.Article) store.ImportResult {
	t.Helper()
	res, err := s.Import(context.Background(), articles)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return res
}

// mentionsOf finds every occurrence of word in a's title, caption and body,
// in document order, with exact byte offsets.
func mentionsOf(a *model.Article, word string) []model.Mention {
	var ms []model.Mention
	find := func(f model.Field, p int, text string) {
		for off := 0; ; {
			i := strings.Index(text[off:], word)
			if i < 0 {
				return
			}
			start := off + i
			ms = append(ms, model.Mention{Field: f, Paragraph: p, Start: start, End: start + len(word), Text: word})
			off = start + len(word)
		}
	}
	find(model.FieldTitle, 0, a.Title)
	find(model.FieldCaption, 0, a.Caption)
	for p, text := range a.Paragraphs {
		find(model.FieldBody, p, text)
	}
	return ms
}

// withEntity adds entity (name, typ) to a, mentioned wherever word occurs.
func withEntity(a model.Article, name string, typ model.EntityType, word string) model.Article {
	a.Entities = append(a.Entities, model.Entity{Name: name, Type: typ, Mentions: mentionsOf(&a, word)})
	return a
}

// article makes a plain article with a distinct body.
func article(title string, published time.Time, paragraphs ...string) model.Article {
	if len(paragraphs) == 0 {
		paragraphs = []string{fmt.Sprintf("The body of %s.", title)}
	}
	return model.Article{
		Title:      title,
		Published:  published,
		Source:     "test/" + title,
		Format:     model.FormatText,
		Paragraphs: paragraphs,
	}
}

func day(d int) time.Time {
	return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC)
}

func titles(list []model.Summary) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.Title)
	}
	return out
}

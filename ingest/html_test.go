package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// TestParseHTML checks a saved web page imports as its article.
func TestParseHTML(t *testing.T) {
	page := `<html><head><title>Ferry timetable approved</title><meta name="author" content="Ana Ruiz"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Ferry timetable approved</h1>
<p>` + strings.Repeat("The harbour council voted on Monday to add two evening crossings to the island ferry. ", 4) + `</p>
<p>` + strings.Repeat("Councillor Ana Ruiz promised a review in spring, once the report is out. ", 4) + `</p></article></body></html>`
	a := mustParse(t, "saved/ferry.html", page)
	if a.Title != "Ferry timetable approved" || a.Author != "Ana Ruiz" || a.Source != "saved/ferry.html" ||
		a.Format != model.FormatMarkdown || len(a.Paragraphs) != 2 {
		t.Errorf("got %+v", a)
	}
	_, err := Parse("empty.htm", []byte("<html><body><img src=x></body></html>"))
	if !errors.Is(err, ErrEmpty) || err.Error() != "empty.htm: no article text found in the page" {
		t.Errorf("error = %v", err)
	}
}

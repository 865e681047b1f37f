package web

import (
	"fmt"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// storyPage is a page on which readability settles on a promoted summary
// and passes over the story itself, because the story's container has a
// class readability reads as unlikely ("community") and the summary is long
// enough that readability does not retry without that rule.
func storyPage() string {
	var story strings.Builder
	for i := range 12 {
		fmt.Fprintf(&story, "<p>Paragraph %d of the ferry story: the harbour council voted on Monday to add two evening crossings to the island ferry after a summer of long queues and missed connections for commuters who work on the mainland</p>\n", i+1)
	}
	return `<html><head><title>Ferry</title></head><body>
<div class="summary"><p>` + strings.Repeat("The council adds two evening crossings to the island ferry, from June. ", 8) + `</p></div>
<div class="community-news">` + story.String() + `</div>
</body></html>`
}

// TestFallbackRecoversStory checks that the second pass takes over when
// readability returns too little of the page's prose.
func TestFallbackRecoversStory(t *testing.T) {
	page := []byte(storyPage())
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	if b := densestBlock(doc); b.text < 2000 {
		t.Fatalf("densest block holds %d bytes; want the story's", b.text)
	}
	// The page must still fool readability, or this test proves nothing.
	parser := readability.NewParser()
	res, err := parser.ParseAndMutate(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := textLen(res.Node); !needsFallback(got, 2000) || strings.Contains(textOf(res.Node), "Paragraph 12") {
		t.Fatalf("readability alone found the story (%d bytes); the page no longer exercises the fallback", got)
	}
	a, err := Extract("https://news.example/ferry", page)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(a.Paragraphs, "\n")
	for _, want := range []string{"Paragraph 1 of the ferry story", "Paragraph 12 of the ferry story"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

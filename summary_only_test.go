package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/store"
)

// writeLocalFeed makes a feed folder whose channel link is elsewhere
// (http://example.invalid/, as RSS 2.0 requires one) and whose items link
// relatively: a1.html, a2.html… Pages are written for the titles in pages;
// the others' pages are missing.
func writeLocalFeed(t *testing.T, dir, teaser string, titles []string, pages map[string]bool) string {
	t.Helper()
	var items strings.Builder
	for i, title := range titles {
		name := fmt.Sprintf("a%d.html", i+1)
		if pages[title] {
			var page strings.Builder
			fmt.Fprintf(&page, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", title, title)
			for p := range 6 {
				fmt.Fprintf(&page, "<p>Paragraph %d: Mira Castell of the Nordvik Ferry Trust said on Tuesday that the line to Saltholm would open in May, and that tickets would cost twelve crowns.</p>", p+1)
			}
			page.WriteString("</article></body></html>")
			if err := os.WriteFile(filepath.Join(dir, name), []byte(page.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintf(&items, "<item><title>%s</title><link>%s</link><guid>%d</guid><description>%s %d.</description></item>", title, name, i, teaser, i)
	}
	feedFile := filepath.Join(dir, "feed.xml")
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Folder News</title>` +
		`<link>http://example.invalid/</link><description>d</description>` + items.String() + `</channel></rss>`
	if err := os.WriteFile(feedFile, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return feedFile
}

// A local feed whose channel link is elsewhere and whose items link
// relatively gets its full articles; an item whose page is missing is
// stored as its teaser, marked summary only, and the fetch says how many.
func TestFetchLocalFeedRelativeLinks(t *testing.T) {
	dir := t.TempDir()
	titles := []string{"Harbour council approves ferry", "Saltholm asks for winter timetable", "Pier closes"}
	feedFile := writeLocalFeed(t, dir, "Teaser", titles, map[string]bool{titles[0]: true, titles[1]: true})
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "feed", "add", feedFile)
	if out, _ := mustRun(t, db, 0, "fetch"); out != "1 feed ok, 0 failed; 3 new articles; 1 summary only\n" {
		t.Fatalf("fetch said %q", out)
	}
	st := openStoreT(t, db)
	ctx := context.Background()
	items, err := st.ListItems(ctx, store.ListQuery{})
	if err != nil || len(items) != 3 {
		t.Fatalf("list: %d items, %v", len(items), err)
	}
	for _, it := range items {
		a, err := st.Article(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		full := strings.Contains(strings.Join(a.Paragraphs, " "), "Paragraph 6")
		wantFull := a.Title != "Pier closes"
		if full != wantFull || it.SummaryOnly == wantFull {
			t.Errorf("%q: full text %v, summary only %v; want full %v", a.Title, full, it.SummaryOnly, wantFull)
		}
		if want := "file://" + filepath.ToSlash(dir) + "/a"; !strings.HasPrefix(a.URL, want) {
			t.Errorf("%q: URL %q, want it beside the feed (%s…)", a.Title, a.URL, want)
		}
	}
	st.Close()

	// A missing page is not asked for again until the item changes; then
	// its page is there, and the mark goes.
	writeLocalFeed(t, dir, "Revised teaser", titles, map[string]bool{titles[0]: true, titles[1]: true, titles[2]: true})
	// A later modification time, so the file does not answer "not modified"
	// when both writes fall in one second.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(feedFile, later, later); err != nil {
		t.Fatal(err)
	}
	if out, _ := mustRun(t, db, 0, "fetch"); out != "1 feed ok, 0 failed; 0 new articles\n" {
		t.Errorf("second fetch said %q", out)
	}
	st = openStoreT(t, db)
	defer st.Close()
	items, _ = st.ListItems(ctx, store.ListQuery{})
	for _, it := range items {
		if a, _ := st.Article(ctx, it.ID); it.SummaryOnly || !strings.Contains(strings.Join(a.Paragraphs, " "), "Paragraph 6") {
			t.Errorf("%q: summary only %v, body %q; want the full text once its page is there", it.Title, it.SummaryOnly, a.Paragraphs)
		}
	}
}

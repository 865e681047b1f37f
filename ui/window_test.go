package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
)

// manyArticles are n articles, Story 0000 the newest, one an hour apart;
// every 250th one is undated, so it comes last.
func manyArticles(n int) []model.Article {
	arts := make([]model.Article, n)
	for i := range arts {
		arts[i] = model.Article{
			Title:      fmt.Sprintf("Story %04d", i),
			Source:     fmt.Sprintf("many/%04d.txt", i),
			Format:     model.FormatText,
			Paragraphs: []string{fmt.Sprintf("The body of story %d.", i)},
		}
		if i%250 != 249 {
			arts[i].Published = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour)
		}
	}
	return arts
}

// listOrder is the titles of manyArticles(n) in list order: the dated
// ones newest first, then the undated ones in import order.
func listOrder(n int) []string {
	var dated, undated []string
	for i, a := range manyArticles(n) {
		if i%250 == 249 {
			undated = append(undated, a.Title)
		} else {
			dated = append(dated, a.Title)
		}
	}
	return append(dated, undated...)
}

// selectedTitle is the title of the article selected in the list.
func selectedTitle(m *Model) string {
	it, _ := m.list.Selected()
	return it.Title
}

// TestListWindows: a list longer than the rows the reader holds scrolls,
// jumps to its end and back, and counts, as a short one does, while never
// holding more than list.MaxRows rows.
func TestListWindows(t *testing.T) {
	const n = 1500
	order := listOrder(n)
	m := newModel(t, openStore(t, manyArticles(n)), 160, 45, Options{})
	if !strings.Contains(status(m), fmt.Sprintf("1/%d", n)) || !strings.Contains(screen(m)[0], fmt.Sprintf("%d/%d unread", n, n)) {
		t.Fatalf("start: status %q, header %q", status(m), screen(m)[0])
	}
	for i := 1; i <= 700; i++ {
		press(t, m, "j")
		want := order[i]
		if m.SelectedIndex() != i || selectedTitle(m) != want {
			t.Fatalf("j %d: row %d %q, want %q", i, m.SelectedIndex(), selectedTitle(m), want)
		}
		if m.list.WindowLen() > 600 {
			t.Fatalf("j %d: the list holds %d rows", i, m.list.WindowLen())
		}
	}
	press(t, m, "G")
	// The undated stories come last, in import order.
	if m.SelectedIndex() != n-1 || selectedTitle(m) != "Story 1499" || m.ReaderArticle().Title != "Story 1499" {
		t.Fatalf("G: row %d %q", m.SelectedIndex(), selectedTitle(m))
	}
	press(t, m, "k")
	if selectedTitle(m) != "Story 1249" {
		t.Fatalf("k after G: %q, want the undated Story 1249", selectedTitle(m))
	}
	for range 300 {
		press(t, m, "pgup")
	}
	if m.SelectedIndex() != 0 || selectedTitle(m) != order[0] {
		t.Fatalf("pgup to the top: row %d %q", m.SelectedIndex(), selectedTitle(m))
	}
	press(t, m, "G")
	press(t, m, "g")
	if m.SelectedIndex() != 0 || selectedTitle(m) != "Story 0000" {
		t.Fatalf("g: row %d %q", m.SelectedIndex(), selectedTitle(m))
	}
}

// TestListWindowKeepsSelection: a filter toggled far down the list keeps
// the selected article selected, at its row in the new list.
func TestListWindowKeepsSelection(t *testing.T) {
	m := newModel(t, openStore(t, manyArticles(1500)), 160, 45, Options{})
	for range 40 {
		press(t, m, "pgdown")
	}
	it, _ := m.list.Selected()
	row := m.SelectedIndex()
	press(t, m, "u") // everything is unread: the same list
	if m.SelectedIndex() != row || selectedTitle(m) != it.Title {
		t.Fatalf("u: row %d %q, want row %d %q", m.SelectedIndex(), selectedTitle(m), row, it.Title)
	}
}

// TestListWindowUnread: J finds an unread article beyond the rows held, and
// A marks every article of a long list read, U unread again.
func TestListWindowUnread(t *testing.T) {
	st := openStore(t, manyArticles(1500))
	m := newModel(t, st, 160, 45, Options{})
	press(t, m, "A")
	press(t, m, "y")
	if !strings.Contains(screen(m)[0], "0/1500 unread") {
		t.Fatalf("A y: header %q", screen(m)[0])
	}
	press(t, m, "U")
	if !strings.Contains(screen(m)[0], "1500/1500 unread") {
		t.Fatalf("U: header %q", screen(m)[0])
	}
	press(t, m, "A")
	press(t, m, "y")
	press(t, m, "G")
	press(t, m, "m") // the last one unread again
	press(t, m, "g")
	press(t, m, "J")
	if m.SelectedIndex() != 1499 || !strings.Contains(screen(m)[0], "1/1500 unread") {
		t.Fatalf("J: row %d, header %q", m.SelectedIndex(), screen(m)[0])
	}
}

// TestListWindowSearchFromTheTop: a search typed far down a long list
// selects its best hit, at the top.
func TestListWindowSearchFromTheTop(t *testing.T) {
	m := newModel(t, openStore(t, manyArticles(1500)), 160, 45, Options{})
	for range 40 {
		press(t, m, "pgdown")
	}
	press(t, m, "/")
	typeText(t, m, "stor") // one search (prefixes start at four letters), from the rows far down
	press(t, m, "enter")
	if m.SelectedIndex() != 0 || m.ListLen() != 500 {
		t.Fatalf("search: row %d of %d, want the first of 500", m.SelectedIndex(), m.ListLen())
	}
}

package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
)

// F shows each feed with its unread count and its last error; enter lists
// only that feed's articles, and esc takes the filter off again.
func TestFeedsViewFiltersTheList(t *testing.T) {
	m := newModel(t, feedStore(t), 120, 20, Options{})
	if m.ListLen() != 4 {
		t.Fatalf("list holds %d articles", m.ListLen())
	}
	press(t, m, "F")
	if !m.FeedsViewOpen() {
		t.Fatal("F did not open the feeds view")
	}
	for _, want := range []string{"2 feeds · 3 unread", "local", "Harbour Post", "2/3", "Island Radio", "1/1", "503 Service Unavailable"} {
		if !contains(m, want) {
			t.Errorf("feeds view lacks %q:\n%s", want, strings.Join(screen(m), "\n"))
		}
	}
	// Rows: #local, Harbour Post, #untagged, Island Radio.
	press(t, m, "j")
	press(t, m, "enter")
	if m.FeedsViewOpen() || m.ListLen() != 3 || !strings.Contains(status(m), "feed: Harbour Post") {
		t.Fatalf("enter on Harbour Post: open=%v, %d articles, status %q", m.FeedsViewOpen(), m.ListLen(), status(m))
	}
	press(t, m, "esc")
	if m.ListLen() != 4 {
		t.Errorf("esc left %d articles listed", m.ListLen())
	}
	// enter on a tag lists its feeds' articles.
	press(t, m, "F")
	press(t, m, "enter")
	if m.ListLen() != 3 || !strings.Contains(status(m), "tag: local") {
		t.Errorf("enter on #local: %d articles, status %q", m.ListLen(), status(m))
	}
}

// r on a row fetches only that feed (or that tag's feeds), and the view
// then shows the new last fetch.
func TestFeedsViewFetchesOneFeed(t *testing.T) {
	var asked [][]string
	opts := Options{
		Refresh: func(context.Context, func(int, int, int)) (string, error) {
			t.Error("r in the feeds view fetched every feed")
			return "", nil
		},
		RefreshFeeds: func(urls []string) RefreshFunc {
			return func(ctx context.Context, progress func(int, int, int)) (string, error) {
				asked = append(asked, urls)
				return "1 feed ok, 0 failed; 0 new articles", nil
			}
		},
	}
	m := newModel(t, feedStore(t), 120, 20, opts)
	press(t, m, "F")
	press(t, m, "G") // Island Radio
	press(t, m, "r")
	if len(asked) != 1 || strings.Join(asked[0], " ") != "https://radio.example/feed" {
		t.Fatalf("r fetched %v", asked)
	}
	if !m.FeedsViewOpen() || !contains(m, "1 feed ok, 0 failed") {
		t.Errorf("after r: open=%v, status %q", m.FeedsViewOpen(), status(m))
	}
}

// d asks on the bottom line; only y unsubscribes, and the articles stay.
func TestFeedsViewUnsubscribes(t *testing.T) {
	lib := feedStore(t)
	m := newModel(t, lib, 120, 20, Options{})
	press(t, m, "F")
	press(t, m, "G") // Island Radio
	press(t, m, "d")
	if !contains(m, "unsubscribe from Island Radio? its 1 article stays") {
		t.Fatalf("d did not ask:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "n")
	if fs, _ := lib.Feeds(context.Background()); len(fs) != 2 || !contains(m, "still subscribed") {
		t.Fatalf("n unsubscribed: %d feeds; status %q", len(fs), status(m))
	}
	press(t, m, "d")
	press(t, m, "y")
	fs, _ := lib.Feeds(context.Background())
	if len(fs) != 1 || len(m.FeedsView().Rows()) != 2 || !contains(m, "unsubscribed from Island Radio; its article stays") {
		t.Errorf("y: %d feeds left;\n%s", len(fs), strings.Join(screen(m), "\n"))
	}
	press(t, m, "esc")
	if m.FeedsViewOpen() || m.ListLen() != 4 {
		t.Errorf("after esc: open=%v, %d articles", m.FeedsViewOpen(), m.ListLen())
	}
}

// L lists the article's links with numbers; a digit opens one through the
// browser hook, and the text comes back.
func TestLinksOpenByNumber(t *testing.T) {
	a := model.Article{Title: "Vote on the ferry", Published: day(21), Source: "x", Format: model.FormatMarkdown,
		Paragraphs: []string{"The council [voted](https://news.example/vote) on [Monday](https://news.example/monday).",
			"See [the minutes](https://council.example/minutes) and [the vote](https://news.example/vote) again; [not this](javascript:alert(1))."}}
	m := newModel(t, openStore(t, []model.Article{a}), 120, 20, Options{Browser: "firefox %u"})
	var opened []string
	m.open = func(browser, u string) tea.Cmd {
		opened = append(opened, browser+" "+u)
		return nil
	}
	press(t, m, "L")
	for _, want := range []string{"Links — type a number", "1  voted  https://news.example/vote", "2  Monday  https://news.example/monday", "3  the minutes  https://council.example/minutes"} {
		if !contains(m, want) {
			t.Errorf("links list lacks %q:\n%s", want, strings.Join(screen(m), "\n"))
		}
	}
	if contains(m, "javascript") || contains(m, "4  ") {
		t.Errorf("links list shows what it must not:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "2")
	if len(opened) != 1 || opened[0] != "firefox %u https://news.example/monday" {
		t.Fatalf("2 opened %v", opened)
	}
	if m.reader.LinksShown() {
		t.Error("the links stayed listed after one was opened")
	}
	press(t, m, "L")
	press(t, m, "9")
	if len(opened) != 1 || !strings.Contains(status(m), "no link 9") {
		t.Errorf("9 of 3: opened %v, status %q", opened, status(m))
	}
	press(t, m, "esc")
	if m.reader.LinksShown() || !contains(m, "Vote on the ferry") {
		t.Error("esc did not bring the text back")
	}
}

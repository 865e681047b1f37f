package feeds

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/styles"
)

func sample() []store.Feed {
	when := time.Date(2023, 3, 21, 9, 30, 0, 0, time.Local)
	return []store.Feed{
		{ID: 1, URL: "https://post.example/rss", Title: "Harbour Post", Tags: []string{"local", "news"}, Articles: 12, Unread: 3, LastFetched: when},
		{ID: 2, URL: "https://radio.example/feed", Title: "Island Radio", Articles: 4, Unread: 4, LastFetched: when, LastError: "503 Service Unavailable"},
		{ID: 3, URL: "https://new.example/feed", Tags: []string{"news"}},
	}
}

// Feeds group by tag once any has one: a feed is under each of its tags,
// the untagged ones last, and a group counts its feeds' articles.
func TestRowsGroupByTag(t *testing.T) {
	rows, grouped := Rows(sample())
	var got []string
	for _, r := range rows {
		s := r.Name()
		if r.Group {
			s = "#" + s
		}
		got = append(got, s+" "+Fetched(r.Feed.LastFetched)[:min(5, len(Fetched(r.Feed.LastFetched)))])
	}
	want := "#local never|Harbour Post 2023-|#news never|Harbour Post 2023-|https://new.example/feed never|#untagged never|Island Radio 2023-"
	if !grouped || strings.Join(got, "|") != want {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if rows[2].Unread != 3 || rows[2].Total != 12 || len(rows[2].URLs()) != 2 {
		t.Errorf("news group: %+v", rows[2])
	}
	plain, grouped := Rows(sample()[1:2])
	if grouped || len(plain) != 1 || plain[0].Group {
		t.Errorf("no tags: %+v grouped=%v", plain, grouped)
	}
}

// What a user sees: each feed with unread/total and its last fetch, the
// failed one flagged with its error; the bottom line names the selected
// feed's error, or asks before unsubscribing.
func TestViewShowsCountsAndErrors(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetSize(120, 12)
	m.SetFeeds(sample(), nil)
	view := ansi.Strip(m.View())
	for _, want := range []string{"Feeds", "3 feeds · 7 unread", "Harbour Post", "3/12", "2023-03-21 09:30", "Island Radio", "4/4", "503 Service Unavailable", "never"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	for i, r := range m.Rows() {
		if r.Feed.Title == "Island Radio" {
			m.Select(i)
		}
	}
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "last fetch failed: 503 Service Unavailable") {
		t.Errorf("bottom line %q", last)
	}
	if !m.Ask() || !m.Asking() {
		t.Fatal("d on a feed does not ask")
	}
	lines = strings.Split(ansi.Strip(m.View()), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "unsubscribe from Island Radio? its 4 articles stay · y: yes") {
		t.Errorf("question %q", last)
	}
	m.Select(0) // a group
	if m.Ask() {
		t.Error("d on a tag asks to unsubscribe")
	}
	// A reload keeps the selection on the same feed.
	m.Select(1)
	m.SetFeeds(sample(), nil)
	if r, _ := m.Selected(); r.Feed.Title != "Harbour Post" {
		t.Errorf("selection after reload: %+v", r)
	}
}

// Every size draws exactly height lines of exactly width columns.
func TestViewGeometry(t *testing.T) {
	m := New(keymap.New(), styles.New(true))
	m.SetFeeds(sample(), nil)
	m.Select(4)
	for _, ask := range []bool{false, true} {
		if ask {
			m.Ask()
		}
		for w := 1; w <= 200; w++ {
			for h := 1; h <= 20; h++ {
				m.SetSize(w, h)
				lines := strings.Split(m.View(), "\n")
				if len(lines) != h {
					t.Fatalf("%dx%d: %d lines", w, h, len(lines))
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw != w {
						t.Fatalf("%dx%d ask=%v: line %d is %d wide: %q", w, h, ask, i, lw, ansi.Strip(l))
					}
				}
			}
		}
	}
}

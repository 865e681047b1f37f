package list

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/styles"
)

func TestShortSource(t *testing.T) {
	for in, want := range map[string]string{
		"data/bbc/business/001.txt":   "business",
		`C:\news\sport\002.txt`:       "sport",
		"003.txt":                     "003.txt",
		"/004.txt":                    "004.txt",
		"https://www.example.org/a/b": "example.org",
		"":                            "",
		"feeds/tech/":                 "feeds",
	} {
		if got := ShortSource(in); got != want {
			t.Errorf("ShortSource(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	if got := Date(model.Summary{}); got != "" {
		t.Errorf("zero date drawn as %q", got)
	}
	if got := Date(model.Summary{Published: time.Date(2023, 3, 21, 23, 0, 0, 0, time.UTC)}); got != "2023-03-21" {
		t.Errorf("date drawn as %q", got)
	}
}

func items() []Item {
	return []Item{
		{Summary: model.Summary{ID: 1, Title: "春の祭りに十万人が集まった 市内の公園で開催された初めての催し", Published: time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), Source: "x/culture/1.txt"}},
		{Summary: model.Summary{ID: 2, Title: "👩‍👩‍👧 Family day 🎈🎈🎈 at the riverside park draws crowds", Source: "x/local/2.txt"}, Starred: true},
		{Summary: model.Summary{ID: 3, Title: "Short", Source: "x/tech/3.txt"}, Read: true},
	}
}

func TestRowsFitEveryWidth(t *testing.T) {
	for w := 1; w <= 80; w++ {
		m := New(keymap.New(), styles.NoColor())
		m.SetItems(items())
		m.SetSize(w, 5)
		m.SetFocused(true)
		lines := strings.Split(m.View(), "\n")
		if len(lines) != 5 {
			t.Fatalf("width %d: %d lines", w, len(lines))
		}
		for _, l := range lines {
			if lw := ansi.StringWidth(l); lw != w {
				t.Fatalf("width %d: line %d wide: %q", w, lw, ansi.Strip(l))
			}
		}
		if w >= 30 && w < 60 && !strings.Contains(ansi.Strip(lines[1]), "…") {
			t.Fatalf("width %d: long CJK title not cut with …: %q", w, ansi.Strip(lines[1]))
		}
	}
}

func TestSelectedRowVisibleWithoutColour(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetItems(items())
	m.SetSize(60, 5)
	m.SetFocused(true)
	m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	lines := strings.Split(m.View(), "\n")
	if !strings.HasPrefix(ansi.Strip(lines[2]), "▌•★ ") || !strings.Contains(lines[2], "\x1b[1;7m") {
		t.Fatalf("selected row not marked: %q", lines[2])
	}
	if strings.HasPrefix(ansi.Strip(lines[1]), "▌") {
		t.Fatal("unselected row marked")
	}
	if s, _ := m.Selected(); s.ID != 2 {
		t.Fatalf("selected %d", s.ID)
	}
}

// A list with no dates at all (a folder of undated articles) draws no empty
// date column: its titles get the room. One dated article brings it back.
func TestUndatedListGivesTitlesTheRoom(t *testing.T) {
	undated := []Item{
		{Summary: model.Summary{ID: 1, Title: "Ad sales boost Time Warner profit in the fourth quarter of the year", Source: "bbc/business/001.txt"}},
		{Summary: model.Summary{ID: 2, Title: "Dollar gains on Greenspan speech", Source: "bbc/business/002.txt"}},
	}
	m := New(keymap.New(), styles.NoColor())
	m.SetItems(undated)
	m.SetSize(80, 4)
	row := ansi.Strip(strings.Split(m.View(), "\n")[1])
	if !strings.Contains(row, "Ad sales boost Time Warner profit in the fourth quarter of") || !strings.Contains(row, "business") {
		t.Errorf("undated row: %q", row)
	}
	dated := append(undated, Item{Summary: model.Summary{ID: 3, Title: "Dated", Published: time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC)}})
	m.SetItems(dated)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "2023-03-21") {
		t.Errorf("with a dated article the date column should return:\n%s", v)
	}
	// Undated rows leave no blank date: their titles run on, and the
	// sources stay in one column.
	rows := strings.Split(v, "\n")[1:4]
	col := func(r string) int { return ansi.StringWidth(r[:strings.Index(r, "business")]) }
	if !strings.Contains(rows[0], "fourth quarter of") || col(rows[0]) != col(rows[1]) {
		t.Errorf("undated rows in a dated list:\n%s", strings.Join(rows, "\n"))
	}
}

// TestColumnsGiveTheTitleTheRoom is issue 13's item 6: the title takes what
// is left after the date and source, and those appear only once the title
// keeps titleRoom columns. At the 160-column layout (a list 60 wide) the
// seed's title reads through "Chinese leader".
func TestColumnsGiveTheTitleTheRoom(t *testing.T) {
	for _, tt := range []struct {
		w            int
		dated        bool
		title        int
		date, source bool
	}{
		{30, true, 24, false, false},
		{60, true, 54, false, false},
		{70, true, 53, true, false},
		{70, false, 53, false, true},
		{80, true, 52, true, true},
		{80, false, 63, false, true},
	} {
		title, date, source := Columns(tt.w, tt.dated)
		if title != tt.title || date != tt.date || source != tt.source {
			t.Errorf("Columns(%d, %v) = %d, %v, %v; want %d, %v, %v", tt.w, tt.dated, title, date, source, tt.title, tt.date, tt.source)
		}
	}
	seed := "Vladimir Putin welcomes ‘dear friend’ Chinese leader Xi Jinping to Moscow"
	m := New(keymap.New(), styles.NoColor())
	m.SetItems([]Item{{Summary: model.Summary{ID: 1, Title: seed, Published: time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), Source: "seeds/000.txt"}}})
	m.SetSize(60, 3)
	if row := ansi.Strip(strings.Split(m.View(), "\n")[1]); !strings.Contains(row, "Vladimir Putin welcomes ‘dear friend’ Chinese leader") {
		t.Errorf("row at 60 columns: %q", row)
	}
}

// The header counts unread articles over all; a starred unread row shows
// both its dot and its star.
func TestUnreadCountAndGlyphs(t *testing.T) {
	m := New(keymap.New(), styles.NoColor())
	m.SetItems(append(items(), Item{Summary: model.Summary{ID: 4, Title: "Read and starred"}, Read: true, Starred: true}))
	m.SetSize(60, 6)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if !strings.Contains(lines[0], "2/4 unread") {
		t.Errorf("header %q, want 2/4 unread", lines[0])
	}
	for i, want := range []string{"›•  ", " •★ ", "    ", "  ★ "} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("row %d: %q, want it to start %q", i, lines[i+1], want)
		}
	}
	m.SetSize(20, 6)
	if h := ansi.Strip(strings.Split(m.View(), "\n")[0]); !strings.Contains(h, "2/4") || strings.Contains(h, "unread") {
		t.Errorf("narrow header %q", h)
	}
}

package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/reader"
)

// status is the bottom line of the screen, without styling.
func status(m *Model) string {
	s := screen(m)
	return s[len(s)-1]
}

func typeText(t *testing.T, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		press(t, m, string(r))
	}
}

func TestNextMentionWrapsAround(t *testing.T) {
	a := ministerArticle()
	n := len(a.Entities[0].Mentions)
	m := newModel(t, openStore(t, []model.Article{a}), 120, 20, Options{})
	press(t, m, "n")
	if !strings.Contains(status(m), "pin an entity first") {
		t.Fatalf("n without pins: %q", status(m))
	}
	pinFirstPerson(t, m)
	if !strings.Contains(status(m), "10 mentions") {
		t.Fatalf("status after pinning: %q", status(m))
	}
	steps := []struct{ key, want string }{
		{"n", "mention 1/10"}, {"n", "mention 2/10"}, {"N", "mention 1/10"},
		{"N", "mention 10/10"}, {"n", "mention 1/10"},
	}
	for _, s := range steps {
		press(t, m, s.key)
		if !strings.Contains(status(m), s.want) {
			t.Fatalf("after %s: status %q, want %q", s.key, status(m), s.want)
		}
	}
	// The last mention is far down: N from the first scrolls to it.
	press(t, m, "N")
	if m.reader.Offset() == 0 {
		t.Error("N to the last mention did not scroll")
	}
	if n != 10 {
		t.Fatalf("fixture has %d mentions", n)
	}
}

func TestPinsPersistAcrossArticles(t *testing.T) {
	a, b := ministerArticle(), ministerArticle()
	b.Title, b.Published = "Vantongeren opens the new ferry terminal", day(1)
	b.Entities = nil
	mentionForms(&b, "Oriel Vantongeren", model.PER, "Vantongeren")
	m := newModel(t, openStore(t, []model.Article{a, b}), 160, 45, Options{})
	pinFirstPerson(t, m)
	press(t, m, "shift+tab") // the list
	press(t, m, "j")
	if !strings.Contains(m.ReaderArticle().Title, "ferry terminal") {
		t.Fatal("did not move to the second article")
	}
	if !strings.Contains(status(m), "mentions") || !contains(m, "Pinned") {
		t.Fatalf("pin lost on the next article: %q", status(m))
	}
}

func TestFollowEntityAndBack(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "e")
	press(t, m, "f") // the first entity of the first article: Ansel Brook
	if m.Focus() != FocusList || m.ListLen() != 1 || !strings.Contains(status(m), "entity: Ansel Brook") {
		t.Fatalf("f: focus %v, %d rows, status %q", m.Focus(), m.ListLen(), status(m))
	}
	press(t, m, "esc")
	if m.ListLen() != 6 || strings.Contains(status(m), "entity:") {
		t.Fatalf("esc: %d rows, status %q", m.ListLen(), status(m))
	}
}

func TestEntityViewTypeAndEnter(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "o")
	if !m.EntityViewOpen() || !contains(m, "All entities") {
		t.Fatal("o did not open the entity view")
	}
	typeText(t, m, "kaob") // fuzzy: Kenji Aoba
	if e, ok := m.entities.Selected(); !ok || e.Name != "Kenji Aoba" {
		t.Fatalf("typing selected %+v", e)
	}
	if !contains(m, "図書館") { // its article, in the details
		t.Error("the selected entity's articles are not shown")
	}
	press(t, m, "enter")
	if m.EntityViewOpen() || m.ListLen() != 1 || !strings.Contains(status(m), "entity: Kenji Aoba") {
		t.Fatalf("enter: open %v, %d rows, %q", m.EntityViewOpen(), m.ListLen(), status(m))
	}
	press(t, m, "o")
	press(t, m, "tab") // people only
	press(t, m, "tab") // organisations only
	for _, e := range m.entities.Items() {
		if e.Type != model.ORG {
			t.Fatalf("ORG filter lists %+v", e)
		}
	}
	press(t, m, "esc")
	if m.EntityViewOpen() {
		t.Fatal("esc did not close the entity view")
	}
}

func TestSearchListAndFindInReader(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "/")
	typeText(t, m, "saltholm")
	press(t, m, "enter")
	if m.ListLen() != 1 || !strings.Contains(status(m), `1 hit for "saltholm"`) {
		t.Fatalf("search: %d rows, status %q", m.ListLen(), status(m))
	}
	press(t, m, "esc")
	if m.ListLen() != 6 {
		t.Fatalf("esc left %d rows", m.ListLen())
	}
	press(t, m, "tab") // the reader
	press(t, m, "/")
	typeText(t, m, "nordvik")
	press(t, m, "enter")
	if !strings.Contains(status(m), "5 matches") {
		t.Fatalf("find: status %q", status(m))
	}
	press(t, m, "N")
	if !strings.Contains(status(m), "match 5/5") {
		t.Fatalf("N: status %q", status(m))
	}
	press(t, m, "esc")
	if strings.Contains(status(m), "match") {
		t.Fatalf("esc kept the find: %q", status(m))
	}
}

func TestReadAndStarPersist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), fixtures()); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, s, 160, 45, Options{})
	press(t, m, "s") // star the first article
	press(t, m, "j")
	press(t, m, "m") // mark the second read
	if !contains(m, "★  Harbour") {
		t.Fatal("starred row not marked")
	}
	press(t, m, "S")
	if m.ListLen() != 1 || !strings.Contains(status(m), "starred") {
		t.Fatalf("starred filter: %d rows, %q", m.ListLen(), status(m))
	}
	s.Close()

	s2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	m2 := newModel(t, s2, 160, 45, Options{})
	press(t, m2, "u")
	if m2.ListLen() != 5 {
		t.Fatalf("after reopening, unread filter lists %d, want 5", m2.ListLen())
	}
	press(t, m2, "u")
	press(t, m2, "S")
	if m2.ListLen() != 1 {
		t.Fatalf("after reopening, starred filter lists %d, want 1", m2.ListLen())
	}
}

func TestScrollingMarksRead(t *testing.T) {
	a := ministerArticle()
	m := newModel(t, openStore(t, []model.Article{a}), 120, 12, Options{})
	press(t, m, "enter")
	press(t, m, "j")
	if it, _ := m.list.Selected(); !it.Read {
		t.Fatal("scrolling the article did not mark it read")
	}
}

func TestShownArticleBecomesRead(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{ReadDelay: time.Millisecond})
	if it, _ := m.list.Selected(); !it.Read || contains(m, "▌• Harbour") {
		t.Fatal("the article on show was not marked read after the delay")
	}
	press(t, m, "m")
	if it, _ := m.list.Selected(); it.Read {
		t.Fatal("m did not mark it unread again")
	}
}

func TestConfigOverridesAKey(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "config.toml")
	os.WriteFile(good, []byte("# mine\n[keys]\nnext_mention = [\"ctrl+n\", \"W\"]\n"), 0o600)
	km, err := keymap.Load(good)
	if err != nil {
		t.Fatal(err)
	}
	a := ministerArticle()
	m := newModel(t, openStore(t, []model.Article{a}), 120, 20, Options{KeyMap: &km})
	pinFirstPerson(t, m)
	press(t, m, "W")
	if !strings.Contains(status(m), "mention 1/10") {
		t.Fatalf("W (configured next mention): %q", status(m))
	}
	press(t, m, "?")
	if !contains(m, "ctrl+n/W") || !contains(m, "next mention") {
		t.Fatal("help does not show the configured key")
	}

	if _, err := keymap.Load(filepath.Join(dir, "missing.toml")); err != nil {
		t.Fatalf("missing file: %v", err)
	}
	for name, body := range map[string]string{
		"unknown.toml": "[keys]\nquit = \"Q\"\nfly = \"x\"\n",
		"bad.toml":     "[keys]\nquit = \"Q\"\nnext_mention = [\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		_, err := keymap.Load(p)
		if err == nil || !strings.Contains(err.Error(), p+":3") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line naming %s:3", name, err, p)
		}
	}
}

// The list follows the search as it is typed; esc puts back the list from
// before the search line opened.
func TestSearchAsYouType(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "/")
	typeText(t, m, "salt")
	if m.ListLen() != 1 || !contains(m, "/search articles: salt") {
		t.Fatalf("while typing salt: %d rows, prompt %q", m.ListLen(), status(m))
	}
	press(t, m, "backspace")
	typeText(t, m, "zzz")
	if m.ListLen() != 0 || !contains(m, `no article matches "salzzz"`) {
		t.Fatalf("while typing salzzz: %d rows", m.ListLen())
	}
	press(t, m, "esc")
	if m.ListLen() != 6 || strings.Contains(status(m), "hit") {
		t.Fatalf("esc while typing left %d rows, status %q", m.ListLen(), status(m))
	}
}

// A search looks within the filters in force, and esc takes them off one at
// a time, the search first.
func TestSearchWithinFilter(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "/")
	typeText(t, m, "new*") // new and news; a word this short is whole unless starred
	press(t, m, "enter")
	if m.ListLen() != 2 {
		t.Fatalf(`search "new" lists %d, want 2`, m.ListLen())
	}
	press(t, m, "s") // star the best hit
	press(t, m, "S")
	if m.ListLen() != 1 || !strings.Contains(status(m), `1 hit for "new*" · starred`) {
		t.Fatalf("starred within the search: %d rows, status %q", m.ListLen(), status(m))
	}
	press(t, m, "esc")
	if m.ListLen() != 1 || !strings.Contains(status(m), "starred") || strings.Contains(status(m), "hit") {
		t.Fatalf("esc should drop the search and keep starred: %d rows, status %q", m.ListLen(), status(m))
	}
	press(t, m, "esc")
	if m.ListLen() != 6 {
		t.Fatalf("second esc left %d rows", m.ListLen())
	}
}

// The entity view says when it lists only the top of a longer list, so
// nobody takes 300 for the store's count.
func TestEntityViewSaysWhenCut(t *testing.T) {
	var words []string
	for i := range entityViewLimit + 5 {
		words = append(words, fmt.Sprintf("Zed%03d", i))
	}
	a := model.Article{Title: "Roll call", Published: day(1), Format: model.FormatText, Paragraphs: []string{strings.Join(words, " ")}}
	for _, w := range words {
		mention(&a, w, model.PER)
	}
	m := newModel(t, openStore(t, []model.Article{a}), 160, 45, Options{})
	press(t, m, "o")
	if !contains(m, fmt.Sprintf("top %d", entityViewLimit)) {
		t.Fatalf("the entity view does not say it is cut:\n%s", strings.Join(screen(m), "\n"))
	}
	typeText(t, m, "zed0")
	if contains(m, "top ") {
		t.Error("a filter that finds fewer still says top")
	}
}

// An article opened from a list search shows the search's words marked, as
// a find in the article does: n/N go between them, esc in the reader takes
// the marks off, and clearing the search takes them with it.
func TestSearchHitsMarkedInTheArticle(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "/")
	typeText(t, m, `ferry "nordvik"`)
	press(t, m, "enter")
	if m.ListLen() == 0 {
		t.Fatal("the search found nothing")
	}
	if got := m.reader.Find(); got != "ferry\nnordvik" {
		t.Fatalf("the opened article marks %q; want the search's terms", got)
	}
	if !strings.Contains(status(m), "match") && !strings.Contains(status(m), "matches") {
		t.Errorf("status %q does not count the marked hits", status(m))
	}
	press(t, m, "esc") // the list has focus: the search goes, and its marks
	if m.reader.Find() != "" {
		t.Errorf("clearing the search left the marks %q", m.reader.Find())
	}

	press(t, m, "/")
	typeText(t, m, "nordvik")
	press(t, m, "enter")
	press(t, m, "tab") // the reader
	press(t, m, "esc")
	if m.reader.Find() != "" || m.filter.search != "nordvik" {
		t.Errorf("esc in the reader: marks %q, search %q; want the marks gone and the search kept", m.reader.Find(), m.filter.search)
	}
}

func TestSearchTerms(t *testing.T) {
	for q, want := range map[string]string{
		`ferry`:                   "ferry",
		`ferry nord*`:             "ferry\nnord",
		`"new  ferry" OR harbour`: "new ferry\nharbour",
		`a NOT b council`:         "council",
		`"unclosed phrase`:        "unclosed phrase",
	} {
		if got := reader.SearchTerms(q); got != want {
			t.Errorf("SearchTerms(%q) = %q, want %q", q, got, want)
		}
	}
}

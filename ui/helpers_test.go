package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// The articles below are written for these tests; every name in them is
// invented.

func day(d int) time.Time { return time.Date(2023, 3, d, 9, 0, 0, 0, time.UTC) }

// mention builds an entity whose mentions are every occurrence of name in
// the article's title and paragraphs, with byte offsets as the store wants.
func mention(a *model.Article, name string, t model.EntityType) {
	e := model.Entity{Name: name, Type: t}
	if i := strings.Index(a.Title, name); i >= 0 {
		e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldTitle, Start: i, End: i + len(name), Text: name})
	}
	for p, text := range a.Paragraphs {
		off := 0
		for {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Paragraph: p, Start: s, End: s + len(name), Text: name})
			off = s + len(name)
		}
	}
	a.Entities = append(a.Entities, e)
}

// fixtures are six fictional articles, newest first once stored: a plain
// news story with Markdown-looking text, CJK and emoji titles, one with no
// entities, a Markdown one and a hostile one.
func fixtures() []model.Article {
	ferry := model.Article{
		Title:     "Harbour council approves ferry line to Nordvik",
		Published: day(21),
		Credit:    "By Mira Castell",
		Caption:   "The old pier at Nordvik, where the new ferry will dock.",
		Source:    "testdata/business/001.txt",
		Format:    model.FormatText,
		Paragraphs: []string{
			"The Nordvik Harbour Council voted 7-2 on Tuesday to open a ferry line between Nordvik and the island of Saltholm, ending a decade of debate.",
			"Councillor Ansel Brook said the line would *finally* connect the island's 4,000 residents to the mainland. # Not a heading, and 1. not a list either; snake_case_names and <html> stay as typed.",
			"Mira Castell of the Nordvik Ferry Trust said tickets would cost 12 crowns. Ansel Brook said the first boat sails in May.",
			"The Saltholm fishing co-operative welcomed the news but asked for a winter timetable.",
		},
	}
	mention(&ferry, "Nordvik Harbour Council", model.ORG)
	mention(&ferry, "Nordvik Ferry Trust", model.ORG)
	mention(&ferry, "Ansel Brook", model.PER)
	mention(&ferry, "Mira Castell", model.PER)
	mention(&ferry, "Saltholm", model.LOC)

	library := model.Article{
		Title:      "東京の新しい図書館が開館、市民が長い列を作る — opening day draws long queues",
		Published:  day(20),
		Source:     "testdata/culture/002.txt",
		Format:     model.FormatText,
		Paragraphs: []string{"The new library in Minato-ku opened its doors to readers on Monday.", "Librarian Kenji Aoba said 3,000 cards were issued before noon."},
	}
	mention(&library, "Kenji Aoba", model.PER)
	mention(&library, "Minato-ku", model.LOC)

	rocket := model.Article{
		Title:      "🚀 Model rocket club celebrates its 100th launch 🎉🎉",
		Published:  day(19),
		Source:     "testdata/sport/003.txt",
		Format:     model.FormatText,
		Paragraphs: []string{"The Fenwick Rocketry Society launched its hundredth model on Saturday."},
	}
	mention(&rocket, "Fenwick Rocketry Society", model.ORG)

	quiet := model.Article{
		Title:      "A quiet week at the weather station",
		Source:     "testdata/tech/004.txt",
		Format:     model.FormatText,
		Paragraphs: []string{"Nothing much happened, and the instruments recorded it carefully."},
	}

	md := model.Article{
		Title:      "Markdown notes from the press room",
		Published:  day(17),
		Source:     "https://www.example.org/notes",
		Format:     model.FormatMarkdown,
		Paragraphs: []string{"This one is **Markdown**: it keeps its *emphasis*.", "- first point\n- second point"},
	}

	hostile := model.Article{
		Title:      "Evil\x1b]0;pwned\x07 headline\x1b[2J here",
		Published:  day(16),
		Credit:     "By \x1b[31mNobody\x1b[0m",
		Source:     "testdata/politics/\x1b[5m006.txt",
		Format:     model.FormatText,
		Paragraphs: []string{"Body with \x1b[1;31mred\x1b[0m text and \x1b]52;c;aGVsbG8=\x07 clipboard and \x1b[10;10H a cursor move."},
	}
	return []model.Article{ferry, library, rocket, quiet, md, hostile}
}

// openStore makes a real store in a temp dir holding arts.
func openStore(tb testing.TB, arts []model.Article) *store.Store {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "byline.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if len(arts) > 0 {
		if _, err := s.Import(context.Background(), arts); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// run executes cmd and every Cmd it leads to, feeding each message to m, the
// way Bubble Tea would but synchronously, so tests see the settled screen.
// The background-colour request and quit are answered by no one here.
func run(tb testing.TB, m *Model, cmd tea.Cmd) (quit bool) {
	tb.Helper()
	return runEach(tb, m, cmd, nil)
}

// runEach is run with a look at the model after each message it handles:
// each may check the screen mid-way, press keys, and return a Cmd to queue.
func runEach(tb testing.TB, m *Model, cmd tea.Cmd, each func(msg tea.Msg) tea.Cmd) (quit bool) {
	tb.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			tb.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quit = true
		default:
			if fmt.Sprintf("%T", msg) == "tea.backgroundColorMsg" {
				continue
			}
			queue = append(queue, m.Update(msg))
			if each != nil {
				queue = append(queue, each(msg))
			}
		}
	}
	return quit
}

// newModel returns a settled model of size w×h on lib.
func newModel(tb testing.TB, lib Library, w, h int, opts Options) *Model {
	tb.Helper()
	if opts.ReadDelay == 0 {
		opts.ReadDelay = -1 // run() would wait out the timer; tests that want it set it
	}
	m := New(lib, opts)
	m.summaryLinger = -1 // run() would wait out the timer
	tb.Cleanup(m.StopRefresh)
	run(tb, m, m.Init())
	run(tb, m, m.Update(tea.WindowSizeMsg{Width: w, Height: h}))
	return m
}

// press sends one key, by its name as Bubble Tea spells it, and settles.
func press(tb testing.TB, m *Model, k string) (quit bool) {
	tb.Helper()
	return run(tb, m, m.Update(keyMsg(k)))
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "ctrl+c", "ctrl+d", "ctrl+u":
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the current frame without escape sequences, as lines.
func screen(m *Model) []string {
	return strings.Split(stripANSI(m.View().Content), "\n")
}

package ui

import (
	"image/color"
	"sort"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/styles"
)

// mentionForms adds an entity whose mentions are every occurrence of any
// of forms (the longest form wins where two overlap) in the title, caption
// and body.
func mentionForms(a *model.Article, name string, t model.EntityType, forms ...string) {
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	e := model.Entity{Name: name, Type: t}
	find := func(f model.Field, p int, text string) {
		taken := make([]bool, len(text))
		var ms []model.Mention
		for _, form := range forms {
			for off := 0; ; {
				i := strings.Index(text[off:], form)
				if i < 0 {
					break
				}
				s := off + i
				off = s + len(form)
				if taken[s] || taken[s+len(form)-1] {
					continue
				}
				for k := s; k < s+len(form); k++ {
					taken[k] = true
				}
				ms = append(ms, model.Mention{Field: f, Paragraph: p, Start: s, End: s + len(form), Text: form})
			}
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		e.Mentions = append(e.Mentions, ms...)
	}
	find(model.FieldTitle, 0, a.Title)
	find(model.FieldCaption, 0, a.Caption)
	for p, text := range a.Paragraphs {
		find(model.FieldBody, p, text)
	}
	a.Entities = append(a.Entities, e)
}

// ministerArticle is a news story written for this test: one person named
// ten times in several forms, some next to CJK text and emoji, one long
// name placed to wrap at narrow widths, and two other entities.
func ministerArticle() model.Article {
	a := model.Article{
		Title:     "Minister Oriel Vantongeren defends the harbour tunnel budget",
		Published: day(22),
		Credit:    "By Petra Lind",
		Caption:   "Oriel Vantongeren at the Saltmarsh quay on Monday.",
		Source:    "testdata/politics/010.txt",
		Format:    model.FormatText,
		Paragraphs: []string{
			"Transport minister Oriel Vantongeren told the Saltmarsh Assembly on Monday that the tunnel would open in 2027, two years later than planned, and that its cost had risen by a fifth.",
			"\"We will not cut corners,\" Vantongeren said. Critics in the assembly accused Ms Vantongeren of hiding the overrun until after the spring vote.",
			"Delegates from 長崎 greeted Vantongeren🚢 with banners; 東京のVantongeren支持者 cheered 🎉 from the gallery.",
			"The Saltmarsh Assembly will vote on the revised budget next week. Oriel Vantongeren is expected to speak again, and aides to Vantongeren say she will bring new figures.",
			"Asked whether she would resign, the minister, Oriel Vantongeren, said only: \"Not today.\"",
		},
	}
	mentionForms(&a, "Oriel Vantongeren", model.PER, "Oriel Vantongeren", "Ms Vantongeren", "Vantongeren")
	mentionForms(&a, "Saltmarsh Assembly", model.ORG, "Saltmarsh Assembly")
	mentionForms(&a, "Saltmarsh", model.LOC, "Saltmarsh quay")
	return a
}

// wantMentions is what the pinned person's highlight must spell, in order.
func wantMentions(a model.Article) []string {
	var out []string
	for _, mn := range a.Entities[0].Mentions {
		out = append(out, mn.Text)
	}
	return out
}

// paintedRuns reads frame as a terminal would and returns the runs of cells
// inside rect r whose background is c, joining a run that ends a line with
// one that starts the next (a wrapped mention) with a space. It also
// returns every other cell in r with a background, which must be none.
func paintedRuns(frame string, r Rect, c color.Color) (runs []string, stray []string) {
	same := func(a color.Color) bool {
		if a == nil {
			return false
		}
		ar, ag, ab, _ := a.RGBA()
		cr, cg, cb, _ := c.RGBA()
		return ar == cr && ag == cg && ab == cb
	}
	endedLine := false // the last run painted reached the end of its line
	for y, line := range uv.NewStyledString(frame).Lines(ansi.GraphemeWidth) {
		if y <= r.Y || y >= r.Y+r.H { // the header row is the pane's, not the article's
			continue
		}
		var cells []uv.Cell
		x := 0
		for _, cell := range line {
			if cell.Width == 0 && cell.Content == "" {
				continue
			}
			if x >= r.X && x < r.X+r.W {
				cells = append(cells, cell)
			}
			x += max(1, cell.Width)
		}
		first, last := -1, -1
		for i, cell := range cells {
			if strings.TrimSpace(cell.Content) != "" {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		in, reached := false, false
		for i, cell := range cells {
			if !same(cell.Style.Bg) {
				if cell.Style.Bg != nil {
					stray = append(stray, cell.Content)
				}
				in = false
				continue
			}
			switch {
			case in:
				runs[len(runs)-1] += cell.Content
			case i == first && endedLine && len(runs) > 0:
				runs[len(runs)-1] += " " + cell.Content
			default:
				runs = append(runs, cell.Content)
			}
			in = true
			reached = i == last
		}
		endedLine = reached
	}
	return runs, stray
}

// pinFirstPerson moves to the entity pane, selects the first person (the
// sidebar lists people first) and pins it, then returns to the reader.
func pinFirstPerson(t *testing.T, m *Model) {
	t.Helper()
	press(t, m, "e") // to the entities, at every width
	if e, ok := m.sidebar.Selected(); !ok || e.Type != model.PER {
		t.Fatalf("sidebar selects %+v, want a person", e)
	}
	press(t, m, "enter")
	press(t, m, "e") // back to the reader
	if m.Focus() != FocusReader {
		t.Fatalf("focus %v after e, want the reader", m.Focus())
	}
}

func TestPinHighlightsExactlyTheMentions(t *testing.T) {
	a := ministerArticle()
	want := wantMentions(a)
	if len(want) < 10 {
		t.Fatalf("fixture names the minister %d times, want about 10", len(want))
	}
	pin := styles.New(true).Mark.Pins[0]
	for _, w := range []int{40, 80, 120} {
		m := newModel(t, openStore(t, []model.Article{a}), w, 120, Options{})
		pinFirstPerson(t, m)
		if got := m.Pins(); len(got) != 1 || got[0].Name != "Oriel Vantongeren" {
			t.Fatalf("%d: pins %+v", w, got)
		}
		runs, stray := paintedRuns(m.View().Content, m.lay.Reader, pin)
		if strings.Join(runs, "|") != strings.Join(want, "|") {
			t.Errorf("width %d: painted\n%q\nwant\n%q", w, runs, want)
		}
		if len(stray) > 0 {
			t.Errorf("width %d: other cells with a background: %q", w, stray)
		}
		// Unpinning takes every highlight away.
		press(t, m, "e")
		press(t, m, "space")
		if runs, _ := paintedRuns(m.View().Content, m.lay.Reader, pin); len(runs) != 0 || len(m.Pins()) != 0 {
			t.Errorf("width %d: still painted after unpinning: %q", w, runs)
		}
	}
}

// One pane at a time: n from the entities pane shows the reader, at the
// mention, rather than moving it out of sight.
func TestNextMentionShowsReaderOnNarrowTerminal(t *testing.T) {
	m := newModel(t, openStore(t, []model.Article{ministerArticle()}), 70, 20, Options{})
	press(t, m, "e")
	if m.Focus() != FocusSidebar {
		t.Fatalf("focus %v after e, want the entities", m.Focus())
	}
	press(t, m, "enter")
	press(t, m, "n")
	if m.Focus() != FocusReader || !strings.Contains(status(m), "mention 1/10") {
		t.Fatalf("after n: focus %v, status %q", m.Focus(), status(m))
	}
	if !strings.Contains(stripANSI(m.View().Content), "Article") {
		t.Fatal("the reader is not on screen")
	}
}

// TestPinsFromAnotherArticleStayReachable is issue 13's item 1: three pins
// in one article and three in another fill the six colours. The seventh
// says how to free one; the legend rows can be selected and unpinned; the
// pins the open article does not name are dimmed and say so; P clears all.
func TestPinsFromAnotherArticleStayReachable(t *testing.T) {
	ferry := fixtures()[0] // five entities
	m := newModel(t, openStore(t, []model.Article{ministerArticle(), ferry}), 160, 45, Options{})
	pinThree := func() {
		t.Helper()
		press(t, m, "e")
		for i := range 3 {
			if i > 0 {
				press(t, m, "j")
			}
			press(t, m, "enter")
		}
		press(t, m, "shift+tab") // the reader
		press(t, m, "shift+tab") // the list
	}
	pinThree()
	press(t, m, "j") // the ferry article
	pinThree()
	if len(m.Pins()) != 6 {
		t.Fatalf("pins %+v, want six", m.Pins())
	}
	press(t, m, "e")
	press(t, m, "G") // an entity not pinned yet
	press(t, m, "enter")
	if len(m.Pins()) != 6 || !strings.Contains(status(m), "P unpins all") {
		t.Fatalf("the seventh pin: %d pins, status %q", len(m.Pins()), status(m))
	}

	// The minister's three pins are not in the ferry article: they come
	// last in the legend, dimmed, under "not in this article".
	lines := screen(m)
	legend := ""
	for _, l := range lines[1:12] {
		legend += strings.TrimSpace(l[strings.LastIndex(l, "│")+len("│"):]) + "\n"
	}
	want := "Pinned\n4 Ansel Brook\n5 Mira Castell\n6 Nordvik Ferry Trust\nnot in this article\n1 Oriel Vantongeren\n2 Saltmarsh Assembly\n3 Saltmarsh\nPeople\n"
	if !strings.HasPrefix(legend, want) {
		t.Fatalf("legend:\n%s\nwant\n%s", legend, want)
	}
	if frame := m.View().Content; !strings.Contains(frame, m.st.Pane.Muted.Render("Oriel Vantongeren")) {
		t.Error("the absent pin is not drawn in the muted style")
	}

	// The legend is reachable from the entities: up to the first pin, unpin.
	press(t, m, "g")
	for range 10 {
		press(t, m, "k")
	}
	if !m.sidebar.OnLegend() {
		t.Fatal("k from the top entity does not reach the legend")
	}
	e, _ := m.sidebar.Selected()
	press(t, m, "enter")
	if len(m.Pins()) != 5 || e.Name != "Ansel Brook" {
		t.Fatalf("enter on the legend's first row (%s): pins %+v", e.Name, m.Pins())
	}
	if !m.sidebar.OnLegend() {
		t.Fatal("after unpinning, the selection left the legend")
	}
	// Room for a new pin now, in the colour just freed.
	press(t, m, "G")
	press(t, m, "enter")
	if p := m.Pins(); len(p) != 6 || p[5].Slot != 3 || p[5].Name != "Saltholm" {
		t.Fatalf("pin after freeing a colour: %+v", p)
	}
	press(t, m, "P")
	if len(m.Pins()) != 0 || contains(m, "Pinned") {
		t.Fatalf("P left pins %+v", m.Pins())
	}
	press(t, m, "P")
	if !strings.Contains(status(m), "nothing is pinned") {
		t.Fatalf("P with no pins: status %q", status(m))
	}
}

// A pin stays in the legend, and can be unpinned, while the open article
// has no entities at all.
func TestLegendReachableInArticleWithoutEntities(t *testing.T) {
	quiet := fixtures()[3]
	m := newModel(t, openStore(t, []model.Article{ministerArticle(), quiet}), 160, 45, Options{})
	press(t, m, "e")
	press(t, m, "enter")
	press(t, m, "shift+tab")
	press(t, m, "shift+tab")
	press(t, m, "j")
	if !contains(m, "no entities found") || !contains(m, "not in this article") || !contains(m, "1 Oriel Vantongeren") {
		t.Fatalf("legend missing in an article without entities:\n%s", strings.Join(screen(m), "\n"))
	}
	press(t, m, "e")
	press(t, m, "enter")
	if len(m.Pins()) != 0 {
		t.Fatalf("enter on the legend did not unpin: %+v", m.Pins())
	}
}

package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/bylinehq/byline/model"
)

// TestView pins what the screen looks like at two common sizes, with the
// colour profile fixed so the files do not depend on the terminal running
// the tests. Regenerate with: go test ./ui -run TestView -update
func TestView(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			m := newModel(t, openStore(t, fixtures()), size.w, size.h,
				Options{Hint: "demo articles — import your own: byline import PATH"})
			var buf bytes.Buffer
			w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
			if _, err := w.WriteString(m.View().Content); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, buf.Bytes())
		})
	}
}

// sgr matches the styling sequences byline itself draws.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// TestHostileArticleDrawsNoEscapes: an article full of escape sequences
// (retitle, clipboard, clear screen, cursor moves) reaches the screen with
// only byline's own colour sequences.
func TestHostileArticleDrawsNoEscapes(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "G")
	press(t, m, "k") // the hostile article is the second oldest
	if a := m.ReaderArticle(); a == nil || !strings.Contains(a.Title, "Evil") {
		t.Fatalf("reader shows %v, want the hostile article", a)
	}
	out := m.View().Content
	if !strings.Contains(ansi.Strip(out), "clipboard") {
		t.Fatal("hostile body not drawn")
	}
	rest := sgr.ReplaceAllString(out, "")
	if i := strings.IndexAny(rest, "\x1b\x07\x9b\x9d"); i >= 0 {
		t.Fatalf("content escape reached the screen: %q", rest[max(0, i-20):min(len(rest), i+20)])
	}
}

func TestUnicodeTitlesCut(t *testing.T) {
	for _, w := range []int{40, 80, 100, 160} {
		m := newModel(t, openStore(t, fixtures()), w, 20, Options{})
		lines := screen(m)
		var cjk, emoji string
		for _, l := range lines {
			if strings.Contains(l, "東京") {
				cjk = l
			}
			if strings.Contains(l, "🚀") {
				emoji = l
			}
		}
		if !strings.Contains(cjk, "…") || w < 160 && !strings.Contains(emoji, "…") {
			t.Errorf("%d columns: long titles not cut with …:\n%s\n%s", w, cjk, emoji)
		}
		if w == 160 && !strings.Contains(emoji, "100th launch 🎉🎉") {
			t.Errorf("160 columns: a title that fits is cut: %s", emoji)
		}
		for _, l := range lines {
			if lw := ansi.StringWidth(l); lw != w {
				t.Errorf("%d columns: line is %d wide: %q", w, lw, l)
			}
		}
	}
}

func TestArticleWithoutEntities(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "G")
	if !contains(m, "no entities found") || !contains(m, "instruments recorded") {
		t.Fatalf("article without entities:\n%s", strings.Join(screen(m), "\n"))
	}
}

func TestBackgroundColourSwitchesTheme(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 120, 30, Options{})
	dark := m.View().Content
	run(t, m, m.Update(tea.BackgroundColorMsg{Color: color.White}))
	light := m.View().Content
	if dark == light {
		t.Fatal("a light background did not change the colours")
	}
	if ansi.Strip(dark) != ansi.Strip(light) {
		t.Fatal("the theme changed the text, not only the colours")
	}
}

func TestNoColor(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 120, 30, Options{NoColor: true})
	out := m.View().Content
	// Colour sequences name 38 (foreground) or 48 (background).
	for _, s := range sgr.FindAllString(out, -1) {
		if strings.Contains(s, "38") || strings.Contains(s, "48") {
			t.Fatalf("NO_COLOR output holds colour %q", s)
		}
	}
	if !strings.Contains(out, "\x1b[1;7m") {
		t.Error("selected row not in reverse video without colour")
	}
	if !contains(m, "▌•   Harbour") || !contains(m, "▸ Articles") {
		t.Error("selection or focus marker missing without colour")
	}
}

func TestTooSmall(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 39, 30, Options{})
	if got := screen(m); len(got) != 1 || !strings.HasPrefix(got[0], "terminal too small") {
		t.Fatalf("39 columns: %q", got)
	}
}

// TestViewPinned pins two entities of the minister story (two colours, one
// mention current after n) and pins the screen at two sizes. Regenerate
// with: go test ./ui -run TestViewPinned -update
func TestViewPinned(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			m := newModel(t, openStore(t, append([]model.Article{ministerArticle()}, fixtures()...)), size.w, size.h, Options{})
			press(t, m, "e")
			press(t, m, "enter") // the minister
			press(t, m, "j")
			press(t, m, "space") // the assembly
			press(t, m, "e")
			press(t, m, "n")
			if len(m.Pins()) != 2 || !strings.Contains(status(m), "mention 1/12") {
				t.Fatalf("pins %+v, status %q", m.Pins(), status(m))
			}
			var buf bytes.Buffer
			w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
			if _, err := w.WriteString(m.View().Content); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, buf.Bytes())
		})
	}
}

// TestPinWithoutEntities: in an article with no entities, pin and n do
// nothing and say why.
func TestPinWithoutEntities(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "G")
	press(t, m, "e")
	press(t, m, "enter")
	press(t, m, "n")
	if len(m.Pins()) != 0 || !strings.Contains(status(m), "pin an entity first") {
		t.Fatalf("pins %+v, status %q", m.Pins(), status(m))
	}
}

// TestNoColorPinIsReverse: without colour a pinned mention is drawn in
// reverse video, and still nothing in colour.
func TestNoColorPinIsReverse(t *testing.T) {
	m := newModel(t, openStore(t, []model.Article{ministerArticle()}), 120, 40, Options{NoColor: true})
	pinFirstPerson(t, m)
	out := m.View().Content
	for _, s := range sgr.FindAllString(out, -1) {
		if strings.Contains(s, "38") || strings.Contains(s, "48") {
			t.Fatalf("NO_COLOR output holds colour %q", s)
		}
	}
	if !strings.Contains(out, "\x1b[7mOriel Vantongeren\x1b[27m") {
		t.Errorf("pinned mention not in reverse video: %q", out)
	}
}

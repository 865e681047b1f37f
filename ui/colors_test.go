package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/styles"
)

// [colors] in config.toml sets the panes', the selection's, each entity
// type's and the pins' colours; a mistake names the file and the line.
func TestLoadColors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.toml")
	body := "theme = \"light\"\n[colors]\naccent = \"#112233\"\nselection = \"208\"\nwork = \"#0f0\"\npins = [\"#AA0000\", \"#00AA00\"]\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadColors(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Accent != lipgloss.Color("#112233") || c.Selection != lipgloss.Color("208") ||
		c.Types[typeIndexOf(model.WORK)] != lipgloss.Color("#0f0") || c.Pins[1] != lipgloss.Color("#00AA00") || c.Pins[2] != nil {
		t.Errorf("colours %+v", c)
	}

	for bad, want := range map[string]string{
		"[colors]\nfoo = \"#000000\"\n":                                  `:2: unknown colour "foo"`,
		"# x\n[colors]\naccent = \"purple\"\n":                           `:3: colors.accent: want a colour in quotes`,
		"[colors]\naccent = \"#123\"\nPER = 300\n":                       `:3: colors.PER: want a colour`,
		"[colors]\npins = [\"#000000\", \"nope\"]\n":                     `:2: colors.pins: pin colour 2 is not a colour`,
		"[colors]\npins = [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]\n": `:2: colors.pins: want a list of 1 to 6 colours`,
	} {
		if err := os.WriteFile(p, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadColors(p); err == nil || !strings.Contains(err.Error(), p+want) {
			t.Errorf("%q: %v; want %s", bad, err, want)
		}
	}
}

// The user's colours reach the screen: the selected row takes the
// selection colour, and theme = "light" holds whatever the terminal says.
func TestOwnColoursAndFixedTheme(t *testing.T) {
	c := styleColors(t)
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{Theme: "light", Colors: c})
	if m.isDark {
		t.Fatal("theme light drew dark")
	}
	if bg := m.styles().List.Selected.GetBackground(); bg != lipgloss.Color("#123456") {
		t.Errorf("selected row background %v, want the configured #123456", bg)
	}
	run(t, m, m.Update(darkBackground()))
	if m.isDark {
		t.Error("the terminal's dark background overrode theme = \"light\"")
	}
}

func styleColors(t *testing.T) styles.Colors {
	t.Helper()
	return styles.Colors{Selection: lipgloss.Color("#123456")}
}

func darkBackground() tea.Msg { return tea.BackgroundColorMsg{Color: color.Black} }

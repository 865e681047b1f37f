package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/ui/keymap"
)

// quit = "x" in config.toml once took ctrl+c away too, leaving a reader no
// key could close. ctrl+c quits in every mode; the configured key does what
// q does: it quits from the list and help, and goes back to the list from the
// reader and the sidebar (as newsboat's q does).
func TestCtrlCQuitsWhateverTheConfig(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("[keys]\nquit = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	km, err := keymap.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		name  string
		enter []string
	}{
		{"list", nil},
		{"reader", []string{"enter"}},
		{"sidebar", []string{"tab", "tab"}},
		{"help", []string{"?"}},
		{"search line", []string{"/", "s"}},
		{"entity view", []string{"o"}},
	} {
		for _, k := range []string{"ctrl+c", "x"} {
			if k == "x" && (mode.name == "search line" || mode.name == "entity view") {
				continue // x is typed there, as q is
			}
			m := newModel(t, openStore(t, fixtures()), 160, 45, Options{KeyMap: &km})
			for _, e := range mode.enter {
				if press(t, m, e) {
					t.Fatalf("%s: %s quit", mode.name, e)
				}
			}
			back := k == "x" && (mode.name == "reader" || mode.name == "sidebar")
			if quit := press(t, m, k); quit == back {
				t.Errorf("%s: %s quit=%v, want quit=%v", mode.name, k, quit, !back)
			}
			if back && m.focus != FocusList {
				t.Errorf("%s: x did not go back to the list", mode.name)
			}
		}
	}
	// The km a test builds by hand, without Load, cannot lose ctrl+c either.
	km = keymap.New()
	km.Global.Quit.SetKeys("x")
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{KeyMap: &km})
	if !press(t, m, "ctrl+c") {
		t.Error("ctrl+c did not quit with quit bound to x alone")
	}
}

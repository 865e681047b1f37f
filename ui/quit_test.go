package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/ui/keymap"
)

// quit = "x" in config.toml once took ctrl+c away too, leaving a reader no
// key could close. ctrl+c quits in every mode, and so does the configured
// key where q did.
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
			if !press(t, m, k) {
				t.Errorf("%s: %s did not quit", mode.name, k)
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

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// withConfig points byline at a config.toml holding body, as
// $XDG_CONFIG_HOME/byline/config.toml, and returns its path.
func withConfig(t *testing.T, body string) string {
	t.Helper()
	home := t.TempDir()
	p := filepath.Join(home, "byline", "config.toml")
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", home)
	xdg.Reload()
	t.Cleanup(xdg.Reload) // after t.Setenv has put the variable back
	return p
}

// A bad key config stops the reader at start, before it opens the store,
// with one line naming the file, the line and the mistake. Before, a key
// name byline does not know and a key bound to two actions were accepted,
// and the reader opened with keys that did nothing.
func TestReaderRefusesABadKeyConfig(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"unknown key name", "# my keys\n[keys]\nquit = \"nonexistent-key-name\"\n",
			`:3: quit: unknown key name "nonexistent-key-name"`},
		{"clash in a pane", "[keys]\nhelp = \"h\"\n\ntint = \"h\"\n",
			`:4: tint: key "h" is already help's`},
		{"ctrl+c taken", "[keys]\nrefresh = \"ctrl+c\"\n", `:2: refresh: key "ctrl+c" is already quit's (ctrl+c always quits)`},
		{"nested table", "[keys]\nquit = \"Q\"\n\n[keys.reader]\nup = \"w\"\n", `:4: unknown action "reader"`},
		{"escape in a name", "[keys]\n\"qu\\u0069t\" = \"Q\"\n\"fl\\u0079\" = \"x\"\n", `:3: unknown action "fly"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := withConfig(t, tc.body)
			db := filepath.Join(t.TempDir(), "b.db")
			t.Setenv("NO_COLOR", "1")
			// A reader that starts anyway is stopped, and fails the test.
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var out, errb strings.Builder
			code := run(ctx, []string{"--db", db}, &out, &errb)
			msg := errb.String()
			if code != 1 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, cfg+tc.want) {
				t.Errorf("exit %d, stderr %q\nwant exit 1 and one line with %q", code, msg, cfg+tc.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("the store was created before the config was read")
			}
		})
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/ui/keymap"
)

// The config file holds key bindings under [keys] and settings at the top;
// each reader takes its part and both accept the whole file.
func TestConfigBrowserSetting(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	body := "# mine\nbrowser = \"firefox --new-tab %u\"\n\n[keys]\nquit = \"Q\"\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := readSettings(p)
	if err != nil || s.Browser != "firefox --new-tab %u" {
		t.Errorf("settings %+v, %v", s, err)
	}
	if _, err := keymap.Load(p); err != nil {
		t.Errorf("the key loader refuses a file with a browser entry: %v", err)
	}
	if s, err := readSettings(filepath.Join(t.TempDir(), "none.toml")); err != nil || s != (settings{}) {
		t.Errorf("no file: %+v, %v", s, err)
	}
}

func TestConfigSettingMistakes(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"\nbrowzer = \"x %u\"\n", `:2: unknown setting "browzer"`},
		{"browser = 3\n", `:1: browser: want a command in quotes`},
		{"browser = [\"a\"]\n[keys]\nquit = \"Q\"\n", `:1: browser: want a command`},
		{"refresh = \"30\"\n", `:1: refresh: "30" is not a span of time`},
		{"\n\nrefresh = \"10s\"\n", `:3: refresh: 10s is too short: at least 1m`},
		{"retention = 180\n", `:1: retention: want a span in quotes, such as "180d"`},
		{"retention = \"12h\"\n", `:1: retention: 12h is too short: at least 1d`},
		{"retention = \"xd\"\n", `:1: retention: "xd" is not a span of time`},
		{"theme = \"blue\"\n", `:1: theme: want "auto", "dark" or "light"`},
	} {
		p := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(p, []byte(tc.body), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := readSettings(p)
		if err == nil || !strings.HasPrefix(err.Error(), p+tc.want[:3]) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %s", tc.body, err, tc.want)
		}
	}
}

// A mistaken setting stops the reader before it opens the store, as a bad
// key binding does.
func TestReaderRefusesAnUnknownSetting(t *testing.T) {
	cfg := withConfig(t, "browzer = \"firefox %u\"\n[keys]\nquit = \"Q\"\n")
	db := filepath.Join(t.TempDir(), "b.db")
	_, errs, code := byline(t, db)
	if code != 1 || errs != "byline: "+cfg+":1: unknown setting \"browzer\" (only browser, refresh, retention, theme, and the [keys], [reader] and [colors] tables)\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the store was created before the config was read")
	}
}

// refresh and retention take Go's units and whole days or weeks; "0" is off.
func TestConfigRefreshAndRetention(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("refresh = \"30m\"\nretention = \"180d\"\n[reader]\nwidth = 72\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := readSettings(p)
	if err != nil || s.Refresh != 30*time.Minute || s.Retention != 180*24*time.Hour {
		t.Fatalf("settings %+v, %v; want refresh 30m and retention 180 days", s, err)
	}
	for in, want := range map[string]time.Duration{"2w": 14 * 24 * time.Hour, "1h30m": 90 * time.Minute, "0": 0, "0d": 0} {
		if got, err := parseAge(in); err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

// A bad [colors] entry stops the reader before it opens the store.
func TestReaderRefusesABadColour(t *testing.T) {
	cfg := withConfig(t, "theme = \"dark\"\n[colors]\naccent = \"mauve\"\n")
	db := filepath.Join(t.TempDir(), "b.db")
	_, errs, code := byline(t, db)
	if code != 1 || !strings.HasPrefix(errs, "byline: "+cfg+":3: colors.accent: want a colour") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the store was created before the config was read")
	}
}

package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// settings are the config file's top-level entries; the [keys] table is
// keymap.Load's.
type settings struct {
	// Browser opens an article's URL (O in the reader): a command with %u
	// where the URL goes, such as "firefox --new-tab %u".
	Browser string
	// Refresh fetches the feeds in the background this often while the
	// reader is open (refresh = "30m"); 0, the default, is off.
	Refresh time.Duration
	// Retention drops read, unstarred articles older than this after each
	// fetch (retention = "180d"), and a fetch does not store items dated
	// before it; 0, the default, keeps everything. Starred articles are
	// never dropped.
	Retention time.Duration
	// Theme is "auto" (the default: follow the terminal's background),
	// "dark" or "light".
	Theme string
}

// The shortest refresh and retention the config may ask for: a feed
// fetched more often than every minute is a nuisance to its server, and a
// retention under a day would drop what was read this morning.
const (
	minRefresh   = time.Minute
	minRetention = 24 * time.Hour
)

// parseAge reads a span of time as the config writes it: Go's units ("90m",
// "1h30m") plus whole days and weeks ("180d", "2w").
func parseAge(v string) (time.Duration, error) {
	v = strings.TrimSpace(v)
	for _, u := range []struct {
		suffix string
		unit   time.Duration
	}{{"d", 24 * time.Hour}, {"w", 7 * 24 * time.Hour}} {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			k, err := strconv.Atoi(n)
			if err != nil || k < 0 || k > 100*365 {
				return 0, fmt.Errorf("%q is not a number of %s", n, map[string]string{"d": "days", "w": "weeks"}[u.suffix])
			}
			return time.Duration(k) * u.unit, nil
		}
	}
	return time.ParseDuration(v)
}

// ageSetting reads the setting name as a span of at least least (leastText
// as the config would write it), or 0 for off.
func ageSetting(path string, line int, name string, v any, least time.Duration, leastText, example string) (time.Duration, error) {
	text, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("%s:%d: %s: want a span in quotes, such as %q", path, line, name, example)
	}
	d, err := parseAge(text)
	if err != nil {
		return 0, fmt.Errorf("%s:%d: %s: %q is not a span of time such as %q (m, h, d, w)", path, line, name, text, example)
	}
	if d != 0 && d < least {
		return 0, fmt.Errorf("%s:%d: %s: %s is too short: at least %s, or \"0\" for off", path, line, name, text, leastText)
	}
	return d, nil
}

// readSettings reads the top-level entries of the config file at path. A
// missing file gives none. An entry byline does not know, or one of the
// wrong type, gives one line naming the file and the line, as a bad key
// binding does. Tables are left to their own readers.
func readSettings(path string) (settings, error) {
	var s settings
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read config: %w", err)
	}
	var doc map[string]any
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return s, nil // keymap.Load, read first, reports the file's syntax
	}
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		v := doc[k[0]]
		if _, table := v.(map[string]any); table {
			continue
		}
		line := settingLine(data, k[0])
		switch k[0] {
		case "browser":
			b, ok := v.(string)
			if !ok {
				return s, fmt.Errorf("%s:%d: browser: want a command in quotes, such as \"firefox %%u\"", path, line)
			}
			s.Browser = b
		case "theme":
			t, ok := v.(string)
			if !ok || t != "auto" && t != "dark" && t != "light" {
				return s, fmt.Errorf("%s:%d: theme: want \"auto\", \"dark\" or \"light\"", path, line)
			}
			s.Theme = t
		case "refresh":
			if s.Refresh, err = ageSetting(path, line, "refresh", v, minRefresh, "1m", "30m"); err != nil {
				return s, err
			}
		case "retention":
			if s.Retention, err = ageSetting(path, line, "retention", v, minRetention, "1d", "180d"); err != nil {
				return s, err
			}
		default:
			return s, fmt.Errorf("%s:%d: unknown setting %q (only browser, refresh, retention, theme, and the [keys], [reader] and [colors] tables)", path, line, k[0])
		}
	}
	return s, nil
}

// settingLine is the line, from 1, where the top-level entry name is set;
// top-level entries come before the first table, so the first match is it.
func settingLine(data []byte, name string) int {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		for _, spelt := range []string{name, `"` + name + `"`, "'" + name + "'"} {
			if rest, ok := strings.CutPrefix(l, spelt); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
				return i + 1
			}
		}
	}
	return 0
}

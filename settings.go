package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/BurntSushi/toml"
)

// settings are the config file's top-level entries; the [keys] table is
// keymap.Load's.
type settings struct {
	// Browser opens an article's URL (O in the reader): a command with %u
	// where the URL goes, such as "firefox --new-tab %u".
	Browser string
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
		default:
			return s, fmt.Errorf("%s:%d: unknown setting %q (only browser, and the [keys] table)", path, line, k[0])
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

package ui

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// LoadReaderWidth reads reader.width from the TOML config file at path:
// the widest, in columns, the reader wraps an article's text to; a wider
// pane centres it. For Options.ReaderWidth it returns 0 (the default
// measure) when the file or the key is missing, and -1 for "width = 0",
// which wraps at the pane's width. Anything else under [reader], or a width
// that is not a whole number from 20 to 1000 (or 0), is an error naming the
// file and the line.
//
//	[reader]
//	width = 72
//
// keymap.Load reads the [keys] table of the same file.
func LoadReaderWidth(path string) (int, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read config: %w", err)
	}
	var doc struct {
		Reader map[string]any `toml:"reader"`
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return 0, nil // keymap.Load reports a file that is not TOML, with its line
	}
	text := string(data)
	for name, v := range doc.Reader {
		if name != "width" {
			return 0, fmt.Errorf("%s:%d: unknown reader setting %q (only width)", path, configLine(text, name), name)
		}
		n, ok := v.(int64)
		if !ok || n != 0 && (n < 20 || n > 1000) {
			return 0, fmt.Errorf("%s:%d: reader.width: want a number of columns from 20 to 1000, or 0 for the pane's width; got %v",
				path, configLine(text, name), v)
		}
		if n == 0 {
			return -1, nil
		}
		return int(n), nil
	}
	return 0, nil
}

// configLine is the 1-based line where name is assigned in text, 0 when it
// cannot be found.
func configLine(text, name string) int {
	re := regexp.MustCompile(`^\s*["']?` + regexp.QuoteMeta(name) + `["']?\s*=`)
	for i, l := range strings.Split(text, "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

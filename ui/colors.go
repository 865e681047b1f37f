package ui

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"regexp"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/BurntSushi/toml"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/styles"
)

// colourValue is a colour as the config writes it: "#RRGGBB", "#RGB" or an
// ANSI 256 colour number ("208").
var colourValue = regexp.MustCompile(`^(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[0-9]{1,3})$`)

// LoadColors reads the [colors] table of the TOML config file at path: the
// user's own colours for the panes, the selection, each entity type and the
// six pin colours. A missing file or table gives none; an unknown name or a
// value that is not a colour is an error naming the file and the line.
//
//	[colors]
//	accent = "#A294FF"     # headers, titles, groups, the focused pane
//	text = "252"
//	muted = "245"
//	border = "238"
//	selection = "#3B3363"  # the selected row
//	error = "#FF6B6B"
//	PER = "#F2C38B"        # ORG, LOC, WORK, PRODUCT, EVENT, MISC likewise
//	pins = ["#8A5A00", "#1F5F8B", "#7A2E7A", "#2E6B30", "#8B2F2F", "#1E6B66"]
func LoadColors(path string) (styles.Colors, error) {
	var c styles.Colors
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read config: %w", err)
	}
	var doc struct {
		Colors map[string]any `toml:"colors"`
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return c, nil // keymap.Load reports a file that is not TOML, with its line
	}
	text := string(data)
	for name, v := range doc.Colors {
		line := configLine(text, name)
		bad := func(what string) error {
			return fmt.Errorf("%s:%d: colors.%s: %s, such as \"#A294FF\" or \"208\"", path, line, name, what)
		}
		if name == "pins" {
			list, ok := v.([]any)
			if !ok || len(list) == 0 || len(list) > styles.PinColours {
				return c, bad("want a list of 1 to 6 colours")
			}
			for i, e := range list {
				col, ok := parseColour(e)
				if !ok {
					return c, bad(fmt.Sprintf("pin colour %d is not a colour", i+1))
				}
				c.Pins[i] = col
			}
			continue
		}
		col, ok := parseColour(v)
		if !ok {
			return c, bad("want a colour in quotes")
		}
		switch strings.ToLower(name) {
		case "accent":
			c.Accent = col
		case "text":
			c.Text = col
		case "muted":
			c.Muted = col
		case "border":
			c.Border = col
		case "selection":
			c.Selection = col
		case "error":
			c.Error = col
		default:
			i := typeIndexOf(model.EntityType(strings.ToUpper(name)))
			if i < 0 {
				return c, fmt.Errorf("%s:%d: unknown colour %q (accent, text, muted, border, selection, error, pins, or an entity type: PER, ORG, LOC, WORK, PRODUCT, EVENT, MISC)", path, line, name)
			}
			c.Types[i] = col
		}
	}
	return c, nil
}

// parseColour reads one colour value of the config.
func parseColour(v any) (color.Color, bool) {
	s, ok := v.(string)
	if !ok || !colourValue.MatchString(s) {
		return nil, false
	}
	if !strings.HasPrefix(s, "#") {
		if n, err := strconv.Atoi(s); err != nil || n > 255 {
			return nil, false
		}
	}
	return lipgloss.Color(s), true
}

// typeIndexOf is t's place in model.EntityTypes, or -1.
func typeIndexOf(t model.EntityType) int {
	for i, k := range model.EntityTypes {
		if k == t {
			return i
		}
	}
	return -1
}

package chroma

import (
	"fmt"
	"strings"
)

// Colour is a 24-bit RGB colour; the zero Colour means "not set", so an
// entry that names no colour inherits one.
type Colour uint32

// colourSet marks a Colour as set, so black is distinct from unset.
const colourSet = 1 << 24

// NewColour returns the colour with the given red, green and blue.
func NewColour(r, g, b uint8) Colour {
	return colourSet | Colour(r)<<16 | Colour(g)<<8 | Colour(b)
}

// IsSet reports whether c names a colour.
func (c Colour) IsSet() bool { return c&colourSet != 0 }

// Red is c's red component.
func (c Colour) Red() uint8 { return uint8(c >> 16) }

// Green is c's green component.
func (c Colour) Green() uint8 { return uint8(c >> 8) }

// Blue is c's blue component.
func (c Colour) Blue() uint8 { return uint8(c) }

// ParseColour reads "#rrggbb" or "#rgb" (the # is optional). Named
// colours are not read: glamour's styles give hex colours.
func ParseColour(s string) (Colour, error) {
	h := strings.TrimPrefix(s, "#")
	var v [6]uint8
	switch len(h) {
	case 3:
		for i := range 3 {
			d, ok := hexDigit(h[i])
			if !ok {
				return 0, fmt.Errorf("invalid colour %q", s)
			}
			v[2*i], v[2*i+1] = d, d
		}
	case 6:
		for i := range 6 {
			d, ok := hexDigit(h[i])
			if !ok {
				return 0, fmt.Errorf("invalid colour %q", s)
			}
			v[i] = d
		}
	default:
		return 0, fmt.Errorf("invalid colour %q", s)
	}
	return NewColour(v[0]<<4|v[1], v[2]<<4|v[3], v[4]<<4|v[5]), nil
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Trilean is an attribute that is on, off, or left to the parent type.
type Trilean uint8

// The three states of a Trilean.
const (
	Pass Trilean = iota // inherit
	Yes
	No
)

// StyleEntry is how one token type is drawn.
type StyleEntry struct {
	Colour     Colour
	Background Colour
	Bold       Trilean
	Italic     Trilean
	Underline  Trilean
	// NoInherit stops inheritance from parent types.
	NoInherit bool
}

// IsZero reports whether e sets nothing.
func (e StyleEntry) IsZero() bool { return e == StyleEntry{} }

// inherit fills what e leaves unset from parent.
func (e StyleEntry) inherit(parent StyleEntry) StyleEntry {
	if e.NoInherit {
		return e
	}
	if !e.Colour.IsSet() {
		e.Colour = parent.Colour
	}
	if !e.Background.IsSet() {
		e.Background = parent.Background
	}
	if e.Bold == Pass {
		e.Bold = parent.Bold
	}
	if e.Italic == Pass {
		e.Italic = parent.Italic
	}
	if e.Underline == Pass {
		e.Underline = parent.Underline
	}
	return e
}

// ParseStyleEntry reads a Pygments-style entry: space-separated words
// among "#rrggbb" (foreground), "bg:#rrggbb", "bold", "nobold", "italic",
// "noitalic", "underline", "nounderline" and "noinherit". "border:" words
// are accepted and ignored, since a terminal draws no borders.
func ParseStyleEntry(entry string) (StyleEntry, error) {
	var e StyleEntry
	for _, w := range strings.Fields(entry) {
		var err error
		switch {
		case w == "bold":
			e.Bold = Yes
		case w == "nobold":
			e.Bold = No
		case w == "italic":
			e.Italic = Yes
		case w == "noitalic":
			e.Italic = No
		case w == "underline":
			e.Underline = Yes
		case w == "nounderline":
			e.Underline = No
		case w == "noinherit":
			e.NoInherit = true
		case w == "bg:":
			e.Background = 0
		case strings.HasPrefix(w, "bg:"):
			e.Background, err = ParseColour(w[3:])
		case strings.HasPrefix(w, "border:"):
		default:
			e.Colour, err = ParseColour(w)
		}
		if err != nil {
			return StyleEntry{}, fmt.Errorf("style entry %q: %w", entry, err)
		}
	}
	return e, nil
}

// StyleEntries maps token types to Pygments-style entries (see
// ParseStyleEntry).
type StyleEntries map[TokenType]string

// Style is a named set of entries.
type Style struct {
	// Name is the name the style is registered under.
	Name    string
	entries map[TokenType]StyleEntry
}

// NewStyle parses entries into a style named name.
func NewStyle(name string, entries StyleEntries) (*Style, error) {
	s := &Style{Name: name, entries: make(map[TokenType]StyleEntry, len(entries))}
	for t, text := range entries {
		e, err := ParseStyleEntry(text)
		if err != nil {
			return nil, fmt.Errorf("style %q: %w", name, err)
		}
		if !e.IsZero() {
			s.entries[t] = e
		}
	}
	return s, nil
}

// MustNewStyle is NewStyle for styles written into a program, where a bad
// entry is a bug: it panics on error.
func MustNewStyle(name string, entries StyleEntries) *Style {
	s, err := NewStyle(name, entries)
	if err != nil {
		panic(err)
	}
	return s
}

// Get is how t is drawn: its own entry, then what it leaves unset from its
// sub-category, its category, Text and Background, nearest first.
func (s *Style) Get(t TokenType) StyleEntry {
	e := s.entries[t]
	for _, p := range [...]TokenType{t.SubCategory(), t.Category(), Text, Background} {
		if p != t {
			e = e.inherit(s.entries[p])
		}
	}
	e.NoInherit = false
	return e
}

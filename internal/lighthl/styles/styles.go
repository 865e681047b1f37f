// Package styles is the registry of named highlighting styles. Unlike the
// real chroma's, it starts empty: byline draws code only with the style
// glamour builds from byline's own theme and registers here, so loading a
// gallery of built-in styles at start-up would be work for nothing.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry maps style names to styles. Glamour reads it directly to see
// whether its style is registered yet; callers serialise access. It stays
// nil until the first Register, so that initialising the package does
// nothing at all (reading a nil map is allowed).
var Registry map[string]*chroma.Style

// Register adds style under its name, replacing any style of that name,
// and returns it.
func Register(style *chroma.Style) *chroma.Style {
	if Registry == nil {
		Registry = make(map[string]*chroma.Style)
	}
	Registry[style.Name] = style
	return style
}

// Get returns the style registered as name, or nil.
func Get(name string) *chroma.Style {
	return Registry[name]
}

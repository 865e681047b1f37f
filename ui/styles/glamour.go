package styles

import (
	"charm.land/glamour/v2/ansi"
	gstyles "charm.land/glamour/v2/styles"
)

// The reader draws its own title block and its own left margin, so the body
// styles below start from glamour's built-in styles and only trim what would
// waste a narrow pane: the blank lines around the document and the two-column
// document margin (one column is kept, matching the header block).

// glamourDark is glamour's dark style, trimmed for a pane.
func glamourDark() ansi.StyleConfig { return trim(gstyles.DarkStyleConfig) }

// glamourLight is glamour's light style, trimmed for a pane.
func glamourLight() ansi.StyleConfig { return trim(gstyles.LightStyleConfig) }

// glamourNoTTY is glamour's no-terminal style (no escape sequences of its
// own), trimmed for a pane.
func glamourNoTTY() ansi.StyleConfig { return trim(gstyles.NoTTYStyleConfig) }

// Margin is the left margin, in columns, of everything the reader draws.
const Margin = 1

// trim copies c with a one-column document margin and no blank lines around
// the document. Only fields of the copy are reassigned, never the pointees
// shared with glamour's package-level configs.
func trim(c ansi.StyleConfig) ansi.StyleConfig {
	m := uint(Margin)
	c.Document.Margin = &m
	c.Document.BlockPrefix = ""
	c.Document.BlockSuffix = ""
	return c
}

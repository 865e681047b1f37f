// Package assets holds the files byline embeds in its binary: the sample
// articles shown on first run (written for byline and wholly fictional) and,
// beside them, the trained entity model.
package assets

import "embed"

// Samples holds the demo articles, one seed-format text file each, imported
// into an empty store on first run so the reader never opens blank.
//
//go:embed samples/*.txt
var Samples embed.FS

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

// Aliases lists other names of one entity ("Man Utd", "Tories"), from the
// openfootball and Party Facts gazetteers and a hand-written list, with
// their provenance and licences in its header. Written by
// `go run ./store/aliasgen`; the store parses it when first needed.
//
//go:embed aliases.tsv
var Aliases string

// Package compare measures byline's entity tagger against prose v2 and a
// capitalised-run baseline, in domain (CoNLL-2003 eng.testa) and out of it
// (GUM's Wikinews articles converted to CoNLL's notion of named entities).
//
// The conversion, the baseline and the alignment of a raw-text tagger's
// spans to gold tokens live here; prose itself is imported only by the
// tests, so it never reaches the byline binary. README.md holds the table
// and the commands that reproduce it.
package compare

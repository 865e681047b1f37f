// Package chroma is byline's light replacement for the chroma highlighter's
// core package: token types and styles, with exactly the API glamour's code
// block renderer uses (MustNewStyle, StyleEntries and the token-type
// constants). Lexing and formatting live in the quick package's helpers.
//
// Nothing here runs at package initialisation: every table is a constant or
// a switch, so a process that never highlights code pays nothing for it.
package chroma

// A light stand-in for github.com/alecthomas/chroma/v2, written for byline
// and wired in by a replace directive in byline's go.mod. Glamour imports
// chroma only to colour code blocks; the real module registers hundreds of
// lexers and styles at package initialisation, which every start of byline
// paid for whether or not an article held code. This module offers only the
// API glamour calls and does no work at init.
module github.com/alecthomas/chroma/v2

go 1.22

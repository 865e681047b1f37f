// A stand-in for github.com/microcosm-cc/bluemonday, written for byline and
// wired in by a replace directive in byline's go.mod. Glamour imports
// bluemonday only to strip the tags from raw HTML in Markdown
// (StrictPolicy().Sanitize); the real module and its CSS parser compile some
// forty regular expressions at package initialisation, about 5 ms of every
// start of byline. This module offers only the API glamour calls and does no
// work at init.
module github.com/microcosm-cc/bluemonday

go 1.25.0

require golang.org/x/net v0.57.0

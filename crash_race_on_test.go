//go:build race

package main

// raceEnabled skips the tests that tag a real corpus several times: the race
// detector makes tagging fifteen times slower.
const raceEnabled = true

//go:build race

package ui

// raceEnabled thins the geometry sweep under the race detector, which makes
// every frame ten times slower; the plain run still covers every size.
const raceEnabled = true

//go:build race

package store_test

// raceEnabled skips what the race detector makes too slow to be worth it:
// tagging the BBC corpus takes 45 s under it, 3 s without.
const raceEnabled = true

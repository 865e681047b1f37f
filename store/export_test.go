package store

import (
	"testing"
	"time"
)

// SetBusyTimeout makes SQLite's busy handler give up after d in stores
// opened from now on, so a test sees in milliseconds the contention that
// takes seconds in use; the returned func restores it.
func SetBusyTimeout(d time.Duration) (restore func()) {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}

// SetRareEntities makes every entity rare (its list read from its
// articles) or none (its list read by walking the list index), until the
// test ends.
func SetRareEntities(t testing.TB, rare bool) {
	share, most := rareEntityShare, rareEntityMax
	t.Cleanup(func() { rareEntityShare, rareEntityMax = share, most })
	if rare {
		rareEntityMax = 1 << 40
	} else {
		rareEntityShare, rareEntityMax = 1<<40, 0
	}
}

package store

import "time"

// SetBusyTimeout makes SQLite's busy handler give up after d in stores
// opened from now on, so a test sees in milliseconds the contention that
// takes seconds in use; the returned func restores it.
func SetBusyTimeout(d time.Duration) (restore func()) {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}

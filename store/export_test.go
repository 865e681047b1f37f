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

// EntityPlans are the ways ListPage reads an entity's list; SetEntityPlan
// makes every entity's list read by one of them, until the test ends.
var EntityPlans = []string{"walk", "sort", "probe"}

// SetEntityPlan: see EntityPlans.
func SetEntityPlan(t testing.TB, name string) {
	old := forcedPlan
	t.Cleanup(func() { forcedPlan = old })
	for i, n := range EntityPlans {
		if n == name {
			p := entityPlan(i)
			forcedPlan = &p
			return
		}
	}
	t.Fatalf("no entity plan %q", name)
}

//go:build unix

// Package cputime reads the CPU time this process has used, for the
// benchmarks: on a machine shared with other work, speed per CPU second is
// steadier than speed per wall second.
package cputime

import (
	"syscall"
	"time"
)

// Used is the CPU time the process has used, user and system.
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

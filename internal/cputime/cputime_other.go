//go:build !unix

// Package cputime reads the CPU time this process has used, for the
// benchmarks: on a machine shared with other work, speed per CPU second is
// steadier than speed per wall second.
package cputime

import "time"

// Used is not measured here: 0, and benchmarks report wall time only.
func Used() time.Duration { return 0 }

// Package shareddata finds the real test data that lives next to the
// repository in ../shared/data (see its README). Tests that read it skip,
// saying why, when it is absent, so `go test ./...` passes on a fresh
// machine. Nothing in it is ever copied into the repository.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of rel under ../shared/data, found by walking up
// from the test's directory to go.mod, or skips the test when it is absent.
func Path(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory; cannot find ../shared")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "data", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data absent (%s): %v", p, err)
	}
	return p
}

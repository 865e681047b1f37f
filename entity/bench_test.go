package entity

import (
	"os"
	"testing"

	"github.com/bylinehq/byline/ingest"
)

// BenchmarkExtract tags and links the seed article; articles/s is the
// number to watch (the import of a few thousand articles must not wait on it).
func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Skipf("seed article absent: %v", err)
	}
	a, err := ingest.Parse(seedPath, data)
	if err != nil {
		b.Fatal(err)
	}
	ex := New()
	ex.Extract(&a) // build the lexicon outside the timing
	n := 0
	for b.Loop() {
		ex.Extract(&a)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

package store

import "testing"

// SetSearchCandidates makes SearchItems rank at most n hits, until the test
// ends, so a test of a few articles sees what a common word in a large
// store does.
func SetSearchCandidates(t testing.TB, n int) {
	old, filtered := searchCandidates, filteredCandidates
	t.Cleanup(func() { searchCandidates, filteredCandidates = old, filtered })
	searchCandidates, filteredCandidates = n, n
}

// SetRelatedSample makes Related read at most n of an entity's articles,
// until the test ends.
func SetRelatedSample(t testing.TB, n int) {
	old := relatedSample
	t.Cleanup(func() { relatedSample = old })
	relatedSample = n
}

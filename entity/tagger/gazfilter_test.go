package tagger

import "testing"

// TestHashFilter checks that the filter says "maybe" for every key and "no"
// for most other hashes, and that the embedded model's gazetteer has one.
func TestHashFilter(t *testing.T) {
	keys := map[uint64]uint8{}
	for i := range uint64(5000) {
		keys[mix(hashSeed, i)] = 1
	}
	f := newHashFilter(keys)
	for h := range keys {
		if !f.mayHave(h) {
			t.Fatalf("key %x filtered out", h)
		}
	}
	yes := 0
	for i := range uint64(100000) {
		if f.mayHave(mix(hashSeed, 1e9+i)) {
			yes++
		}
	}
	if yes > 10000 {
		t.Errorf("%d of 100000 other hashes pass the filter, want about 4%%", yes)
	}
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if m.lk.gazKeys == nil {
		t.Fatal("the embedded model's gazetteer has no filter")
	}
	for h := range m.lk.gaz {
		if !m.lk.gazKeys.mayHave(h) {
			t.Fatalf("gazetteer phrase %x filtered out", h)
		}
	}
}

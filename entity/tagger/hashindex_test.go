package tagger

import "testing"

// TestHashIndex checks the index against a map through growth and reset,
// with keys that collide in their top bits.
func TestHashIndex(t *testing.T) {
	var h hashIndex
	want := map[uint64]uint32{}
	for i := uint64(0); i < 5000; i++ {
		k := i * 0x100000001b3
		if i%3 == 0 {
			k = i << 40 // same low bits
		}
		h.put(k, uint32(i))
		want[k] = uint32(i)
	}
	h.put(7*0x100000001b3, 99) // overwrite
	want[7*0x100000001b3] = 99
	if h.len() != len(want) {
		t.Errorf("len %d, want %d", h.len(), len(want))
	}
	for k, v := range want {
		if got, ok := h.get(k); !ok || got != v {
			t.Fatalf("get(%#x) = %d, %v; want %d", k, got, ok, v)
		}
	}
	if _, ok := h.get(12345); ok {
		t.Error("a key never put was found")
	}
	h.reset(10)
	if _, ok := h.get(7 * 0x100000001b3); ok || h.len() != 0 {
		t.Error("reset left keys behind")
	}
}

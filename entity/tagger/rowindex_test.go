package tagger

import (
	"slices"
	"testing"
)

// TestPlaceIsIndex checks that the bitmap lookup gives every row of the
// embedded model the place the full index gives it.
func TestPlaceIsIndex(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for r, p := range m.index {
		if got := m.place(uint32(r)); got != p {
			t.Fatalf("row %d: place %d, index says %d", r, got, p)
		}
	}
}

// TestIndexRowsRenumbers hands indexRows places out of row order and checks
// that every row keeps its weights under its new place.
func TestIndexRowsRenumbers(t *testing.T) {
	m := &Model{index: make([]uint32, 256), layers: make([]layer, 1)}
	st := m.stride()
	m.weights = make([]int16, 4*st)
	for p := 1; p < 4; p++ {
		for k := range st {
			m.weights[p*st+k] = int16(10*p + k)
		}
	}
	// Rows 200, 7 and 70 hold places 1, 2 and 3.
	m.index[200], m.index[7], m.index[70] = 1, 2, 3
	want := map[uint32][]int16{}
	for _, r := range []uint32{200, 7, 70} {
		want[r] = slices.Clone(m.row(0, int(m.index[r])))
	}
	m.indexRows()
	for r := range uint32(256) {
		p := m.place(r)
		if p != m.index[r] {
			t.Fatalf("row %d: place %d, index %d", r, p, m.index[r])
		}
		if w, ok := want[r]; ok && !slices.Equal(m.row(0, int(p)), w) {
			t.Errorf("row %d: weights %v, want %v", r, m.row(0, int(p)), w)
		}
		if _, ok := want[r]; !ok && p != 0 {
			t.Errorf("untrained row %d has place %d", r, p)
		}
	}
}

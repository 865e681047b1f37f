package tagger

import (
	"math/rand/v2"
	"testing"
)

// TestLanesSumBothLayers sums random rows, extreme weights included, two
// numbers to an addition and one at a time, and checks they agree.
func TestLanesSumBothLayers(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m := &Model{layers: make([]layer, 2)}
	const places = 100
	m.weights = make([]int16, places*m.stride())
	for i := range m.weights {
		switch r.IntN(4) {
		case 0:
			m.weights[i] = -32768
		case 1:
			m.weights[i] = 32767
		default:
			m.weights[i] = int16(r.IntN(65536) - 32768)
		}
	}
	for round := range 200 {
		var got lanes
		var want [2 * numTags]int32
		for range r.IntN(100) {
			p := uint32(r.IntN(places))
			m.addRow(&got, p)
			for k, v := range m.weights[int(p)*m.stride() : int(p+1)*m.stride()] {
				want[k] += int32(v)
			}
		}
		var again lanes
		addLanes(&again, &got)
		for tag, v := range again {
			first, second := layerScores(v)
			if first != want[tag] || second != want[numTags+tag] {
				t.Fatalf("round %d tag %d: lanes give %d, %d; one at a time %d, %d", round, tag, first, second, want[tag], want[numTags+tag])
			}
		}
	}
}

package tagger

// Prune drops the weight rows whose every weight, in every layer, is at
// most threshold in absolute value (in the int16 units weights are stored
// in): rare features the averaged perceptron barely moved. It shrinks the
// model file and its load time; the caller measures what it costs.
func (m *Model) Prune(threshold int16) {
	keep := []uint32{0}
	newPlace := make(map[uint32]uint32)
	places := m.places()
	for p := 1; p < places; p++ {
		big := false
		for _, v := range m.weights[p*m.stride() : (p+1)*m.stride()] {
			if v > threshold || v < -threshold {
				big = true
			}
		}
		if big {
			newPlace[uint32(p)] = uint32(len(keep))
			keep = append(keep, uint32(p))
		}
	}
	w := make([]int16, 0, len(keep)*m.stride())
	for _, p := range keep {
		w = append(w, m.weights[int(p)*m.stride():int(p+1)*m.stride()]...)
	}
	m.weights = w
	for r, p := range m.index {
		if p != 0 {
			m.index[r] = newPlace[p]
		}
	}
	m.indexRows()
}

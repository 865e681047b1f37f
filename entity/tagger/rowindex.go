package tagger

import "math/bits"

// Looking a row's place up in Model.index (4 MB, one entry per row of the
// hashed table) misses the processor's caches on nearly every rare feature.
// The places are numbered in row order, so a bitmap of the trained rows
// with a running count every 64 rows says the same in 256 KB, which stays
// in cache: a row's place is the count at its block plus the trained rows
// before it in the block.

// rowBlock covers 64 rows: which of them were trained, and the place of the
// first of those.
type rowBlock struct {
	trained uint64
	first   uint32
}

// indexRows builds m.blocks from m.index, first renumbering the places in
// row order should they not be (Decode, newModel and Prune all keep that
// order already).
func (m *Model) indexRows() {
	if !m.placesInRowOrder() {
		st := m.stride()
		w := make([]int16, st, len(m.weights))
		for r, p := range m.index {
			if p != 0 {
				m.index[r] = uint32(len(w) / st)
				w = append(w, m.weights[int(p)*st:int(p+1)*st]...)
			}
		}
		m.weights = w
	}
	m.blocks = make([]rowBlock, (len(m.index)+63)/64)
	next := uint32(1)
	for b := range m.blocks {
		m.blocks[b].first = next
		for j := 0; j < 64 && b*64+j < len(m.index); j++ {
			if m.index[b*64+j] != 0 {
				m.blocks[b].trained |= 1 << j
				next++
			}
		}
	}
}

// placesInRowOrder reports whether the trained rows' places are 1, 2, 3...
// in row order.
func (m *Model) placesInRowOrder() bool {
	next := uint32(1)
	for _, p := range m.index {
		if p == 0 {
			continue
		}
		if p != next {
			return false
		}
		next++
	}
	return true
}

// place is m.index[r], read from m.blocks; 0 for a row never trained. It
// does not branch on whether r was trained, so that lookups of many rows
// overlap.
func (m *Model) place(r uint32) uint32 {
	b := m.blocks[r>>6]
	bit := r & 63
	has := uint32(b.trained>>bit) & 1
	return (b.first + uint32(bits.OnesCount64(b.trained&(1<<bit-1)))) * has
}

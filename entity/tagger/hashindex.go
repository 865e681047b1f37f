package tagger

// hashIndex maps 64-bit hashes to uint32 values by open addressing with
// linear probing. The keys are hashes already, so a multiply and shift
// picks the slot: cheaper than a Go map on the tagger's hot paths, where a
// token costs a few lookups. A slot holds its key and value together, so a
// probe reads one cache line, not one in each of two arrays.
type hashIndex struct {
	slots []hashSlot
	n     int
	shift uint
}

type hashSlot struct {
	key uint64
	val uint32 // value+1; 0 is an empty slot
}

// reset empties the index, sized for about n keys.
func (h *hashIndex) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(h.slots) >= size {
		h.slots = h.slots[:size]
		clear(h.slots)
	} else {
		h.slots = make([]hashSlot, size)
	}
	h.n = 0
	h.shift = uint(64 - log2(size))
}

func log2(n int) int {
	k := 0
	for 1<<k < n {
		k++
	}
	return k
}

func (h *hashIndex) slot(k uint64) int { return int((k * 0x9e3779b97f4a7c15) >> h.shift) }

// get returns the value of k.
func (h *hashIndex) get(k uint64) (uint32, bool) {
	if len(h.slots) == 0 {
		return 0, false
	}
	mask := len(h.slots) - 1
	for i := h.slot(k); ; i = (i + 1) & mask {
		s := &h.slots[i]
		if s.val == 0 {
			return 0, false
		}
		if s.key == k {
			return s.val - 1, true
		}
	}
}

// put sets the value of k (v < 1<<32-1), growing the index when half full.
func (h *hashIndex) put(k uint64, v uint32) {
	if len(h.slots) == 0 || 2*(h.n+1) > len(h.slots) {
		h.grow()
	}
	mask := len(h.slots) - 1
	for i := h.slot(k); ; i = (i + 1) & mask {
		s := &h.slots[i]
		if s.val == 0 {
			s.key, s.val = k, v+1
			h.n++
			return
		}
		if s.key == k {
			s.val = v + 1
			return
		}
	}
}

func (h *hashIndex) grow() {
	old := h.slots
	h.slots = nil
	h.reset(max(len(old), 32))
	for _, s := range old {
		if s.val != 0 {
			h.put(s.key, s.val-1)
		}
	}
}

// len is the number of keys.
func (h *hashIndex) len() int { return h.n }

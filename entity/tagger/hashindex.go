package tagger

// hashIndex maps 64-bit hashes to uint32 values by open addressing with
// linear probing. The keys are hashes already, so a multiply and shift
// picks the slot: cheaper than a Go map on the tagger's hot paths, where a
// token costs a few lookups.
type hashIndex struct {
	keys  []uint64
	vals  []uint32 // value+1; 0 is an empty slot
	n     int
	shift uint
}

// reset empties the index, sized for about n keys.
func (h *hashIndex) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(h.keys) >= size {
		h.keys, h.vals = h.keys[:size], h.vals[:size]
		clear(h.vals)
	} else {
		h.keys, h.vals = make([]uint64, size), make([]uint32, size)
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
	if len(h.vals) == 0 {
		return 0, false
	}
	mask := len(h.vals) - 1
	for i := h.slot(k); ; i = (i + 1) & mask {
		v := h.vals[i]
		if v == 0 {
			return 0, false
		}
		if h.keys[i] == k {
			return v - 1, true
		}
	}
}

// put sets the value of k (v < 1<<32-1), growing the index when half full.
func (h *hashIndex) put(k uint64, v uint32) {
	if len(h.vals) == 0 || 2*(h.n+1) > len(h.vals) {
		h.grow()
	}
	mask := len(h.vals) - 1
	for i := h.slot(k); ; i = (i + 1) & mask {
		if h.vals[i] == 0 {
			h.keys[i], h.vals[i] = k, v+1
			h.n++
			return
		}
		if h.keys[i] == k {
			h.vals[i] = v + 1
			return
		}
	}
}

func (h *hashIndex) grow() {
	keys, vals := h.keys, h.vals
	h.keys, h.vals = nil, nil
	h.reset(max(len(vals), 32))
	for i, v := range vals {
		if v != 0 {
			h.put(keys[i], v-1)
		}
	}
}

// len is the number of keys.
func (h *hashIndex) len() int { return h.n }

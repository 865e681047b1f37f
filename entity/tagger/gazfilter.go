package tagger

// markGazetteer tries every run of up to gazMax words after each capitalised
// token, and nearly all of those phrases are no name: asked of the map,
// each costs a probe of a table far bigger than the processor's caches. A
// bit per hash (a one-hash Bloom filter) answers most of them from 128 KB,
// wrongly "maybe" for about 4% of phrases, never wrongly "no".

// hashFilter holds one bit for every key hashed into it.
type hashFilter []uint64

// newHashFilter returns a filter of the keys of m, a power of two words
// long with about 25 bits a key.
func newHashFilter(m map[uint64]uint8) hashFilter {
	n := 64
	for n*64 < 25*len(m) {
		n *= 2
	}
	f := make(hashFilter, n)
	for h := range m {
		f[h>>6&uint64(n-1)] |= 1 << (h & 63)
	}
	return f
}

// mayHave reports whether h may be a key; false means it is not. A nil
// filter knows nothing and says yes.
func (f hashFilter) mayHave(h uint64) bool {
	if f == nil {
		return true
	}
	return f[h>>6&uint64(len(f)-1)]>>(h&63)&1 != 0
}

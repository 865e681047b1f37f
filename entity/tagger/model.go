package tagger

import (
	"sync"
)

// layer is one trained tagger: quantised weights and tag transitions.
type layer struct {
	weights []int16 // numTags per place of the model's index
	scale   float32 // weight = int16 * scale
	trans   []float32
	hist    bool // reads first-pass labels (the second pass)
}

// Model is a trained named-entity tagger. It is safe for concurrent use.
type Model struct {
	bits uint
	// index maps a hashed row to its place in every layer's weights; most
	// rows were never trained and share place 0, which is all zeros, so the
	// tables stay small and the layers are scored in one sweep.
	index  []uint32
	layers []layer // first pass, then an optional second pass
	lk     *lookup
	sub    *subtyper // gives spans their fine types; nil keeps the four
	pool   sync.Pool
}

// newModel builds a model from layers whose weights are dense (rows x
// numTags), sharing one index between them.
func newModel(bits uint, lk *lookup, dense ...layer) *Model {
	rows := 1 << bits
	m := &Model{bits: bits, index: make([]uint32, rows), lk: lk, layers: make([]layer, len(dense))}
	for li, d := range dense {
		m.layers[li] = layer{scale: d.scale, trans: d.trans, hist: d.hist, weights: make([]int16, numTags, numTags*4096)}
	}
	places := uint32(1)
	for r := 0; r < rows; r++ {
		used := false
		for _, d := range dense {
			for _, v := range d.weights[r*numTags : (r+1)*numTags] {
				used = used || v != 0
			}
		}
		if !used {
			continue
		}
		m.index[r] = places
		places++
		for li, d := range dense {
			m.layers[li].weights = append(m.layers[li].weights, d.weights[r*numTags:(r+1)*numTags]...)
		}
	}
	return m
}

// workspace holds one tagging call's buffers.
type workspace struct {
	f      *featurizer
	em     []float32
	base   []int32 // second-pass scores before its own features
	back   []uint8
	tags   []int
	sent   []int
	words  []string
	bounds []int
	hist   []uint32
	names  map[uint64]uint8 // for propagate
	// the subtyper's
	fine    []uint8
	curated []int8
	spans   []docSpan
	subRows []uint32
}

func (m *Model) workspace() *workspace {
	if w, ok := m.pool.Get().(*workspace); ok {
		return w
	}
	return &workspace{f: newFeaturizer(m.lk, m.bits), names: map[uint64]uint8{}}
}

// scoreFirst fills w.em with first-layer scores and w.base with the second
// layer's scores over the same rows, for every token.
func (m *Model) scoreFirst(w *workspace, n int) {
	f := m.layers[0]
	var second []int16
	if len(m.layers) > 1 {
		second = m.layers[1].weights
	}
	index := m.index
	for i := 0; i < n; i++ {
		var a, b [numTags]int32
		for _, r := range w.f.rows[w.f.off[i]:w.f.off[i+1]] {
			p := int(index[r]) * numTags
			if p == 0 {
				continue
			}
			row := f.weights[p : p+numTags : p+numTags]
			for t := range a {
				a[t] += int32(row[t])
			}
			if second != nil {
				row := second[p : p+numTags : p+numTags]
				for t := range b {
					b[t] += int32(row[t])
				}
			}
		}
		e := w.em[i*numTags : (i+1)*numTags : (i+1)*numTags]
		for t := range a {
			e[t] = float32(a[t]) * f.scale
		}
		copy(w.base[i*numTags:], b[:])
	}
}

// decode runs the model over the document loaded in w.f and leaves the
// BILOU tags of all its tokens in w.tags.
func (m *Model) decode(w *workspace, bounds []int) {
	n := bounds[len(bounds)-1]
	if cap(w.em) < n*numTags {
		w.em = make([]float32, n*numTags)
		w.base = make([]int32, n*numTags)
		w.back = make([]uint8, n*numTags)
	}
	w.em, w.base = w.em[:n*numTags], w.base[:n*numTags]
	w.f.features(bounds, false)
	m.scoreFirst(w, n)
	m.viterbiAll(w, bounds, m.layers[0].trans)
	if len(m.layers) < 2 {
		return
	}
	l := &m.layers[1]
	w.f.setHistory(w.tags)
	for s := 0; s+1 < len(bounds); s++ {
		sent := w.f.info[bounds[s]:bounds[s+1]]
		for i := range sent {
			acc := w.base[(bounds[s]+i)*numTags : (bounds[s]+i+1)*numTags]
			w.hist = histRows(w.hist[:0], sent, i, w.f.shift)
			for _, r := range w.hist {
				p := int(m.index[r]) * numTags
				for t, v := range l.weights[p : p+numTags] {
					acc[t] += int32(v)
				}
			}
			e := w.em[(bounds[s]+i)*numTags:]
			for t := range numTags {
				e[t] = float32(acc[t]) * l.scale
			}
		}
	}
	m.viterbiAll(w, bounds, l.trans)
}

// viterbiAll decodes every sentence from w.em into w.tags.
func (m *Model) viterbiAll(w *workspace, bounds []int, trans []float32) {
	w.tags = w.tags[:0]
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		if from == to {
			continue
		}
		w.sent = viterbi(w.em[from*numTags:], trans, to-from, w.back, w.sent)
		w.tags = append(w.tags, w.sent...)
	}
}

// tagWords tags a document given as words and sentence bounds and returns
// its BILOU tags (valid until the workspace is reused).
func (m *Model) tagWords(w *workspace, words []string, bounds []int) []int {
	w.f.load(words, bounds)
	m.decode(w, bounds)
	m.propagate(w, bounds)
	m.applyCurated(w, words, bounds, w.tags)
	return w.tags
}

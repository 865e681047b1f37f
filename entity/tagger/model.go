package tagger

// layer is one trained tagger: quantised weights and tag transitions. In a
// Model the weights live in Model.weights; weights here is the dense (rows x
// numTags) table training hands to newModel.
type layer struct {
	weights []int16
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
	blocks []rowBlock // index in 256 KB, for tagging (see rowindex.go)
	layers []layer    // first pass, then an optional second pass
	// weights holds every place's rows of all layers side by side
	// (place, layer, tag), so one place is one or two cache lines.
	weights []int16
	lk      *lookup
	sub     *subtyper // gives spans their fine types; nil keeps the four
	idle    workspaces
}

// newModel builds a model from layers whose weights are dense (rows x
// numTags), sharing one index between them.
func newModel(bits uint, lk *lookup, dense ...layer) *Model {
	rows := 1 << bits
	m := &Model{bits: bits, index: make([]uint32, rows), lk: lk, layers: make([]layer, len(dense))}
	for li, d := range dense {
		m.layers[li] = layer{scale: d.scale, trans: d.trans, hist: d.hist}
	}
	m.weights = make([]int16, m.stride(), m.stride()*4096)
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
		for _, d := range dense {
			m.weights = append(m.weights, d.weights[r*numTags:(r+1)*numTags]...)
		}
	}
	m.indexRows()
	return m
}

// stride is the length of one place in m.weights.
func (m *Model) stride() int { return numTags * len(m.layers) }

// places is the number of places in m.weights, the zero place included.
func (m *Model) places() int { return len(m.weights) / m.stride() }

// row is layer li's weights at place p.
func (m *Model) row(li, p int) []int16 {
	at := p*m.stride() + li*numTags
	return m.weights[at : at+numTags : at+numTags]
}

// workspace holds one tagging call's buffers.
type workspace struct {
	f       *featurizer
	em      []float32
	base    []int32 // second-pass scores before its own features
	back    []uint8
	tags    []int
	sent    []int
	words   []string
	toks    []Token // TagDocument's tokens, and each field's first
	starts  []int
	bounds  []int
	hist    []uint32
	places  []uint32 // weight places of the rows scoreCached reads
	cache   wordCache
	classes classCache
	cls     []int32 // each token's class in classes
	trans   transTable
	touched int16            // keeps scoreCached's early reads from being dropped
	ent     []int32          // each token's word in cache
	names   map[uint64]uint8 // for propagate
	// the subtyper's
	fine       []uint8
	curated    []int8
	spans      []docSpan
	subRows    []uint32
	phrases    hashIndex // a span's phrase -> its sums in phraseSums
	phraseSums [][numFine]float32
}

func (m *Model) workspace() *workspace {
	if w := m.idle.get(); w != nil {
		return w
	}
	f := newFeaturizer(m.lk, m.bits)
	f.clusters = &hashIndex{}
	return &workspace{f: f, names: map[uint64]uint8{}}
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
	m.scoreCached(w, bounds)
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
				for t, v := range m.row(1, int(m.place(r))) {
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
	newTransTable(trans, &w.trans)
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		if from == to {
			continue
		}
		w.sent = viterbiTable(w.em[from*numTags:], &w.trans, to-from, w.back, w.sent)
		w.tags = append(w.tags, w.sent...)
	}
}

// tagWords tags a document given as words and sentence bounds and returns
// its BILOU tags (valid until the workspace is reused).
func (m *Model) tagWords(w *workspace, words []string, bounds []int) []int {
	w.f.load(words, bounds)
	m.decode(w, bounds)
	m.propagate(w, bounds)
	m.agreeWithFullNames(w, bounds)
	m.applyCurated(w, words, bounds, w.tags)
	return w.tags
}

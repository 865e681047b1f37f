package tagger

// Tagging speed: most of a token's feature rows depend on one word only,
// the token's own (its form, shape, affixes, cluster) or a neighbour's (the
// word before, after, two before, two after). Their weights are summed once
// per word and kept, so a frequent word costs one lookup instead of some
// thirty scattered reads of the weight table. Integer sums do not depend on
// their order, so the scores are exactly those of summing every row.

// wordEntry holds, for one word, the summed weights (layer 0, then layer 1)
// of the rows it brings as the token itself and as each neighbour.
type wordEntry struct {
	exact, lower, shape, pre3, suf3 uint64
	cluster                         uint32
	sums                            [numRoles]lanes
}

// The roles a word plays for a token: itself, or the neighbour at -1, +1,
// -2, +2.
const (
	roleSelf = iota
	rolePrev1
	roleNext1
	rolePrev2
	roleNext2
	numRoles
)

// maxCachedWords bounds a workspace's cache (about 0.7 KB a word); past it
// the cache keeps its busiest half (see begin).
const maxCachedWords = 1 << 13

// wordRows appends the rows word t brings to a token in role.
func wordRows(out []uint32, t *tokInfo, role int, shift uint) []uint32 {
	add := func(tmpl, v uint64) {
		out = append(out, uint32((mix(tmpl, v)*0x9e3779b97f4a7c15)>>shift))
	}
	switch role {
	case roleSelf:
		add(tWord, t.lower)
		add(tExact, t.exact)
		add(tShape, t.shape)
		for k := 0; k < 4; k++ {
			if t.pre[k] != 0 {
				add(tPre+uint64(k), t.pre[k])
				add(tSuf+uint64(k), t.suf[k])
			}
		}
		if t.cluster != 0 {
			for k, p := range clusterPrefixes {
				add(tCluster+uint64(k), prefix(t.cluster, p))
			}
		}
	case rolePrev1:
		add(tPrev1, t.lower)
		add(tShapePrev1, t.shape)
		if t.cluster != 0 {
			add(tClusterPrev, prefix(t.cluster, 20))
		}
	case roleNext1:
		add(tNext1, t.lower)
		add(tShapeNext1, t.shape)
		if t.cluster != 0 {
			add(tClusterNext, prefix(t.cluster, 20))
		}
	case rolePrev2:
		add(tPrev2, t.lower)
		add(tShapePrev2, t.shape)
	case roleNext2:
		add(tNext2, t.lower)
		add(tShapeNext2, t.shape)
	}
	return out
}

// wordCache maps words to their entries in a workspace.
type wordCache struct {
	at      hashIndex
	entries []wordEntry
	hits    []uint32 // times each entry was found since it was made or aged
	rows    []uint32
	places  []uint32
	ends    [numRoles + 1]int
	touched int16 // keeps entry's early reads from being dropped
}

// begin readies the cache for a document: the entries of one document must
// stay where they are, so the cache is trimmed only between documents.
func (c *wordCache) begin() {
	switch {
	case c.at.len() == 0:
		c.at.reset(2 * maxCachedWords) // room for a document past the bound, never growing
		c.entries, c.hits = c.entries[:0], c.hits[:0]
	case len(c.entries) >= maxCachedWords:
		c.trim()
	}
}

// trim keeps the entries found most often, at most half the cache, and
// halves their counts so that words a stretch of text used heavily make way
// in time. Starting afresh instead would drop "the" and "said" along with
// the one-off words, and news text repeats its common words across
// documents far more than its rare ones: over the BBC corpus this misses
// 8.5% of tokens where starting afresh missed 11.5%.
func (c *wordCache) trim() {
	var count [256]int
	for _, h := range c.hits {
		count[min(h, 255)]++
	}
	// Keep the entries found more than th times, th the least that keeps
	// no more than half (or, should more than half be found 255 times,
	// the first half of those).
	th, kept := 0, len(c.hits)-count[0]
	for kept > maxCachedWords/2 && th < 255 {
		th++
		kept -= count[th]
	}
	c.at.reset(2 * maxCachedWords)
	n := 0
	for k, h := range c.hits {
		if int(h) <= th || n == maxCachedWords/2 {
			continue
		}
		e := &c.entries[k]
		key := mix(e.exact, e.lower)
		if _, taken := c.at.get(key); taken {
			continue
		}
		if n != k {
			c.entries[n] = *e
		}
		c.hits[n] = h / 2
		c.at.put(key, uint32(n))
		n++
	}
	c.entries, c.hits = c.entries[:n], c.hits[:n]
}

// entry returns the index of t's word in the cache, summing its rows on
// first sight.
func (m *Model) entry(c *wordCache, t *tokInfo, shift uint) int32 {
	key := mix(t.exact, t.lower)
	k, found := c.at.get(key)
	if found {
		e := &c.entries[k]
		if e.exact == t.exact && e.lower == t.lower && e.shape == t.shape && e.pre3 == t.pre[3] && e.suf3 == t.suf[3] && e.cluster == t.cluster {
			c.hits[k]++
			return int32(k)
		}
		// Two words share a key: the first keeps it, this one goes uncached
		// under a fresh slot.
	}
	c.entries = append(c.entries, wordEntry{exact: t.exact, lower: t.lower, shape: t.shape, pre3: t.pre[3], suf3: t.suf[3], cluster: t.cluster})
	c.hits = append(c.hits, 0)
	k = uint32(len(c.entries) - 1)
	if !found {
		c.at.put(key, k)
	}
	// Look every row's place up before summing any: the lookups are
	// independent, so the processor overlaps their cache misses.
	c.rows = c.rows[:0]
	for role := range numRoles {
		c.rows = wordRows(c.rows, t, role, shift)
		c.ends[role+1] = len(c.rows)
	}
	c.places = c.places[:0]
	for _, r := range c.rows {
		c.places = append(c.places, m.place(r))
	}
	// Read the rows ahead, for the same reason as scoreCached does.
	st := m.stride()
	var touch int16
	for _, pl := range c.places {
		at := int(pl) * st
		touch ^= m.weights[at] ^ m.weights[at+st-1]
	}
	c.touched ^= touch
	e := &c.entries[k]
	for role := range numRoles {
		m.sumPlaces(&e.sums[role], c.places[c.ends[role]:c.ends[role+1]])
	}
	return int32(k)
}

// sumPlaces adds the weights at places, both layers, to acc.
func (m *Model) sumPlaces(acc *lanes, places []uint32) {
	for _, pl := range places {
		m.addRow(acc, pl)
	}
}

// scoreCached fills w.em with first-layer scores and w.base with the second
// layer's scores over the same rows, as summing every row of featureRows
// would, reading the one-word rows
// from the workspace's word cache and the class rows from its class cache.
func (m *Model) scoreCached(w *workspace, bounds []int) {
	f, c := w.f, &w.cache
	c.begin()
	w.classes.begin()
	w.ent = w.ent[:0]
	for i := range f.info {
		w.ent = append(w.ent, m.entry(c, &f.info[i], f.shift))
	}
	start, end := m.entry(c, &startTok, f.shift), m.entry(c, &endTok, f.shift)
	// Look every remaining row's place up first: the lookups are
	// independent, so the processor overlaps their cache misses, where
	// interleaved with the sums each waits on the one before. Rows never
	// trained (place 0, all zeros) are left out.
	w.cls = w.cls[:0]
	f.off = append(f.off[:0], 0)
	places := w.places[:0]
	for s := 0; s+1 < len(bounds); s++ {
		sent := f.info[bounds[s]:bounds[s+1]]
		for i := range sent {
			p1, n1 := neighbours(sent, i)
			w.cls = append(w.cls, m.class(&w.classes, tokenClass(&sent[i], p1, n1, len(sent)), f.shift))
			f.rows = pairRows(f.rows[:0], &sent[i], p1, n1, f.shift)
			f.rows = f.aggregateRows(f.rows, bounds[s]+i)
			for _, r := range f.rows {
				// Without a branch on pl, which would wait for its load.
				pl := m.place(r)
				places = append(places, pl)
				places = places[:len(places)-1+int((pl|-pl)>>31)]
			}
			f.off = append(f.off, int32(len(places)))
		}
	}
	w.places = places
	read := 0 // rows places[:read] have been read ahead
	scale := m.layers[0].scale
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		at := func(j, edge int32) *wordEntry {
			if j < int32(from) || j >= int32(to) {
				return &c.entries[edge]
			}
			return &c.entries[w.ent[j]]
		}
		if end := int(f.off[to]); read < end {
			read = m.readAhead(w, read, end)
		}
		for i := from; i < to; i++ {
			j := int32(i)
			acc := c.entries[w.ent[i]].sums[roleSelf]
			addLanes(&acc, &at(j-1, start).sums[rolePrev1])
			addLanes(&acc, &at(j+1, end).sums[roleNext1])
			addLanes(&acc, &at(j-2, start).sums[rolePrev2])
			addLanes(&acc, &at(j+2, end).sums[roleNext2])
			addLanes(&acc, &w.classes.sums[w.cls[i]])
			for _, pl := range places[f.off[i]:f.off[i+1]] {
				m.addRow(&acc, pl)
			}
			e := w.em[i*numTags : (i+1)*numTags : (i+1)*numTags]
			base := w.base[i*numTags : (i+1)*numTags : (i+1)*numTags]
			for t, v := range acc {
				first, second := layerScores(v)
				e[t] = float32(first) * scale
				base[t] = second
			}
		}
	}
}

// readAheadRows is the number of rows scoreCached reads ahead of its sums, some
// 130 KB of weights: enough to keep dozens of reads from memory under way,
// little enough that they are still in cache when summed.
const readAheadRows = 1024

// readAhead reads the first and last weights (the two cache lines) of the
// rows at w.places[from:], at least up to to and readAheadRows beyond, in a
// loop that does nothing else: the processor then has dozens of reads from
// memory under way at once, and the sums find the rows in cache, where a
// rare feature's row was a wait on memory in the middle of them, one or two
// at a time. It returns how far it read.
func (m *Model) readAhead(w *workspace, from, to int) int {
	to = min(max(to, from)+readAheadRows, len(w.places))
	st := m.stride()
	var touch int16
	for _, pl := range w.places[from:to] {
		at := int(pl) * st
		touch ^= m.weights[at] ^ m.weights[at+st-1]
	}
	w.touched ^= touch // kept, so that the reads are not dropped
	return to
}

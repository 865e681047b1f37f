package tagger

import "math/bits"

// A token's rows that read neither its words nor its neighbours' (the
// bias, its capitalisation, its place in the sentence, the gazetteers and
// the document flags) depend on a few small numbers only, which the BBC
// corpus combines in some 3,600 ways over a million tokens. Their weights
// are summed once per combination, a token's class, and kept: one read
// instead of five to eight rows.

// tokenClass packs what the class rows of token t read, with p1 and n1 its
// neighbours in a sentence of n tokens: capitalisation class (bits 0-3),
// sentence-start, headline and has-letter flags (4-6), place in the
// sentence (8-9), sentence length (12-14), gazetteer bits (16-31), the
// neighbours' gazetteer types (32-35, 36-39) and the document flags (40-47).
func tokenClass(t, p1, n1 *tokInfo, n int) uint64 {
	pos := min(uint64(t.sentPos), 3)
	sl := min(uint64(n), 6)
	return capClass(t.flags) |
		uint64(t.flags>>8&7)<<4 |
		pos<<8 | sl<<12 |
		uint64(t.gaz)<<16 |
		uint64(gazTypes(p1.gaz))<<32 | uint64(gazTypes(n1.gaz))<<36 |
		uint64(t.doc)<<40
}

// classRows appends the rows of a token of class k: featureRows' rows that
// tokenClass stands for, read back from it alone.
func classRows(out []uint32, k uint64, shift uint) []uint32 {
	add := func(tmpl, v uint64) {
		out = append(out, uint32((mix(tmpl, v)*0x9e3779b97f4a7c15)>>shift))
	}
	cc := k & 15
	fl := uint32(k>>4&7) << 8
	pos, sl := k>>8&3, k>>12&7
	gaz := uint16(k >> 16)
	gp, gn := k>>32&15, k>>36&15
	doc := k >> 40 & 255
	add(tBias, 0)
	add(tCap, cc|uint64(fl&(fSentStart|fSentCaps))<<4)
	add(tPosCap, cc|pos<<4|sl<<8)
	for g := gaz; g != 0; g &= g - 1 {
		add(tGaz+uint64(bits.TrailingZeros16(g)), cc)
	}
	if gp != 0 {
		add(tGazPrev, gp)
	}
	if gn != 0 {
		add(tGazNext, gn)
	}
	if fl&fHasLetter != 0 {
		add(tDoc, doc|cc<<4|uint64(fl&(fSentStart|fSentCaps))<<8)
	}
	return out
}

// pairRows appends the rows of token t that read it together with a
// neighbour (p1 before, n1 after): bigrams and shapes across words, and
// in a headline the word in Title case.
func pairRows(out []uint32, t, p1, n1 *tokInfo, shift uint) []uint32 {
	add := func(tmpl, v uint64) {
		out = append(out, uint32((mix(tmpl, v)*0x9e3779b97f4a7c15)>>shift))
	}
	add(tBigramPrev, mix(p1.lower, t.lower))
	add(tBigramNext, mix(t.lower, n1.lower))
	add(tShape3, mix(mix(p1.shape, t.shape), n1.shape))
	add(tPrevShape, mix(p1.lower, t.shape))
	add(tShapeNext, mix(t.shape, n1.lower))
	if t.flags&fHasLetter != 0 && t.flags&fSentCaps != 0 {
		add(tTitleWord, t.title)
	}
	return out
}

// neighbours returns the tokens either side of token i of sentence s, the
// sentence's edges standing in at its ends.
func neighbours(s []tokInfo, i int) (p1, n1 *tokInfo) {
	p1, n1 = &startTok, &endTok
	if i > 0 {
		p1 = &s[i-1]
	}
	if i+1 < len(s) {
		n1 = &s[i+1]
	}
	return p1, n1
}

// contextRows appends the rows of token i of sentence s that wordRows does
// not give: those reading more than one word, the token's place, its
// capitalisation, the gazetteers and the document. featureRows gives both.
func contextRows(out []uint32, s []tokInfo, i int, shift uint) []uint32 {
	p1, n1 := neighbours(s, i)
	out = classRows(out, tokenClass(&s[i], p1, n1, len(s)), shift)
	return pairRows(out, &s[i], p1, n1, shift)
}

// maxClasses bounds a workspace's class cache (136 bytes a class); past it
// the cache starts afresh.
const maxClasses = 1 << 13

// classCache maps token classes to their summed rows.
type classCache struct {
	at   hashIndex
	sums []lanes
	rows []uint32
}

// begin readies the cache for a document; like the word cache, it only
// starts afresh between documents.
func (c *classCache) begin() {
	if c.at.len() == 0 || len(c.sums) >= maxClasses {
		c.at.reset(maxClasses)
		c.sums = c.sums[:0]
	}
}

// class returns the index of class k's sums in c, summing its rows on
// first sight.
func (m *Model) class(c *classCache, k uint64, shift uint) int32 {
	if i, ok := c.at.get(k); ok {
		return int32(i)
	}
	c.rows = classRows(c.rows[:0], k, shift)
	i := len(c.sums)
	c.sums = append(c.sums, lanes{})
	for _, r := range c.rows {
		m.addRow(&c.sums[i], m.place(r))
	}
	c.at.put(k, uint32(i))
	return int32(i)
}

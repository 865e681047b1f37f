package tagger

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Token flags, computed once per token.
const (
	fInitCap uint32 = 1 << iota
	fAllCaps
	fLower
	fHasDigit
	fAllDigit
	fHasHyphen
	fHasDot
	fPunct
	fSentStart
	fSentCaps // the sentence is a headline in capitals
	fHasLetter
)

// Document flags: how a word's lowercase form is written elsewhere in the
// same document.
const (
	dSeenLower  uint8 = 1 << iota // in lowercase
	dSeenCapMid                   // capitalised, not first in its sentence
	dSeenTitle                    // in Title case outside a headline
	dSeenOften                    // more than twice
)

// tokInfo is what feature templates read about one token.
type tokInfo struct {
	exact, lower, title, shape uint64
	pre, suf                   [4]uint64
	flags                      uint32
	usuallyLower               bool   // news text mostly writes the word in lowercase
	cluster                    uint32 // path code with a leading 1 bit, or 0
	gaz                        uint16 // bit 4*type+position (B, I, L, U)
	doc                        uint8
	hist                       uint8 // first-pass label of this word in the document
	sentPos                    uint8
}

// analyse fills t from the word w.
func analyse(w string, t *tokInfo) {
	*t = tokInfo{}
	t.exact = hashString(w, false)
	t.lower = hashString(w, true)
	t.title = hashTitle(w)
	var (
		shape                            = hashSeed
		last                             rune
		upper, lower, digit, other, n, k int
		suffix                           [4]rune
	)
	pre := hashSeed
	for _, r := range w {
		r = normRune(r)
		var c rune
		switch {
		case unicode.IsUpper(r):
			c, upper = 'X', upper+1
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c, lower = 'x', lower+1
		case unicode.IsDigit(r):
			c, digit = 'd', digit+1
		default:
			c, other = r, other+1
			if r == '-' {
				t.flags |= fHasHyphen
			} else if r == '.' {
				t.flags |= fHasDot
			}
		}
		if c != last {
			shape = hashRune(shape, c)
			last = c
		}
		lr := unicode.ToLower(r)
		if n < 4 {
			pre = hashRune(pre, lr)
			t.pre[n] = pre
		}
		suffix[k&3] = lr
		k++
		n++
	}
	// Suffixes hash from the last rune backwards.
	suf := hashSeed
	for i := 0; i < 4 && i < n; i++ {
		suf = hashRune(suf, suffix[(k-1-i)&3])
		t.suf[i] = suf
	}
	for i := n; i < 4; i++ {
		t.pre[i], t.suf[i] = 0, 0
	}
	t.shape = shape
	first, _ := utf8.DecodeRuneInString(w)
	letters := upper + lower
	if letters > 0 {
		t.flags |= fHasLetter
	}
	switch {
	case letters > 0 && lower == 0 && upper > 0:
		t.flags |= fAllCaps
		if upper == 1 {
			t.flags |= fInitCap
		}
	case unicode.IsUpper(first):
		t.flags |= fInitCap
	case letters > 0 && upper == 0:
		t.flags |= fLower
	}
	if digit > 0 {
		t.flags |= fHasDigit
		if letters == 0 && other == 0 {
			t.flags |= fAllDigit
		}
	}
	if letters == 0 && digit == 0 {
		t.flags |= fPunct
	}
}

// capClass sums up a token's capitalisation in one small number.
func capClass(fl uint32) uint64 {
	switch {
	case fl&fAllCaps != 0 && fl&fInitCap == 0:
		return 1
	case fl&fInitCap != 0:
		return 2
	case fl&fLower != 0:
		return 3
	case fl&fAllDigit != 0:
		return 4
	case fl&fHasDigit != 0:
		return 5
	case fl&fPunct != 0:
		return 6
	}
	return 7
}

// Feature templates. Their numbers are part of the model format.
const (
	tBias        uint64 = 1
	tWord        uint64 = 2
	tExact       uint64 = 3
	tShape       uint64 = 4
	tPre         uint64 = 5
	tSuf         uint64 = 10
	tCap         uint64 = 15
	tPrev1       uint64 = 16
	tNext1       uint64 = 17
	tPrev2       uint64 = 18
	tNext2       uint64 = 19
	tShapePrev1  uint64 = 20
	tShapeNext1  uint64 = 21
	tShapePrev2  uint64 = 22
	tShapeNext2  uint64 = 23
	tBigramPrev  uint64 = 24
	tBigramNext  uint64 = 25
	tShape3      uint64 = 26
	tCluster     uint64 = 30
	tClusterPrev uint64 = 40
	tClusterNext uint64 = 41
	tGaz         uint64 = 50
	tGazPrev     uint64 = 70
	tGazNext     uint64 = 71
	tDoc         uint64 = 72
	tPrevShape   uint64 = 73
	tShapeNext   uint64 = 74
	tPosCap      uint64 = 75
	tHist        uint64 = 76
	tHistWord    uint64 = 77
	tHistPrev    uint64 = 78
	tHistNext    uint64 = 79
	tTitleWord   uint64 = 80
	tAggPrev     uint64 = 81
	tAggNext     uint64 = 82
)

// clusterPrefixes are the bit-prefix lengths used as cluster features.
var clusterPrefixes = [...]int{4, 6, 10, 14, 20}

// prefix returns the first p bits of a cluster path code (with its leading
// 1 bit, so prefixes of different lengths differ).
func prefix(code uint32, p int) uint64 {
	n := bits.Len32(code) - 1
	if n <= p {
		return uint64(code)
	}
	return uint64(code >> (n - p))
}

var (
	startTok = tokInfo{exact: 11, lower: 11, shape: 11, title: 11, hist: 255}
	endTok   = tokInfo{exact: 13, lower: 13, shape: 13, title: 13, hist: 254}
)

// featureRows appends the weight-table rows of token i of sentence s to out.
func featureRows(out []uint32, s []tokInfo, i int, shift uint) []uint32 {
	t := &s[i]
	at := func(j int) *tokInfo {
		if j < 0 {
			return &startTok
		}
		if j >= len(s) {
			return &endTok
		}
		return &s[j]
	}
	p1, n1, p2, n2 := at(i-1), at(i+1), at(i-2), at(i+2)
	add := func(tmpl, v uint64) {
		out = append(out, uint32((mix(tmpl, v)*0x9e3779b97f4a7c15)>>shift))
	}
	cc := capClass(t.flags)
	add(tBias, 0)
	add(tWord, t.lower)
	add(tExact, t.exact)
	add(tShape, t.shape)
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			add(tPre+uint64(k), t.pre[k])
			add(tSuf+uint64(k), t.suf[k])
		}
	}
	add(tCap, cc|uint64(t.flags&(fSentStart|fSentCaps))<<4)
	add(tPrev1, p1.lower)
	add(tNext1, n1.lower)
	add(tPrev2, p2.lower)
	add(tNext2, n2.lower)
	add(tShapePrev1, p1.shape)
	add(tShapeNext1, n1.shape)
	add(tShapePrev2, p2.shape)
	add(tShapeNext2, n2.shape)
	add(tBigramPrev, mix(p1.lower, t.lower))
	add(tBigramNext, mix(t.lower, n1.lower))
	add(tShape3, mix(mix(p1.shape, t.shape), n1.shape))
	add(tPrevShape, mix(p1.lower, t.shape))
	add(tShapeNext, mix(t.shape, n1.lower))
	pos := uint64(t.sentPos)
	if pos > 3 {
		pos = 3
	}
	sl := uint64(len(s))
	if sl > 6 {
		sl = 6
	}
	add(tPosCap, cc|pos<<4|sl<<8)
	if t.cluster != 0 {
		for k, p := range clusterPrefixes {
			add(tCluster+uint64(k), prefix(t.cluster, p))
		}
	}
	if p1.cluster != 0 {
		add(tClusterPrev, prefix(p1.cluster, 20))
	}
	if n1.cluster != 0 {
		add(tClusterNext, prefix(n1.cluster, 20))
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		add(tGaz+uint64(bits.TrailingZeros16(g)), cc)
	}
	if g := gazTypes(p1.gaz); g != 0 {
		add(tGazPrev, uint64(g))
	}
	if g := gazTypes(n1.gaz); g != 0 {
		add(tGazNext, uint64(g))
	}
	if t.flags&fHasLetter != 0 {
		add(tDoc, uint64(t.doc)|cc<<4|uint64(t.flags&(fSentStart|fSentCaps))<<8)
		if t.flags&fSentCaps != 0 {
			add(tTitleWord, t.title)
		}
	}
	return out
}

// histRows appends the rows of token i's second-pass features: what the
// first pass made of the same word elsewhere in the document.
func histRows(out []uint32, s []tokInfo, i int, shift uint) []uint32 {
	t := &s[i]
	add := func(tmpl, v uint64) {
		out = append(out, uint32((mix(tmpl, v)*0x9e3779b97f4a7c15)>>shift))
	}
	p1, n1 := &startTok, &endTok
	if i > 0 {
		p1 = &s[i-1]
	}
	if i+1 < len(s) {
		n1 = &s[i+1]
	}
	if t.hist != 0 {
		add(tHist, uint64(t.hist)|capClass(t.flags)<<8)
		add(tHistWord, mix(uint64(t.hist), t.lower))
	}
	add(tHistPrev, uint64(p1.hist))
	add(tHistNext, uint64(n1.hist))
	return out
}

// gazTypes folds position bits into one bit per entity type.
func gazTypes(g uint16) uint8 {
	var out uint8
	for k := 0; k < 4; k++ {
		if g>>(4*k)&15 != 0 {
			out |= 1 << k
		}
	}
	return out
}

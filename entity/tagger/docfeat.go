package tagger

import "strings"

// featurizer turns a document into weight-table rows. It owns reusable
// buffers, so one featurizer tags many documents without allocating; it is
// not safe for concurrent use.
type featurizer struct {
	lk    *lookup
	shift uint
	info  []tokInfo
	rows  []uint32
	off   []int32 // rows of token i are rows[off[i]:off[i+1]]
	// Words are numbered by lowercase hash as they come: ids maps the hash
	// to the number, seen holds a word's counts and head its first
	// occurrence (-1 for none yet); next[i] is the occurrence after token i,
	// or -1.
	ids  hashIndex
	seen []wordCounts
	head []int32
	next []int32
	// Lowercase hashes of each token's neighbours within its sentence.
	left, right []uint64
	// clusters remembers the clusters of words already looked up (when not
	// nil): the model's table is large and mostly out of cache, while a
	// document's words recur.
	clusters *hashIndex
	analysed analysisCache
	// rawText turns on reading Title Case headlines as all-caps ones: news
	// pages write headlines so, CoNLL data does not (it has them in capitals,
	// and its Title Case lines are tables and lists of names).
	rawText bool
}

// wordCounts records how a word (by lowercase hash) is written across a
// document.
type wordCounts struct {
	lower, capMid, title, all uint8
	types                     [numTypes + 1]uint8 // first-pass labels; the last is O
}

func inc(c *uint8) {
	if *c < 255 {
		*c++
	}
}

func newFeaturizer(lk *lookup, bits uint) *featurizer {
	return &featurizer{lk: lk, shift: 64 - bits}
}

// id returns the number of the word with lowercase hash h, numbering it if
// new.
func (f *featurizer) id(h uint64) int32 {
	if k, ok := f.ids.get(h); ok {
		return int32(k)
	}
	k := int32(len(f.seen))
	f.ids.put(h, uint32(k))
	f.seen = append(f.seen, wordCounts{})
	f.head = append(f.head, -1)
	return k
}

// firstOf is the first occurrence of the word with lowercase hash h; a word
// never chained reads as token 0, as a missing map entry did.
func (f *featurizer) firstOf(h uint64) int32 {
	if k, ok := f.ids.get(h); ok && f.head[k] >= 0 {
		return f.head[k]
	}
	return 0
}

// load analyses a document: words, and bounds holding the first token of
// every sentence followed by len(words).
func (f *featurizer) load(words []string, bounds []int) {
	if cap(f.info) < len(words) {
		f.info = make([]tokInfo, len(words), len(words)*2)
	}
	f.info = f.info[:len(words)]
	if f.clusters != nil && f.clusters.len() > maxCachedWords {
		f.clusters.reset(maxCachedWords)
	}
	f.analysed.begin()
	for i, w := range words {
		f.analyse(w, &f.info[i])
	}
	f.ids.reset(len(words))
	f.seen, f.head = f.seen[:0], f.head[:0]
	f.next = f.next[:0]
	f.left, f.right = f.left[:0], f.right[:0]
	for range f.info {
		f.next = append(f.next, -1)
		f.left = append(f.left, startTok.lower)
		f.right = append(f.right, endTok.lower)
	}
	for i := len(f.info) - 1; i >= 0; i-- {
		if f.info[i].flags&fHasLetter == 0 {
			continue
		}
		k := f.id(f.info[i].lower)
		f.next[i] = f.head[k]
		f.head[k] = int32(i)
	}
	for s := 0; s+1 < len(bounds); s++ {
		for i := bounds[s]; i < bounds[s+1]; i++ {
			if i > bounds[s] {
				f.left[i] = f.info[i-1].lower
			}
			if i+1 < bounds[s+1] {
				f.right[i] = f.info[i+1].lower
			}
		}
	}
	for i := range f.info {
		if t := &f.info[i]; t.flags&fLower != 0 {
			inc(&f.seen[f.id(t.lower)].lower)
		}
	}
	for s := 0; s+1 < len(bounds); s++ {
		sent := f.info[bounds[s]:bounds[s+1]]
		caps, letters := true, 0
		for i := range sent {
			sent[i].sentPos = uint8(min(i, 255))
			if sent[i].flags&fHasLetter != 0 {
				letters++
				if sent[i].flags&fAllCaps == 0 {
					caps = false
				}
			}
		}
		if len(sent) == 0 {
			continue
		}
		sent[0].flags |= fSentStart
		if !caps && f.rawText && f.titleHeadline(sent) {
			// Read a Title Case headline as CoNLL's headlines in capitals.
			for i := range sent {
				if sent[i].flags&fHasLetter == 0 {
					continue
				}
				keep := sent[i].sentPos
				f.analyse(strings.ToUpper(words[bounds[s]+i]), &sent[i])
				sent[i].sentPos = keep
			}
			sent[0].flags |= fSentStart
			caps = true
		}
		for i := range sent {
			t := &sent[i]
			if caps && letters > 0 {
				t.flags |= fSentCaps
			}
			if t.flags&fHasLetter == 0 {
				continue
			}
			c := &f.seen[f.id(t.lower)]
			inc(&c.all)
			if t.flags&fInitCap != 0 && t.flags&(fAllCaps|fSentCaps) == 0 {
				inc(&c.title)
				if t.flags&fSentStart == 0 {
					inc(&c.capMid)
				}
			}
		}
		f.lk.markGazetteer(words[bounds[s]:bounds[s+1]], sent)
	}
	for i := range f.info {
		t := &f.info[i]
		if t.flags&fHasLetter == 0 {
			continue
		}
		c := f.seen[f.id(t.lower)]
		// Leave the token itself out of its own counts.
		switch {
		case t.flags&fLower != 0:
			c.lower--
		case t.flags&fInitCap != 0 && t.flags&(fAllCaps|fSentCaps) == 0:
			c.title--
			if t.flags&fSentStart == 0 {
				c.capMid--
			}
		}
		var d uint8
		if c.lower > 0 {
			d |= dSeenLower
		}
		if c.capMid > 0 {
			d |= dSeenCapMid
		}
		if c.title > 0 {
			d |= dSeenTitle
		}
		if c.all > 2 {
			d |= dSeenOften
		}
		t.doc = d
	}
}

// clusterOf is lookup.clusterOf through f.clusters.
func (f *featurizer) clusterOf(t *tokInfo) uint32 {
	if f.clusters == nil {
		return f.lk.clusterOf(t)
	}
	key := mix(mix(t.exact, t.title), t.lower)
	c, ok := f.clusters.get(key)
	if !ok {
		c = f.lk.clusterOf(t)
		f.clusters.put(key, c)
	}
	return c
}

// seenLower reports whether the document has the word with lowercase hash
// h in lowercase.
func (f *featurizer) seenLower(h uint64) bool {
	k, ok := f.ids.get(h)
	return ok && f.seen[k].lower > 0
}

// minorWords are lowercase in Title Case headlines; capitalised, they mark one.
var minorWords = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("a an the and or but nor of in on at to for by with as from into over after up vs is are was be its it") {
		m[hashString(w, true)] = true
	}
	return m
}()

// titleHeadline reports whether a sentence is a headline in Title Case:
// no digits, nothing lowercase but minor words, three or more capitalised
// words, and among those after the first at least one in three usually
// lowercase (a minor word, a word the document writes in lowercase elsewhere,
// or one news text does). Lists of names ("Stuart Law, Glenn McGrath") and
// result lines stay as they are.
func (f *featurizer) titleHeadline(sent []tokInfo) bool {
	caps, evidence := 0, 0
	for i := range sent {
		t := &sent[i]
		switch {
		case t.flags&fHasDigit != 0:
			return false
		case t.flags&fLower != 0:
			if !minorWords[t.lower] {
				return false
			}
		case t.flags&fInitCap != 0:
			caps++
			if i > 0 && (minorWords[t.lower] || f.seenLower(t.lower) || f.lk.isMostlyLower(t)) {
				evidence++
			}
		}
	}
	return caps >= 3 && evidence > 0 && 3*evidence >= caps
}

// setHistory sets each token's hist from the first-pass tags of the other
// occurrences of its word in the document: 0 when there are none, 1+type for
// the most frequent entity type, numTypes+1 when they were all outside names.
func (f *featurizer) setHistory(tags []int) {
	for k := range f.seen {
		f.seen[k].types = [numTypes + 1]uint8{}
	}
	for i, t := range tags {
		ti := &f.info[i]
		if ti.flags&fHasLetter == 0 {
			continue
		}
		inc(&f.seen[f.id(ti.lower)].types[histType(t)])
	}
	for i, t := range tags {
		ti := &f.info[i]
		ti.hist = 0
		if ti.flags&fHasLetter == 0 {
			continue
		}
		c := f.seen[f.id(ti.lower)]
		c.types[histType(t)]--
		best, arg := uint8(0), 0
		for k := 0; k < numTypes; k++ {
			if c.types[k] > best {
				best, arg = c.types[k], k
			}
		}
		switch {
		case best > 0:
			ti.hist = uint8(1 + arg)
		case c.types[numTypes] > 0:
			ti.hist = numTypes + 1
		}
	}
}

// histType is a tag's entity type, or numTypes for O.
func histType(t int) int {
	if t == tagO {
		return numTypes
	}
	return tagType(t)
}

// maxAggregate bounds how many other occurrences of a word lend it their
// contexts.
const maxAggregate = 8

// aggregateRows appends, for a capitalised token, the words around the other
// occurrences of the same word in the document (context aggregation, after
// Ratinov and Roth): "giant Pirelli" in one sentence helps "Pirelli" in all.
func (f *featurizer) aggregateRows(out []uint32, i int) []uint32 {
	t := &f.info[i]
	if t.flags&(fInitCap|fAllCaps) == 0 {
		return out
	}
	n := 0
	for j := f.firstOf(t.lower); j >= 0 && n < maxAggregate; j = f.next[j] {
		if int(j) == i {
			continue
		}
		n++
		out = append(out,
			uint32((mix(tAggPrev, f.left[j])*0x9e3779b97f4a7c15)>>f.shift),
			uint32((mix(tAggNext, f.right[j])*0x9e3779b97f4a7c15)>>f.shift))
	}
	return out
}

// features computes the rows of every token, sentence by sentence, with the
// second-pass rows too when hist is set.
func (f *featurizer) features(bounds []int, hist bool) {
	f.rows = f.rows[:0]
	f.off = append(f.off[:0], 0)
	for s := 0; s+1 < len(bounds); s++ {
		sent := f.info[bounds[s]:bounds[s+1]]
		for i := range sent {
			f.rows = featureRows(f.rows, sent, i, f.shift)
			f.rows = f.aggregateRows(f.rows, bounds[s]+i)
			if hist {
				f.rows = histRows(f.rows, sent, i, f.shift)
			}
			f.off = append(f.off, int32(len(f.rows)))
		}
	}
}

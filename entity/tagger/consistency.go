package tagger

// Headlines in capitals say little about themselves: "MERKEL VISITS PARIS"
// could be anything, while the body beneath says who Merkel is. propagate
// copies names the tagger found in ordinary sentences to unlabelled words of
// the same document's headlines, whole names and, for people, surnames.

// maxPhrase bounds the length of a name copied into a headline.
const maxPhrase = 6

// propagate relabels untagged runs in capitalised sentences that spell a
// name found elsewhere in the document.
func (m *Model) propagate(w *workspace, bounds []int) {
	info, tags := w.f.info, w.tags
	anyCaps := false
	for s := 0; s+1 < len(bounds); s++ {
		if bounds[s] < bounds[s+1] && info[bounds[s]].flags&fSentCaps != 0 {
			anyCaps = true
			break
		}
	}
	if !anyCaps {
		return
	}
	names := w.names
	clear(names)
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		if from == to || info[from].flags&fSentCaps != 0 {
			continue
		}
		for i := from; i < to; i++ {
			t := tags[i]
			if t == tagO || (tagPos(t) != posB && tagPos(t) != posU) {
				continue
			}
			j := i
			for j+1 < to && tagPos(tags[j]) != posL && tagPos(tags[j]) != posU {
				j++
			}
			if j-i < maxPhrase {
				names[phraseHash(info[i:j+1])] |= 1 << tagType(t)
				if tagType(t) == 0 && j > i { // PER: the surname alone
					names[phraseHash(info[j:j+1])] |= 1
				}
			}
			i = j
		}
	}
	if len(names) == 0 {
		return
	}
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		if from == to || info[from].flags&fSentCaps == 0 {
			continue
		}
		for i := from; i < to; i++ {
			if tags[i] != tagO || info[i].flags&fHasLetter == 0 {
				continue
			}
			// The longest untagged run from i that is a known name of one type.
			best, typ := -1, 0
			for j := i; j < to && j-i < maxPhrase && tags[j] == tagO; j++ {
				if k, ok := names[phraseHash(info[i:j+1])]; ok && k&(k-1) == 0 {
					best, typ = j, typeOfBit(k)
				}
			}
			if best < 0 {
				continue
			}
			if best == i {
				tags[i] = tagOf(typ, posU)
			} else {
				tags[i] = tagOf(typ, posB)
				for k := i + 1; k < best; k++ {
					tags[k] = tagOf(typ, posI)
				}
				tags[best] = tagOf(typ, posL)
			}
			i = best
		}
	}
}

func phraseHash(toks []tokInfo) uint64 {
	h := hashSeed
	for i := range toks {
		h = mix(h, toks[i].lower)
	}
	return h
}

func typeOfBit(k uint8) int {
	for t := 0; t < numTypes; t++ {
		if k == 1<<t {
			return t
		}
	}
	return 0
}

// agreeWithFullNames retypes as PER a one-word name of another type that
// is the surname of a person named in full in the same document: after
// "Rafael Nadal" and "Andy Roddick", a bare "Nadal" or "Roddick" is the
// player, whatever a score line makes of it ("Nadal 6-7 6-2 Roddick" reads
// like CoNLL's tables of clubs and countries). Without this, one misreading,
// echoed by the second pass's document features, types every later mention
// wrongly. Left alone: names the gazetteer knows with the type they have
// ("Scotland" stays a country beside the player Jason Scotland), words in
// capitals ("QC" after a barrister's name), and longer names, where a
// misread title would spread ("Shark Tale" PER once is not a person).
func (m *Model) agreeWithFullNames(w *workspace, bounds []int) {
	info, tags := w.f.info, w.tags
	surnames := w.names
	clear(surnames)
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == tagO || tagPos(t) != posB {
			continue
		}
		j := i
		for j+1 < len(tags) && tagPos(tags[j]) != posL {
			j++
		}
		if tagType(t) == 0 {
			surnames[info[j].lower] = 1
		}
		i = j
	}
	if len(surnames) == 0 {
		return
	}
	for i, t := range tags {
		if t == tagO || tagPos(t) != posU || tagType(t) == 0 || surnames[info[i].lower] == 0 {
			continue
		}
		if info[i].flags&fInitCap == 0 || info[i].flags&fAllCaps != 0 {
			continue
		}
		if m.lk.gaz[mix(hashSeed, info[i].lower)]&(1<<tagType(t)) != 0 {
			continue
		}
		tags[i] = tagOf(0, posU)
	}
}

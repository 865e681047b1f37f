package tagger

import (
	"unicode"
	"unicode/utf8"
)

// Curated names are a short hand-written list (entity/train/names.tsv) of
// works, products, events and bands whose type a reader knows without
// context and the training data gets wrong: "Only Fools and Horses" is one
// show, not a person and a band; "PSP" a product. Where one stands in the
// text, capitalised, it is taken whole, replacing whatever spans the tagger
// put across those words, with its listed type. The list holds no names
// that are also common words or first names.

// curatedBit marks a curated name in lookup.fine; the low bits give its
// type in fineNames order.
const curatedBit = 1 << 7

// curatedType returns the fine type of a curated phrase hash, or -1.
func (l *lookup) curatedType(h uint64) int {
	b := l.fine[h]
	if b&curatedBit == 0 {
		return -1
	}
	for f := 0; f < numFine; f++ {
		if b>>f&1 != 0 {
			return f
		}
	}
	return -1
}

// smallWords may stand lowercase inside a curated name.
var smallWords = map[string]bool{"of": true, "and": true, "the": true, "a": true, "in": true, "on": true, "de": true, "to": true, "for": true}

// applyCurated rewrites the tags of a document where curated names stand,
// and records their fine types in w.curated (-1 elsewhere).
func (m *Model) applyCurated(w *workspace, words []string, bounds []int, tags []int) {
	w.curated = w.curated[:0]
	for range tags {
		w.curated = append(w.curated, -1)
	}
	if m.lk.curatedMax == 0 {
		return
	}
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		for i := from; i < to; i++ {
			if !capitalised(words[i]) {
				continue
			}
			best, bestType := -1, -1
			h := hashSeed
			for j := i; j < to && j-i < m.lk.curatedMax; j++ {
				if j > i && !capitalised(words[j]) && !smallWords[words[j]] && !isPunctWord(words[j]) {
					break
				}
				h = mix(h, hashString(words[j], true))
				if f := m.lk.curatedType(h); f >= 0 && capitalised(words[j]) {
					best, bestType = j, f
				}
			}
			if best < 0 {
				continue
			}
			// Clear the spans the name overlaps, then write it; but a longer
			// name the tagger found around it stands ("Grammy Award for
			// Best Album" holds "Grammy Award").
			lo, hi := i, best
			for lo > from && tags[lo] != tagO && tagPos(tags[lo]) != posB && tagPos(tags[lo]) != posU {
				lo--
			}
			for hi+1 < to && tags[hi] != tagO && tagPos(tags[hi]) != posL && tagPos(tags[hi]) != posU {
				hi++
			}
			if tags[lo] != tagO && tags[hi] != tagO && (lo < i || hi > best) && oneSpan(tags[lo:hi+1]) {
				i = hi
				continue
			}
			for k := lo; k <= hi; k++ {
				tags[k] = tagO
			}
			coarse := bestType
			if coarse >= numTypes {
				coarse = typeIndex("MISC")
			}
			if best == i {
				tags[i] = tagOf(coarse, posU)
			} else {
				tags[i] = tagOf(coarse, posB)
				for k := i + 1; k < best; k++ {
					tags[k] = tagOf(coarse, posI)
				}
				tags[best] = tagOf(coarse, posL)
			}
			for k := i; k <= best; k++ {
				w.curated[k] = int8(bestType)
			}
			i = best
		}
	}
}

// capitalised reports whether w starts with an upper-case letter or a digit
// ("iPod" counts: a name whose capital comes second).
func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	if r2, _ := utf8.DecodeRuneInString(w[n:]); unicode.IsLower(r) && unicode.IsUpper(r2) {
		return true
	}
	return false
}

func isPunctWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return w == "'s" || r == '\'' || r == '-'
}

// oneSpan reports whether tags are exactly one entity.
func oneSpan(tags []int) bool {
	for k, t := range tags {
		if t == tagO {
			return false
		}
		if k > 0 && (tagPos(t) == posB || tagPos(t) == posU) {
			return false
		}
	}
	return true
}

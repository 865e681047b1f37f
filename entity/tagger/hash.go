package tagger

import "unicode"

// Feature hashing: every feature is a 64-bit hash of a template number and
// its value, reduced to a row of the weight table. Words are hashed rune by
// rune after normalisation, so no feature string is ever built.

const (
	hashSeed  uint64 = 0xcbf29ce484222325
	hashPrime uint64 = 0x100000001b3
)

// normRune folds typographic variants to the ASCII forms CoNLL text uses.
func normRune(r rune) rune {
	switch r {
	case '“', '”', '„', '«', '»', '″':
		return '"'
	case '‘', '’', '‚', '′', '`':
		return '\''
	case '–', '—', '‐', '‑', '−':
		return '-'
	case '\u00a0':
		return ' '
	}
	return r
}

func hashRune(h uint64, r rune) uint64 {
	return (h ^ uint64(r)) * hashPrime
}

// mix combines two hashes; it is not symmetric, so (a, b) and (b, a) differ.
func mix(a, b uint64) uint64 {
	a ^= b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2)
	a ^= a >> 31
	a *= 0xbf58476d1ce4e5b9
	a ^= a >> 29
	return a
}

// hashString hashes s rune by rune after normRune; lower lowercases it.
func hashString(s string, lower bool) uint64 {
	h := hashSeed
	for _, r := range s {
		r = normRune(r)
		if lower {
			r = unicode.ToLower(r)
		}
		h = hashRune(h, r)
	}
	return h
}

// hashTitle hashes s as Title case: first letter upper, the rest lower, so
// "GERMANY" finds what "Germany" has.
func hashTitle(s string) uint64 {
	h := hashSeed
	first := true
	for _, r := range s {
		r = normRune(r)
		if first {
			r = unicode.ToUpper(r)
			first = false
		} else {
			r = unicode.ToLower(r)
		}
		h = hashRune(h, r)
	}
	return h
}

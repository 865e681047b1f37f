package tagger

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Resources are the word lists compiled into a model: word clusters and
// gazetteers. They are plain data so a model file carries them whole.
type Resources struct {
	// Clusters maps a word to its cluster path, a string of 0s and 1s whose
	// prefixes name ever coarser clusters (as Brown clustering writes them).
	Clusters []ClusterWord
	// Gazetteer lists known names by entity type ("LOC", "PER", "MISC", "ORG").
	Gazetteer []GazetteerEntry
	// Curated lists names whose type needs no context (any of the seven
	// types); where one stands in a text it is taken whole with that type.
	// They never feed the tagger's own features.
	Curated []GazetteerEntry
}

// ClusterWord is one word, its cluster path and how often the unlabelled
// text had it (0 when unknown).
type ClusterWord struct {
	Word, Path string
	Count      int
}

// GazetteerEntry is one known name of an entity type.
type GazetteerEntry struct {
	Type, Name string
}

// lookup is the compiled, hash-keyed form of Resources.
type lookup struct {
	// clusters maps a word hash to its path code; mostlyLower marks words
	// the unlabelled text wrote in lowercase far more often than capitalised.
	clusters map[uint64]uint32
	gaz      map[uint64]uint8 // phrase hash -> one bit per entity type
	gazMax   int
	gazKeys  hashFilter // gaz's keys; built with gaz, which nothing changes after
	// fine maps a phrase hash to bits (fineNames order) for the names of
	// works, products and events: read by the subtyper, not the tagger.
	fine       map[uint64]uint8
	curatedMax int // the longest curated name, in tokens
}

// pathCode turns "0110" into 0b10110: the path under a leading 1 bit.
func pathCode(path string) uint32 {
	code := uint32(1)
	for i := 0; i < len(path) && i < 31; i++ {
		code = code<<1 | uint32(path[i]-'0')
	}
	return code
}

// typeIndex is t's place among the tagger's four types; WORK, PRODUCT and
// EVENT are MISC to the tagger (the subtyper tells them apart), so corpora
// that name them train the same spans CoNLL calls MISC.
func typeIndex(t string) int {
	for i, n := range typeNames {
		if n == t {
			return i
		}
	}
	if k := fineIndex(t); k >= numTypes {
		return typeIndex("MISC")
	}
	return -1
}

// fineIndex is t's place in fineNames, or -1.
func fineIndex(t string) int {
	for i, n := range fineNames {
		if n == t {
			return i
		}
	}
	return -1
}

// compile builds the lookup tables. Cluster words are case-sensitive; a
// word also answers for its lowercase and Title-case forms when those have
// no cluster of their own (Clusters come most frequent first).
func (r *Resources) compile() *lookup {
	l := &lookup{clusters: make(map[uint64]uint32, len(r.Clusters)*2), gaz: map[uint64]uint8{}, fine: map[uint64]uint8{}}
	counts := make(map[string]int, len(r.Clusters))
	for _, c := range r.Clusters {
		counts[c.Word] = c.Count
	}
	for _, c := range r.Clusters {
		code := pathCode(c.Path)
		if c.Count > 0 && c.Word == strings.ToLower(c.Word) && c.Count >= 4*counts[titleCase(c.Word)] {
			code |= mostlyLower
		}
		l.clusters[hashString(c.Word, false)] = code
	}
	for _, c := range r.Clusters {
		code := pathCode(c.Path) // without the mostlyLower mark
		for _, h := range [...]uint64{hashString(c.Word, true), hashTitle(c.Word)} {
			if _, ok := l.clusters[h]; !ok {
				l.clusters[h] = code
			}
		}
	}
	for _, g := range r.Gazetteer {
		k := typeIndex(g.Type)
		if k < 0 {
			continue
		}
		toks := Tokenize(g.Name)
		if len(toks) == 0 {
			continue
		}
		h := hashSeed
		for _, t := range toks {
			h = mix(h, hashString(t.Text, true))
		}
		if f := fineIndex(g.Type); f >= numTypes {
			// Works, products and events inform the subtyper only: the
			// tagger's own gazetteer features keep the four CoNLL types.
			l.fine[h] |= 1 << f
			continue
		}
		l.gaz[h] |= 1 << k
		if len(toks) > l.gazMax {
			l.gazMax = len(toks)
		}
	}
	for _, g := range r.Curated {
		f := fineIndex(g.Type)
		toks := Tokenize(g.Name)
		if f < 0 || len(toks) == 0 {
			continue
		}
		h := hashSeed
		for _, t := range toks {
			h = mix(h, hashString(t.Text, true))
		}
		l.fine[h] = l.fine[h]&^(curatedBit|1<<numFine-1) | curatedBit | 1<<f
		l.curatedMax = max(l.curatedMax, len(toks))
	}
	l.gazKeys = newHashFilter(l.gaz)
	return l
}

// mostlyLower is set on the cluster code of a lowercase word that is rarely
// capitalised; paths never reach this bit.
const mostlyLower = 1 << 31

// clusterOf finds the cluster of a token: as written, then as Title case
// (for headlines in capitals), then lowercased.
func (l *lookup) clusterOf(t *tokInfo) uint32 {
	if c, ok := l.clusters[t.exact]; ok {
		return c &^ mostlyLower
	}
	if c, ok := l.clusters[t.title]; ok {
		return c &^ mostlyLower
	}
	return l.clusters[t.lower] &^ mostlyLower
}

// isMostlyLower reports whether the token's word is usually written in
// lowercase, as a capitalised "Visits" or "Talks" in a headline is.
func (l *lookup) isMostlyLower(t *tokInfo) bool {
	return l.clusters[t.lower]&mostlyLower != 0
}

// titleCase writes a word with its first letter upper case.
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// markGazetteer sets the gaz bits of a sentence's tokens for every gazetteer
// name found in it that starts with a capital letter.
func (l *lookup) markGazetteer(words []string, s []tokInfo) {
	for i := range s {
		if s[i].flags&(fInitCap|fAllCaps) == 0 {
			continue
		}
		h := hashSeed
		for j := i; j < len(s) && j-i < l.gazMax; j++ {
			h = mix(h, s[j].lower)
			if !l.gazKeys.mayHave(h) {
				continue
			}
			types := l.gaz[h]
			if types == 0 {
				continue
			}
			// A name must end on a word, not on punctuation.
			if last, _ := utf8.DecodeLastRuneInString(words[j]); !unicode.IsLetter(last) && !unicode.IsDigit(last) && last != '.' {
				continue
			}
			for k := 0; k < 4; k++ {
				if types>>k&1 == 0 {
					continue
				}
				if j == i {
					s[i].gaz |= 1 << (4*k + 3) // U
					continue
				}
				s[i].gaz |= 1 << (4 * k) // B
				for m := i + 1; m < j; m++ {
					s[m].gaz |= 1 << (4*k + 1) // I
				}
				s[j].gaz |= 1 << (4*k + 2) // L
			}
		}
	}
}

// ParseGazetteer reads "TYPE<TAB>Name" lines.
func ParseGazetteer(text string) []GazetteerEntry {
	var out []GazetteerEntry
	for _, line := range strings.Split(text, "\n") {
		typ, name, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if ok && name != "" {
			out = append(out, GazetteerEntry{Type: typ, Name: name})
		}
	}
	return out
}

// ParseClusters reads "path<TAB>word[<TAB>count]" lines, as Brown clustering
// tools and entity/clusters write them.
func ParseClusters(text string) []ClusterWord {
	var out []ClusterWord
	for _, line := range strings.Split(text, "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) >= 2 && f[0] != "" && f[1] != "" {
			c := ClusterWord{Path: f[0], Word: f[1]}
			if len(f) >= 3 {
				c.Count, _ = strconv.Atoi(f[2])
			}
			out = append(out, c)
		}
	}
	return out
}

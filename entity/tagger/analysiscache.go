package tagger

import (
	"hash/maphash"
	"strings"
)

// Analysing a word (its hashes, shape, affixes, capitalisation) and finding
// its cluster reads it rune by rune and probes tables bigger than the
// processor's caches; news text repeats its words, so a featurizer keeps
// what it found for each word it met, keyed by the word itself.

// maxAnalysedWords bounds an analysis cache (some 130 bytes a word); past
// it the cache starts afresh, between documents.
const maxAnalysedWords = 1 << 13

// analysisCache maps words to their analysis, cluster included.
type analysisCache struct {
	seed  maphash.Seed
	at    hashIndex
	words []string
	infos []tokInfo
}

// begin readies the cache for a document.
func (c *analysisCache) begin() {
	if c.at.len() == 0 || len(c.words) >= maxAnalysedWords {
		if c.at.len() == 0 {
			c.seed = maphash.MakeSeed()
		}
		c.at.reset(2 * maxAnalysedWords) // room for a document past the bound, never growing
		c.words, c.infos = c.words[:0], c.infos[:0]
	}
}

// analyse sets t to analyse(w, t) with t.cluster set as f.clusterOf
// would, from the cache when w was met before.
func (f *featurizer) analyse(w string, t *tokInfo) {
	c := &f.analysed
	h := maphash.String(c.seed, w)
	k, found := c.at.get(h)
	if found && c.words[k] == w {
		*t = c.infos[k]
		return
	}
	analyse(w, t)
	t.cluster = f.clusterOf(t)
	if !found {
		// A word whose key another holds goes uncached.
		c.at.put(h, uint32(len(c.words)))
		c.words = append(c.words, strings.Clone(w))
		c.infos = append(c.infos, *t)
	}
}

// clusterOfWord is lookup.clusterOfWord, from the cache when the document
// had w: the analysis looked its cluster up the same way.
func (f *featurizer) clusterOfWord(w string) uint32 {
	c := &f.analysed
	if c.at.len() > 0 {
		if k, ok := c.at.get(maphash.String(c.seed, w)); ok && c.words[k] == w {
			return c.infos[k].cluster
		}
	}
	return f.lk.clusterOfWord(w)
}

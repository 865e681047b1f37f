package tagger

import (
	"fmt"
	"slices"
	"testing"
)

// TestCachedRowsAreFeatureRows checks that the rows the word cache sums
// (each word in its five roles) and contextRows together are exactly the
// rows training reads from featureRows, token by token: a template added to
// one and not the other would make tagging read a different model than the
// one trained.
func TestCachedRowsAreFeatureRows(t *testing.T) {
	m := tinyModel(t, true)
	words := []string{"GERMAN", "Chancellor", "Angela", "Merkel", "met", "Renault", "'s", "chief", "in", "Paris", ".", "U.S.", "3-2", "Merkel"}
	bounds := []int{0, 3, len(words)}
	f := newFeaturizer(m.lk, m.bits)
	f.load(words, bounds)
	for s := 0; s+1 < len(bounds); s++ {
		sent := f.info[bounds[s]:bounds[s+1]]
		at := func(j int) *tokInfo {
			switch {
			case j < 0:
				return &startTok
			case j >= len(sent):
				return &endTok
			}
			return &sent[j]
		}
		for i := range sent {
			want := featureRows(nil, sent, i, f.shift)
			got := contextRows(nil, sent, i, f.shift)
			got = wordRows(got, &sent[i], roleSelf, f.shift)
			got = wordRows(got, at(i-1), rolePrev1, f.shift)
			got = wordRows(got, at(i+1), roleNext1, f.shift)
			got = wordRows(got, at(i-2), rolePrev2, f.shift)
			got = wordRows(got, at(i+2), roleNext2, f.shift)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("token %q: cached and context rows %v, featureRows %v", words[bounds[s]+i], got, want)
			}
		}
	}
}

// TestViterbiWalksPredecessors checks the unrolled decoder's tag groups
// against the allowed transitions it stands for.
func TestViterbiWalksPredecessors(t *testing.T) {
	for _, c := range opening {
		if !slices.Equal(predecessors[c], closing[:]) {
			t.Errorf("tag %d: predecessors %v, the decoder walks %v", c, predecessors[c], closing)
		}
	}
	for k := 0; k < numTypes; k++ {
		for _, c := range []int{tagOf(k, posI), tagOf(k, posL)} {
			if want := []uint8{uint8(tagOf(k, posB)), uint8(tagOf(k, posI))}; !slices.Equal(predecessors[c], want) {
				t.Errorf("tag %d: predecessors %v, the decoder walks %v", c, predecessors[c], want)
			}
		}
	}
}

// TestWordCacheTrim fills a cache past its bound and checks that trimming
// keeps the words found often, drops the others, and that every kept word
// is still found under its own entry.
func TestWordCacheTrim(t *testing.T) {
	m := tinyModel(t, true)
	var c wordCache
	c.begin()
	tok := func(i int) *tokInfo {
		ti := &tokInfo{}
		analyse(fmt.Sprintf("w%d", i), ti)
		return ti
	}
	for i := range maxCachedWords {
		k := m.entry(&c, tok(i), 64-m.bits)
		if i%4 == 0 {
			m.entry(&c, tok(i), 64-m.bits) // found once
		}
		if int(k) != i {
			t.Fatalf("word %d went to entry %d", i, k)
		}
	}
	c.begin()
	if got, want := len(c.entries), maxCachedWords/4; got != want {
		t.Errorf("kept %d entries, want the %d found", got, want)
	}
	for i := range maxCachedWords {
		ti := tok(i)
		k, ok := c.at.get(mix(ti.exact, ti.lower))
		if ok != (i%4 == 0) {
			t.Fatalf("word %d: kept %v", i, ok)
		}
		if ok && (c.entries[k].exact != ti.exact || c.entries[k].lower != ti.lower) {
			t.Fatalf("word %d found under another word's entry", i)
		}
	}
}

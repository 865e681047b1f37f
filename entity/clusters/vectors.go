package main

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// sparse is an L2-normalised sparse vector.
type sparse struct {
	idx []int32
	val []float32
}

// offsets are the context positions a word is described by.
var offsets = [...]int{-2, -1, 1, 2}

// vectors describes each vocabulary word by positive PMI with the k most
// frequent lowercase words (and the sentence edge) at each offset.
func (c *corpus) vectors(vocab []int32, k int) []sparse {
	// Context words: the k most frequent lowercase forms.
	lowerCount := map[string]int{}
	for id, w := range c.words {
		lowerCount[strings.ToLower(w)] += c.counts[id]
	}
	lowers := make([]string, 0, len(lowerCount))
	for w := range lowerCount {
		lowers = append(lowers, w)
	}
	sort.Slice(lowers, func(i, j int) bool {
		if lowerCount[lowers[i]] != lowerCount[lowers[j]] {
			return lowerCount[lowers[i]] > lowerCount[lowers[j]]
		}
		return lowers[i] < lowers[j]
	})
	if len(lowers) > k {
		lowers = lowers[:k]
	}
	ctxOf := make([]int32, len(c.words))
	rank := map[string]int32{}
	for i, w := range lowers {
		rank[w] = int32(i)
	}
	for id, w := range c.words {
		if r, ok := rank[strings.ToLower(w)]; ok {
			ctxOf[id] = r
		} else {
			ctxOf[id] = -1
		}
	}
	width := int32(k + 1) // k words and the sentence edge
	vi := make([]int32, len(c.words))
	for i := range vi {
		vi[i] = -1
	}
	for i, id := range vocab {
		vi[id] = int32(i)
	}
	var pairs []uint64
	for _, s := range c.sents {
		for i, id := range s {
			v := vi[id]
			if v < 0 {
				continue
			}
			for o, off := range offsets {
				j := i + off
				ctx := width - 1
				if j >= 0 && j < len(s) {
					ctx = ctxOf[s[j]]
					if ctx < 0 {
						continue
					}
				}
				pairs = append(pairs, uint64(v)<<32|uint64(int32(o)*width+ctx))
			}
		}
	}
	slices.Sort(pairs)
	dims := len(offsets) * int(width)
	wordTotal := make([]float64, len(vocab))
	ctxTotal := make([]float64, dims)
	type cell struct {
		word, ctx int32
		n         float64
	}
	var cells []cell
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		cl := cell{word: int32(pairs[i] >> 32), ctx: int32(uint32(pairs[i])), n: float64(j - i)}
		cells = append(cells, cl)
		wordTotal[cl.word] += cl.n
		ctxTotal[cl.ctx] += cl.n
		i = j
	}
	// Smoothed context distribution (exponent 0.75) keeps rare contexts from
	// dominating PMI.
	smooth := 0.0
	for i, n := range ctxTotal {
		ctxTotal[i] = math.Pow(n, 0.75)
		smooth += ctxTotal[i]
	}
	vecs := make([]sparse, len(vocab))
	for _, cl := range cells {
		pmi := math.Log(cl.n / wordTotal[cl.word] / (ctxTotal[cl.ctx] / smooth))
		if pmi <= 0 {
			continue
		}
		v := &vecs[cl.word]
		v.idx = append(v.idx, cl.ctx)
		v.val = append(v.val, float32(pmi))
	}
	for i := range vecs {
		normalise(vecs[i].val)
	}
	return vecs
}

func normalise(v []float32) {
	s := 0.0
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

func dot(v sparse, c []float32) float32 {
	s := float32(0)
	for i, j := range v.idx {
		s += v.val[i] * c[j]
	}
	return s
}

// bisect splits the words in two by spherical 2-means, recursively, and
// returns each word's path of 0s and 1s.
func bisect(vecs []sparse, maxDepth, leaf int, seed uint64) []string {
	dims := 0
	for _, v := range vecs {
		for _, j := range v.idx {
			dims = max(dims, int(j)+1)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x636c7573))
	paths := make([]string, len(vecs))
	c0, c1 := make([]float32, dims), make([]float32, dims)
	var rec func(members []int, path []byte)
	rec = func(members []int, path []byte) {
		if len(members) <= leaf || len(path) >= maxDepth {
			for _, m := range members {
				paths[m] = string(path)
			}
			return
		}
		a, b := twoMeans(vecs, members, c0, c1, rng)
		if len(a) == 0 || len(b) == 0 {
			for _, m := range members {
				paths[m] = string(path)
			}
			return
		}
		rec(a, append(path, '0'))
		rec(b, append(path[:len(path):len(path)], '1'))
	}
	all := make([]int, len(vecs))
	for i := range all {
		all[i] = i
	}
	rec(all, nil)
	for i := range paths {
		if paths[i] == "" {
			paths[i] = "0"
		}
	}
	return paths
}

// twoMeans splits members into two groups by cosine to two centroids,
// starting from the farthest pair it finds and, when that collapses to one
// side, from a random halving.
func twoMeans(vecs []sparse, members []int, c0, c1 []float32, rng *rand.Rand) (a, b []int) {
	side := make([]bool, len(members))
	for attempt := 0; attempt < 3; attempt++ {
		clear(c0)
		clear(c1)
		if attempt == 0 {
			first := members[rng.IntN(len(members))]
			add(c0, vecs[first], 1)
			far, farDot := first, float32(2)
			for _, m := range members {
				if d := dot(vecs[m], c0); d < farDot {
					far, farDot = m, d
				}
			}
			add(c1, vecs[far], 1)
		} else {
			for _, m := range members {
				if rng.IntN(2) == 0 {
					add(c0, vecs[m], 1)
				} else {
					add(c1, vecs[m], 1)
				}
			}
			normalise(c0)
			normalise(c1)
		}
		for iter := 0; iter < 15; iter++ {
			changed := false
			for i, m := range members {
				s := dot(vecs[m], c1) > dot(vecs[m], c0)
				if s != side[i] || iter == 0 {
					changed = true
					side[i] = s
				}
			}
			if !changed {
				break
			}
			clear(c0)
			clear(c1)
			for i, m := range members {
				if side[i] {
					add(c1, vecs[m], 1)
				} else {
					add(c0, vecs[m], 1)
				}
			}
			normalise(c0)
			normalise(c1)
		}
		a, b = a[:0], b[:0]
		for i, m := range members {
			if side[i] {
				b = append(b, m)
			} else {
				a = append(a, m)
			}
		}
		// A split that leaves almost everything on one side is retried.
		if min(len(a), len(b))*20 >= len(members) || attempt == 2 {
			break
		}
	}
	return a, b
}

func add(c []float32, v sparse, w float32) {
	for i, j := range v.idx {
		c[j] += v.val[i] * w
	}
}

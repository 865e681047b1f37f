package tagger

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// plainViterbi is the textbook decoder over predecessors, which the
// unrolled one must match tag for tag, ties included.
func plainViterbi(em, trans []float32, n int) []int {
	neg := float32(math.Inf(-1))
	cur := make([]float32, numTags)
	back := make([]uint8, n*numTags)
	for t := range numTags {
		cur[t] = neg
		if allowed(numTags, t) {
			cur[t] = em[t] + trans[numTags*numTags+t]
		}
	}
	for i := 1; i < n; i++ {
		next := make([]float32, numTags)
		for t := range numTags {
			best, arg := neg, uint8(0)
			for _, p := range predecessors[t] {
				if s := cur[p] + trans[int(p)*numTags+t]; s > best {
					best, arg = s, p
				}
			}
			next[t] = best + em[i*numTags+t]
			back[i*numTags+t] = arg
		}
		cur = next
	}
	best, arg := neg, tagO
	for t := range numTags {
		if canEnd(t) && cur[t] > best {
			best, arg = cur[t], t
		}
	}
	out := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		if i > 0 {
			arg = int(back[i*numTags+arg])
		}
	}
	return out
}

// TestViterbiMatchesPlain decodes random scores, coarse enough that ties
// are common, both ways.
func TestViterbiMatchesPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	score := func() float32 { return float32(r.IntN(7)-3) * 0.5 }
	for round := range 2000 {
		n := 1 + r.IntN(12)
		em := make([]float32, n*numTags)
		trans := make([]float32, (numTags+1)*numTags)
		for i := range em {
			em[i] = score()
		}
		for i := range trans {
			trans[i] = score()
		}
		got := viterbi(em, trans, n, make([]uint8, n*numTags), nil)
		if want := plainViterbi(em, trans, n); !slices.Equal(got, want) {
			t.Fatalf("round %d: decoded %v, plain decoder %v", round, got, want)
		}
	}
}

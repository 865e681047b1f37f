package tagger

import "math"

// transTable holds a layer's transition scores in the order the decoder
// reads them: for each tag that opens (O, B, U of each type) the scores
// from every tag that closes (O, L, U), and for each type's I and L the
// scores from its B and I. Built once per document, it turns the decoder's
// scattered reads of trans into a walk along a row.
type transTable struct {
	open  [len(opening)][len(closing)]float32
	in    [numTypes][2][2]float32 // [type][I, L][from B, from I]
	start [numTags]float32
}

func newTransTable(trans []float32, tb *transTable) {
	for ti, t := range opening {
		for pi, p := range closing {
			tb.open[ti][pi] = trans[int(p)*numTags+int(t)]
		}
	}
	for k := 0; k < numTypes; k++ {
		for ci, c := range [2]int{tagOf(k, posI), tagOf(k, posL)} {
			tb.in[k][ci][0] = trans[tagOf(k, posB)*numTags+c]
			tb.in[k][ci][1] = trans[tagOf(k, posI)*numTags+c]
		}
	}
	copy(tb.start[:], trans[numTags*numTags:(numTags+1)*numTags])
}

// viterbi finds the best well-formed tag sequence for emission scores em
// (numTags per token) and transition scores trans ((numTags+1) x numTags,
// the last row for the sentence start). back is scratch space.
func viterbi(em []float32, trans []float32, n int, back []uint8, out []int) []int {
	var tb transTable
	newTransTable(trans, &tb)
	return viterbiTable(em, &tb, n, back, out)
}

// viterbiTable is viterbi with the transitions in a transTable.
//
// A tag after O, L or U (a closed name) is O, B or U; a tag after B or I of
// a type is I or L of that type. The loops walk exactly predecessors[t], in
// its order, with the same strict comparison, so ties fall as they always
// have and every score is the same sum of the same two numbers.
func viterbiTable(em []float32, tb *transTable, n int, back []uint8, out []int) []int {
	var cur, next [numTags]float32
	neg := float32(math.Inf(-1))
	for t := 0; t < numTags; t++ {
		if allowed(numTags, t) {
			cur[t] = em[t] + tb.start[t]
		} else {
			cur[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		e := (*[numTags]float32)(em[i*numTags : (i+1)*numTags])
		bk := (*[numTags]uint8)(back[i*numTags : (i+1)*numTags])
		// The closing tags' scores, in closing's order.
		var c [len(closing)]float32
		for j, p := range closing {
			c[j] = cur[p]
		}
		for ti := range opening {
			r := &tb.open[ti]
			best, arg := neg, 0
			if s := c[0] + r[0]; s > best {
				best, arg = s, 0
			}
			if s := c[1] + r[1]; s > best {
				best, arg = s, 1
			}
			if s := c[2] + r[2]; s > best {
				best, arg = s, 2
			}
			if s := c[3] + r[3]; s > best {
				best, arg = s, 3
			}
			if s := c[4] + r[4]; s > best {
				best, arg = s, 4
			}
			if s := c[5] + r[5]; s > best {
				best, arg = s, 5
			}
			if s := c[6] + r[6]; s > best {
				best, arg = s, 6
			}
			if s := c[7] + r[7]; s > best {
				best, arg = s, 7
			}
			if s := c[8] + r[8]; s > best {
				best, arg = s, 8
			}
			t := opening[ti]
			next[t] = best + e[t]
			bk[t] = closing[arg]
		}
		for k := 0; k < numTypes; k++ {
			b, in := 1+4*k+posB, 1+4*k+posI
			cb, ci := cur[b], cur[in]
			for j, t := range [2]int{1 + 4*k + posI, 1 + 4*k + posL} {
				r := &tb.in[k][j]
				best, arg := neg, uint8(0)
				if s := cb + r[0]; s > best {
					best, arg = s, uint8(b)
				}
				if s := ci + r[1]; s > best {
					best, arg = s, uint8(in)
				}
				next[t] = best + e[t]
				bk[t] = arg
			}
		}
		cur = next
	}
	best, arg := neg, tagO
	for t := 0; t < numTags; t++ {
		if canEnd(t) && cur[t] > best {
			best, arg = cur[t], t
		}
	}
	out = out[:0]
	for i := 0; i < n; i++ {
		out = append(out, 0)
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		if i > 0 {
			arg = int(back[i*numTags+arg])
		}
	}
	return out
}

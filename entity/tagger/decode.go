package tagger

import "math"

// Tags are BILOU: O, then Begin, Inside, Last and Unit for each type.
const (
	numTypes = 4
	numTags  = 1 + 4*numTypes
	tagO     = 0
)

var typeNames = [numTypes]string{"PER", "ORG", "LOC", "MISC"}

// fineNames are the types spans come out with: the tagger's four, then the
// kinds of MISC the subtyper tells apart.
const numFine = 7

var fineNames = [numFine]string{"PER", "ORG", "LOC", "MISC", "WORK", "PRODUCT", "EVENT"}

// Positions of a tag within its type.
const (
	posB = iota
	posI
	posL
	posU
)

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }

func tagType(t int) int { return (t - 1) / 4 }

func tagPos(t int) int { return (t - 1) % 4 }

// allowed reports whether tag cur may follow prev (prev == numTags is the
// sentence start) in a well-formed BILOU sequence.
func allowed(prev, cur int) bool {
	open := prev != numTags && prev != tagO && (tagPos(prev) == posB || tagPos(prev) == posI)
	if open {
		return cur != tagO && tagType(cur) == tagType(prev) && (tagPos(cur) == posI || tagPos(cur) == posL)
	}
	return cur == tagO || tagPos(cur) == posB || tagPos(cur) == posU
}

// canEnd reports whether a sentence may end on tag t.
func canEnd(t int) bool { return t == tagO || tagPos(t) == posL || tagPos(t) == posU }

// bilou converts IOB2 tags to BILOU tag numbers.
func bilou(tags []string, out []int) []int {
	out = out[:0]
	for range tags {
		out = append(out, tagO)
	}
	for _, c := range Chunks(tags) {
		k := typeIndex(c.Type)
		if k < 0 {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = tagOf(k, posU)
			continue
		}
		out[c.Start] = tagOf(k, posB)
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = tagOf(k, posI)
		}
		out[c.End-1] = tagOf(k, posL)
	}
	return out
}

// iob2 converts well-formed BILOU tag numbers to IOB2 strings.
func iob2(tags []int, out []string) []string {
	out = out[:0]
	for _, t := range tags {
		switch {
		case t == tagO:
			out = append(out, "O")
		case tagPos(t) == posB || tagPos(t) == posU:
			out = append(out, "B-"+typeNames[tagType(t)])
		default:
			out = append(out, "I-"+typeNames[tagType(t)])
		}
	}
	return out
}

// viterbi finds the best well-formed tag sequence for emission scores em
// (numTags per token) and transition scores trans ((numTags+1) x numTags,
// the last row for the sentence start). back is scratch space.
func viterbi(em []float32, trans []float32, n int, back []uint8, out []int) []int {
	var cur, next [numTags]float32
	neg := float32(math.Inf(-1))
	for t := 0; t < numTags; t++ {
		if allowed(numTags, t) {
			cur[t] = em[t] + trans[numTags*numTags+t]
		} else {
			cur[t] = neg
		}
	}
	// A tag after O, L or U (a closed name) is O, B or U; a tag after B or
	// I of a type is I or L of that type. The loops below walk exactly
	// predecessors[t], in its order, so ties fall as before.
	tr := (*[(numTags + 1) * numTags]float32)(trans[:(numTags+1)*numTags])
	for i := 1; i < n; i++ {
		e := (*[numTags]float32)(em[i*numTags : (i+1)*numTags])
		bk := (*[numTags]uint8)(back[i*numTags : (i+1)*numTags])
		for _, t := range opening {
			best, arg := neg, uint8(0)
			for _, p := range closing {
				if s := cur[p] + tr[int(p)*numTags+int(t)]; s > best {
					best, arg = s, p
				}
			}
			next[t] = best + e[t]
			bk[t] = arg
		}
		for k := 0; k < numTypes; k++ {
			b, in := 1+4*k+posB, 1+4*k+posI
			for _, t := range [2]int{1 + 4*k + posI, 1 + 4*k + posL} {
				best, arg := neg, uint8(0)
				if s := cur[b] + tr[b*numTags+t]; s > best {
					best, arg = s, uint8(b)
				}
				if s := cur[in] + tr[in*numTags+t]; s > best {
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

// opening are the tags that may follow a closed name (O, B, U), closing
// the tags that close one (O, L, U), both in tag order.
var opening, closing = func() (op, cl [1 + 2*numTypes]uint8) {
	for k := 0; k < numTypes; k++ {
		op[1+2*k], op[2+2*k] = uint8(tagOf(k, posB)), uint8(tagOf(k, posU))
		cl[1+2*k], cl[2+2*k] = uint8(tagOf(k, posL)), uint8(tagOf(k, posU))
	}
	return
}()

// predecessors lists, for each tag, the tags that may come before it.
var predecessors = func() (out [numTags][]uint8) {
	for c := 0; c < numTags; c++ {
		for p := 0; p < numTags; p++ {
			if allowed(p, c) {
				out[c] = append(out[c], uint8(p))
			}
		}
	}
	return
}()

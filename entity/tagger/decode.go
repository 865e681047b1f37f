package tagger

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

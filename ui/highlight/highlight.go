// Package highlight paints byte ranges of a text (the mentions of a pinned
// entity, the hits of an in-article search) through glamour's rendering and
// wrapping, exactly: every character of each range gets the range's style and
// nothing else does, at every width.
//
// Offsets cannot be carried through glamour directly, because it re-flows
// the text, and SGR sequences put in its input do not survive. So the work is
// split in two:
//
//  1. Mark puts an invisible marker (U+2060 WORD JOINER) before and after each
//     range in the source text. Glamour keeps the marker, gives it zero
//     columns and never breaks a line at it, so the marked text wraps exactly
//     like the unmarked one.
//  2. Apply walks the rendered, ANSI-styled output, removes every marker and
//     paints what lies between the k-th pair of markers with the k-th pair's
//     style, re-opening the style after every SGR glamour emits (glamour
//     closes its styles with ESC[m between segments) and on every new line.
//
// A typical use, for one field:
//
//	marked, order := highlight.Mark(text, ranges)
//	pairs := highlight.AppendStyles(nil, ranges, order)
//	out := highlight.Apply(render(marked), styles, pairs)
//
// Several fields (title, caption, each paragraph) can be marked one by one,
// rendered, joined in the order they are drawn and passed to Apply once, as
// long as their pairs are appended in that same order.
package highlight

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Marker is the character Mark puts around each range. U+2060 WORD JOINER
// was chosen by measuring glamour v2.0.1: it survives rendering, counts zero
// columns (a private-use character counts one and shifts the wrapping) and is
// not a break opportunity. Being a grapheme cluster of its own, it never fuses
// with a neighbouring emoji or combining mark.
const Marker = "\u2060"

// Range is one span to highlight: the bytes [Start, End) of a text, painted
// with the style at index Style of the styles given to Apply (through
// AppendStyles). A negative Style marks the span but leaves it unpainted,
// which lets a caller mark every mention once and choose the painted ones
// later without rendering again.
type Range struct {
	Start, End int
	Style      int
}

// Mark returns text with a Marker before and after each range, and order,
// where order[k] is the index in ranges of the k-th marked range.
//
// Markers already in text are removed first (offsets still count their
// bytes), so an article's content can never forge a highlight. Ranges are
// clamped to the text and widened to whole UTF-8 characters. They are taken
// in order of Start (the longer first when two start together); a range
// inside an earlier one is dropped, and one overlapping an earlier one is cut
// to begin where that one ends, so every character keeps the style of the
// first range that covers it and markers never nest.
func Mark(text string, ranges []Range) (marked string, order []int) {
	type span struct{ start, end, index int }
	spans := make([]span, 0, len(ranges))
	for i, r := range ranges {
		s, e := snap(text, r.Start, r.End)
		if s < e {
			spans = append(spans, span{s, e, i})
		}
	}
	slices.SortFunc(spans, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end), cmp.Compare(a.index, b.index))
	})

	var b strings.Builder
	b.Grow(len(text) + 2*len(Marker)*len(spans))
	order = make([]int, 0, len(spans))
	pos := 0 // bytes of text before pos are written
	for _, sp := range spans {
		if sp.end <= pos {
			continue // inside a range already marked
		}
		sp.start = max(sp.start, pos)
		writeClean(&b, text[pos:sp.start])
		b.WriteString(Marker)
		writeClean(&b, text[sp.start:sp.end])
		b.WriteString(Marker)
		pos = sp.end
		order = append(order, sp.index)
	}
	writeClean(&b, text[pos:])
	return b.String(), order
}

// AppendStyles appends to dst the style of each range Mark marked, in marker
// order: the pairs argument of Apply. Appending field after field in drawing
// order lets one Apply call cover a whole article.
func AppendStyles(dst []int, ranges []Range, order []int) []int {
	for _, i := range order {
		dst = append(dst, ranges[i].Style)
	}
	return dst
}

// Strip removes every Marker from s. The reader needs it for text that was
// marked but is drawn without Apply.
func Strip(s string) string {
	if !strings.Contains(s, Marker) {
		return s
	}
	return strings.ReplaceAll(s, Marker, "")
}

// writeClean writes s without the markers it may hold.
func writeClean(b *strings.Builder, s string) {
	for {
		i := strings.Index(s, Marker)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		s = s[i+len(Marker):]
	}
}

// snap clamps [start, end) to text and widens it to whole characters, so a
// marker is never written inside a multi-byte character.
func snap(text string, start, end int) (int, int) {
	start = min(max(start, 0), len(text))
	end = min(max(end, 0), len(text))
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return start, end
}

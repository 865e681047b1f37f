package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Apply turns the marker pairs in rendered (glamour's output for text marked
// by Mark, or any ANSI text holding markers) into styled runs and removes
// every marker. pairs[k] is the index in styles of the k-th pair's style; a
// pair with no entry, a negative index or one past styles is left unpainted.
//
// Apply changes no text and no width: removing the markers and every SGR
// sequence from its result gives rendered without markers. Within a pair it
// paints each visible character, and whitespace only where it lies between
// two painted characters of the pair on the same line, so the indentation of
// a wrapped line, the padding glamour adds and the space left at the end of a
// line where a range wraps all stay plain. Escape sequences are copied whole
// (markers inside one, as in a link's URL, are removed but do not count as a
// pair); SGR sequences that glamour emits inside a pair are followed by the
// pair's style again, and after each painted run glamour's own style (a code
// span's background, say) is restored.
func Apply(rendered string, styles []Style, pairs []int) string {
	if !strings.Contains(rendered, Marker) {
		return rendered
	}
	a := applier{src: rendered, styles: styles, pairs: pairs, held: -1}
	a.out.Grow(len(rendered) + len(pairs)*16)
	a.run()
	return a.out.String()
}

// applier is the state of one Apply call: where the walk is and what the
// terminal will have in effect at that point of the output.
type applier struct {
	src    string
	styles []Style
	pairs  []int
	out    strings.Builder

	next   int    // index of the next pair to open
	inPair bool   // between a pair's opening and closing marker
	style  Style  // the open pair's style; painting only when paint is set
	paint  bool   // the open pair has a style
	lit    bool   // a character of the open pair was painted on this line
	on     bool   // the pair's style may be in effect (a Close is owed)
	fresh  bool   // the pair's style is in effect and nothing came after it
	pen    []byte // the SGR sequences glamour emitted since its last reset
	held   int    // start in src of whitespace not yet written, or -1
}

// run walks src once, writing the result to out. Outside painted pairs,
// which is nearly all of an article, text is copied in bulk from marker to
// marker; inside one, the walk goes grapheme by grapheme.
func (a *applier) run() {
	s := a.src
	mark := strings.Index(s, Marker) // the next marker at or after i, or -1
	for i := 0; i < len(s); {
		if mark >= 0 && mark < i {
			mark = indexFrom(s, Marker, i)
		}
		if !a.paint && i != mark {
			i = a.copyPlain(i, mark)
			continue
		}
		switch {
		case i == mark:
			a.release(i, false)
			a.marker(i)
			i += len(Marker)
			continue
		case s[i] == '\n':
			a.release(i, false)
			a.close()
			a.lit = false
			a.out.WriteByte('\n')
			i++
			continue
		}
		seq, n := next(s[i:])
		switch {
		case a.held >= 0:
			if !isEscape(seq) && !isBlank(seq) {
				a.release(i, a.lit)
				a.emit(seq)
			}
			// else: whitespace or a sequence after held whitespace
			// waits, until we know whether the whitespace is painted.
		case isBlank(seq):
			a.held = i
		default:
			a.emit(seq)
		}
		i += n
	}
	a.release(len(s), false)
	a.close()
}

// copyPlain copies src from i up to the next marker (or the end) when no
// painted pair is open. Nothing there changes, so it is one copy; glamour's
// pen is read back later, only where a painted pair opens. It returns where it
// stopped: at the marker, at the end, or past an escape sequence that held a
// marker (a link's URL) and was written without it.
func (a *applier) copyPlain(i, mark int) int {
	s := a.src
	end := len(s)
	if mark >= 0 {
		end = mark
	}
	if e := strings.LastIndexByte(s[i:end], ansi.ESC); e >= 0 {
		// Sequences do not nest, so only the last one can hold the marker.
		k := i + e
		if seq, n := next(s[k:]); k+n > end {
			a.out.WriteString(s[i:k])
			a.escape(seq)
			return k + n
		}
	}
	a.out.WriteString(s[i:end])
	return end
}

// penAt sets the pen to glamour's SGR sequences in effect at src[i]: those
// since the last reset before i. Glamour resets after every styled segment,
// so the walk back is short.
func (a *applier) penAt(i int) {
	s := a.src[:i]
	from := 0
	for j := len(s); ; {
		k := strings.LastIndex(s[:j], "\x1b[")
		if k < 0 {
			break
		}
		if n := csiLen(s[k:]); n > 0 {
			if params, ok := sgrParams(s[k : k+n]); ok && resets(params) {
				from = k
				break
			}
		}
		j = k
	}
	a.pen = a.pen[:0]
	for k := from; k < len(s); {
		e := strings.Index(s[k:], "\x1b[")
		if e < 0 {
			break
		}
		k += e
		n := max(csiLen(s[k:]), 1)
		a.pens(s[k : k+n])
		k += n
	}
}

// indexFrom is strings.Index(s[from:], sub) as an index into s, or -1.
func indexFrom(s, sub string, from int) int {
	if j := strings.Index(s[from:], sub); j >= 0 {
		return from + j
	}
	return -1
}

// next returns the first escape sequence, control character or grapheme of
// s and its length in bytes. Graphemes are whole clusters (a letter with its
// combining marks, an emoji sequence), so nothing is ever written inside one.
// A marker inside a grapheme (it never fuses with its neighbours, but text is
// text) ends the grapheme before it.
func next(s string) (string, int) {
	c := s[0]
	switch {
	case c < utf8.RuneSelf && c >= ' ' && c != ansi.DEL && (len(s) == 1 || s[1] < utf8.RuneSelf):
		return s[:1], 1 // printable ASCII followed by ASCII: a grapheme of its own
	case c == ansi.ESC || c >= 0x80 && c < 0xa0:
		if n := csiLen(s); n > 0 {
			return s[:n], n
		}
		seq, _, n, _ := ansi.DecodeSequence(s, ansi.NormalState, nil)
		if n > 0 {
			return seq, n
		}
		return s[:1], 1
	case c < ' ' || c == ansi.DEL:
		return s[:1], 1
	}
	seq, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if len(seq) == 0 {
		return s[:1], 1
	}
	if j := strings.Index(seq[1:], Marker); j >= 0 {
		seq = seq[:j+1]
	}
	return seq, len(seq)
}

// csiLen returns the length of the complete CSI sequence (ESC [ parameters
// intermediates final) that s starts with, or 0. Glamour writes little else,
// so it is read here without the general parser.
func csiLen(s string) int {
	if len(s) < 3 || s[0] != ansi.ESC || s[1] != '[' {
		return 0
	}
	j := 2
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1
	}
	return 0
}

// marker opens the next pair or closes the open one.
func (a *applier) marker(i int) {
	if a.inPair {
		a.close()
		a.inPair, a.paint = false, false
		a.next++
		return
	}
	a.inPair, a.lit = true, false
	a.paint = false
	if a.next < len(a.pairs) {
		if k := a.pairs[a.next]; k >= 0 && k < len(a.styles) && a.styles[k].Open != "" {
			a.style, a.paint = a.styles[k], true
			a.penAt(i)
		}
	}
}

// emit writes one sequence, control character or grapheme in the current
// state: a grapheme inside a painted pair is painted, an SGR updates the pen.
func (a *applier) emit(seq string) {
	if isEscape(seq) {
		a.escape(seq)
		return
	}
	if a.paint && !isBlank(seq) {
		a.open()
		a.lit = true
	}
	a.out.WriteString(seq)
}

// escape writes an escape sequence, keeping track of glamour's pen so that
// it can be restored after a painted run.
func (a *applier) escape(seq string) {
	if len(seq) > 2 && seq[1] != '[' && strings.Contains(seq, Marker) {
		// A string sequence (a link's URL) can hold marked text; a CSI
		// cannot, its bytes are all ASCII.
		seq = strings.ReplaceAll(seq, Marker, "")
	}
	a.out.WriteString(seq)
	a.pens(seq)
}

// pens updates the pen with an escape sequence already written: after an
// SGR the pair's style is no longer the latest, and after a reset it is gone.
func (a *applier) pens(seq string) {
	params, ok := sgrParams(seq)
	if !ok {
		return
	}
	a.fresh = false
	if resets(params) {
		a.on = false
		a.pen = a.pen[:0]
		if params == "" || params == "0" {
			return
		}
	}
	a.pen = append(a.pen, seq...)
}

// release writes the whitespace held since a.held, up to end, painted or
// plain. Plain whitespace ends the painted run before it.
func (a *applier) release(end int, paint bool) {
	if a.held < 0 {
		return
	}
	held := a.src[a.held:end]
	a.held = -1
	if !paint {
		a.close()
	}
	for len(held) > 0 {
		seq, n := next(held)
		held = held[n:]
		if isEscape(seq) {
			a.escape(seq)
			continue
		}
		if paint {
			a.open()
		}
		a.out.WriteString(seq)
	}
}

// open puts the pair's style in effect unless nothing has changed since it
// last was.
func (a *applier) open() {
	if !a.fresh {
		a.out.WriteString(a.style.Open)
		a.on, a.fresh = true, true
	}
}

// close ends a painted run and puts glamour's own style back in effect.
func (a *applier) close() {
	if a.on {
		a.out.WriteString(a.style.Close)
		a.out.Write(a.pen)
	}
	a.on, a.fresh = false, false
}

// isEscape reports whether seq is an escape sequence or a control character
// rather than something drawn.
func isEscape(seq string) bool {
	c := seq[0]
	return c == ansi.ESC || c < ' ' && c != '\t' || c == ansi.DEL || c >= 0x80 && c < 0xa0
}

// isBlank reports whether a grapheme draws nothing but empty cells.
func isBlank(seq string) bool {
	if len(seq) == 1 {
		return seq[0] == ' ' || seq[0] == '\t'
	}
	for _, r := range seq {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// sgrParams returns the parameters of an SGR sequence (ESC [ params m).
func sgrParams(seq string) (string, bool) {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return "", false
	}
	params := seq[2 : len(seq)-1]
	for i := 0; i < len(params); i++ {
		if c := params[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return "", false
		}
	}
	return params, true
}

// resets reports whether SGR parameters reset every attribute somewhere:
// an empty or zero parameter that is not part of a colour (38;5;0 is black).
// It runs for every SGR inside a painted pair and on the way back to one, so
// it is one pass with no allocation.
func resets(params string) bool {
	colour := false // the field after 38, 48 or 58 says how many follow
	skip := 0       // fields left of a colour
	n, sub := 0, false
	for i := 0; i <= len(params); i++ {
		if i < len(params) && params[i] != ';' {
			if c := params[i]; c == ':' {
				sub = true
			} else if n < 1000 {
				n = n*10 + int(c-'0')
			}
			continue
		}
		switch {
		case sub: // a colour in colon form (38:2::r:g:b) is one field
		case colour:
			colour = false
			if n == 5 {
				skip = 1
			} else if n == 2 {
				skip = 3
			}
		case skip > 0:
			skip--
		case n == 38 || n == 48 || n == 58:
			colour = true
		case n == 0:
			return true
		}
		n, sub = 0, false
	}
	return false
}

package safe

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/bylinehq/byline/model"
)

// Limits that keep hostile Markdown from building a document tree deep
// enough to hurt the renderer: a line may open at most maxNest quotes or list
// items, and be indented at most maxIndent columns (about 30 more levels of
// two-space lists). Real articles never come near either.
const (
	maxNest   = 20
	maxIndent = 64
)

// maxInlineMarks is how many emphasis delimiters (* _ ~), and separately how
// many brackets, one block may hold before it is shown literally. Emphasis
// nests one level per delimiter, and goldmark's time on unclosed "[a](" grows
// with the square of their number (20,000 take two seconds), so a block
// beyond either budget is hostile or broken; real paragraphs use a handful.
const maxInlineMarks = 256

// MarkerLen returns the length of the list marker (-, *, + or 1. / 1))
// starting s, or 0. A marker must be followed by a space or end the line.
func MarkerLen(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' {
		return 0
	}
	return n
}

// CapNesting flattens a line's container prefix (indentation, > and list
// markers) beyond the limits above; the text after the prefix is untouched.
func CapNesting(l string) string {
	var b strings.Builder
	markers, budget, changed := 0, maxIndent, false
	afterMarker := false
	i := 0
	for i < len(l) {
		if l[i] == ' ' {
			run := len(l[i:]) - len(strings.TrimLeft(l[i:], " "))
			keep := min(run, budget)
			if keep == 0 && afterMarker {
				keep = 1 // the marker needs its space to stay a marker
			}
			budget = max(budget-keep, 0)
			b.WriteString(l[i : i+keep])
			changed = changed || keep != run
			i += run
			afterMarker = false
			continue
		}
		n := MarkerLen(l[i:])
		if l[i] == '>' {
			n = 1
		}
		if n == 0 {
			break
		}
		markers++
		if markers <= maxNest {
			b.WriteString(l[i : i+n])
			afterMarker = true
		} else {
			changed = true
			afterMarker = false
			i += n
			i += len(l[i:]) - len(strings.TrimLeft(l[i:], " "))
			continue
		}
		i += n
	}
	if !changed {
		return l
	}
	b.WriteString(l[i:])
	return b.String()
}

// TameInline returns s unchanged when its inline markup is within budget and
// otherwise escapes every character that could start inline markup, so the
// block renders as the literal text it is, in linear time.
func TameInline(s string) string {
	emph, brackets := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '_', '~':
			emph++
		case '[', ']':
			brackets++
		}
	}
	if emph <= maxInlineMarks && brackets <= maxInlineMarks {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + emph + brackets)
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("\\`*_~[]<", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// charRef matches a numeric character reference as the renderer reads
// them, which is looser than CommonMark: glamour passes text through
// html.UnescapeString, which decodes "&#x1b" and "&#27" with no semicolon,
// upper-case "&#X1B", any number of leading zeros, and digits past the
// largest code point (their value wraps around, so &#x10000001b; is ESC).
// The reference may also be encoded again as "&amp;#27;" (or "&amp#27;",
// "&AMP;", several times over): a layer that decodes entities once more,
// such as an HTML page's text read as Markdown, would turn it back.
var charRef = regexp.MustCompile(`&(?:(?:amp|AMP);?)*#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?`)

// NeutralizeCharRefs removes numeric references to control characters
// (&#27; is ESC) and to bidi controls from Markdown source, in every
// spelling charRef describes: the renderer would decode them into the very
// bytes sanitising removed. safe.Terminal removes them again from the
// output; this keeps them out of the store.
func NeutralizeCharRefs(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, "#") {
		return s
	}
	drop := func(ref string) string {
		m := charRef.FindStringSubmatch(ref)
		if unsafeCodePoint(refValue(m[1], m[2])) {
			return ""
		}
		return ref
	}
	// Removing a reference can join the text around it into a new one
	// ("&#&#27;27;"), so repeat until nothing changes. Each nesting level
	// costs a pass; past maxRefPasses the text is hostile, and dropping its
	// ampersands is the cheap way to end it.
	for range maxRefPasses {
		next := charRef.ReplaceAllStringFunc(s, drop)
		if next == s {
			return s
		}
		s = next
	}
	return strings.ReplaceAll(s, "&", "")
}

// maxRefPasses bounds NeutralizeCharRefs' passes over one block.
const maxRefPasses = 8

// refValue is the code point html.UnescapeString gives a reference's hex or
// decimal digits, wrapping as its rune arithmetic does.
func refValue(hex, dec string) rune {
	var x rune
	if hex != "" {
		for _, c := range []byte(hex) {
			switch {
			case c <= '9':
				x = 16*x + rune(c-'0')
			case c >= 'a':
				x = 16*x + rune(c-'a'+10)
			default:
				x = 16*x + rune(c-'A'+10)
			}
		}
		return x
	}
	for _, c := range []byte(dec) {
		x = 10*x + rune(c-'0')
	}
	return x
}

// unsafeCodePoint reports whether a decoded reference would be a control
// character (other than tab and newline) or a bidi control. The C1 range
// counts even though html.UnescapeString maps most of it to Windows-1252,
// because five of its code points it leaves as they are.
func unsafeCodePoint(r rune) bool {
	return r >= 0 && r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f || model.IsBidiControl(r)
}

// controlRef matches a numeric character reference to a C0 control other
// than tab, LF and CR, or to DEL and the C1 controls.
var controlRef = regexp.MustCompile(`&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9])|[xX]0*(?:[0-8]|[bBcC]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]));`)

// DropControlRefs removes references to control characters from a raw XML
// document (a feed, an OPML file). XML forbids them, so the parser would refuse the whole feed over one
// (a hostile &#27; in a title, say); they could only ever become control
// characters, which sanitising removes anyway.
func DropControlRefs(data []byte) []byte {
	if !bytes.Contains(data, []byte("&#")) {
		return data
	}
	return controlRef.ReplaceAll(data, nil)
}

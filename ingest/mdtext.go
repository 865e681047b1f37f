package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits that keep hostile Markdown from building a document tree deep
// enough to hurt the renderer: a line may open at most maxNest quotes or list
// items, and be indented at most maxIndent columns (about 30 more levels of
// two-space lists). Real articles never come near either.
const (
	maxNest   = 20
	maxIndent = 64
)

// maxTitleSource bounds the Markdown handed to the title parser.
const maxTitleSource = 1024

// maxInlineMarks is how many emphasis delimiters (* _ ~), and separately how
// many brackets, one block may hold before it is shown literally. Emphasis
// nests one level per delimiter, and goldmark's time on unclosed "[a](" grows
// with the square of their number (20,000 take two seconds), so a block
// beyond either budget is hostile or broken; real paragraphs use a handful.
const maxInlineMarks = 256

// isPlainLine reports whether l is ordinary paragraph text: not a heading,
// quote, list item, fence, table, HTML, rule or link definition, and not
// indented code.
func isPlainLine(l string) bool {
	s, ok := trimIndent(l)
	if !ok || s == "" {
		return false
	}
	switch c := s[0]; {
	case c == '>' || c == '<' || c == '|':
		return false
	case c == '#':
		_, heading := atxHeading(s)
		return !heading
	case c == '`' || c == '~':
		return openFence(s) == ""
	case c == '=':
		return !isSetextUnderline(s)
	case c == '-' || c == '*' || c == '+' || c == '_':
		return markerLen(s) == 0 && !isRule(s) && !isSetextUnderline(s)
	case c >= '0' && c <= '9':
		return markerLen(s) == 0
	case c == '[':
		return !linkDefinition.MatchString(s)
	}
	return true
}

// linkDefinition matches the start of a link reference definition.
var linkDefinition = regexp.MustCompile(`^\[[^\]]+\]:`)

// isRule reports whether s is a thematic break: three or more of one of
// - * _, with spaces allowed between.
func isRule(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || !strings.ContainsRune("-*_", rune(s[0])) {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// markerLen returns the length of the list marker (-, *, + or 1. / 1))
// starting s, or 0. A marker must be followed by a space or end the line.
func markerLen(s string) int {
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

// capNesting flattens a line's container prefix (indentation, > and list
// markers) beyond the limits above; the text after the prefix is untouched.
func capNesting(l string) string {
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
		n := markerLen(l[i:])
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

// stripMarkers removes leading quote and bullet markers from a line that is
// to become a title.
func stripMarkers(l string) string {
	for {
		s := strings.TrimLeft(l, " ")
		switch {
		case strings.HasPrefix(s, ">"):
			l = s[1:]
		case len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ':
			l = s[2:]
		default:
			return s
		}
	}
}

// plainTitle renders Markdown inline source as plain text for a title:
// emphasis markers, link targets and HTML go, link text, image alt text and
// code stay, escapes and entities are resolved. The source is parsed as the
// text of a heading, so a leading "1." or "-" is not read as a list.
func plainTitle(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
	if s == "" {
		return ""
	}
	if len(s) > maxTitleSource {
		cut := maxTitleSource
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	src := []byte("# " + s)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(src)
			if _, code := n.Parent().(*ast.CodeSpan); !code && !n.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.URL(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// tameInline returns s unchanged when its inline markup is within budget and
// otherwise escapes every character that could start inline markup, so the
// block renders as the literal text it is, in linear time.
func tameInline(s string) string {
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

// expandTabs replaces tabs with spaces to the next multiple of four columns,
// as CommonMark reads them, so indentation keeps its meaning.
func expandTabs(l string) string {
	if !strings.Contains(l, "\t") {
		return l
	}
	var b strings.Builder
	col := 0
	for _, r := range l {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString("    "[:n])
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// charRef matches a numeric character reference as CommonMark reads them.
var charRef = regexp.MustCompile(`&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));`)

// neutralizeCharRefs removes numeric references to control characters
// (&#27; is ESC) from Markdown source: the renderer would decode them into
// the very bytes sanitising removed.
func neutralizeCharRefs(s string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	return charRef.ReplaceAllStringFunc(s, func(ref string) string {
		m := charRef.FindStringSubmatch(ref)
		var n uint64
		if m[1] != "" {
			n, _ = strconv.ParseUint(m[1], 16, 32)
		} else {
			n, _ = strconv.ParseUint(m[2], 10, 32)
		}
		if n < 0x20 && n != '\t' && n != '\n' || n >= 0x7f && n <= 0x9f {
			return ""
		}
		return ref
	})
}

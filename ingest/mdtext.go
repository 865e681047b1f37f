package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// maxTitleSource bounds the Markdown handed to the title parser.
const maxTitleSource = 1024

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

// The Markdown hardening lives in package safe, shared with the feed and web
// importers; these names keep this package's code reading as before.
func markerLen(s string) int             { return safe.MarkerLen(s) }
func capNesting(l string) string         { return safe.CapNesting(l) }
func tameInline(s string) string         { return safe.TameInline(s) }
func neutralizeCharRefs(s string) string { return safe.NeutralizeCharRefs(s) }

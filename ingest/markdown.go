package ingest

import (
	"strings"
	"unicode"

	"github.com/bylinehq/byline/model"
)

// mdBlock is one blank-line-separated piece of a Markdown document. A fenced
// code block is one block even when it holds blank lines.
type mdBlock struct {
	lines  []string
	fenced bool
}

// parseMarkdown parses a Markdown article. The title comes from front matter,
// else the first heading (ATX or setext), else the first line with text; the
// body is the remaining blocks, kept as Markdown source so the renderer can
// draw links and emphasis. Blocks before the title heading are kept too: a
// document's opening lines are rarely worth losing.
func parseMarkdown(text string) model.Article {
	a := model.Article{Format: model.FormatMarkdown}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(expandTabs(l), unicode.IsSpace)
	}
	fm, lines := splitFrontMatter(lines)
	a.Published, a.URL = fm.Published, fm.URL
	blocks := splitMarkdown(lines)

	if fm.Title != "" {
		a.Title, _ = shortTitle(fm.Title)
		// A document often repeats its front-matter title as its first
		// heading; showing it twice would look like a bug.
		if len(blocks) > 0 && !blocks[0].fenced {
			if t, n, ok := headingAt(blocks[0].lines, 0); ok && strings.EqualFold(t, plainTitle(fm.Title)) {
				blocks = removeLines(blocks, 0, 0, n)
			}
		}
	} else {
		a.Title, blocks = takeTitle(blocks)
	}

	for _, b := range blocks {
		if p := blockText(b); p != "" {
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	return a
}

// titleTries bounds how many lines are parsed looking for a title, so a
// document of a million empty headings costs no more than a normal one.
const titleTries = 1000

// takeTitle finds the title and returns the blocks without it.
func takeTitle(blocks []mdBlock) (string, []mdBlock) {
	tries := 0
	for bi, b := range blocks {
		if b.fenced {
			continue
		}
		for li := range b.lines {
			if tries >= titleTries {
				break
			}
			if t, n, ok := headingAt(b.lines, li); ok {
				tries++
				if t == "" {
					continue
				}
				if short, cut := shortTitle(t); cut {
					return short, blocks
				}
				return t, removeLines(blocks, bi, li, n)
			}
		}
	}
	for bi, b := range blocks {
		if b.fenced {
			continue
		}
		for li, l := range b.lines {
			if tries++; tries >= 2*titleTries {
				break
			}
			if isRule(l) || isSetextUnderline(l) || isFence(l) {
				continue
			}
			if t := plainTitle(stripMarkers(l)); t != "" {
				if short, cut := shortTitle(t); cut {
					return short, blocks
				}
				return t, removeLines(blocks, bi, li, 1)
			}
		}
	}
	// Only code, or only markup without text: name the article after its
	// first line as written, and keep every block.
	for _, b := range blocks {
		for _, l := range b.lines {
			if t := strings.TrimSpace(l); t != "" && !isFence(l) {
				short, _ := shortTitle(t)
				return short, blocks
			}
		}
	}
	if len(blocks) > 0 && len(blocks[0].lines) > 0 {
		short, _ := shortTitle(strings.TrimSpace(blocks[0].lines[0]))
		return short, blocks
	}
	return "", blocks
}

// headingAt reports whether a heading starts at line i of a block, with its
// plain text and how many lines it spans. A setext heading counts only from
// where a paragraph starts and when every line down to its underline is
// ordinary text, so a list followed by "---" (a thematic break) is not
// mistaken for one.
func headingAt(lines []string, i int) (string, int, bool) {
	if t, ok := atxHeading(lines[i]); ok {
		return plainTitle(t), 1, true
	}
	if paragraphStart(lines, i) {
		for j := i + 1; j < len(lines); j++ {
			if isSetextUnderline(lines[j]) {
				parts := make([]string, 0, j-i)
				for _, l := range lines[i:j] {
					parts = append(parts, strings.TrimSpace(l))
				}
				return plainTitle(strings.Join(parts, " ")), j - i + 1, true
			}
			if !isPlainLine(lines[j]) {
				break
			}
		}
	}
	return "", 0, false
}

// paragraphStart reports whether a paragraph starts at line i: a plain line
// at the top of the block or after a heading or rule, which no paragraph
// continues. (After a list item, a plain line is a lazy continuation.)
func paragraphStart(lines []string, i int) bool {
	if !isPlainLine(lines[i]) {
		return false
	}
	if i == 0 {
		return true
	}
	_, heading := atxHeading(lines[i-1])
	return heading || isRule(lines[i-1])
}

// atxHeading returns the text of an ATX heading line ("## Text ##").
func atxHeading(l string) (string, bool) {
	s, ok := trimIndent(l)
	if !ok || !strings.HasPrefix(s, "#") {
		return "", false
	}
	n := len(s) - len(strings.TrimLeft(s, "#"))
	if n > 6 || (n < len(s) && s[n] != ' ') {
		return "", false
	}
	s = strings.TrimSpace(s[n:])
	if t := strings.TrimRight(s, "#"); t == "" || strings.HasSuffix(t, " ") {
		s = strings.TrimSpace(t) // drop the optional closing sequence
	}
	return s, true
}

// isSetextUnderline reports whether l is a run of = or - under a heading.
func isSetextUnderline(l string) bool {
	s, ok := trimIndent(l)
	if !ok || s == "" || (s[0] != '=' && s[0] != '-') {
		return false
	}
	return strings.Trim(s, s[:1]) == ""
}

// trimIndent removes up to three spaces; four or more is indented code.
func trimIndent(l string) (string, bool) {
	s := strings.TrimLeft(l, " ")
	if len(l)-len(s) > 3 {
		return "", false
	}
	return s, true
}

// removeLines drops n lines at line li of block bi, splitting the block in
// two when the lines were in its middle.
func removeLines(blocks []mdBlock, bi, li, n int) []mdBlock {
	b := blocks[bi]
	var repl []mdBlock
	if li > 0 {
		repl = append(repl, mdBlock{lines: b.lines[:li]})
	}
	if li+n < len(b.lines) {
		repl = append(repl, mdBlock{lines: b.lines[li+n:]})
	}
	out := make([]mdBlock, 0, len(blocks)+1)
	out = append(out, blocks[:bi]...)
	out = append(out, repl...)
	return append(out, blocks[bi+1:]...)
}

// splitMarkdown cuts lines into blocks at blank lines outside fenced code.
// An unclosed fence runs to the end, as CommonMark says.
func splitMarkdown(lines []string) []mdBlock {
	var blocks []mdBlock
	var cur []string
	flush := func(fenced bool) {
		if len(cur) > 0 {
			blocks = append(blocks, mdBlock{lines: cur, fenced: fenced})
		}
		cur = nil
	}
	fence := ""
	for _, l := range lines {
		if fence != "" {
			cur = append(cur, l)
			if closesFence(l, fence) {
				flush(true)
				fence = ""
			}
			continue
		}
		if f := openFence(l); f != "" {
			flush(false)
			fence = f
			cur = append(cur, l)
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush(false)
			continue
		}
		cur = append(cur, l)
	}
	flush(fence != "")
	return blocks
}

// openFence returns the fence a line opens (``` or ~~~, three or more), or "".
func openFence(l string) string {
	s, ok := trimIndent(l)
	if !ok || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return ""
	}
	n := len(s) - len(strings.TrimLeft(s, s[:1]))
	if n < 3 || (s[0] == '`' && strings.Contains(s[n:], "`")) {
		return ""
	}
	return s[:n]
}

// closesFence reports whether l closes fence: the same character, at least
// as many, and nothing after.
func closesFence(l, fence string) bool {
	s, ok := trimIndent(l)
	if !ok || !strings.HasPrefix(s, fence) {
		return false
	}
	return strings.TrimSpace(strings.TrimLeft(s, fence[:1])) == ""
}

// isFence reports whether l opens or closes a fence.
func isFence(l string) bool { return openFence(l) != "" }

// blockText turns a block into one paragraph of Markdown source. Code keeps
// its lines as written. Other blocks have their nesting capped; an ordinary
// paragraph is joined onto one line (a soft break renders as a space anyway,
// and one line keeps entity offsets simple), while lists, quotes and tables
// keep their line breaks, which carry meaning there. A block with far more
// inline markup than prose uses is escaped to render literally.
func blockText(b mdBlock) string {
	if b.fenced {
		return neutralizeCharRefs(strings.Join(b.lines, "\n"))
	}
	lines := make([]string, len(b.lines))
	plain := true
	for i, l := range b.lines {
		lines[i] = capNesting(l)
		if !isPlainLine(lines[i]) || strings.HasSuffix(lines[i], `\`) || strings.Contains(lines[i], "|") {
			plain = false
		}
	}
	sep := "\n"
	if plain {
		lines, sep = []string{joinLines(lines)}, ""
	}
	return neutralizeCharRefs(tameInline(strings.Join(lines, sep)))
}

package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/bylinehq/byline/model"
)

// The seed format (see parseText) marks its parts with these lines.
var (
	// publishLine is the "Publish : 2023-03-21 10:03:00" line; spacing,
	// case and "Published on" vary between sites that use it.
	publishLine = regexp.MustCompile(`(?i)^publish(?:ed)?(?:\s+(?:on|at|date))?\s*:\s*(\S.*)$`)
	// captionLine is a photo caption ending in its credit in parentheses,
	// "Russian President ... (Photo: Sputnik/...)".
	captionLine = regexp.MustCompile(`(?i)^(.*?)\s*\(\s*(?:photo(?:graph)?s?|image|picture|pic|credit)(?:\s+credit)?\s*:\s*([^()]*?)\s*\)$`)
)

// trailers are the page furniture some sites leave at the end of an
// article's text. Only trailing lines are dropped, so a sentence that
// happens to say "give your comments" is safe.
var trailers = map[string]bool{
	"give your comments": true,
	"leave a comment":    true,
	"post a comment":     true,
	"add a comment":      true,
	"share this article": true,
}

// parseText parses plain text: the first non-empty line is the title and
// blank lines separate paragraphs, whose wrapped lines are joined with a
// space. It also recognises the seed format byline started from:
//
//	Title
//
//	Caption text. (Photo: Credit)
//
//	Paragraphs...
//
//	Publish : 2023-03-21 10:03:00
//
//	Give Your Comments
//
// Each part is optional: a file without a caption or a publish line is just
// plain text, and a caption without its credit is an ordinary paragraph.
func parseText(text string) model.Article {
	a := model.Article{Format: model.FormatText}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	lines = dropTrailer(lines)
	for i, l := range lines {
		if t, ok := publishDate(l); ok {
			a.Published = t
			lines[i] = "" // a blank line: the paragraphs around it stay apart
			break
		}
	}

	blocks := splitBlocks(lines)
	if len(blocks) == 0 {
		return a
	}
	first := blocks[0]
	title := textLine(first[0])
	if short, cut := shortTitle(title); cut {
		a.Title = short // the long line stays as the first paragraph
	} else {
		a.Title = title
		if len(first) > 1 {
			blocks[0] = first[1:]
		} else {
			blocks = blocks[1:]
		}
	}

	if len(blocks) > 0 {
		if caption, credit, ok := splitCaption(joinLines(blocks[0])); ok {
			a.Caption, a.Credit = caption, credit
			blocks = blocks[1:]
		}
	}
	for _, b := range blocks {
		a.Paragraphs = append(a.Paragraphs, joinLines(b))
	}
	return a
}

// splitCaption splits a seed-format caption paragraph into its text and the
// credit in its closing parentheses. Without a credit it is no caption.
func splitCaption(p string) (caption, credit string, ok bool) {
	if !strings.HasSuffix(p, ")") || len(p) > 2000 {
		return "", "", false
	}
	m := captionLine.FindStringSubmatch(p)
	if m == nil || m[2] == "" {
		return "", "", false
	}
	return m[1], m[2], true
}

// dropTrailer removes trailing blank lines and known page furniture.
func dropTrailer(lines []string) []string {
	for len(lines) > 0 {
		last := strings.TrimSpace(lines[len(lines)-1])
		key := strings.ToLower(strings.TrimRight(last, ".:!"))
		if last != "" && !trailers[key] {
			break
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

// publishDate reports the date on a seed-format publish line.
func publishDate(line string) (time.Time, bool) {
	line = strings.TrimSpace(line)
	if len(line) > 120 || len(line) < 8 || !strings.EqualFold(line[:7], "publish") {
		return time.Time{}, false
	}
	m := publishLine.FindStringSubmatch(line)
	if m == nil {
		return time.Time{}, false
	}
	return parseDate(m[1])
}

// dateLayouts are the date forms seen in article text and front matter.
// Layouts without a zone are read as UTC: the text gives no better guess,
// and UTC keeps the stored time the same on every machine.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// parseDate reads s in the first layout that fits and returns it in UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// splitBlocks groups lines into blocks separated by blank lines.
func splitBlocks(lines []string) [][]string {
	var blocks [][]string
	start := -1
	for i, l := range lines {
		blank := strings.TrimSpace(l) == ""
		switch {
		case blank && start >= 0:
			blocks = append(blocks, lines[start:i])
			start = -1
		case !blank && start < 0:
			start = i
		}
	}
	if start >= 0 {
		blocks = append(blocks, lines[start:])
	}
	return blocks
}

// joinLines makes one paragraph of a block of hard-wrapped lines.
func joinLines(block []string) string {
	parts := make([]string, 0, len(block))
	for _, l := range block {
		if l = textLine(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}

// textLine trims a line and turns its tabs into spaces.
func textLine(l string) string {
	return strings.TrimSpace(strings.ReplaceAll(l, "\t", " "))
}

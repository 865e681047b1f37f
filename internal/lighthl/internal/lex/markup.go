package lex

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// markup scans HTML or XML at pos outside the generic rules: tags and
// their attributes, entities, and the text between tags, which is prose
// (its quotes and keywords are not code). Inside a tag, quoted values and
// "=" fall through to the generic scanner. It reports whether it scanned.
func (sc *scanner) markup() bool {
	s, i := sc.src, sc.pos
	if sc.inTag {
		switch {
		case s[i] == '>':
			sc.inTag = false
			sc.emit(chroma.Punctuation, i+1)
		case sc.after("/>") || sc.after("?>"):
			sc.inTag = false
			sc.emit(chroma.Punctuation, i+2)
		case isWordStart(s[i:]):
			sc.emit(chroma.NameAttribute, sc.wordEnd(i))
		default:
			return false
		}
		return true
	}
	switch {
	case s[i] == '<' && i+1 < len(s) && (isWordStart(s[i+1:]) || strings.IndexByte("/!?", s[i+1]) >= 0):
		j := i + 1
		if strings.IndexByte("/!?", s[j]) >= 0 {
			j++
		}
		sc.emit(chroma.Punctuation, j)
		sc.inTag = true
		sc.emit(chroma.NameTag, sc.wordEnd(j))
	case s[i] == '&':
		end := i + 1
		for end < len(s) && end < i+32 && (isWordStart(s[end:]) || isDigit(s[end]) || s[end] == '#') {
			end++
		}
		if end < len(s) && s[end] == ';' && end > i+1 {
			sc.emit(chroma.NameEntity, end+1)
		} else {
			sc.emit(chroma.Text, i+1)
		}
	default:
		end := i + 1
		for end < len(s) && strings.IndexByte("<&\n", s[end]) < 0 {
			end++
		}
		sc.emit(chroma.Text, end)
	}
	return true
}

// diffLines tokenises a unified diff a line at a time: file headers,
// hunk headers, added and removed lines.
func (sc *scanner) diffLines() {
	for sc.pos < len(sc.src) {
		end := sc.lineEnd(sc.pos)
		line := sc.src[sc.pos:end]
		t := chroma.Text
		switch {
		case strings.HasPrefix(line, "+++ "), strings.HasPrefix(line, "--- "),
			strings.HasPrefix(line, "diff "), strings.HasPrefix(line, "index "):
			t = chroma.GenericHeading
		case strings.HasPrefix(line, "@@"):
			t = chroma.GenericSubheading
		case strings.HasPrefix(line, "+"):
			t = chroma.GenericInserted
		case strings.HasPrefix(line, "-"):
			t = chroma.GenericDeleted
		}
		sc.emit(t, end)
		if end < len(sc.src) {
			sc.emit(chroma.TextWhitespace, end+1)
		}
	}
}

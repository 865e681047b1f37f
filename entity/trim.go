package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// trimSpan narrows text[start:end] to the name itself, the CoNLL way: no
// surrounding punctuation, no possessive, no leading "the", and for a
// person no title. ok is false when the span is not a valid, non-empty
// range on character boundaries of text, or nothing is left.
func trimSpan(l *lexicon, text string, start, end int, typ model.EntityType) (s, e int, ok bool) {
	if start < 0 || end > len(text) || start >= end || !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
		return 0, 0, false
	}
	for {
		s0, e0 := start, end
		start, end = trimPunct(text, start, end)
		end = trimPossessive(text, start, end)
		start = trimLeadingWords(l, text, start, end, typ)
		if start == s0 && end == e0 {
			break
		}
	}
	if start < end && notAName(l, text[start:end]) {
		return 0, 0, false
	}
	return start, end, start < end
}

// notAName reports whether a span left on its own is a word that is never
// a name: a function word ("Likewise"), a weekday or month, or a bare title
// ("Bishop", "MP"). Any tagger can slip on these at the start of a
// sentence; a reader would see them as junk in the sidebar.
func notAName(l *lexicon, s string) bool {
	if strings.ContainsFunc(s, unicode.IsSpace) || isAcronym(s) && !l.titles[s] {
		return false // "US" is a country, not the pronoun; "MP" stays a title
	}
	lc := strings.ToLower(s)
	return l.function[lc] || l.dates[lc] || l.titles[s] || l.honorifics[s]
}

// trimPunct cuts everything but letters and digits from both ends, keeping
// the full stop of an abbreviation ("U.S.", "Inc.").
func trimPunct(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			break
		}
		if r == '.' && keepsStop(text[start:end-1]) {
			break
		}
		end -= n
	}
	return start, end
}

// keepsStop reports whether a name ending in s (before its final full
// stop) is an abbreviation that owns the stop: "U.S", "Inc", "Jr".
func keepsStop(s string) bool {
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[i+1:]
	}
	switch s {
	case "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St":
		return true
	}
	if !strings.Contains(s, ".") {
		return false
	}
	for i, r := range s {
		if (i%2 == 0) != unicode.IsLetter(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// trimPossessive cuts a final "'s" or "’s".
func trimPossessive(text string, start, end int) int {
	s := text[start:end]
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if len(s) > len(p) && strings.HasSuffix(s, p) {
			return end - len(p)
		}
	}
	return end
}

// trimLeadingWords cuts a leading "the" and, for a person, the titles,
// nationality and brief before the name: "Russian President Vladimir
// Putin", "Secretary of State Antony Blinken", "Mr. Smith". A word is cut
// only when a word remains after it.
func trimLeadingWords(l *lexicon, text string, start, end int, typ model.EntityType) int {
	titled := false
	for {
		rest := text[start:end]
		i := strings.IndexFunc(rest, unicode.IsSpace)
		if i < 0 {
			return start
		}
		w := strings.TrimSuffix(rest[:i], ".")
		next := strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
		nw, _, _ := strings.Cut(next, " ")
		cut := false
		switch {
		case w == "the" || w == "The":
			cut = true
		case typ != model.PER:
		case l.titles[w]:
			cut, titled = true, true
		case l.nationalities[w] || l.places[w]:
			cut = l.titles[strings.TrimSuffix(nw, ".")]
		case titled && (w == "of" || w == "for" || l.depts[w]):
			cut = true
		}
		if !cut {
			return start
		}
		start = end - len(next)
	}
}

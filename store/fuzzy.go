package store

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kinds of fuzzy match, best first. A name matches a pattern when the
// pattern's letters and digits appear in it in order; how they appear says
// how likely the name is the one meant.
const (
	tierExact     = iota // the whole name: "paris" for Paris
	tierWordStart        // from the start of a word: "merk" for Angela Merkel
	tierWords            // pieces that each start a word: "xj", "angmer"
	tierInside           // together, inside a word: "erke" for Merkel
	tierScattered        // anywhere in order: "mrkl" for Merkel
	tierCount
	noMatch = -1
)

// matchKey folds s for fuzzy matching: lower case, accents dropped (é is e,
// ğ is g), each run of other characters than letters and digits one space,
// none at the ends. "U.S." is "u s" and "Jean-Luc" two words, "jean luc".
func matchKey(s string) []rune {
	return appendMatchKey(make([]rune, 0, len(s)), s)
}

// appendMatchKey appends matchKey(s) to key.
func appendMatchKey(key []rune, s string) []rune {
	base := len(key)
	space := false
	add := func(r rune) {
		if space && len(key) > base {
			key = append(key, ' ')
		}
		space = false
		key = append(key, r)
	}
	if isASCII(s) { // most names: no tables needed
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				add(rune(c))
			case 'A' <= c && c <= 'Z':
				add(rune(c + 'a' - 'A'))
			default:
				space = true
			}
		}
		return key
	}
	for _, r := range norm.NFD.String(s) { // é is e and an accent, dropped
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			add(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return key
}

// isASCII reports whether s is all ASCII, which needs no normalising.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// matcher ranks names against one pattern. It keeps scratch space between
// names, so one matcher serves one goroutine.
type matcher struct {
	pattern []rune // folded, words separated by one space
	letters []rune // the pattern without its spaces
	reach   []bool // scratch for tierWords
}

// newMatcher returns a matcher for what a person typed, or nil when it holds
// no letter or digit, which matches nothing in particular.
func newMatcher(typed string) *matcher {
	p := matchKey(typed)
	if len(p) == 0 {
		return nil
	}
	letters := slices.DeleteFunc(slices.Clone(p), func(r rune) bool { return r == ' ' })
	return &matcher{pattern: p, letters: letters, reach: make([]bool, len(letters)+1)}
}

// tier returns how key (from matchKey) matches the pattern, or noMatch.
func (m *matcher) tier(key []rune) int {
	if !isSubsequence(m.letters, key) {
		return noMatch // the common case, so the cheapest test first
	}
	if slices.Equal(key, m.pattern) {
		return tierExact
	}
	inside := false
	for i := 0; i+len(m.pattern) <= len(key); i++ {
		if key[i] != m.pattern[0] || !slices.Equal(key[i:i+len(m.pattern)], m.pattern) {
			continue
		}
		if i == 0 || key[i-1] == ' ' {
			return tierWordStart
		}
		inside = true
	}
	if m.wordPieces(key) {
		return tierWords
	}
	if inside {
		return tierInside
	}
	return tierScattered
}

// isSubsequence reports whether p appears in key in order; spaces in key are
// skipped over like any other rune, since p has none.
func isSubsequence(p, key []rune) bool {
	i := 0
	for _, r := range key {
		if i == len(p) {
			break
		}
		if r == p[i] {
			i++
		}
	}
	return i == len(p)
}

// wordPieces reports whether the pattern's letters split into pieces that
// each begin a word of key, in order, words may be skipped: "xj" for "xi
// jinping", "angmer" for "angela merkel". It walks the words once, keeping
// every position in the pattern reachable so far, so no split is missed
// ("jinp" for "jin jinping" must skip the first word).
func (m *matcher) wordPieces(key []rune) bool {
	p := m.letters
	reach := m.reach
	clear(reach)
	reach[0] = true
	for start := 0; start < len(key); {
		end := start
		for end < len(key) && key[end] != ' ' {
			end++
		}
		word := key[start:end]
		// Positions only grow, so walking down lets this word extend
		// positions reached before it, never ones it just reached itself.
		for i := len(p) - 1; i >= 0; i-- {
			if !reach[i] {
				continue
			}
			for l := 0; l < len(word) && i+l < len(p) && word[l] == p[i+l]; l++ {
				reach[i+l+1] = true
			}
		}
		if reach[len(p)] {
			return true
		}
		start = end + 1
	}
	return false
}

// isLastWord reports whether the pattern is the whole last word of key:
// "blair" of "tony blair".
func (m *matcher) isLastWord(key []rune) bool {
	n := len(m.pattern)
	return len(key) > n && key[len(key)-n-1] == ' ' && slices.Equal(key[len(key)-n:], m.pattern)
}

package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells words from possessive endings and punctuation.
type tokKind uint8

const (
	tokWord       tokKind = iota // letters and digits, with inner hyphens, apostrophes and abbreviation dots
	tokPossessive                // "'s", "’s", or the lone apostrophe of "Jones'"
	tokPunct                     // any other single character
)

// token is one word or mark of a field, with its byte offsets.
type token struct {
	text       string
	lower      string // text in lowercase
	start, end int
	kind       tokKind
	upper      bool // starts with a capital letter
	caps       bool // two or more letters, all capitals: US, ICC, U.S.
	sentStart  bool // first word of the field, of a sentence or of a quotation
}

// tokenize splits s into tokens, appending to toks. Offsets are bytes into s,
// so s[t.start:t.end] == t.text always, whatever the script.
func tokenize(s string, toks []token, l *lexicon) []token {
	if toks == nil {
		toks = make([]token, 0, len(s)/5+1)
	}
	atStart := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(s, i)
			t := token{text: s[i:j], start: i, end: j, kind: tokWord, sentStart: atStart}
			t.upper, t.caps = caseOf(t.text)
			t.lower = t.text
			if t.upper {
				t.lower = strings.ToLower(t.text)
			}
			toks = append(toks, t)
			atStart = false
			i = j
		case isApostrophe(r) && len(toks) > 0 && toks[len(toks)-1].kind == tokWord && toks[len(toks)-1].end == i:
			j := i + size
			prev := toks[len(toks)-1].text
			if j < len(s) && (s[j] == 's' || s[j] == 'S') && !wordRuneAt(s, j+1) {
				toks = append(toks, token{text: s[i : j+1], start: i, end: j + 1, kind: tokPossessive})
				i = j + 1
				continue
			}
			kind := tokPunct
			if (prev[len(prev)-1] == 's' || prev[len(prev)-1] == 'S') && !wordRuneAt(s, j) {
				kind = tokPossessive
			}
			toks = append(toks, token{text: s[i:j], start: i, end: j, kind: kind})
			i = j
		default:
			t := token{text: s[i : i+size], start: i, end: i + size, kind: tokPunct}
			switch r {
			case '.':
				// "Mr. Smith": the stop after an abbreviation ends no sentence.
				if n := len(toks); n == 0 || toks[n-1].end != i || !l.abbrevs[toks[n-1].text] {
					atStart = true
				}
			case '!', '?', ';', ':', '…':
				atStart = true
			case '"', '“', '‘', '«', '\'':
				// A quotation opens like a sentence: its first word is
				// capitalised whatever it is.
				if i == 0 || s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == '[' {
					atStart = true
				}
			}
			toks = append(toks, t)
			i += size
		}
	}
	return toks
}

// scanWord returns the end of the word starting at i. A word runs through
// letters, digits and marks, and through a hyphen or apostrophe between
// two of them ("Guinea-Bissau", "O'Brien"), the dots of an abbreviation
// ("U.S.", "W.") and the point or comma inside a number ("2.5", "1,400").
// A possessive "'s" is left out.
func scanWord(s string, i int) int {
	j := i
	letters := 0 // letters since the start or the last dot
	dotted := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r):
			letters++
			j += n
			continue
		case unicode.IsDigit(r) || unicode.IsMark(r):
			j += n
			continue
		case r == '-' || r == '‐' || r == '‑':
			if wordRuneAt(s, j+n) {
				letters = 0
				j += n
				continue
			}
		case isApostrophe(r):
			next := j + n
			possessive := next < len(s) && (s[next] == 's' || s[next] == 'S') && !wordRuneAt(s, next+1)
			if !possessive && letterAt(s, next) {
				j = next
				continue
			}
		case r == '.':
			prev, _ := utf8.DecodeLastRuneInString(s[i:j])
			if letters == 1 && unicode.IsLetter(prev) {
				// U.S.A.: a letter and a dot, again and again.
				if letterAt(s, j+1) && dotAfterLetter(s, j+1) {
					letters, dotted = 0, true
					j++
					continue
				}
				if dotted || unicode.IsUpper(prev) {
					return j + 1 // the last dot of U.S., or the initial W.
				}
			}
			if unicode.IsDigit(prev) && digitAt(s, j+1) {
				j++
				continue
			}
		case r == ',':
			prev, _ := utf8.DecodeLastRuneInString(s[i:j])
			if unicode.IsDigit(prev) && digitAt(s, j+1) {
				j++
				continue
			}
		case r == '&':
			// AT&T
			prev, _ := utf8.DecodeLastRuneInString(s[i:j])
			next, _ := utf8.DecodeRuneInString(s[j+1:])
			if unicode.IsUpper(prev) && unicode.IsUpper(next) {
				j++
				continue
			}
		}
		break
	}
	return j
}

// caseOf reports whether a word starts with a capital, and whether it is
// written all in capitals with at least two letters.
func caseOf(w string) (upper, caps bool) {
	r, _ := utf8.DecodeRuneInString(w)
	upper = unicode.IsUpper(r) || unicode.IsTitle(r)
	if !upper {
		return false, false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return true, false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return true, letters >= 2
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func digitAt(s string, i int) bool {
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// dotAfterLetter reports whether the letter at i is followed by a dot.
func dotAfterLetter(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return i+n < len(s) && s[i+n] == '.'
}

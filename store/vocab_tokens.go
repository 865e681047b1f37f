package store

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The words of the full-text index (search_words, see vocab.go) are read
// from each imported article's text in Go, and must be the very terms
// FTS5 stores: a word this tokeniser spells differently would be missing
// from the table, and a prefix search expanded from it would miss the
// articles holding it. So this is FTS5's `unicode61 remove_diacritics 2`
// tokeniser (https://sqlite.org/fts5.html#unicode61_tokenizer), as far as
// Go's Unicode tables allow (TestTokensMatchFTS5 compares the two):
//
//   - A word is a run of letters (L*), numbers (N*), private-use
//     characters (Co) and unassigned code points; anything else
//     separates words.
//   - A combining mark that occurs in a precomposed Latin letter (the
//     accents, see latinMarks) continues a word without starting one, and
//     is dropped: "e\u0301cole" is "ecole".
//   - Each character is case folded (simple folding: "Σ" and "ς" are "σ",
//     "ß" stays), and a Latin letter that is an ASCII letter with accents
//     loses them: "Ǘ" is "u", but "ǿ" (ø with an accent) stays.
//
// SQLite's tables are Unicode 6.1 and Go's are newer: a character Unicode
// assigned or gave a case since 2012 may be read differently (it is rare
// in news text; see postUnicode61Case).

// appendWords calls add with every word of text, folded as FTS5 folds it.
// The word is in buf, valid until add returns.
func appendWords(buf []byte, text string, add func(word []byte)) []byte {
	word := buf[:0]
	in := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if in {
					add(word)
					word, in = word[:0], false
				}
				continue
			}
			word, in = append(word, c), true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case isWordRune(r):
			word, in = appendFolded(word, r), true
		case in && isLatinMark(r):
			// Part of the word, and dropped with the accents.
		case in:
			add(word)
			word, in = word[:0], false
		}
	}
	if in {
		add(word)
	}
	return word
}

// isWordRune reports whether FTS5's unicode61 keeps r in a word: a letter,
// a number or a private-use character, and (in SQLite's tables) a code
// point Unicode has not assigned.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) ||
		!unicode.In(r, unicode.P, unicode.Z, unicode.S, unicode.M, unicode.Cc, unicode.Cf, unicode.Cs)
}

// appendFolded appends the non-ASCII word character r as unicode61 with
// remove_diacritics 2 stores it: case folded, and an accented ASCII letter
// without its accents.
func appendFolded(b []byte, r rune) []byte {
	r = foldRune(r)
	if r < utf8.RuneSelf {
		return append(b, byte(r))
	}
	// SQLite keeps ǡ, the a with a dot above and a macron, though it
	// strips the other letters with two accents.
	if unicode.Is(unicode.Latin, r) && r != 'ǡ' {
		var d [32]byte
		var one [utf8.UTFMax]byte
		n := utf8.EncodeRune(one[:], r)
		dec := norm.NFD.Append(d[:0], one[:n]...)
		if dec[0] < utf8.RuneSelf && len(dec) > 1 {
			return append(b, dec[0])
		}
	}
	return utf8.AppendRune(b, r)
}

// foldRune is r case folded as SQLite folds it. Folding the upper case
// form, not just lowering, is what makes the final sigma σ and the long s
// s; the dotless ı has an upper case (I) whose folding is another letter,
// and SQLite keeps it.
func foldRune(r rune) rune {
	if r == 'ı' || postUnicode61Case(r) {
		return r
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// postUnicode61Case reports whether r's case is one Unicode gave after 6.1,
// the version of SQLite's folding tables, which therefore keep r as it is:
// Cherokee (lower case since Unicode 8), Georgian Mtavruli (11), the old
// Cyrillic forms (9) and everything beyond the Basic Multilingual Plane but
// Deseret.
func postUnicode61Case(r rune) bool {
	switch {
	case r >= 0x10000:
		return r < 0x10400 || r > 0x1044F
	case 0x13A0 <= r && r <= 0x13FF, 0xAB70 <= r && r <= 0xABBF:
		return true
	case 0x1C80 <= r && r <= 0x1CBF:
		return true
	}
	return false
}

// latinMarks are the combining marks some precomposed Latin letter (of
// Unicode 6.1's: up to Latin Extended Additional) decomposes into: the
// accents unicode61 reads as part of a word and removes.
var latinMarks = sync.OnceValue(func() map[rune]bool {
	marks := make(map[rune]bool)
	for r := rune(0x80); r < 0x1F00; r++ {
		if !unicode.Is(unicode.Latin, r) {
			continue
		}
		d := norm.NFD.String(string(r))
		if d == string(r) {
			continue
		}
		for _, m := range d[1:] {
			if unicode.Is(unicode.Mn, m) {
				marks[m] = true
			}
		}
	}
	return marks
})

// isLatinMark reports whether r is one of latinMarks.
func isLatinMark(r rune) bool {
	return 0x300 <= r && r < 0x370 && latinMarks()[r]
}

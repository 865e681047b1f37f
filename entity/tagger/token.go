package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a text. Start and End are byte
// offsets into the text it came from, so Text == text[Start:End] always holds.
type Token struct {
	Text       string
	Start, End int
	// SentenceStart is true for the first token of a sentence.
	SentenceStart bool
}

// abbreviations end with a full stop that belongs to the word, not to the
// sentence; only those that usually precede a name stop a sentence split.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "ltd": true, "co": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true,
	"rep": true, "sen": true, "gov": true, "rev": true, "hon": true, "pres": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"vs": true, "etc": true, "no": true, "mt": true, "ft": true, "bros": true,
	"plc": true, "messrs": true, "maj": true, "adm": true, "supt": true,
}

// titles are abbreviations after which a sentence never ends.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true,
	"rep": true, "sen": true, "gov": true, "rev": true, "hon": true, "pres": true,
	"mt": true, "maj": true, "adm": true, "supt": true, "messrs": true, "no": true,
}

// Tokenize splits text into tokens the way CoNLL-2003 does: hyphenated words,
// numbers, dotted abbreviations ("U.S.") and URLs stay whole; possessive and
// contracted endings ('s, ’s, n't) and punctuation are split off. Sentence
// starts are marked.
func Tokenize(text string) []Token {
	return appendTokens(make([]Token, 0, len(text)/5+1), text)
}

// appendTokens appends the tokens of text to toks, as Tokenize gives them.
func appendTokens(toks []Token, text string) []Token {
	first := len(toks)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2060' || r == '\u200b' || r == '\ufeff' {
			i += size
			continue
		}
		end := scanToken(text, i)
		toks = append(toks, Token{Text: text[i:end], Start: i, End: end})
		i = end
	}
	markSentences(text, toks[first:])
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanToken returns the end of the token starting at byte i.
func scanToken(text string, i int) int {
	if end := scanURL(text, i); end > i {
		return end
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if isApostrophe(r) {
		// 's, 're, 'll ... after a word; the split-off half of a contraction.
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if isWordRune(prev) || prev == '.' {
				if n := cliticLen(text, i); n > 0 {
					return i + n
				}
			}
		}
		return i + size
	}
	if !isWordRune(r) {
		// Runs of the same mark ("...", "--", "``") stay together.
		j := i + size
		if r == '.' || r == '-' || r == '`' || r == '\'' || r == '*' || r == '=' {
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 != r {
					break
				}
				j += s2
			}
		}
		return j
	}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(text[j+size:])
		if j+size >= len(text) {
			next, nsize = 0, 0
		}
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		switch {
		case (r == '-' || r == '&') && isWordRune(next):
			j += size + nsize
			continue
		case (r == '.' || r == ',' || r == ':' || r == '/') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			j += size + nsize
			continue
		case isApostrophe(r) && unicode.IsLetter(next):
			// O'Neill and D'Alema stay whole; don't, John's and we'll split.
			if (prev == 'n' || prev == 'N') && ntLen(text, j-1) > 0 {
				if j-1 > i {
					return j - 1
				}
				return j - 1 + ntLen(text, j-1)
			}
			if cliticLen(text, j) > 0 {
				return j
			}
			j += size + nsize
			continue
		case r == '.':
			return abbreviationEnd(text, i, j)
		}
		break
	}
	return j
}

// cliticLen returns the byte length of a contraction ending ('s, 're, 'll,
// 've, 'd, 'm) starting at the apostrophe at i when a word boundary follows
// it, or 0.
func cliticLen(text string, i int) int {
	r, s := utf8.DecodeRuneInString(text[i:])
	if !isApostrophe(r) {
		return 0
	}
	t := text[i+s:]
	for _, end := range []string{"s", "re", "ll", "ve", "d", "m"} {
		if len(t) >= len(end) && strings.EqualFold(t[:len(end)], end) && boundary(t[len(end):]) {
			return s + len(end)
		}
	}
	return 0
}

// ntLen returns the byte length of "n't" starting at i, or 0.
func ntLen(text string, i int) int {
	if i >= len(text) || (text[i] != 'n' && text[i] != 'N') {
		return 0
	}
	r, s := utf8.DecodeRuneInString(text[i+1:])
	if !isApostrophe(r) {
		return 0
	}
	t := text[i+1+s:]
	if len(t) > 0 && (t[0] == 't' || t[0] == 'T') && boundary(t[1:]) {
		return 1 + s + 1
	}
	return 0
}

// boundary reports whether no word character follows.
func boundary(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !isWordRune(r)
}

// abbreviationEnd decides whether the full stop at j belongs to the word that
// starts at i ("U.S.", "Mr.", "J.") and returns the token's end.
func abbreviationEnd(text string, i, j int) int {
	word := text[i:j]
	// Dotted initials: U.S., U.N., e.g., a.m.
	k := j
	letters := utf8.RuneCountInString(word)
	if letters == 1 {
		for k < len(text) && text[k] == '.' {
			r, s := utf8.DecodeRuneInString(text[k+1:])
			if k+1 < len(text) && unicode.IsLetter(r) {
				after := k + 1 + s
				if after < len(text) && text[after] == '.' {
					k = after
					continue
				}
			}
			break
		}
		if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) || k > j {
			return k + 1
		}
		return j
	}
	lower := strings.ToLower(word)
	if lower == "no" {
		// "No. 1", but "the answer was no."
		rest := strings.TrimLeft(text[j+1:], " ")
		if word != "No" || rest == "" || rest[0] < '0' || rest[0] > '9' {
			return j
		}
	}
	if abbreviations[lower] {
		return j + 1
	}
	return j
}

// scanURL returns the end of a URL or e-mail-less web address at i, or i.
func scanURL(text string, i int) int {
	rest := text[i:]
	lower := rest
	if len(lower) > 8 {
		lower = lower[:8]
	}
	lower = strings.ToLower(lower)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "www.") {
		return i
	}
	j := i
	for j < len(text) {
		r, s := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' {
			break
		}
		j += s
	}
	for j > i {
		r, s := utf8.DecodeLastRuneInString(text[i:j])
		if !strings.ContainsRune(".,;:!?)]}'’", r) {
			break
		}
		j -= s
	}
	return j
}

// markSentences sets SentenceStart: a sentence ends at ., ! or ? (and any
// closing quotes or brackets after it) when a capital, digit or quote comes
// next, and at every blank line.
func markSentences(text string, toks []Token) {
	for n := range toks {
		if n == 0 {
			toks[n].SentenceStart = true
			continue
		}
		prev := toks[n-1]
		if strings.Contains(text[prev.End:toks[n].Start], "\n\n") {
			toks[n].SentenceStart = true
			continue
		}
		// Find the last non-closing token before n.
		k := n - 1
		for k > 0 && isCloser(toks[k].Text) && !toks[k].SentenceStart {
			k--
		}
		if !endsSentence(toks[k].Text, toks[n].Text) {
			continue
		}
		first, _ := utf8.DecodeRuneInString(toks[n].Text)
		if unicode.IsUpper(first) || unicode.IsDigit(first) || isOpener(toks[n].Text) {
			toks[n].SentenceStart = true
		}
	}
}

func isCloser(s string) bool {
	switch s {
	case "\"", "'", "’", "”", ")", "]", "''":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case "\"", "“", "‘", "(", "[", "``", "'":
		return true
	}
	return false
}

// sentenceOpeners are words that start a sentence far more often than they
// follow an abbreviation such as "U.S." inside one.
var sentenceOpeners = map[string]bool{
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"The": true, "This": true, "That": true, "There": true, "But": true,
	"And": true, "In": true, "A": true, "An": true, "His": true, "Her": true,
	"Their": true, "Its": true, "On": true, "At": true, "If": true, "When": true,
}

// endsSentence reports whether token s ends a sentence when next follows.
func endsSentence(s, next string) bool {
	switch s {
	case ".", "!", "?", "...", "…":
		return true
	}
	if len(s) > 1 && s[len(s)-1] == '.' {
		word := s[:len(s)-1]
		lower := strings.ToLower(word)
		switch {
		case titles[lower] || utf8.RuneCountInString(word) == 1:
			return false // Mr. Brown, J. Smith
		case strings.Contains(word, "."):
			return sentenceOpeners[next] // "the U.S. President" but "the U.S. He"
		}
		return true // etc., Inc., Ltd. before a capital
	}
	return false
}

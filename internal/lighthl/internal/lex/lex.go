// Package lex splits source code into chroma tokens with one small generic
// scanner: comments, strings and their escapes, numbers, a keyword set
// shared by the common languages, names, operators and punctuation. The
// language a code fence names only chooses which comment forms and
// conventions apply (see syntaxFor).
package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// Tokenise splits src, written in lang (a code fence's language name,
// possibly empty or unknown), into tokens whose values concatenate back
// to src exactly. It never fails: text it cannot classify is Text.
func Tokenise(lang, src string) []chroma.Token {
	sc := scanner{src: src, syn: syntaxFor(lang), lineStart: true}
	sc.out = make([]chroma.Token, 0, len(src)/3+1)
	if sc.syn.diff {
		sc.diffLines()
		return sc.out
	}
	for sc.pos < len(src) {
		sc.next()
	}
	return sc.out
}

// scanner is the state of one Tokenise call.
type scanner struct {
	src       string
	pos       int
	syn       syntax
	out       []chroma.Token
	lineStart bool   // only spaces since the last newline
	lastWord  string // the last keyword, to colour the name it declares
	inTag     bool   // inside <tag ...> in markup
}

// emit appends src[pos:end] as a token of type t and moves past it.
func (sc *scanner) emit(t chroma.TokenType, end int) {
	if end <= sc.pos {
		return
	}
	v := sc.src[sc.pos:end]
	if n := len(sc.out); n > 0 && sc.out[n-1].Type == t {
		sc.out[n-1].Value = sc.src[sc.pos-len(sc.out[n-1].Value) : end]
	} else {
		sc.out = append(sc.out, chroma.Token{Type: t, Value: v})
	}
	if t != chroma.TextWhitespace {
		sc.lineStart = false
	}
	sc.pos = end
}

// lineEnd is the index of the newline ending the line holding i, or
// len(src).
func (sc *scanner) lineEnd(i int) int {
	if j := strings.IndexByte(sc.src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(sc.src)
}

// after reports whether the text at pos starts with p.
func (sc *scanner) after(p string) bool { return strings.HasPrefix(sc.src[sc.pos:], p) }

// prevSpace reports whether pos is at the start of the source or follows
// white space: where the guessing syntax lets # and -- open a comment.
func (sc *scanner) prevSpace() bool {
	return sc.pos == 0 || sc.src[sc.pos-1] == ' ' || sc.src[sc.pos-1] == '\t' || sc.src[sc.pos-1] == '\n'
}

// next scans one token at pos.
func (sc *scanner) next() {
	c := sc.src[sc.pos]
	switch {
	case c == '\n':
		sc.emit(chroma.TextWhitespace, sc.pos+1)
		sc.lineStart = true
		return
	case c == ' ' || c == '\t' || c == '\r':
		end := sc.pos
		for end < len(sc.src) && (sc.src[end] == ' ' || sc.src[end] == '\t' || sc.src[end] == '\r') {
			end++
		}
		sc.emit(chroma.TextWhitespace, end)
		return
	}
	if sc.comment() {
		return
	}
	if sc.syn.markup && sc.markup() {
		return
	}
	switch {
	case c == '"' || c == '\'' || c == '`':
		sc.str(c)
	case c >= '0' && c <= '9' || c == '.' && sc.pos+1 < len(sc.src) && isDigit(sc.src[sc.pos+1]):
		sc.number()
	case c == '$' && sc.syn.dollarVars:
		sc.variable()
	case c == '@' && sc.pos+1 < len(sc.src) && isWordStart(sc.src[sc.pos+1:]):
		sc.emit(chroma.NameDecorator, sc.wordEnd(sc.pos+1))
	case isWordStart(sc.src[sc.pos:]):
		sc.word()
	case strings.IndexByte("+-*/%=<>!&|^~?:", c) >= 0:
		end := sc.pos + 1
		for end < len(sc.src) && strings.IndexByte("+-*/%=<>!&|^~?:", sc.src[end]) >= 0 {
			end++
		}
		sc.emit(chroma.Operator, end)
	case strings.IndexByte("()[]{},;.", c) >= 0:
		sc.emit(chroma.Punctuation, sc.pos+1)
	default:
		_, n := utf8.DecodeRuneInString(sc.src[sc.pos:])
		sc.emit(chroma.Text, sc.pos+n)
	}
}

// comment scans a comment at pos, if one starts there.
func (sc *scanner) comment() bool {
	s := sc.syn
	switch {
	case s.slashBlock && sc.after("/*"):
		sc.until(chroma.CommentMultiline, "/*", "*/")
	case s.markup && sc.after("<!--"):
		sc.until(chroma.CommentMultiline, "<!--", "-->")
	case s.hashPreproc && sc.lineStart && sc.after("#"):
		sc.emit(chroma.CommentPreproc, sc.lineEnd(sc.pos))
	case sc.pos == 0 && sc.after("#!"):
		sc.emit(chroma.CommentHashbang, sc.lineEnd(sc.pos))
	case s.slashLine && sc.after("//") && (!s.guess || sc.pos == 0 || sc.src[sc.pos-1] != ':'):
		sc.emit(chroma.CommentSingle, sc.lineEnd(sc.pos))
	case s.hashLine && sc.after("#") && (!s.guess || sc.lineStart || sc.prevSpace() && sc.after("# ")):
		sc.emit(chroma.CommentSingle, sc.lineEnd(sc.pos))
	case s.dashLine && sc.after("--") && (!s.guess || sc.prevSpace() && (sc.after("-- ") || sc.after("--\n"))):
		sc.emit(chroma.CommentSingle, sc.lineEnd(sc.pos))
	case s.semiLine && sc.after(";"), s.percentLine && sc.after("%"):
		sc.emit(chroma.CommentSingle, sc.lineEnd(sc.pos))
	default:
		return false
	}
	return true
}

// until emits, as type t, the text from pos (where open is) through the
// first close after it, or to the end of the source when it never closes.
func (sc *scanner) until(t chroma.TokenType, open, close string) {
	from := sc.pos + len(open)
	end := len(sc.src)
	if i := strings.Index(sc.src[from:], close); i >= 0 {
		end = from + i + len(close)
	}
	sc.emit(t, end)
}

// str scans a string opened by quote q. A single-quoted string must close
// on its line, or the quote is an apostrophe (a Rust lifetime, a word in
// an unknown snippet) and stands alone; a double-quoted one that does not
// close runs to the end of its line; a backquoted one may span lines and,
// as a raw string in Go and shells, has no escapes.
func (sc *scanner) str(q byte) {
	if sc.syn.tripleQuote && q != '`' && sc.after(string([]byte{q, q, q})) {
		three := string([]byte{q, q, q})
		sc.until(chroma.LiteralStringDoc, three, three)
		return
	}
	limit := len(sc.src)
	if q != '`' {
		limit = sc.lineEnd(sc.pos)
	}
	// Find the closing quote, skipping escaped characters.
	end := -1
	for i := sc.pos + 1; i < limit; i++ {
		if sc.src[i] == '\\' && q != '`' {
			i++
			continue
		}
		if sc.src[i] == q {
			end = i + 1
			break
		}
	}
	if end < 0 {
		if q != '"' {
			sc.emit(chroma.Punctuation, sc.pos+1)
			return
		}
		end = limit
	}
	// Emit the body, with escapes as their own tokens.
	i := sc.pos + 1
	for i < end {
		if sc.src[i] == '\\' && q != '`' && i+1 < end {
			sc.emit(chroma.LiteralString, i)
			sc.emit(chroma.LiteralStringEscape, escapeEnd(sc.src, i, end))
			i = sc.pos
			continue
		}
		i++
	}
	sc.emit(chroma.LiteralString, end)
}

// escapeEnd is where the backslash escape at i ends: \xHH, \uHHHH,
// \UHHHHHHHH, up to three octal digits, or one character.
func escapeEnd(s string, i, limit int) int {
	digits := 0
	switch s[i+1] {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	case '0', '1', '2', '3', '4', '5', '6', '7':
		j := i + 1
		for j < limit && j < i+4 && s[j] >= '0' && s[j] <= '7' {
			j++
		}
		return j
	}
	if digits == 0 {
		_, n := utf8.DecodeRuneInString(s[i+1 : limit])
		return i + 1 + n
	}
	j := i + 2
	for j < limit && j < i+2+digits && isHex(s[j]) {
		j++
	}
	return j
}

// number scans a number: decimal with fraction and exponent, or 0x hex,
// with digit separators and type suffixes (1_000, 3.0f, 10n).
func (sc *scanner) number() {
	s, i := sc.src, sc.pos
	t := chroma.LiteralNumberInteger
	if s[i] == '0' && i+1 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X') {
		i += 2
		for i < len(s) && (isHex(s[i]) || s[i] == '_') {
			i++
		}
		sc.emit(chroma.LiteralNumberHex, i)
		return
	}
	for i < len(s) {
		switch c := s[i]; {
		case isDigit(c) || c == '_':
			i++
		case c == '.' && i+1 < len(s) && isDigit(s[i+1]):
			t = chroma.LiteralNumberFloat
			i++
		case (c == 'e' || c == 'E') && i+1 < len(s) && (isDigit(s[i+1]) ||
			(s[i+1] == '+' || s[i+1] == '-') && i+2 < len(s) && isDigit(s[i+2])):
			t = chroma.LiteralNumberFloat
			i += 2
		default:
			for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
				i++
			}
			sc.emit(t, i)
			return
		}
	}
	sc.emit(t, i)
}

// variable scans $name, ${name}, $1 or $@ in a shell-like language.
func (sc *scanner) variable() {
	s, i := sc.src, sc.pos+1
	switch {
	case i < len(s) && s[i] == '{':
		if j := strings.IndexByte(s[i:sc.lineEnd(i)], '}'); j >= 0 {
			sc.emit(chroma.NameVariable, i+j+1)
			return
		}
	case i < len(s) && isWordStart(s[i:]):
		sc.emit(chroma.NameVariable, sc.wordEnd(i))
		return
	case i < len(s) && strings.IndexByte("0123456789@*#?$!-", s[i]) >= 0:
		sc.emit(chroma.NameVariable, i+1)
		return
	}
	sc.emit(chroma.Text, i)
}

// word scans a name and classifies it: keyword, the name a keyword like
// "class" declares, a function (a name followed by "("), or a plain name.
func (sc *scanner) word() {
	end := sc.wordEnd(sc.pos)
	w := sc.src[sc.pos:end]
	t := wordType(w, sc.syn)
	switch {
	case t != 0:
	case declares(sc.lastWord):
		t = chroma.NameClass
	case sc.followedBy(end, '('):
		t = chroma.NameFunction
	default:
		t = chroma.Name
	}
	if t == chroma.Keyword {
		sc.lastWord = w
	} else {
		sc.lastWord = ""
	}
	sc.emit(t, end)
}

// followedBy reports whether the first non-blank byte at or after i is c.
func (sc *scanner) followedBy(i int, c byte) bool {
	for i < len(sc.src) && (sc.src[i] == ' ' || sc.src[i] == '\t') {
		i++
	}
	return i < len(sc.src) && sc.src[i] == c
}

// wordEnd is the end of the name starting at i: letters, digits and _
// (and - inside markup tags, for names like data-id).
func (sc *scanner) wordEnd(i int) int {
	for i < len(sc.src) {
		r, n := utf8.DecodeRuneInString(sc.src[i:])
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || sc.inTag && (r == '-' || r == ':')) {
			break
		}
		i += n
	}
	return i
}

// isWordStart reports whether s starts with a letter or _.
func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || unicode.IsLetter(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

package entity

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/bylinehq/byline/assets"
	"github.com/bylinehq/byline/model"
)

// Spotter finds the names of a known list that a tagger left untagged:
// "Tory" and "Tories" in the many sentences where the statistical tagger
// sees an adjective or misses the word, so the store can count those
// articles to the Conservative Party too. It only adds: a span the tagger
// found is never changed, and a spotted name never overlaps one.
//
// Only names that are seldom anything else are spotted (see spotNames),
// only as whole words written exactly as listed (so "conservative" is
// not "Conservative"), and only where they stand alone: a capitalised
// word next to them that no span covers may make them part of a longer
// name the tagger missed ("Media Lab"), so they are left alone there.
type Spotter struct {
	first map[string][]spotName // the first token's text → the names starting with it, longest first
}

// spotName is one name to spot, as tokens, with the type it is spotted as.
type spotName struct {
	tokens []string
	typ    model.EntityType
	// plain: one word that may also be an ordinary word at the start of a
	// sentence or in a Title Case heading ("Conservative estimates"), so
	// spotted there only when the article also names it elsewhere.
	plain bool
}

// NewSpotter returns a spotter for names, which maps each name to its type.
// Names written in capitals only (acronyms) and names of several words are
// spotted anywhere; other one-word names at the start of a sentence or in
// a heading written in Title Case only when the article also names them
// where a capital tells a name.
func NewSpotter(names map[string]model.EntityType) *Spotter {
	l := lex()
	s := &Spotter{first: make(map[string][]spotName)}
	for name, typ := range names {
		var toks []string
		for _, t := range tokenize(name, nil, l) {
			toks = append(toks, t.text)
		}
		if len(toks) == 0 {
			continue
		}
		_, caps := caseOf(toks[0])
		n := spotName{tokens: toks, typ: typ, plain: len(toks) == 1 && !caps}
		s.first[toks[0]] = append(s.first[toks[0]], n)
	}
	for k, list := range s.first {
		// Longest first, then by text, so the result does not depend on
		// map order.
		slices.SortFunc(list, func(a, b spotName) int {
			if c := cmp.Compare(len(b.tokens), len(a.tokens)); c != 0 {
				return c
			}
			return slices.Compare(a.tokens, b.tokens)
		})
		s.first[k] = list
	}
	return s
}

// defaultSpotter spots the names of assets/aliases.tsv (see spotNames),
// parsed once when first needed.
var defaultSpotter = sync.OnceValue(func() *Spotter { return NewSpotter(spotNames(assets.Aliases)) })

// spotNames returns the names of the alias table (the format written by
// store/aliasgen) worth spotting, with their types: every name of the
// hand-written list, which was written for news and holds no ordinary
// word ("Tories", "Lib Dems", "Number 10"), and the names of two or more
// words of the gazetteers ("Manchester United", "Social Democratic
// Party"). A gazetteer's one-word names and initials are left out: too
// many are words or initials of something else ("Palace", "PR", "SP").
func spotNames(tsv string) map[string]model.EntityType {
	names := make(map[string]model.EntityType)
	for line := range strings.Lines(tsv) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
		if len(f) < 4 || f[2] == "" {
			continue
		}
		kind, typ := f[0], model.EntityType(f[1])
		if kind != "hand" && kind != "party" && kind != "club" {
			continue
		}
		for _, name := range append([]string{f[2]}, strings.Split(f[3], "|")...) {
			if name == "" || kind != "hand" && !manyWordName(name) {
				continue
			}
			if _, seen := names[name]; !seen {
				names[name] = typ // the hand list comes first and names best
			}
		}
	}
	return names
}

// manyWordName reports whether name is two or more words, each a
// capitalised word or a short joining word ("of", "for"), and not only
// initials ("P C B").
func manyWordName(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 {
		return false
	}
	lower := false
	for _, w := range words {
		upper, caps := caseOf(w)
		if !upper && !joiningWords[w] {
			return false
		}
		if !caps && strings.IndexFunc(w, unicode.IsLower) >= 0 && strings.IndexFunc(w, unicode.IsLetter) >= 0 && len(w) > 1 {
			lower = true
		}
	}
	return lower
}

var joiningWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "de": true, "del": true, "la": true}

// Spot returns spans with the names s knows that no span covers added, in
// no particular order (Link sorts).
// tokenBufs holds token slices for Spot to reuse: it tokenizes every
// field of every article, and growing a fresh slice each time was a third
// of what extraction allocated.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

func (s *Spotter) Spot(a *model.Article, spans []Span) []Span {
	l := lex()
	type fieldKey struct {
		field model.Field
		para  int
	}
	tagged := make(map[fieldKey][]Span)
	for _, sp := range spans {
		k := fieldKey{sp.Field, sp.Paragraph}
		if sp.Field != model.FieldBody {
			k.para = 0
		}
		tagged[k] = append(tagged[k], sp)
	}
	defined := definedHere(a)
	// A one-word name that may be an ordinary word ("Conservative") is
	// doubtful where a capital tells nothing: it is added only when the
	// article also names it (so written) where a capital does tell.
	named := make(map[string]bool)
	for _, sp := range spans {
		p := sp.Paragraph
		if sp.Field != model.FieldBody {
			p = 0
		}
		if text := a.FieldText(sp.Field, p); sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) {
			named[text[sp.Start:sp.End]] = true
		}
	}
	var doubtful []Span
	out := spans
	buf := tokenBufs.Get().(*[]token)
	toks := (*buf)[:0]
	defer func() {
		clear(toks) // the pool keeps no article's text alive
		*buf = toks[:0]
		tokenBufs.Put(buf)
	}()
	visit := func(field model.Field, para int, text string) {
		if text == "" {
			return
		}
		toks = tokenize(text, toks[:0], l)
		have := tagged[fieldKey{field, para}]
		covered := func(start, end int) bool {
			for _, sp := range have {
				if sp.Start < end && start < sp.End {
					return true
				}
			}
			return false
		}
		heading := titleCased(toks)
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if t.kind != tokWord || !t.upper {
				continue
			}
			for _, n := range s.first[t.text] {
				j := i + len(n.tokens)
				if j > len(toks) || !matches(toks[i:j], n.tokens) {
					continue
				}
				if len(n.tokens) == 1 && defined[t.text] {
					break
				}
				start, end := toks[i].start, toks[j-1].end
				// In a Title Case heading every neighbour is capitalised.
				if covered(start, end) || !heading && s.joined(l, toks, i, j, covered) {
					break
				}
				sp := Span{Field: field, Paragraph: para, Start: start, End: end, Type: n.typ}
				if n.plain && (t.sentStart || heading) {
					doubtful = append(doubtful, sp)
				} else {
					out = append(out, sp)
					named[t.text] = true
				}
				i = j - 1
				break
			}
		}
	}
	visit(model.FieldTitle, 0, a.Title)
	visit(model.FieldCaption, 0, a.Caption)
	for p, text := range a.Paragraphs {
		visit(model.FieldBody, p, text)
	}
	for _, sp := range doubtful {
		if named[a.FieldText(sp.Field, sp.Paragraph)[sp.Start:sp.End]] {
			out = append(out, sp)
		}
	}
	return out
}

// definedHere returns the words article a spells out in brackets after a
// name, as in "Carrier Pre-Selection (CPS)": there they are initials of
// what the article says, not of the name the list knows.
func definedHere(a *model.Article) map[string]bool {
	var defined map[string]bool
	look := func(text string) {
		for rest := text; ; {
			i := strings.Index(rest, "(")
			if i < 0 {
				return
			}
			rest = rest[i+1:]
			word, _, ok := strings.Cut(rest, ")")
			if !ok || word == "" || strings.ContainsAny(word, " (") {
				continue
			}
			if defined == nil {
				defined = make(map[string]bool)
			}
			defined[word] = true
		}
	}
	look(a.Title)
	look(a.Caption)
	for _, p := range a.Paragraphs {
		look(p)
	}
	return defined
}

// matches reports whether toks are the words want, one by one.
func matches(toks []token, want []string) bool {
	for k, w := range want {
		if toks[k].text != w {
			return false
		}
	}
	return true
}

// joined reports whether the name at toks[i:j] runs into a capitalised word
// no span covers, so it may be part of a longer name: the word before or
// the word after, other than a title ("Tory MP", "Senior Tories" stand
// alone).
func (s *Spotter) joined(l *lexicon, toks []token, i, j int, covered func(start, end int) bool) bool {
	bare := func(t token) bool {
		return t.kind == tokWord && t.upper && !l.titles[t.text] && !covered(t.start, t.end)
	}
	if i > 0 && bare(toks[i-1]) && toks[i-1].end+1 >= toks[i].start {
		// A sentence's first word is capitalised whatever it is: only a
		// word that is not a function word or a date may join ("Law
		// Lords", but "But Tories", "Yesterday Tories").
		if p := toks[i-1]; !p.sentStart || !l.function[p.lower] && !l.dates[p.lower] {
			return true
		}
	}
	return j < len(toks) && bare(toks[j]) && toks[j].start <= toks[j-1].end+1
}

// titleCased reports whether a field is written in Title Case, where a
// capital tells nothing: most of its words of four letters or more start
// with one, not counting the first.
func titleCased(toks []token) bool {
	long, upper := 0, 0
	for k, t := range toks {
		if k == 0 || t.kind != tokWord || len(t.text) < 4 {
			continue
		}
		long++
		if t.upper {
			upper++
		}
	}
	return long >= 3 && 2*upper > long
}

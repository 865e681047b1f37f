package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// RuleTagger is byline's first tagger: it finds runs of capitalised words,
// splits off titles and nationality words, and types each run by a small
// hand-written lexicon (places, organisations, given names), by the word
// that heads it ("Court", "Sea", "Cup") and by the words around it
// ("leader Xi Jinping", "the town of Bakhmut"). What one sentence makes
// certain carries over to the rest of the article: once "Vladimir Putin"
// is a person, "Putin" opening a sentence is one too.
//
// A RuleTagger holds no per-article state and is safe for concurrent use.
type RuleTagger struct {
	lex *lexicon
}

// NewRuleTagger returns the rule-based tagger.
func NewRuleTagger() *RuleTagger { return &RuleTagger{lex: lex()} }

// Tag returns the entity spans of one article in document order.
func (t *RuleTagger) Tag(a *model.Article) []Span {
	d := newDoc(t.lex, a)
	for si := range d.segs {
		if !d.segs[si].heading {
			d.tagRuns(si)
		}
	}
	d.resolveWeak()
	for si := range d.segs {
		if d.segs[si].heading {
			d.tagHeading(si)
		}
	}
	return d.spans()
}

// segment is one field of the article: the title, the caption or one body
// paragraph.
type segment struct {
	field model.Field
	para  int
	text  string
	toks  []token
	// heading is set when every content word is capitalised (a Title Case
	// headline, a "Give Your Comments" trailer): capitals then say nothing,
	// so only names already known from the rest of the article are tagged.
	heading bool
}

// candidate is a tagged run of tokens toks[lo:hi] of segment seg.
type candidate struct {
	seg, lo, hi int
	typ         model.EntityType
	// weak marks a single word whose type waits until the whole article
	// has been read; typ is then the best guess so far ("" to drop it).
	weak bool
	// sure marks names that headings may reuse: not a default guess.
	sure bool
	// initial marks a weak word that opens a sentence, where a capital
	// proves nothing.
	initial bool
}

// doc is the tagger's working state for one article.
type doc struct {
	lex   *lexicon
	segs  []segment
	lower map[string]bool // words seen written in lowercase
	cands []candidate
	// persons holds the first and last words of every person found, so
	// that "Putin" alone is a person once "Vladimir Putin" is.
	persons map[string]bool
	// known maps the folded text of every sure name to its type.
	known map[string]model.EntityType
}

func newDoc(l *lexicon, a *model.Article) *doc {
	d := &doc{lex: l, lower: map[string]bool{}, persons: map[string]bool{}, known: map[string]model.EntityType{}}
	add := func(f model.Field, p int, text string) {
		if text == "" {
			return
		}
		s := segment{field: f, para: p, text: text, toks: tokenize(text, nil, l)}
		s.heading = d.isHeading(s.toks)
		d.segs = append(d.segs, s)
	}
	add(model.FieldTitle, 0, a.Title)
	add(model.FieldCaption, 0, a.Caption)
	for i, p := range a.Paragraphs {
		add(model.FieldBody, i, p)
	}
	// Only the capitalised words' lowercase forms are ever looked up.
	capital := map[string]bool{}
	for _, s := range d.segs {
		for _, t := range s.toks {
			if t.upper {
				capital[t.lower] = true
			}
		}
	}
	for _, s := range d.segs {
		for _, t := range s.toks {
			if t.kind == tokWord && !t.upper && capital[t.text] {
				d.lower[t.text] = true
			}
		}
	}
	return d
}

// isHeading reports whether a segment has at least two content words and
// all are capitalised: a headline, a trailer, a football line-up ("Cech,
// Paulo Ferreira, Terry, Gallas.").
func (d *doc) isHeading(toks []token) bool {
	content := 0
	for _, t := range toks {
		if t.kind != tokWord || !startsWithLetter(t.text) {
			continue
		}
		if !t.upper {
			if d.lex.function[t.text] {
				continue
			}
			return false
		}
		content++
	}
	return content >= 2
}

// tagRuns finds the capitalised runs of one segment and classifies them.
func (d *doc) tagRuns(si int) {
	toks := d.segs[si].toks
	for i := 0; i < len(toks); {
		if !d.namey(toks, i, false) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if d.namey(toks, j, true) {
				j++
				continue
			}
			if k := d.joinAt(toks, i, j); k > j {
				j = k
				continue
			}
			break
		}
		d.classify(si, i, j)
		i = j
	}
}

// namey reports whether toks[k] can be part of a name: a capitalised word
// that is not a function word or a date. A month is a name only inside a
// run ("Theresa May").
func (d *doc) namey(toks []token, k int, inRun bool) bool {
	t := toks[k]
	if t.kind != tokWord || !t.upper {
		return false
	}
	if d.lex.acronyms[t.text] || lowerAfterHyphen(t.text) {
		return false // "MPs", "State-owned", "Oscar-nominated"
	}
	lc := t.lower
	if d.lex.dates[lc] {
		return inRun && !strings.HasSuffix(lc, "day")
	}
	return t.caps || !d.lex.function[lc]
}

// lowerAfterHyphen reports whether the last part of a hyphenated word is
// lowercase: an adjective made from a name, not the name.
func lowerAfterHyphen(w string) bool {
	i := strings.LastIndexAny(w, "-‐‑")
	if i < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(w[i:])
	r, _ := utf8.DecodeRuneInString(w[i+n:])
	return unicode.IsLower(r)
}

// joinAt returns the index of the next name word when toks[j] joins two
// parts of one name: "Bank of England", "Court of Appeals for the
// District", "Charles de Gaulle", "Procter & Gamble", "Mr. Smith".
// Otherwise it returns -1.
func (d *doc) joinAt(toks []token, lo, j int) int {
	l, t, prev := d.lex, toks[j], toks[j-1]
	next := func(k int) int {
		if k < len(toks) && d.namey(toks, k, true) {
			return k
		}
		return -1
	}
	switch {
	case t.kind == tokPunct && t.text == "&":
		return next(j + 1)
	case t.kind == tokPunct && t.text == "." && prev.end == t.start && l.abbrevs[prev.text] && l.titles[prev.text]:
		return next(j + 1)
	case t.kind != tokWord:
		return -1
	case t.text == "of" || t.text == "for":
		ok := l.orgHeads[prev.text] || l.locHeads[prev.text] || l.titles[prev.text] || l.depts[prev.text] || l.eventHeads[prev.text]
		for k := lo; k < j && !ok && t.text == "for"; k++ {
			ok = l.orgHeads[toks[k].text]
		}
		if !ok {
			return -1
		}
		k := j + 1
		if k < len(toks) && toks[k].text == "the" {
			k++
		}
		return next(k)
	case l.particles[t.text]:
		return next(j + 1)
	case t.text == "and":
		// "Securities and Exchange Commission", "Marks and Spencer plc":
		// "and" joins only inside an organisation's name.
		// Not between two names: "Labour and Liberal Democrats".
		k := j + 1
		for k < len(toks) && d.namey(toks, k, true) {
			k++
		}
		plain := func(t token) bool { return !t.caps && !l.knows(t.text) }
		if k > j+2 && l.orgHeads[toks[k-1].text] && plain(prev) && (!d.isHead(prev.text) || l.industry[prev.text]) && plain(toks[j+1]) {
			if _, known := l.typeOf(d.segText(toks, lo, j)); !known {
				return j + 1
			}
		}
	}
	return -1
}

// add records toks[lo:hi] of segment si as a sure entity of type typ.
func (d *doc) add(si, lo, hi int, typ model.EntityType) {
	toks := d.segs[si].toks
	for lo < hi && !nameWord(toks[lo]) {
		lo++
	}
	for hi > lo && !nameWord(toks[hi-1]) {
		hi--
	}
	if lo < hi {
		d.cands = append(d.cands, candidate{seg: si, lo: lo, hi: hi, typ: typ, sure: true})
	}
}

// addWeak records a single word whose type is settled by resolveWeak.
func (d *doc) addWeak(si, k int, guess model.EntityType, sure bool) {
	initial := d.segs[si].toks[k].sentStart
	d.cands = append(d.cands, candidate{seg: si, lo: k, hi: k + 1, typ: guess, weak: true, sure: sure, initial: initial})
}

// resolveWeak settles the single words with what the whole article says:
// a word that is part of a person's name is that person; a word tagged
// surely elsewhere keeps that type; a word opening a sentence is a name
// only if it is one inside a sentence too; otherwise the guess stands.
func (d *doc) resolveWeak() {
	single := map[string]model.EntityType{}
	inside := map[string]model.EntityType{}
	for _, c := range d.cands {
		if c.weak {
			if !c.initial && c.typ != "" {
				inside[d.segs[c.seg].toks[c.lo].text] = c.typ
			}
			continue
		}
		toks := d.segs[c.seg].toks
		if c.typ == model.PER {
			// A place or body in a name ("Denzel Washington", a guess
			// like "Athletics Ireland") does not make it a person alone.
			for _, k := range []int{c.lo, c.hi - 1} {
				if _, known := d.lex.typeOf(toks[k].text); !known {
					d.persons[toks[k].text] = true
				}
			}
		}
		if c.hi-c.lo == 1 {
			single[toks[c.lo].text] = c.typ
		}
	}
	for i := range d.cands {
		c := &d.cands[i]
		if !c.weak {
			continue
		}
		w := d.segs[c.seg].toks[c.lo].text
		switch typ, ok := single[w]; {
		case d.persons[w]:
			c.typ, c.sure = model.PER, true
		case c.sure:
		case ok:
			c.typ, c.sure = typ, true
		case c.initial && c.typ == "":
			c.typ = inside[w]
		}
	}
	for _, c := range d.cands {
		if c.typ != "" && c.sure {
			d.known[strings.ToLower(d.text(c.seg, c.lo, c.hi))] = c.typ
		}
	}
}

// tagHeading tags, in a segment whose capitals say nothing, the names the
// rest of the article or the lexicon knows, longest first.
func (d *doc) tagHeading(si int) {
	toks := d.segs[si].toks
	for k := 0; k < len(toks); k++ {
		if toks[k].kind != tokWord || !toks[k].upper {
			continue
		}
		for n := min(6, len(toks)-k); n >= 1; n-- {
			last := toks[k+n-1]
			if last.kind != tokWord || !last.upper {
				continue
			}
			key := strings.ToLower(d.text(si, k, k+n))
			typ, ok := d.known[key]
			if !ok {
				typ, ok = d.lex.folded[key]
			}
			if !ok && n == 1 && d.persons[toks[k].text] {
				typ, ok = model.PER, true
			}
			if ok {
				d.cands = append(d.cands, candidate{seg: si, lo: k, hi: k + n, typ: typ, sure: true})
				k += n - 1
				break
			}
		}
	}
}

// spans returns the candidates as spans in document order.
func (d *doc) spans() []Span {
	sort.SliceStable(d.cands, func(i, j int) bool {
		a, b := d.cands[i], d.cands[j]
		if a.seg != b.seg {
			return a.seg < b.seg
		}
		return a.lo < b.lo
	})
	out := make([]Span, 0, len(d.cands))
	for _, c := range d.cands {
		if c.typ == "" {
			continue
		}
		s := d.segs[c.seg]
		out = append(out, Span{Field: s.field, Paragraph: s.para, Start: s.toks[c.lo].start, End: s.toks[c.hi-1].end, Type: c.typ})
	}
	return out
}

// text returns the words toks[lo:hi] of segment si as one string, with one
// space wherever the field has any white space.
func (d *doc) text(si, lo, hi int) string { return d.segText(d.segs[si].toks, lo, hi) }

// segText is text for tokens of a segment being read.
func (d *doc) segText(toks []token, lo, hi int) string {
	var b strings.Builder
	for k := lo; k < hi; k++ {
		if k > lo && toks[k].start > toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].text)
	}
	return b.String()
}

// nameWord reports whether a token can start or end a name.
func nameWord(t token) bool { return t.kind == tokWord && t.upper }

func startsWithLetter(w string) bool { return letterAt(w, 0) }

package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// classify types the capitalised run toks[lo:hi] of segment si. The rules
// go from the most to the least certain: the lexicon knows the whole name;
// a title splits it ("US Secretary of State Antony Blinken"); the word that
// heads it says what it is ("International Criminal Court", "Black Sea");
// it opens with a given name; a nationality word opens it ("Russian Black
// Sea"); it is a single word, settled later with the whole article; or it
// is several words nobody knows, most often a person.
func (d *doc) classify(si, lo, hi int) {
	toks, l := d.segs[si].toks, d.lex
	for lo < hi && !nameWord(toks[lo]) {
		lo++
	}
	for hi > lo && !nameWord(toks[hi-1]) {
		hi--
	}
	if lo >= hi {
		return
	}
	first, last, n := toks[lo], toks[hi-1], hi-lo
	// "Fierce Russian attacks": a common word opening a sentence is no
	// part of the name after it.
	if first.sentStart && n > 1 && (d.common(first) || l.roles[first.lower]) && !l.titles[first.text] {
		d.classify(si, lo+1, hi)
		return
	}
	if typ, ok := l.typeOf(d.text(si, lo, hi)); ok {
		if n == 1 {
			d.addWeak(si, lo, typ, true)
		} else {
			d.add(si, lo, hi, typ)
		}
		return
	}
	if d.titleSplit(si, lo, hi) {
		return
	}
	// "Liberal Democrat Sarah Teather": a name ends where a given name
	// starts after an organisation, place or acronym.
	for k := lo + 1; k < hi-1; k++ {
		if l.given[toks[k].text] && (d.headed(toks, lo, k, l.orgHeads) || d.knownFirst(toks[k-1]) || toks[k-1].caps) {
			d.classify(si, lo, k)
			d.classify(si, k, hi)
			return
		}
	}
	switch {
	case d.headed(toks, lo, hi, l.orgHeads):
		if n > 1 {
			d.add(si, lo, hi, model.ORG)
		}
	case d.headed(toks, lo, hi, l.eventHeads):
		if n > 1 {
			d.add(si, lo, hi, model.MISC)
		}
	case n >= 2 && l.locPrefixes[first.text]:
		d.add(si, lo, hi, model.LOC) // "St Kitts", "River Lagan"
	case n >= 2 && n <= 4 && l.given[first.text] && !d.anyCommon(toks, lo+2, hi):
		d.add(si, lo, hi, model.PER)
	case d.nationalityAt(toks, lo, hi) > 0 && !(n == 2 && d.isHead(last.text)):
		// "Russian Black Sea", "South Korean Hyung-Taik Lee"
		k := lo + d.nationalityAt(toks, lo, hi)
		if k-lo == 1 {
			d.addWeak(si, lo, model.MISC, true)
		} else {
			d.add(si, lo, k, model.MISC)
		}
		d.classify(si, k, hi)
	case d.headed(toks, lo, hi, l.locHeads) || d.allCompass(toks, lo, hi) || n >= 2 && l.compass[first.text]:
		if n > 1 {
			d.add(si, lo, hi, model.LOC)
		}
	case n >= 2 && d.knownFirst(toks[lo]):
		// "Indonesia Aceh", "Sony Walkman": the known name stands alone.
		d.classify(si, lo, lo+1)
		d.classify(si, lo+1, hi)
	case n == 1:
		d.single(si, lo)
	case d.placeNounBefore(toks, lo):
		d.add(si, lo, hi, model.LOC)
	case n <= 4 && d.roleBefore(toks, lo):
		d.add(si, lo, hi, model.PER)

	case d.anyCapsOrDigits(toks, lo, hi):
		d.add(si, lo, hi, model.ORG)
	case n <= 3 && !d.anyCommon(toks, lo, hi):
		d.add(si, lo, hi, model.PER)
	default:
		d.cands = append(d.cands, candidate{seg: si, lo: lo, hi: hi, typ: model.MISC})
	}
}

// nationalityAt returns how many words of a nationality open a run of more
// words: 2 for "South Korean", 1 for "Russian", else 0.
func (d *doc) nationalityAt(toks []token, lo, hi int) int {
	l := d.lex
	switch {
	case hi-lo > 1 && l.compass[toks[lo].text] && l.nationalities[toks[lo+1].text]:
		return 2
	case hi-lo > 2 && l.misc[toks[lo].text+" "+toks[lo+1].text]:
		return 2
	case hi-lo > 1 && l.nationalities[toks[lo].text]:
		return 1
	}
	return 0
}

// knownFirst reports whether a word is a place or organisation on its own.
func (d *doc) knownFirst(t token) bool {
	return d.lex.places[t.text] || d.lex.orgs[t.text]
}

// allCompass reports whether a run is made of compass words only: "South
// West", "North-East".
func (d *doc) allCompass(toks []token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !d.lex.compass[toks[k].text] {
			return false
		}
	}
	return hi-lo > 1 || d.lex.compass[toks[lo].text] && strings.Contains(toks[lo].text, "-")
}

// single types a capitalised word standing alone.
func (d *doc) single(si, k int) {
	toks, l := d.segs[si].toks, d.lex
	t := toks[k]
	if l.titles[t.text] || l.depts[t.text] || d.isHead(t.text) || utf8.RuneCountInString(t.text) < 2 {
		return // "Court", "President", "P": no name alone
	}
	switch {
	case t.caps && len(t.text) <= 8:
		d.add(si, k, k+1, model.ORG) // an acronym: ICC, HIMARS
	case d.roleBefore(toks, k):
		d.add(si, k, k+1, model.PER)
	case d.placeNounBefore(toks, k):
		d.add(si, k, k+1, model.LOC)
	case l.given[t.text]:
		d.addWeak(si, k, model.PER, false)
	case t.sentStart || d.lower[t.lower]:
		d.addWeak(si, k, "", false)
	case k > 0 && (toks[k-1].text == "in" || toks[k-1].text == "near"):
		d.addWeak(si, k, model.LOC, false)
	case adjectival(t.text):
		d.addWeak(si, k, model.MISC, false) // "Crimean", "Shakespearean"
	default:
		// Most capitalised words nobody knows, in news, are companies,
		// clubs and bodies: Yukos, Chelsea, Gazprom.
		d.addWeak(si, k, model.ORG, false)
	}
}

// adjectival reports whether a word has the ending of an adjective made
// from a name: Crimean, Victorian, Congolese, Kurdish.
func adjectival(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, end := range []string{"ean", "ian", "ese", "ish", "ic"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// titleSplit handles a run holding a person's title. The title and its
// brief ("Secretary of State", "Foreign Minister") are dropped, the words
// before it are classified on their own ("US", "Russian") and the words
// after it are the person. It returns false when the title word is part of
// another kind of name ("General Motors", "General Election").
func (d *doc) titleSplit(si, lo, hi int) bool {
	toks, l := d.segs[si].toks, d.lex
	t := -1
	for k := lo; k < hi; k++ {
		if toks[k].kind == tokWord && l.titles[toks[k].text] {
			t = k
			break
		}
	}
	if t < 0 {
		return false
	}
	e := t + 1
	for e < hi {
		w := toks[e]
		if w.kind == tokPunct || l.titles[w.text] || l.depts[w.text] {
			e++
			continue
		}
		if w.text == "of" || w.text == "for" {
			k := e + 1
			if k < hi && toks[k].text == "the" {
				k++
			}
			if k < hi && l.depts[toks[k].text] {
				e = k + 1
				continue
			}
		}
		break
	}
	b := t
	for b > lo && l.depts[toks[b-1].text] {
		b--
	}
	if e < hi && !nameWord(toks[e]) {
		// "President of the European Commission"
		d.classify(si, lo, b)
		d.classify(si, e+1, hi)
		return true
	}
	if e < hi && !l.honorifics[toks[t].text] && !d.personLike(toks[e]) {
		return false
	}
	d.classify(si, lo, b)
	c := e
	for c < hi && nameWord(toks[c]) || c < hi && l.particles[toks[c].text] {
		c++
	}
	if c > e+1 || c == e+1 && utf8.RuneCountInString(strings.TrimSuffix(toks[e].text, ".")) > 1 {
		d.add(si, e, c, model.PER) // not "Mr P."
	}
	if c < hi {
		d.classify(si, c+1, hi)
	}
	return true
}

// headed reports whether the run's head word is in heads: its last word
// (before any numeral: "World War III") or the word before its first "of"
// or "for" ("Bank of England").
func (d *doc) headed(toks []token, lo, hi int, heads map[string]bool) bool {
	z := hi - 1
	for z > lo && isRoman(toks[z].text) {
		z--
	}
	if heads[toks[z].text] {
		return true
	}
	for k := lo + 1; k < hi; k++ {
		if w := toks[k].text; w == "of" || w == "for" {
			return heads[toks[k-1].text]
		}
	}
	return false
}

// isHead reports whether w heads names of organisations, places or events.
func (d *doc) isHead(w string) bool {
	return d.lex.orgHeads[w] || d.lex.locHeads[w] || d.lex.eventHeads[w]
}

// common reports whether a capitalised word is an ordinary word: the
// article writes it in lowercase elsewhere, or it is a function word, and
// no name list knows it.
func (d *doc) common(t token) bool {
	lc := t.lower
	return (d.lower[lc] || d.lex.function[lc]) && !d.lex.knows(t.text)
}

// personLike reports whether a word after a title can be a name.
func (d *doc) personLike(t token) bool {
	l := d.lex
	return nameWord(t) && !l.titles[t.text] && !l.depts[t.text] && !d.isHead(t.text) && !d.common(t)
}

func (d *doc) anyCommon(toks []token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if nameWord(toks[k]) && d.common(toks[k]) {
			return true
		}
	}
	return false
}

// anyCapsOrDigits reports whether a run has a word in capitals, with digits
// or in CamelCase: the marks of companies and products, not people.
func (d *doc) anyCapsOrDigits(toks []token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		w := toks[k].text
		if toks[k].caps && !isRoman(w) || strings.ContainsAny(w, "0123456789") || camelCase(w) {
			return true
		}
	}
	return false
}

// roleBefore reports whether a lowercase role noun comes right before
// toks[k]: "leader Xi Jinping".
func (d *doc) roleBefore(toks []token, k int) bool {
	return k > 0 && toks[k-1].kind == tokWord && d.lex.roles[toks[k-1].text]
}

// placeNounBefore reports whether "town of", "city of" comes right before
// toks[k].
func (d *doc) placeNounBefore(toks []token, k int) bool {
	return k > 1 && toks[k-1].text == "of" && d.lex.placeNouns[toks[k-2].text]
}

// isRoman reports whether w is a small Roman numeral: II, III, IV.
func isRoman(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	return strings.Trim(w, "IVX") == ""
}

// camelCase reports whether a capital follows a small letter inside w
// ("GameBoy", "ClearView"), except after the prefixes of surnames
// ("McDonald", "MacNeil", "DeLillo").
func camelCase(w string) bool {
	prev := ' '
	for i, r := range w {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			switch w[:i] {
			case "Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von", "Du":
			default:
				return true
			}
		}
		prev = r
	}
	return false
}

package compare

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// name is a named-entity span in CoNLL's sense: words [start, end) of a
// document, of type PER, ORG, LOC or MISC.
type name struct {
	start, end int
	typ        string
}

// conllTypes maps GUM's entity types to CoNLL-2003's. time is dropped: CoNLL
// never tags days, months or dates. Everything GUM names that is not a
// person, organisation or place is MISC, which in CoNLL holds named events,
// products and works, laws, languages and nationalities.
var conllTypes = map[string]string{
	"person":       "PER",
	"organization": "ORG",
	"place":        "LOC",
	"event":        "MISC",
	"object":       "MISC",
	"abstract":     "MISC",
	"substance":    "MISC",
	"plant":        "MISC",
	"animal":       "MISC",
}

// titles are words GUM tags as proper nouns that head a person mention
// without naming anyone ("the President"); CoNLL leaves them untagged.
var titles = map[string]bool{
	"president": true, "ambassador": true, "minister": true, "secretary": true,
	"senator": true, "governor": true, "mayor": true, "king": true, "queen": true,
	"prince": true, "princess": true, "pope": true, "chancellor": true,
	"chairman": true, "general": true, "judge": true, "justice": true,
	"director": true, "premier": true, "emperor": true, "sheikh": true,
	"sheriff": true, "commissioner": true, "coach": true,
	"undersecretary": true,
	"mr.":            true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true,
}

// connectors may sit inside a multi-word name between two name words
// ("Daughters of the American Revolution", "Bosnia and Herzegovina").
var connectors = map[string]bool{
	"of": true, "the": true, "and": true, "&": true, "-": true, "for": true,
	"on": true, "de": true, "du": true, "des": true, "la": true, "le": true,
	"van": true, "von": true, "der": true, "da": true, "di": true, "del": true,
	"al": true, "bin": true, "y": true,
}

// functionTags are Penn tags of words that are never name words on their
// own, even when capitalised at the start of a sentence ("The", "In").
var functionTags = map[string]bool{
	"DT": true, "PRP": true, "PRP$": true, "IN": true, "CC": true, "WDT": true,
	"WP": true, "WP$": true, "WRB": true, "TO": true, "MD": true, "EX": true,
	"POS": true, "RB": true, "PDT": true, "UH": true,
}

// nationalTeam reports whether m is a national sports team by its Wikipedia
// identity ("Tunisia_national_football_team").
func nationalTeam(m mention) bool {
	return m.etype == "organization" && strings.Contains(m.identity, "_national_") && strings.HasSuffix(m.identity, "_team")
}

func isProper(w *word) bool { return w.xpos == "NNP" || w.xpos == "NNPS" }

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isNameWord reports whether w can be part of a multi-word name: a proper
// noun, or a capitalised word that is not a function word ("Global" in
// "FIRST Global Challenge", "United" which GUM tags as a participle).
func isNameWord(w *word) bool {
	return isProper(w) || (capitalised(w.form) && !functionTags[w.xpos])
}

// head returns the word of m whose syntactic head lies outside m: the head
// of the mention. Punctuation is passed over; of several candidates the last
// wins, as English noun phrases are head-final.
func (d *conlluDoc) head(m mention) int {
	h := -1
	for i := m.start; i < m.end; i++ {
		w := &d.words[i]
		if w.upos == "PUNCT" {
			continue
		}
		if w.head < m.start || w.head >= m.end {
			h = i
		}
	}
	if h < 0 {
		h = m.end - 1
	}
	return h
}

// names converts the document's mentions to CoNLL names; see the package
// README's CONVERSION section for the rules and why.
func (d *conlluDoc) names(literal bool) []name {
	var cands []name
	for _, m := range d.mentions {
		typ, ok := conllTypes[m.etype]
		if !ok {
			continue
		}
		h := d.head(m)
		hw := &d.words[h]
		if !isProper(hw) && !d.hasFlatName(m, h) {
			continue // not a named mention: "the team", "critics of Trump"
		}
		if !literal && nationalTeam(m) {
			// CoNLL tags a national side by its country's name as LOC
			// ("JAPAN GET LUCKY WIN"), and "the Belgians" as MISC.
			typ = "LOC"
			if hw.xpos == "NNPS" {
				typ = "MISC"
			}
		}
		var n name
		switch {
		case m.etype == "person" && hw.xpos == "NNPS":
			typ = "MISC" // "Afghans", "Muslims": CoNLL tags groups by origin or faith as MISC
			n = d.nameRun(m, h)
		case typ == "PER" || !isProper(hw):
			n = d.flatName(m, h)
		default:
			n = d.nameRun(m, h)
		}
		if typ == "PER" {
			n = d.stripRole(m, n)
		}
		if typ == "PER" && titles[strings.ToLower(d.words[n.end-1].form)] {
			continue // "The President", "Home Secretary": a role, not a name
		}
		if !d.hasUpper(n) {
			continue // "it" (a language code), "i" (a newspaper): CoNLL's names are capitalised
		}
		if n.end <= n.start {
			continue
		}
		n.typ = typ
		cands = append(cands, n)
	}
	// The outermost name wins: "Daughters of the American Revolution
	// Constitution Hall" is one LOC, not an ORG holding a MISC.
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	taken := make([]bool, len(d.words))
	var out []name
	for _, n := range cands {
		if anyTaken(taken, n.start, n.end) {
			continue
		}
		for i := n.start; i < n.end; i++ {
			taken[i] = true
		}
		out = append(out, n)
	}
	if !literal {
		out = append(out, d.demonyms(taken)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func anyTaken(taken []bool, start, end int) bool {
	for i := start; i < end; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

// nameLink reports whether w joins its head inside a name: flat (UD's
// relation between the parts of a name, "Donald" ← "Trump", and GUM's between
// a role and the name after it, "captain" ← "Andreas Granqvist"), compound
// ("Captain" ← "America") or goeswith.
func nameLink(w *word) bool {
	return w.deprel == "flat" || strings.HasPrefix(w.deprel, "flat:") ||
		w.deprel == "compound" || w.deprel == "goeswith" ||
		(w.deprel == "amod" && isProper(w)) // "Black" in "Black Widow"
}

// hasFlatName reports whether the head of m has a proper noun joined to it by
// flat: "captain Andreas Granqvist", "team member Rodaba Noori".
func (d *conlluDoc) hasFlatName(m mention, h int) bool {
	for i := m.start; i < m.end; i++ {
		w := &d.words[i]
		if w.head == h && isProper(w) && (w.deprel == "flat" || strings.HasPrefix(w.deprel, "flat:")) {
			return true
		}
	}
	return false
}

// flatName is the head of a mention, when it is a proper noun, with the name
// words joined to it by nameLink, transitively; so titles and descriptions
// ("U.S. President", "Afghan Ambassador to the United States", "captain")
// stay out, as in CoNLL.
func (d *conlluDoc) flatName(m mention, h int) name {
	in := map[int]bool{h: isProper(&d.words[h])}
	for changed := true; changed; {
		changed = false
		for i := m.start; i < m.end; i++ {
			w := &d.words[i]
			if _, seen := in[i]; seen || w.head < m.start || w.head >= m.end {
				continue
			}
			// From a role noun only flat leads into the name: "Facebook"
			// in "Facebook co-founder Mark Zuckerberg" is no part of it.
			proper, up := in[w.head]
			link := nameLink(w)
			if !proper {
				link = w.deprel == "flat" || strings.HasPrefix(w.deprel, "flat:")
			}
			if up && link && isNameWord(w) {
				in[i] = true
				changed = true
			}
		}
	}
	n := name{start: m.end, end: m.start}
	for i, ok := range in {
		if ok {
			n.start, n.end = min(n.start, i), max(n.end, i+1)
		}
	}
	return n
}

// stripRole drops titles and other entities from the front of a person's
// name: GUM joins "US President Barack Obama" by flat, CoNLL tags "US" LOC
// and "Barack Obama" PER.
func (d *conlluDoc) stripRole(m mention, n name) name {
	for n.end-n.start > 1 {
		i := n.start
		other := false
		for _, o := range d.mentions {
			if o.etype != m.etype && o.start <= i && i < o.end && o.start >= m.start && o.end <= m.end && o.end < n.end {
				other = true
			}
		}
		if !other && !titles[strings.ToLower(d.words[i].form)] {
			break
		}
		n.start++
	}
	return n
}

// hasUpper reports whether a word of n holds an upper-case letter.
func (d *conlluDoc) hasUpper(n name) bool {
	for i := n.start; i < n.end; i++ {
		if strings.IndexFunc(d.words[i].form, unicode.IsUpper) >= 0 {
			return true
		}
	}
	return false
}

// under reports whether word i lies in the subtree of word c.
func (d *conlluDoc) under(i, c int) bool {
	for steps := 0; i >= 0 && steps < len(d.words); steps++ {
		if i == c {
			return true
		}
		i = d.words[i].head
	}
	return false
}

// nameRun is the longest run of name words around the head of a mention,
// inside the mention, with connectors allowed between name words and numbers
// after one ("Internet Explorer 6 Countdown"); determiners and descriptions
// around it stay out ("the United States").
func (d *conlluDoc) nameRun(m mention, h int) name {
	// A conjunct of the head is another name: "Cloud9 and Immortals".
	// It is known by a mention of its own of the same type; "Globe and
	// Mail" has none for "Mail".
	var conj []int
	for _, o := range d.mentions {
		c := d.head(o)
		if o.etype == m.etype && o.start > m.start && o.end <= m.end && d.words[c].head == h && d.words[c].deprel == "conj" {
			conj = append(conj, c)
		}
	}
	ok := func(i int) bool {
		for _, c := range conj {
			if d.under(i, c) {
				return false
			}
		}
		w := &d.words[i]
		return isNameWord(w) || w.xpos == "CD" || connectors[strings.ToLower(w.form)]
	}
	s, e := h, h+1
	for s > m.start && ok(s-1) {
		s--
	}
	for e < m.end && ok(e) {
		e++
	}
	for s < h && !isNameWord(&d.words[s]) {
		s++
	}
	for e > h+1 && !isNameWord(&d.words[e-1]) && d.words[e-1].xpos != "CD" {
		e--
	}
	return name{start: s, end: e}
}

// demonyms are capitalised adjectives outside every name ("Afghan team",
// "Syrian refugees"). GUM does not annotate them, being modifiers rather than
// mentions, but CoNLL tags them MISC, so every CoNLL-trained tagger finds
// them; leaving them out would count each as a false positive.
func (d *conlluDoc) demonyms(taken []bool) []name {
	var out []name
	for i := range d.words {
		w := &d.words[i]
		if taken[i] || w.upos != "ADJ" || w.xpos != "JJ" || w.sentenceStart || !capitalised(w.form) {
			continue
		}
		out = append(out, name{start: i, end: i + 1, typ: "MISC"})
	}
	return out
}

package entity

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// mention is a span being linked.
type mention struct {
	m     model.Mention
	typ   model.EntityType
	name  string   // the text with white space collapsed
	words []string // the folded words of name
	key   string   // the entity it belongs to: a folded name
	canon string   // the name the alias table gives it, if any
	// titled: a personal title stands before the name ("Mr Blair"), so it
	// is a person's whatever the tagger said.
	titled bool
	// placed: a word that names a kind of place comes before the name
	// ("the city of Westmarch"), so it is a place's unless titled.
	placed bool
	// worked: a word that names a kind of work comes right before the
	// name ("the film Alexander", "TV show Brass Eye"), so it is a work's.
	worked bool
	// firmed: a word that names a kind of organisation comes right before
	// the name ("anti-virus firm Sophos", "analysts Gartner").
	firmed bool
}

// Link groups spans of one article into entities with canonical names.
//
// Each span is first trimmed to the name itself: surrounding punctuation,
// a possessive ("Xi's", "Xi’s"), a leading "the" and, for people, titles
// ("President Xi", "US Secretary of State Antony Blinken") are cut off;
// spans outside their field or not on character boundaries are dropped, as
// are spans left with a word that is never a name ("However", "PC"), and
// of overlapping spans the first and longest is kept; a headline's first
// word that the article names nowhere else is dropped too ("Survey
// confirms property slowdown"; see dropHeadlineOpeners). A span right
// after a personal title, or opening with one ("Mr Ebbers" tagged ORG), is
// a person's. Mentions then join:
//
//   - mentions written the same way (ignoring case);
//   - other names of a place or body, by a small alias table: "US", "U.S."
//     and "America" are "United States", "Britain" is "United Kingdom",
//     "Lib Dems" are "Liberal Democrats";
//   - a person's surname or given name alone with the longer name it ends
//     or starts ("Putin" → "Vladimir Putin"), the nearest earlier one when
//     several could fit, and "George Bush" with "George W. Bush"; a
//     surname no person's name fits with the one name of two words of
//     another type it ends ("Hepburn" with "Katharine Hepburn" tagged a
//     place); a surname tagged as a place no gazetteer knows with the one
//     person it ends ("Robben" → "Arjen Robben"); an initial and surname
//     with the one full name they fit ("K Morgan" → "Kevin Morgan");
//   - an acronym with its expansion in the same article ("ICC" →
//     "International Criminal Court");
//   - a name written as one word with the same name in words
//     ("TimeWarner" → "Time Warner");
//   - a product's own name alone with its full name, which opens with its
//     maker's ("Chrome" → "Google Chrome"), when it ends only that one;
//   - an acronym with a digit in it ("M5S" → "Movimento 5 Stelle").
//
// An entity's name is the longest form among its mentions (the alias
// table's name for aliases). Its type is PER if any mention bears a
// personal title; else the most common type of its mentions (ties go to
// the type of the longest mention), where an alias counts with the type
// of the place or body it names ("US firm" is the place United States) and
// a name the lexicon lists as an organisation is never a person or a place
// ("Sony said"). Entities come in order of first mention; mentions in
// document order: title, caption, then body by paragraph and offset. The
// output depends only on the input.
func Link(a *model.Article, spans []Span) []model.Entity {
	l := lex()
	ms := make([]mention, 0, len(spans))
	for _, s := range spans {
		p := s.Paragraph
		if s.Field != model.FieldBody {
			p = 0
		}
		text := a.FieldText(s.Field, p)
		start, end, titled, ok := trimSpan(l, text, s.Start, s.End, s.Type)
		if !ok {
			continue
		}
		m := mention{
			m:      model.Mention{Field: s.Field, Paragraph: p, Start: start, End: end, Text: text[start:end]},
			typ:    s.Type,
			titled: titled || !isNamedThing(s.Type) && titledBefore(l, text, start),
		}
		m.placed = !m.titled && !isNamedThing(s.Type) && placeBefore(text, start)
		m.worked = !m.titled && !m.placed && s.Type != model.EVENT && nounBefore(workNouns, text, start) && !givenFirst(l, text[start:end], s.Type)
		// A person's full name after "developer" or "publisher" is still
		// the person's ("games developer Peter Molyneux").
		m.firmed = !m.titled && !m.placed && !m.worked && !(s.Type == model.PER && strings.ContainsRune(text[start:end], ' ')) &&
			nounBefore(firmNouns, text, start)
		switch {
		case m.titled:
			m.typ = model.PER
		case m.placed:
			m.typ = model.LOC
		case m.worked:
			m.typ = model.WORK
		case m.firmed:
			m.typ = model.ORG
		case royalName(l, m.m.Text):
			m.typ = model.PER
		}
		ms = append(ms, m)
	}
	ms = inOrder(ms)
	teamSheets(a, ms)
	for i := range ms {
		m := &ms[i]
		m.name = strings.Join(strings.Fields(m.m.Text), " ")
		m.key = foldName(m.name)
		if isNamedThing(m.typ) {
			// A work keeps its "The" but is one entity with or without it.
			m.key = strings.TrimPrefix(m.key, "the ")
		}
		m.words = strings.Fields(m.key)
		if m.typ == model.LOC && l.seats[m.name] {
			m.typ = model.ORG
		}
		if m.typ != model.PER || isAcronym(m.name) {
			if a, ok := l.aliases[aliasKey(m.name)]; ok {
				m.canon, m.key, m.typ = a.name, foldName(a.name), a.typ
			}
		}
	}
	ms = dropHeadlineOpeners(l, a, ms)
	personWords(ms)
	linkPersons(ms, l.places)
	linkAcronyms(ms)
	linkClosedUp(ms)
	linkProductNames(l, ms)
	linkCountryPrefixed(l, ms)
	linkLawBackReferences(ms)
	linkPlurals(l, ms)
	return group(l, ms)
}

// teamSheets makes people of the names in a match report's team sheets,
// which a tagger, with no sentence around them, reads as places and clubs
// ("Distin" LOC, "Onuoha" ORG): a paragraph that is only a list of names
// ("Cech, Paulo Ferreira, Gallas, Terry, Jarosik (Tiago 56), …",
// "Subs Not Used: Macken, Weaver, Onuoha, Jordan.") and the short lists
// of booked players and scorers right after one. A name in brackets is a
// player only with the minute he came on; "(Stade Toulousain)" is his club.
func teamSheets(a *model.Article, ms []mention) {
	sheet := map[int]bool{}
	last := -10
	for p, text := range a.Paragraphs {
		items, ok := nameList(text)
		switch {
		case ok && (items >= 8 || strings.Contains(text, ":") || subTime().MatchString(text)):
			sheet[p], last = true, p
		case ok && p-last <= 2:
			sheet[p] = true
		}
	}
	if len(sheet) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.m.Field != model.FieldBody || !sheet[m.m.Paragraph] || m.titled {
			continue
		}
		text := a.Paragraphs[m.m.Paragraph]
		if open := strings.LastIndexByte(text[:m.m.Start], '('); open > strings.LastIndexByte(text[:m.m.Start], ')') {
			end := strings.IndexByte(text[m.m.Start:], ')')
			if end < 0 || !strings.ContainsFunc(text[m.m.Start:m.m.Start+end], unicode.IsDigit) {
				continue
			}
		}
		if before, _, found := strings.Cut(text, ":"); found && m.m.End <= len(before) {
			continue // "Chelsea: Cech, …": the side, not a player
		}
		m.typ, m.placed = model.PER, false
		// "Goals: Cisse 76": the minute is not the name.
		if i := strings.LastIndexByte(m.m.Text, ' '); i > 0 && strings.IndexFunc(m.m.Text[i+1:], func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			m.m.End -= len(m.m.Text) - i
			m.m.Text = m.m.Text[:i]
		}
	}
}

// nameList reports whether paragraph text is a list of names and nothing
// else, after a label ("Subs Not Used:"), each name of one to four
// capitalised words with an optional minute ("Cisse 76", "Lampard 45
// pen") and bracket after it, and how many.
func nameList(text string) (int, bool) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "."))
	if _, rest, found := strings.Cut(t, ":"); found {
		t = strings.TrimSpace(rest)
	}
	if t == "" {
		return 0, false
	}
	// Item by item, so a paragraph of prose stops at its first comma.
	n := 0
	for it := range strings.SplitSeq(t, ", ") {
		if !listedName().MatchString(it) {
			return 0, false
		}
		n++
	}
	return n, true
}

var (
	listedName = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*( \p{Lu}[\p{L}'’.-]*){0,3}( \d{1,3}(\+\d{1,2})?( pen| og)?)?( \([^()]{1,40}\))?$`)
	})
	subTime = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\(\p{Lu}[^()]* \d{1,3}\)`) })
)

// linkProductNames joins a product named by its own name alone with its
// full name, maker first, in the same article: "Chrome" with "Google
// Chrome", "Walkman" with "Sony Walkman". The full name is a product of two
// or more words whose first word is an organisation (named in the article
// or known to the lexicon); the short one, one word of any type but a
// person or a place, the last word of that one product only. The short
// mentions take the product's type: the tagger often reads a product's
// bare name as a work or a company.
func linkProductNames(l *lexicon, ms []mention) {
	orgs := map[string]bool{}
	for _, m := range ms {
		if m.typ == model.ORG && len(m.words) == 1 {
			orgs[m.key] = true
		}
	}
	byLast := map[string][]string{}  // a product's last word → the keys of the maker-led products it ends
	anyLast := map[string][]string{} // the same for every product of two or more words
	for _, m := range ms {
		if m.typ != model.PRODUCT || len(m.words) < 2 || m.canon != "" {
			continue
		}
		last := m.words[len(m.words)-1]
		if !slices.Contains(anyLast[last], m.key) {
			anyLast[last] = append(anyLast[last], m.key)
		}
		first := strings.Fields(m.name)[0]
		if !orgs[m.words[0]] && !l.orgs[first] {
			continue
		}
		if !slices.Contains(byLast[last], m.key) {
			byLast[last] = append(byLast[last], m.key)
		}
	}
	if len(anyLast) == 0 {
		return
	}
	// A word that also ends a name of another kind ("LA Galaxy" beside
	// "Samsung Galaxy") could be either.
	for _, m := range ms {
		if m.typ != model.PRODUCT && len(m.words) > 1 {
			delete(byLast, m.words[len(m.words)-1])
			delete(anyLast, m.words[len(m.words)-1])
		}
	}
	for i := range ms {
		m := &ms[i]
		if len(m.words) != 1 || m.canon != "" || m.typ == model.PER || m.typ == model.LOC || m.titled || m.placed {
			continue
		}
		if full := byLast[m.key]; len(full) == 1 {
			m.key, m.typ = full[0], model.PRODUCT
		} else if full := anyLast[m.key]; len(full) == 1 && m.typ == model.PRODUCT {
			// A word the tagger read as a product is the one product
			// of the article it ends, maker or not: "XP", "Windows XP".
			m.key = full[0]
		}
	}
}

// linkCountryPrefixed joins a name of two or more words to the one longer
// name of the article that is it with a country or nationality before it:
// "Department of Justice" is the article's "US Department of Justice",
// "Federal Communications Commission" its "US Federal Communications
// Commission". People are left alone.
func linkCountryPrefixed(l *lexicon, ms []mention) {
	longer := map[string][]string{} // the rest's key → the keys of the prefixed names
	for _, m := range ms {
		if len(m.words) < 3 || m.typ == model.PER || m.titled {
			continue
		}
		first := strings.Fields(m.name)[0]
		if !l.places[first] && !l.nationalities[first] {
			continue
		}
		rest := strings.Join(m.words[1:], " ")
		if !slices.Contains(longer[rest], m.key) {
			longer[rest] = append(longer[rest], m.key)
		}
	}
	for i := range ms {
		m := &ms[i]
		if len(m.words) < 2 || m.typ == model.PER || m.titled || m.canon != "" {
			continue
		}
		if to := longer[m.key]; len(to) == 1 {
			m.key = to[0]
		}
	}
}

// dropHeadlineOpeners drops a single word the tagger took for a name only
// because it opens the headline ("Ad sales boost Time Warner profit",
// "Survey confirms property slowdown", "Economy 'strong' in election
// year"): a headline's first word is capitalised whatever it is. It stays
// a name when the article names it again (any mention with its key, or the
// word itself, capitalised as in the headline, in the caption or body),
// when the lexicon knows it ("Brussels", "Labour"), or when it is an
// acronym or a compound ("UK", "GSK", "India-Pakistan").
func dropHeadlineOpeners(l *lexicon, a *model.Article, ms []mention) []mention {
	opener := -1
	for i, m := range ms {
		if m.m.Field == model.FieldTitle && m.m.Start == 0 && len(m.words) == 1 {
			opener = i
			break
		}
	}
	if opener < 0 {
		return ms
	}
	m := ms[opener]
	if m.canon != "" || isAcronym(m.name) || strings.ContainsAny(m.name, "-.'’&0123456789") || l.knows(m.name) {
		return ms
	}
	for i, o := range ms {
		if i != opener && o.key == m.key {
			return ms
		}
	}
	if wordIn(a.Caption, m.name) || slices.ContainsFunc(a.Paragraphs, func(p string) bool { return wordIn(p, m.name) }) {
		return ms
	}
	return slices.Delete(ms, opener, opener+1)
}

// wordIn reports whether word occurs in text as a whole word, as written.
func wordIn(text, word string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) && (end == len(text) || !unicode.IsLetter(after) && !unicode.IsDigit(after)) {
			return true
		}
		i = start + 1
	}
}

// linkClosedUp joins a name written as one word with the same name written
// in words ("TimeWarner" with "Time Warner", "EasyJet" with "Easy Jet"):
// one company however the article spells it, and one type, the majority's,
// where the tagger read the two spellings differently. The one word must
// be written with a capital inside it, as a closed-up brand is, so that
// "Newcastle" is never "New Castle" nor "Hollywood" "Holly Wood"; a
// closed-up form two spaced names fit is left alone, as are short ones.
func linkClosedUp(ms []mention) {
	const shortest = 6 // letters of the closed-up form
	spaced := map[string]string{}
	for _, m := range ms {
		if !strings.Contains(m.key, " ") {
			continue
		}
		k := strings.ReplaceAll(m.key, " ", "")
		if utf8.RuneCountInString(k) < shortest {
			continue
		}
		if prev, ok := spaced[k]; ok && prev != m.key {
			spaced[k] = "" // two spellings in words: which one is unknown
		} else if !ok {
			spaced[k] = m.key
		}
	}
	if len(spaced) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if k := spaced[m.key]; k != "" && m.canon == "" && !strings.Contains(m.key, " ") && innerCapital(m.name) {
			m.key = k
		}
	}
}

// innerCapital reports whether a word has a capital letter after its
// first letter ("TimeWarner", "JPMorgan").
func innerCapital(word string) bool {
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// inOrder sorts mentions into document order and drops overlaps, keeping
// the earliest and then longest span.
func inOrder(ms []mention) []mention {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].m, ms[j].m
		if fa, fb := fieldRank(a.Field), fieldRank(b.Field); fa != fb {
			return fa < fb
		}
		if a.Paragraph != b.Paragraph {
			return a.Paragraph < b.Paragraph
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 {
			p := out[n-1].m
			if p.Field == m.m.Field && p.Paragraph == m.m.Paragraph && m.m.Start < p.End {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

func fieldRank(f model.Field) int {
	switch f {
	case model.FieldTitle:
		return 0
	case model.FieldCaption:
		return 1
	}
	return 2
}

// linkPersons joins people's short names to their full ones; places are
// the gazetteer's places.
func linkPersons(ms []mention, places map[string]bool) {
	// People named with two or more words, by key, in order of first mention.
	var full []string
	words := map[string][]string{}
	for _, m := range ms {
		if m.typ == model.PER && len(m.words) > 1 {
			if _, ok := words[m.key]; !ok {
				full = append(full, m.key)
				words[m.key] = m.words
			}
		}
	}
	// "George Bush" is "George W. Bush" (same first and last word) and
	// "Christian Andersen" is "Hans Christian Andersen" (the same ending).
	remap := map[string]string{}
	for _, k := range full {
		best := ""
		for _, o := range full {
			w, ow := words[k], words[o]
			if len(ow) > len(w) && (ow[0] == w[0] && ow[len(ow)-1] == w[len(w)-1] || endsWith(ow, w)) && (best == "" || len(ow) > len(words[best])) {
				best = o
			}
		}
		if best != "" {
			remap[k] = best
		}
	}
	// "K Morgan" in a team sheet is the article's "Kevin Morgan": an
	// initial and surname join the one full name whose first name begins
	// with that letter and whose surname it is. Two such names ("Stephen
	// Jones", "Shane Jones" for "S Jones") leave it alone, and "G
	// Easterby" never joins "Simon Easterby".
	for _, k := range full {
		if _, merged := remap[k]; merged {
			continue
		}
		if to := initialOf(words[k], full, remap, words); to != "" {
			remap[k] = to
		}
	}
	for i := range ms {
		if to, ok := remap[ms[i].key]; ok {
			ms[i].key = to
		} else if ms[i].typ != model.PER && ms[i].canon == "" {
			// The tagger's type is weak evidence here: a team sheet's
			// "D Humphreys" is often tagged an organisation.
			if to := initialOf(ms[i].words, full, remap, words); to != "" {
				ms[i].key = to
			}
		}
	}
	// Single words that are mostly tagged as a person.
	per, all := map[string]int{}, map[string]int{}
	for _, m := range ms {
		if len(m.words) == 1 && m.canon == "" {
			all[m.key]++
			if m.typ == model.PER {
				per[m.key]++
			}
		}
	}
	// Names of two words the tagger did not take for a person's, by the
	// word they end in: "Katharine Hepburn" tagged a place.
	ending := map[string][]string{}
	for _, m := range ms {
		if m.typ != model.PER && len(m.words) == 2 && m.canon == "" && !slices.Contains(ending[m.words[1]], m.key) {
			ending[m.words[1]] = append(ending[m.words[1]], m.key)
		}
	}
	// A surname the tagger took mostly for a place ("Bell could make his
	// England debut") that no gazetteer knows is the one person of the
	// article it ends, Duncan Bell, every mention of it tagged a place or
	// a person; "Washington" stays the place beside Denzel Washington.
	placeSurname := map[string]string{}
	for _, m := range ms {
		if len(m.words) == 1 && m.canon == "" && m.typ == model.LOC && !m.placed && 2*per[m.key] < all[m.key] && !places[m.name] {
			if to := onlyEndingIn(m.words[0], full, remap, words); to != "" {
				placeSurname[m.key] = to
			}
		}
	}
	last := map[string]int{} // key → index of its latest mention so far
	for i := range ms {
		m := &ms[i]
		if to, ok := placeSurname[m.key]; ok && len(m.words) == 1 && m.canon == "" && !m.placed && (m.typ == model.LOC || m.typ == model.PER) {
			m.key, m.typ = to, model.PER // the person, so he is typed one
		} else if len(m.words) == 1 && m.canon == "" && 2*per[m.key] >= all[m.key] {
			if to := nearestFull(m.words[0], full, remap, words, last); to != "" {
				m.key = to
			} else if ks := ending[m.key]; len(ks) == 1 {
				// No person of the article has that name, and one
				// other name ends in it: the tagger typed that name
				// wrongly in one place or the other ("Hepburn" a
				// person, "Katharine Hepburn" a place; "Housewives" a
				// person, "Desperate Housewives" a show). The
				// entity's type is the majority's, as ever.
				m.key = ks[0]
			}
		}
		last[m.key] = i
	}
}

// initialOf returns the full name that w, an initial and a surname ("k
// morgan", "k. morgan"), stands for: the one name of full (taken through
// remap) that is a first name beginning with the initial and then that
// surname; "" when none or several fit. The surname must be all of the
// rest: "C Jones" is not "Chris Rhys Jones", whom his team sheet calls
// "Rhys Jones".
func initialOf(w []string, full []string, remap map[string]string, words map[string][]string) string {
	if len(w) < 2 {
		return ""
	}
	initial := strings.TrimSuffix(w[0], ".")
	if utf8.RuneCountInString(initial) != 1 {
		return ""
	}
	return onlyFull(full, remap, words, func(ow []string) bool {
		return utf8.RuneCountInString(strings.TrimSuffix(ow[0], ".")) >= 2 && strings.HasPrefix(ow[0], initial) && slices.Equal(ow[1:], w[1:])
	})
}

// onlyEndingIn returns the one full name (taken through remap) whose last
// word is w, or "" when none or several are.
func onlyEndingIn(w string, full []string, remap map[string]string, words map[string][]string) string {
	return onlyFull(full, remap, words, func(fw []string) bool { return fw[len(fw)-1] == w })
}

// onlyFull returns the one name of full (taken through remap) whose words
// fit, or "" when none or several do.
func onlyFull(full []string, remap map[string]string, words map[string][]string, fits func([]string) bool) string {
	found := ""
	for _, k := range full {
		if !fits(words[k]) {
			continue
		}
		if to, ok := remap[k]; ok {
			k = to
		}
		if found != "" && found != k {
			return ""
		}
		found = k
	}
	return found
}

// endsWith reports whether the words of a name end with the words of
// another.
func endsWith(words, end []string) bool {
	off := len(words) - len(end)
	if off < 0 {
		return false
	}
	for i, w := range end {
		if words[off+i] != w {
			return false
		}
	}
	return true
}

// nearestFull picks the full name that word w is the surname (else the
// given name) of: the one mentioned most recently, else the first.
func nearestFull(w string, full []string, remap map[string]string, words map[string][]string, last map[string]int) string {
	for _, end := range []bool{true, false} {
		best, bestAt := "", -2
		for _, k := range full {
			if _, merged := remap[k]; merged {
				continue
			}
			fw := words[k]
			if end && fw[len(fw)-1] != w || !end && fw[0] != w {
				continue
			}
			at, seen := last[k]
			if !seen {
				at = -1
			}
			if at > bestAt {
				best, bestAt = k, at
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// linkAcronyms joins an acronym to a name of two or more words in the
// same article whose initials spell it.
func linkAcronyms(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.canon != "" || !isAcronym(m.name) && !isAcronym(strings.TrimFunc(withoutDigits(m.name), unicode.IsSpace)) {
			continue
		}
		letters := strings.ReplaceAll(m.key, ".", "")
		for _, o := range ms {
			if len(o.words) > 1 && (initials(o.words) == letters || initials(hyphenParts(o.words)) == letters) {
				m.key = o.key
				m.canon = o.canon
				if o.canon != "" {
					m.typ = o.typ // "GB" for "Great Britain" is the place too
				}
				break
			}
		}
	}
}

// withoutDigits is name less its digits, so that "M5S" is an acronym
// ("Movimento 5 Stelle"); a name that begins with one ("3M") is left as it is.
func withoutDigits(name string) string {
	if name == "" || unicode.IsDigit(rune(name[0])) {
		return name
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, name)
}

// hyphenParts splits hyphenated words, whose parts an acronym may each
// spell: "National Hi-Tech Crime Unit" is the NHTCU. Nil when no word has
// a hyphen.
func hyphenParts(words []string) []string {
	var out []string
	for i, w := range words {
		if strings.Contains(w, "-") {
			if out == nil {
				out = append(out, words[:i]...)
			}
			for _, p := range strings.Split(w, "-") {
				if p != "" {
					out = append(out, p)
				}
			}
		} else if out != nil {
			out = append(out, w)
		}
	}
	return out
}

// initials returns the first letters of the folded words of a name,
// skipping the small words acronyms skip.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "for", "the", "and", "&", "de", "on", "in":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String()
}

// isAcronym reports whether name is one word of two to six capital letters,
// with or without full stops: ICC, U.N.
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// group builds the entities from linked mentions.
func group(l *lexicon, ms []mention) []model.Entity {
	var order []string
	members := map[string][]int{}
	for i, m := range ms {
		if _, ok := members[m.key]; !ok {
			order = append(order, m.key)
		}
		members[m.key] = append(members[m.key], i)
	}
	out := make([]model.Entity, 0, len(order))
	for _, k := range order {
		idx := members[k]
		name := canonicalName(ms, idx)
		e := model.Entity{Name: name, Type: entityType(l, ms, idx, name)}
		if e.Type == model.PER {
			e.Name = initialsWithoutDots(name)
		}
		e.Mentions = make([]model.Mention, len(idx))
		for j, i := range idx {
			e.Mentions[j] = ms[i].m
		}
		out = append(out, e)
	}
	return out
}

// canonicalName is the alias table's name if there is one, else the
// longest form: most words, then not all capitals, then most bytes, then
// the earliest.
func canonicalName(ms []mention, idx []int) string {
	for _, i := range idx {
		if ms[i].canon != "" {
			return ms[i].canon
		}
	}
	best := idx[0]
	for _, i := range idx[1:] {
		a, b := ms[i], ms[best]
		switch {
		case len(a.words) != len(b.words):
			if len(a.words) > len(b.words) {
				best = i
			}
		case shouting(a.name) != shouting(b.name):
			if !shouting(a.name) {
				best = i
			}
		case len(a.name) > len(b.name):
			best = i
		}
	}
	return ms[best].name
}

// shouting reports whether a name of several words is all capitals.
func shouting(name string) bool {
	return strings.Contains(name, " ") && strings.ToUpper(name) == name
}

// entityType is the type of an entity named name with the mentions idx: a
// person if any mention bears a personal title ("Mr Blair" makes "Blair" a
// person however the other mentions were tagged); else a place if any
// mention follows a word for a kind of place ("the city of …"); else an
// organisation if
// the lexicon lists the name as one and the mentions say person or place
// (a tagger that reads "Sony said" as a person, "in Nokia" as a place);
// else the majority type.
func entityType(l *lexicon, ms []mention, idx []int, name string) model.EntityType {
	placed := false
	for _, i := range idx {
		if ms[i].titled {
			return model.PER
		}
		placed = placed || ms[i].placed
	}
	if placed {
		return model.LOC
	}
	for _, i := range idx {
		if ms[i].worked {
			return model.WORK // what the article calls a film is one, everywhere in it
		}
	}
	for _, i := range idx {
		if ms[i].firmed {
			return model.ORG
		}
	}
	t := majorityType(ms, idx)
	if lawName(name) && t != model.WORK { // "Kill Bill" is a film
		return model.MISC
	}
	if contestName(name) && t != model.PER {
		return model.EVENT
	}
	if (t == model.PER || t == model.LOC) && l.orgs[name] {
		return model.ORG
	}
	return t
}

// majorityType is the most common type of the mentions; a tie goes to the
// type of the longest mention (the earliest of the longest).
func majorityType(ms []mention, idx []int) model.EntityType {
	count := map[model.EntityType]int{}
	longest := idx[0]
	for _, i := range idx {
		count[ms[i].typ]++
		if len(ms[i].name) > len(ms[longest].name) {
			longest = i
		}
	}
	types := make([]model.EntityType, 0, len(count))
	for t := range count {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
	best, top := ms[longest].typ, count[ms[longest].typ]
	for _, t := range types {
		if count[t] > top {
			best, top = t, count[t]
		}
	}
	return best
}

// linkPlurals makes one name of a nationality or religion word and its
// plural ("Italians" is "Italian", "Muslims" "Muslim"), in every article,
// so the store holds one of them, and types them MISC, whatever the tagger
// said ("Italians" a work). Other plurals are left alone: "Williams" is
// not "William", and "Democrats" is the party where "Democrat" may be a
// word.
func linkPlurals(l *lexicon, ms []mention) {
	for i := range ms {
		m := &ms[i]
		if len(m.words) != 1 || m.canon != "" || m.titled || !l.nationalities[m.name] {
			continue
		}
		m.typ, m.placed, m.worked, m.firmed = model.MISC, false, false, false
		if base, ok := strings.CutSuffix(m.name, "s"); ok && l.nationalities[base] {
			m.key, m.canon = foldName(base), base
		}
	}
}

// linkLawBackReferences joins "the Act" to the one law of the article it
// stands for ("the Sarbanes-Oxley Act … the Act requires"): a tagger takes
// the capitalised word for a name of its own.
func linkLawBackReferences(ms []mention) {
	laws := map[string][]string{} // last word → the keys of the laws it ends
	for _, m := range ms {
		if len(m.words) > 1 && lawName(m.name) {
			last := m.words[len(m.words)-1]
			if !slices.Contains(laws[last], m.key) {
				laws[last] = append(laws[last], m.key)
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		if len(m.words) == 1 && m.canon == "" && !m.titled {
			if to := laws[m.key]; len(to) == 1 && lawName("The "+m.name) {
				m.key = to[0]
			}
		}
	}
}

// royalName reports whether name is a prince's or a princess's: the title,
// a given name, and nothing after but "of" or "bin" and the rest ("Prince
// William", "Princess Marguerite of Romania"), which a tagger reads as a
// place ("Prince William" is also a county of Virginia). A title stays in
// a royal's name, as news writes it.
func royalName(l *lexicon, name string) bool {
	w := strings.Fields(name)
	if len(w) < 2 || w[0] != "Prince" && w[0] != "Princess" || !l.given[w[1]] {
		return false
	}
	return len(w) == 2 || w[2] == "of" || w[2] == "bin"
}

// contestName reports whether name is a contest's by its last words: a
// cup, a championship, an open, a grand prix, a trophy or a marathon of two
// or more words ("Scottish Cup", "Qatar Open", "London Marathon"), which
// the tagger types as places, companies and products. Not a league: the
// Arab League and the Muslim League are not contests.
func contestName(name string) bool {
	w := strings.Fields(name)
	if len(w) < 2 {
		return false
	}
	switch w[len(w)-1] {
	case "Cup", "Championship", "Championships", "Open", "Trophy", "Marathon":
		return true
	case "Prix":
		return w[len(w)-2] == "Grand"
	}
	return false
}

// lawName reports whether name is a law's or a treaty's, by its last word
// (a year after it aside): "Terrorism Act 2000", "Road Safety Bill",
// "Kyoto Protocol". A named law is MISC, as #10 has it, whatever a tagger
// made of its words.
func lawName(name string) bool {
	w := strings.Fields(name)
	if n := len(w); n > 2 && len(w[n-1]) == 4 && strings.IndexFunc(w[n-1], func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		w = w[:n-1]
	}
	if len(w) < 2 {
		return false
	}
	switch w[len(w)-1] {
	case "Act", "Bill", "Treaty", "Protocol", "Directive", "Amendment":
		return true
	}
	return false
}

// foldName is the key mentions are matched by: lowercase, one kind of
// apostrophe.
func foldName(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), "’", "'")
}

// dottedInitials matches a person's initials written with full stops and followed
// by another name: the "W. " of "George W. Bush", the "J.K. " of
// "J.K. Rowling".
var dottedInitials = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b((?:\p{Lu}\.)+)\s+\p{Lu}`) }) // compiled at first use, not at every start

// initialsWithoutDots writes a person's initials without full stops, as
// British papers do ("George W Bush", "JK Rowling"), so that one person
// is one entity in the store whichever paper named him.
func initialsWithoutDots(name string) string {
	if !strings.Contains(name, ".") {
		return name
	}
	return dottedInitials().ReplaceAllStringFunc(name, func(m string) string {
		return strings.ReplaceAll(m, ".", "")
	})
}

// personWords retypes a one-word work, product or event that is a word of
// a person's full name in the same article as that person: after "Xi
// Jinping", a bare "Xi" the subtyper took for a product is Xi. The person's
// full name is strong local evidence; the subtyper read only the word.
func personWords(ms []mention) {
	words := map[string]bool{}
	for _, m := range ms {
		if m.typ == model.PER && len(m.words) > 1 {
			for _, w := range m.words {
				words[w] = true
			}
		}
	}
	for i := range ms {
		if isNamedThing(ms[i].typ) && len(ms[i].words) == 1 && words[ms[i].words[0]] {
			ms[i].typ = model.PER
		}
	}
}

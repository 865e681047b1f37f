package entity

import (
	"strings"
	"sync"

	"github.com/bylinehq/byline/model"
)

// lexicon is the rule tagger's and the linker's general knowledge, built
// once from the hand-written lists in lexicon_*.go and shared read-only by
// every goroutine.
type lexicon struct {
	// Whole names, keyed by their exact text.
	places, orgs, nationalities, misc map[string]bool
	// seats are buildings that stand for the body in them: a tagger may
	// call them places, news means the institution.
	seats map[string]bool
	// folded holds the same names lowercased, for headings written in
	// capitals or Title Case.
	folded map[string]model.EntityType
	// aliases maps the folded key of a name (see aliasKey) to its
	// canonical form and type.
	aliases map[string]alias

	given, titles, honorifics, abbrevs, depts map[string]bool
	orgHeads, locHeads, eventHeads            map[string]bool
	locPrefixes, compass, acronyms, industry  map[string]bool

	// personal are the titles that make the name after them a person's.
	personal map[string]bool

	// Lowercase word lists.
	function, dates, roles, placeNouns, particles, speech map[string]bool
}

// lex returns the shared lexicon, building it on first use.
var lex = sync.OnceValue(buildLexicon)

func buildLexicon() *lexicon {
	l := &lexicon{
		places:        phraseSet(countryNames, cityNames, regionNames),
		orgs:          phraseSet(organisationNames),
		seats:         phraseSet(governmentSeats),
		nationalities: wordSet(nationalityWords),
		misc:          phraseSet(nationalityPhrases, otherNames),
		folded:        map[string]model.EntityType{},
		aliases:       map[string]alias{},
		given:         wordSet(givenNames),
		titles:        wordSet(personTitles),
		honorifics:    wordSet(honorifics),
		personal:      wordSet(personalTitles),
		abbrevs:       wordSet(abbreviations),
		depts:         wordSet(departmentWords),
		orgHeads:      wordSet(organisationHeads, industryHeads),
		industry:      wordSet(industryHeads),
		locHeads:      wordSet(locationHeads),
		eventHeads:    wordSet(eventHeads),
		locPrefixes:   wordSet(locationPrefixes),
		compass:       wordSet(compassWords),
		acronyms:      wordSet(commonAcronyms),
		function:      wordSet(functionWords),
		dates:         wordSet(weekdayMonthWords),
		roles:         wordSet(roleWords),
		placeNouns:    wordSet(placeNouns),
		particles:     wordSet(particles),
		speech:        wordSet(speechVerbs),
	}
	// Plurals of nationality words: Russians, Israelis, Britons.
	for w := range wordSet(nationalityWords) {
		if strings.HasSuffix(w, "n") || strings.HasSuffix(w, "i") {
			l.nationalities[w+"s"] = true
		}
	}
	for name := range l.nationalities {
		l.folded[strings.ToLower(name)] = model.MISC
	}
	for name := range l.misc {
		l.folded[strings.ToLower(name)] = model.MISC
	}
	for name := range l.places {
		l.folded[strings.ToLower(name)] = model.LOC
	}
	for name := range l.orgs {
		l.folded[strings.ToLower(name)] = model.ORG
	}
	// A name the alias table knows is the place or body it names, whatever
	// a tagger made of the words around it ("US firm", "UK sales"): its
	// type is the canonical name's.
	for _, pair := range splitPhrases(placeAliases) {
		if other, canonical, ok := strings.Cut(pair, "="); ok {
			typ, _ := l.typeOf(canonical)
			l.aliases[aliasKey(other)] = alias{name: canonical, typ: typ}
		}
	}
	for _, pair := range splitPhrases(eventAliases) {
		if other, canonical, ok := strings.Cut(pair, "="); ok {
			l.aliases[aliasKey(other)] = alias{name: canonical, typ: model.EVENT}
		}
	}
	for _, pair := range splitPhrases(bodyAliases) {
		if other, canonical, ok := strings.Cut(pair, "="); ok {
			l.aliases[aliasKey(other)] = alias{name: canonical, typ: model.ORG}
		}
	}
	return l
}

// alias is the canonical name and type of another name of a place or body.
type alias struct {
	name string
	typ  model.EntityType
}

// typeOf returns the type of a whole name the lexicon knows.
func (l *lexicon) typeOf(name string) (model.EntityType, bool) {
	switch {
	case l.places[name]:
		return model.LOC, true
	case l.orgs[name]:
		return model.ORG, true
	case l.nationalities[name] || l.misc[name]:
		return model.MISC, true
	}
	return "", false
}

// knows reports whether a single word is in any of the name lists, so that
// it is a name even at the start of a sentence.
func (l *lexicon) knows(word string) bool {
	return l.places[word] || l.orgs[word] || l.nationalities[word] || l.misc[word] || l.given[word]
}

// aliasKey folds a name for the alias table: lowercase, no full stops, one
// kind of apostrophe, single spaces, no leading "the".
func aliasKey(name string) string {
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	k = strings.ReplaceAll(k, ".", "")
	k = strings.ReplaceAll(k, "’", "'")
	return strings.TrimPrefix(k, "the ")
}

// wordSet splits lists of single words on white space.
func wordSet(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, list := range lists {
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
	}
	return m
}

// phraseSet splits lists of phrases on "|".
func phraseSet(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, list := range lists {
		for _, p := range splitPhrases(list) {
			m[p] = true
		}
	}
	return m
}

// splitPhrases splits a "|"-separated list, ignoring the line breaks that
// keep the source readable.
func splitPhrases(list string) []string {
	var out []string
	for _, p := range strings.Split(list, "|") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

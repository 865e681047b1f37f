package entity

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// trimSpan narrows text[start:end] to the name itself, the CoNLL way: no
// surrounding punctuation, no possessive, no leading "the", and for a
// person no title. ok is false when the span is not a valid, non-empty
// range on character boundaries of text, or nothing is left. titled
// reports that a personal title ("Mr", "President") was cut off: the name
// is a person's, whatever type the span came with, and the rest of it is
// trimmed as a person's ("Mr Ebbers" tagged ORG is the person Ebbers).
func trimSpan(l *lexicon, text string, start, end int, typ model.EntityType) (s, e int, titled, ok bool) {
	if start < 0 || end > len(text) || start >= end || !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
		return 0, 0, false, false
	}
	end = withNumber(text, start, end)
	for {
		s0, e0 := start, end
		start, end = trimPunct(text, start, end)
		end = trimPossessive(text, start, end)
		start = trimAffixed(text, start, end)
		if typ == model.PER {
			start = afterOwner(text, start, end)
		}
		start = trimLowerHead(text, start, end)
		end = trimLowerTail(text, start, end)
		end = trimMemberTitle(text, start, end)
		var t bool
		if !isNamedThing(typ) {
			// A work keeps its leading words: "Mr Tambourine Man" is a song.
			start, t = trimLeadingWords(l, text, start, end, typ)
		}
		if t {
			titled, typ = true, model.PER
		}
		if start == s0 && end == e0 {
			break
		}
	}
	if start < end && notAName(l, text[start:end]) {
		return 0, 0, false, false
	}
	return start, end, titled, start < end
}

// titledBefore reports whether the word right before text[start:] is a
// personal title: "Mr [Blair]", "Prime Minister [Tony Blair]". Only white
// space may stand between, and a full stop only where the title is an
// abbreviation ("Dr. [Smith]", not "the General Secretary. [NUJ]").
func titledBefore(l *lexicon, text string, start int) bool {
	before := text[:start]
	rest := strings.TrimRightFunc(before, unicode.IsSpace)
	if len(rest) == len(before) || strings.ContainsAny(before[len(rest):], "\n\r") {
		return false
	}
	w := rest[strings.LastIndexFunc(rest, unicode.IsSpace)+1:]
	if base, stop := strings.CutSuffix(w, "."); stop {
		return l.abbrevs[base] && l.personal[base]
	}
	return l.personal[w]
}

// placeCue ends text that says the next name is a place: "the city of",
// "the cities of Westmarch and", "the Thai island of", "the capital of".
// The article matters: "a city of Italian immigrants" names no city.
var placeCue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b[Tt]he\s+(?:[\p{L}-]+\s+)?(?:[Cc]it(?:y|ies)|[Tt]owns?|[Vv]illages?|[Cc]ount(?:y|ies)|[Pp]rovinces?|[Rr]egions?|[Ii]slands?|[Cc]apital|[Ss]uburbs?)\s+of\s+(?:\p{Lu}[\p{L}'’.-]*\s+(?:\p{Lu}[\p{L}'’.-]*\s+)*(?:and|or)\s+)?$`)
}) // compiled at first use, not at every start

// placeBefore reports whether the name at start follows a word for a kind
// of place: "the city of [Westmarch]", "the cities of Westmarch and
// [Pellbrook]". Names of bodies that hold such a phrase ("City of London
// Corporation") begin with it, so the phrase is not before them.
func placeBefore(text string, start int) bool {
	before := text[max(0, start-80):start]
	return strings.Contains(before, " of") && placeCueNounIn(before) && placeCue().MatchString(before)
}

// placeCueNouns are parts of every word for a place placeCue knows, in either
// case of its first letter: a text without one cannot match, and looking
// for them is much cheaper than running the expression.
var placeCueNouns = [...]string{"ity", "itie", "own", "illage", "ount", "rovince", "egion", "sland", "apital", "uburb"}

// nounBefore reports whether the word right before text[start:], with
// only spaces between, is one of nouns: a descriptor in apposition, "the
// film [Alexander]", "TV show [Brass Eye]", "anti-virus firm [Sophos]".
func nounBefore(nouns map[string]bool, text string, start int) bool {
	before := text[:start]
	rest := strings.TrimRight(before, " ")
	if len(rest) == len(before) {
		return false
	}
	// "films such as [Saw]", "albums including [Parklife]".
	for _, intro := range []string{" such as", " including"} {
		if r, ok := strings.CutSuffix(rest, intro); ok {
			rest = strings.TrimRight(r, ",")
			break
		}
	}
	return nouns[rest[strings.LastIndexFunc(rest, unicode.IsSpace)+1:]]
}

// workNouns name kinds of works, in lower case as a descriptor is written.
// Words that are also verbs or adjectives before names ("play", "hit",
// "single") and the sports ones ("game", "series") are not among them.
var workNouns = map[string]bool{"film": true, "films": true, "movie": true, "movies": true,
	"drama": true, "dramas": true, "comedy": true, "comedies": true, "thriller": true,
	"musical": true, "sitcom": true, "soap": true, "show": true, "album": true, "albums": true,
	"song": true, "songs": true, "novel": true, "novels": true, "book": true, "books": true,
	"opera": true, "documentary": true, "programme": true, "sequel": true, "biopic": true,
	"cartoon": true, "remake": true, "flop": true, "flops": true, "blockbuster": true, "blockbusters": true}

// firmNouns name kinds of organisations, as a descriptor is written: "oil
// firm Rosneft", "analysts Gartner", "pop group Busted". Not "analyst",
// which stands before a person's name.
var firmNouns = map[string]bool{"firm": true, "firms": true, "company": true, "companies": true,
	"analysts": true, "group": true, "band": true, "label": true, "giant": true, "maker": true,
	"makers": true, "retailer": true, "chain": true, "carrier": true, "airline": true,
	"website": true, "broadcaster": true, "newspaper": true, "magazine": true, "publisher": true,
	"studio": true, "developer": true, "watchdog": true, "regulator": true, "union": true,
	"charity": true, "operator": true, "provider": true, "manufacturer": true, "insurer": true,
	"supermarket": true, "brewer": true, "conglomerate": true, "bourse": true, "lender": true}

// givenFirst reports whether name, tagged typ, is a person's by its first
// word, a given name: "the film Scorsese made" is rare, "a film Tom Cruise
// made" rarer still, but both are not works.
func givenFirst(l *lexicon, name string, typ model.EntityType) bool {
	w := firstWord(name)
	return typ == model.PER && l.given[w] && w != name
}

// placeCueNounIn reports whether s holds one of placeCueNouns.
func placeCueNounIn(s string) bool {
	for _, n := range placeCueNouns {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// notAName reports whether a span left on its own is a word that is never
// a name: a function word ("Likewise"), a weekday or month, a bare title
// ("Bishop", "MP") or an everyday abbreviation ("PC", "PCs", "TV", "GMT").
// Any tagger can slip on these at the start of a sentence or in a
// headline; a reader would see them as junk in the sidebar, and the store
// would gather every article that mentions a PC into one "entity".
func notAName(l *lexicon, s string) bool {
	if l.acronyms[s] {
		return true
	}
	if strings.ContainsFunc(s, unicode.IsSpace) || isAcronym(s) && !l.titles[s] {
		return false // "US" is a country, not the pronoun; "MP" stays a title
	}
	lc := strings.ToLower(s)
	return l.function[lc] || l.dates[lc] || l.titles[s] || l.honorifics[s]
}

// withNumber extends a span that stops before the number of a channel or a
// console ("BBC Radio [4]", "PlayStation [2]"): the number is the name's.
func withNumber(text string, start, end int) int {
	s := text[start:end]
	last := s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
	switch last {
	case "Radio", "Channel", "Formula", "PlayStation", "Windows", "Xbox":
	default:
		return end
	}
	i := end
	if i >= len(text) || text[i] != ' ' {
		return end
	}
	j := i + 1
	for j < len(text) && j-i <= 4 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == i+1 || j < len(text) && (unicode.IsLetter(rune(text[j])) || text[j] >= '0' && text[j] <= '9') {
		return end
	}
	return j
}

// afterOwner cuts an owner and its possessive from the front of a person's
// name: "Britain's Paula Radcliffe". (Not from a work's, "Schindler's
// List", or an organisation's, "Women's Institute"; a product's, "Apple's
// Safari", left the bare name to the store's votes, which called Safari a
// place.)
func afterOwner(text string, start, end int) int {
	s := text[start:end]
	for _, p := range []string{"'s ", "’s "} {
		if i := strings.Index(s, p); i > 0 {
			rest := s[i+len(p):]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return end - len(rest)
			}
		}
	}
	return start
}

// trimAffixed cuts a first word made an adjective by a hyphen when a name
// follows it: "US-based Amazon", "Dutch-born Anna" (the name inside the
// adjective is not the one the span is about).
func trimAffixed(text string, start, end int) int {
	s := text[start:end]
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 || !lowerAfterHyphen(s[:i]) {
		return start
	}
	return end - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
}

// trimLowerHead cuts the words in lower case that open a name, but for the
// particles of surnames ("de Villepin", "van Gogh"): "compilation Lipstick
// Traces", "anti-depressants Paxil".
func trimLowerHead(text string, start, end int) int {
	for {
		s := text[start:end]
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			return start
		}
		w := s[:i]
		if !lowerWord(w) || surnameParticles[w] || !strings.ContainsFunc(s[i:], unicode.IsUpper) {
			return start
		}
		start = end - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
	}
}

// trimMemberTitle cuts a member's title that ends a party's name:
// "Conservative MP", "Labour MEPs" name the party, and the member follows.
func trimMemberTitle(text string, start, end int) int {
	s := text[start:end]
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return end
	}
	switch s[i+1:] {
	case "MP", "MPs", "MEP", "MEPs", "MSP", "MSPs":
		return start + len(strings.TrimRightFunc(s[:i], unicode.IsSpace))
	}
	return end
}

// lowerWord reports whether w is a word in lower case ("system",
// "anti-depressants").
func lowerWord(w string) bool {
	return w != "" && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLower(r) && r != '-' })
}

// surnameParticles open surnames in lower case.
var surnameParticles = map[string]bool{"de": true, "del": true, "della": true, "der": true, "den": true, "van": true, "von": true,
	"da": true, "di": true, "do": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "al": true, "el": true,
	"bin": true, "ibn": true, "ten": true, "ter": true, "y": true}

// trimLowerTail cuts the words in lower case that end a name of more than
// one word: "iPod customers", "BitTorrent system", "the Carling Cup final".
// A name keeps a small word inside ("Bank of England"), not at its end.
func trimLowerTail(text string, start, end int) int {
	for {
		s := text[start:end]
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		if i < 0 {
			return end
		}
		w := s[i+1:]
		if !lowerWord(w) || strings.Contains(w, "-") || !strings.ContainsFunc(s[:i], unicode.IsUpper) {
			return end // a name all in lower case is the tagger's, whole
		}
		end = start + len(strings.TrimRightFunc(s[:i], unicode.IsSpace))
	}
}

// trimPunct cuts everything but letters and digits from both ends, keeping
// the full stop of an abbreviation ("U.S.", "Inc.").
func trimPunct(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			break
		}
		if r == '.' && keepsStop(text[start:end-1]) {
			break
		}
		end -= n
	}
	return start, end
}

// keepsStop reports whether a name ending in s (before its final full
// stop) is an abbreviation that owns the stop: "U.S", "Inc", "Jr".
func keepsStop(s string) bool {
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[i+1:]
	}
	switch s {
	case "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "St":
		return true
	}
	if !strings.Contains(s, ".") {
		return false
	}
	for i, r := range s {
		if (i%2 == 0) != unicode.IsLetter(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// trimPossessive cuts a final "'s" or "’s".
func trimPossessive(text string, start, end int) int {
	s := text[start:end]
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if len(s) > len(p) && strings.HasSuffix(s, p) {
			return end - len(p)
		}
	}
	return end
}

// trimLeadingWords cuts a leading "the" and, for a person, the titles,
// nationality and brief before the name: "Russian President Vladimir
// Putin", "Secretary of State Antony Blinken", "Mr. Smith". A word is cut
// only when a word remains after it. Of a span of another type, it cuts a
// run of personal titles before a name ("Mr Ebbers", "Lord Chancellor Lord
// Falconer") but not an office or a work that starts with one ("Lord
// Mayor of London", "Lord of the Rings"). titled reports that a personal
// title was cut and the name follows it.
func trimLeadingWords(l *lexicon, text string, start, end int, typ model.EntityType) (int, bool) {
	if typ != model.PER {
		if at := trimPersonalTitles(l, text, start, end); at != start {
			return at, true
		}
	}
	// titled needs a personal title and the name right after the title
	// or brief: "Secretary of State Antony Blinken", not "Mayor of London".
	inTitle, personal, afterOf := false, false, false
	for {
		rest := text[start:end]
		i := strings.IndexFunc(rest, unicode.IsSpace)
		if i < 0 {
			return start, personal && !afterOf
		}
		w := strings.TrimSuffix(rest[:i], ".")
		next := strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
		nw, _, _ := strings.Cut(next, " ")
		cut := false
		switch {
		case w == "the" || w == "The":
			cut = true
		case typ != model.PER:
		case w == "Said" || w == "Says" || w == "Told":
			cut = true // "Said Mr Fogg:", a quote's attribution at a sentence's start
		case l.titles[w]:
			cut, inTitle = true, true
			personal = personal || l.personal[w]
		case l.nationalities[w] || l.places[w]:
			cut = l.titles[strings.TrimSuffix(nw, ".")]
		case inTitle && (w == "of" || w == "for" || l.depts[w]):
			cut = true
		}
		if !cut {
			return start, personal && !afterOf
		}
		afterOf = w == "of" || w == "for"
		start = end - len(next)
	}
}

// trimPersonalTitles cuts the personal titles that open text[start:end]
// when a name follows them: each title must be followed by a capitalised
// word that is not a function word, and what is left must not start with a
// title. It returns start when nothing is cut.
func trimPersonalTitles(l *lexicon, text string, start, end int) int {
	at := start
	for {
		rest := text[at:end]
		i := strings.IndexFunc(rest, unicode.IsSpace)
		if i < 0 || !l.personal[strings.TrimSuffix(rest[:i], ".")] {
			break
		}
		next := strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
		nw := firstWord(next)
		if r, _ := utf8.DecodeRuneInString(nw); !unicode.IsUpper(r) || l.function[strings.ToLower(nw)] {
			break
		}
		at = end - len(next)
	}
	if at == start {
		return start
	}
	w := strings.TrimSuffix(firstWord(text[at:end]), ".")
	w = w[:trimPossessive(w, 0, len(w))]
	if l.titles[w] {
		return start // "Lord Mayor of London", "Lord Chancellor's Department": an office
	}
	return at
}

// firstWord returns s up to its first white space.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// isNamedThing reports whether t is a work, product or event: their names
// may begin with a title or "The" that belongs to them ("Mr Tambourine
// Man", "The Office"), and a title before one does not make it a person.
func isNamedThing(t model.EntityType) bool {
	return t == model.WORK || t == model.PRODUCT || t == model.EVENT
}

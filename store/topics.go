package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// sportWords are words that sports stories use and others seldom do. A
// feed has no folder to say "sport", so the words decide.
var sportWords = map[string]bool{
	"match": true, "matches": true, "goal": true, "goals": true, "scored": true, "striker": true,
	"midfielder": true, "defender": true, "coach": true, "season": true, "league": true,
	"cup": true, "championship": true, "premiership": true, "tries": true, "try": true,
	"rugby": true, "football": true, "cricket": true, "tennis": true, "beat": true,
	"defeat": true, "draw": true, "final": true, "semi": true, "quarter": true, "squad": true,
	"injury": true, "fixture": true, "penalty": true, "referee": true, "captain": true,
	"stadium": true, "champions": true, "victory": true, "tournament": true, "wicket": true,
	"innings": true, "kick": true, "fly": true, "prop": true, "winger": true, "lock": true,
	"medal": true, "olympic": true, "race": true, "athletics": true, "boss": true, "striker's": true,
	"game": true, "games": true, "side": true, "players": true, "player": true, "win": true,
	"won": true, "title": true, "points": true, "half": true, "minute": true, "minutes": true,
}

// isSportsStory reports whether the text reads as a sports story: at least
// four of its words, and one in fifty, are sports words.
func isSportsStory(texts ...string) bool {
	hits, words := 0, 0
	var buf []byte
	for _, t := range texts {
		in := false
		for i := 0; i <= len(t); i++ {
			var c byte
			letter := false
			if i < len(t) {
				c = t[i]
				letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c >= utf8.RuneSelf
			}
			switch {
			case letter:
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				in = true
			case in:
				words++
				if sportWords[string(buf)] { // no allocation: a map lookup by []byte
					hits++
				}
				buf, in = buf[:0], false
			}
		}
	}
	return hits >= 4 && hits*50 >= words && !individualSport(texts...)
}

// individualWords name sports of one competitor against another, and
// teamWords the sports of clubs. A story of the first kind names its
// towns as towns ("the indoor meeting in Glasgow"): it is not a sports
// story in the sense that matters here, where a place's name is its club.
var individualWords = map[string]bool{
	"athletics": true, "athlete": true, "marathon": true, "sprint": true, "sprinter": true, "hurdles": true,
	"hurdler": true, "tennis": true, "golf": true, "golfer": true, "boxing": true, "boxer": true,
	"snooker": true, "cycling": true, "cyclist": true, "swimming": true, "swimmer": true, "triathlon": true,
	"skating": true, "skier": true, "seed": true, "seeded": true, "indoor": true, "indoors": true,
}

var teamWords = map[string]bool{
	"goal": true, "goals": true, "striker": true, "midfielder": true, "defender": true, "tries": true,
	"try": true, "rugby": true, "wicket": true, "innings": true, "league": true, "premiership": true,
	"fixture": true, "squad": true, "football": true, "cricket": true, "winger": true, "club": true,
	"clubs": true, "team": true, "teams": true, "keeper": true, "scrum": true, "fly-half": true,
}

// individualSport reports whether texts read as a story of individual
// sport: two or more of its words and none of a team sport's. It runs only
// on stories already read as sport, word by word, without copying them.
func individualSport(texts ...string) bool {
	n := 0
	for _, t := range texts {
		for w := range strings.FieldsFuncSeq(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			w = strings.ToLower(w) // no copy for a word already in lower case
			switch {
			case teamWords[w]:
				return false
			case individualWords[w]:
				n++
			}
		}
	}
	return n >= 2
}

// acronymDef is "Bank of England (BoE)": an acronym and the name it
// stands for.
type acronymDef struct {
	acronym, name string
}

// findAcronyms finds the acronyms article a spells out: a mention of a name
// of two or more words followed by " (ACR)", where ACR's capitals are the
// initials of the name's words in order.
func findAcronyms(a *model.Article) []acronymDef {
	var defs []acronymDef
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			text := a.FieldText(m.Field, m.Paragraph)
			if m.End > len(text) || m.Start < 0 || m.Start > m.End {
				continue
			}
			rest, ok := strings.CutPrefix(text[m.End:], " (")
			if !ok {
				continue
			}
			acr, _, ok := strings.Cut(rest, ")")
			if ok && isAcronymOf(acr, text[m.Start:m.End]) {
				defs = append(defs, acronymDef{acr, text[m.Start:m.End]})
			}
		}
	}
	return defs
}

// isAcronymOf reports whether acr abbreviates name: 2 to 8 letters, at
// least two capitals, the first letter the first initial, and its capitals
// initials of name's words in order ("BoE" of "Bank of England").
func isAcronymOf(acr, name string) bool {
	if n := utf8.RuneCountInString(acr); n < 2 || n > 8 {
		return false
	}
	var caps []rune
	for _, r := range acr {
		switch {
		case unicode.IsUpper(r):
			caps = append(caps, r)
		case unicode.IsLetter(r), r == '&':
		default:
			return false
		}
	}
	words := strings.Fields(name)
	if len(caps) < 2 || len(words) < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(acr)
	if !unicode.IsUpper(first) {
		return false
	}
	var initials []rune
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, unicode.ToUpper(r))
	}
	if initials[0] != caps[0] {
		return false
	}
	i := 0
	for _, r := range initials {
		if i < len(caps) && r == caps[i] {
			i++
		}
	}
	return i == len(caps)
}

const setTopicSQL = `INSERT OR REPLACE INTO article_topics (article_id, sport) VALUES (?, ?)`

// learn records what article id (a, as stored) teaches the store: whether
// it is a sports story, and the acronyms it spells out. An acronym newly
// tied to a name leaves every article using it to resolve again, and the
// resolver r (if any) knows it at once. It returns the sports verdict.
func learn(ctx context.Context, tx *sql.Tx, r *resolver, id int64, a *model.Article) (bool, error) {
	sport := isSportsStory(append([]string{a.Title, a.Caption}, a.Paragraphs...)...)
	var err error
	if r != nil {
		err = r.topic(ctx, id, sport)
	} else {
		_, err = tx.ExecContext(ctx, setTopicSQL, id, sport)
	}
	if err != nil {
		return false, err
	}
	seen := make(map[acronymDef]bool)
	for _, d := range findAcronyms(a) {
		if seen[d] {
			continue
		}
		seen[d] = true
		key, exp := foldName(d.acronym), foldName(d.name)
		var n int
		err := tx.QueryRowContext(ctx, `INSERT INTO acronyms (key, expansion, name, articles) VALUES (?, ?, ?, 1)
			ON CONFLICT DO UPDATE SET articles = articles + 1 RETURNING articles`, key, exp, d.name).Scan(&n)
		if err != nil {
			return false, err
		}
		if n > 1 {
			if r != nil {
				for i := range r.acronyms[key] {
					if r.acronyms[key][i].expansion == exp {
						r.acronyms[key][i].articles = n
					}
				}
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO names_dirty (key) VALUES (?)`, key); err != nil {
			return false, err
		}
		if r != nil {
			r.acronyms[key] = append(r.acronyms[key], acronym{expansion: exp, name: d.name, articles: 1})
		}
	}
	return sport, nil
}

package web

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// This file reads dates as pages write them: machine forms in metadata
// (ISO 8601, RFC 3339, RFC 1123 and their near relatives) and the forms
// people read in a byline ("3 December 2026", "December 3, 2026",
// "03.12.2026", "3. Dezember 2026", "3 de diciembre de 2026") in the
// languages news is commonly written in. It builds nothing at package
// initialisation: the layouts are a literal slice and month names a switch,
// which is what lets the reader start without a date library's tables.

// dateLayouts are the machine date forms, tried in order. time.Parse accepts
// a fractional second after the seconds even where a layout has none.
var dateLayouts = [...]string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
}

// earliestDate is the first day a news page can plausibly date from; earlier
// dates are placeholders (0001-01-01, 1970-01-01) or typos.
var earliestDate = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// plausible reports whether t can be a page's publish date seen at now: from
// 1995 to a day after now (a page's clock or zone may run a little ahead).
func plausible(t, now time.Time) bool {
	return !t.Before(earliestDate) && !t.After(now.Add(24*time.Hour))
}

// parseDate reads a date written in metadata and returns it in UTC, a date
// without a zone taken as UTC. Machine forms come first; then the leading
// YYYY-MM-DD of a longer string, a Unix time in seconds or milliseconds, and
// finally the forms people write (parseTextDate). It returns the zero time
// for anything else and for dates outside 1995 to a day from now.
func parseDate(s string) time.Time {
	t := parseDateZone(s)
	if t.IsZero() || !plausible(t, time.Now()) {
		return time.Time{}
	}
	return t.UTC()
}

// parseDateZone is parseDate without the range check, keeping the zone the
// date was written in (so its day is the day the page shows).
func parseDateZone(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	if len(s) > 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		switch len(s) {
		case 10:
			return time.Unix(n, 0).UTC()
		case 13:
			return time.UnixMilli(n).UTC()
		}
	}
	t, _ := parseTextDate(s, true)
	return t
}

// dateToken is a run of digits or of letters in a text, with the
// punctuation that precedes it.
type dateToken struct {
	word   string // lower-case letters, or "" for a number
	num    int    // the number's value
	digits int    // the number's length in digits; 0 for a word
	sep    string // non-space punctuation between the previous token and this one
	spaced bool   // whether white space precedes this token
}

// maxDateTokens bounds the tokens read from one text: a byline is short, and
// the bound keeps a hostile attribute from costing more than a glance.
const maxDateTokens = 400

// dateTokens cuts s into numbers and words.
func dateTokens(s string) []dateToken {
	var toks []dateToken
	var sep strings.Builder
	spaced := false
	rs := []rune(s)
	for i := 0; i < len(rs) && len(toks) < maxDateTokens; {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			j := i
			n := 0
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' && j-i < 9 {
				n = n*10 + int(rs[j]-'0')
				j++
			}
			toks = append(toks, dateToken{num: n, digits: j - i, sep: sep.String(), spaced: spaced})
			sep.Reset()
			spaced = false
			i = j
		case strings.ContainsRune("年月日년월일", r):
			// The CJK date markers are letters to Unicode but
			// separators here: 2026年12月3日.
			sep.WriteRune(r)
			i++
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.Is(unicode.Mn, rs[j])) {
				j++
			}
			w := strings.ToLower(string(rs[i:j]))
			toks = append(toks, dateToken{word: w, sep: sep.String(), spaced: spaced})
			sep.Reset()
			spaced = false
			i = j
		case unicode.IsSpace(r):
			spaced = true
			i++
		default:
			sep.WriteRune(r)
			i++
		}
	}
	return toks
}

// parseTextDate finds the first date in s written as people write it, to the
// day, and returns it as midnight UTC. Numeric dates with the year last are
// read day first when dayFirst is set (most of the world) and month first
// otherwise (the United States), unless one part is over 12.
func parseTextDate(s string, dayFirst bool) (time.Time, bool) {
	toks := dateTokens(s)
	for i := range toks {
		if t, ok := dateAt(toks, i, dayFirst); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateAt reads a date starting at toks[i].
func dateAt(toks []dateToken, i int, dayFirst bool) (time.Time, bool) {
	tk := toks[i]
	// Numeric dates: Y-M-D, D.M.Y, D/M/Y or M/D/Y, and 2026年12月3日.
	if tk.digits > 0 && i+2 < len(toks) && toks[i+1].digits > 0 && toks[i+2].digits > 0 {
		a, b, c := tk, toks[i+1], toks[i+2]
		s1, s2 := b.sep, c.sep
		if numericSep(s1) && (s1 == s2 || cjkDate(s1, s2)) && b.digits <= 2 && (!b.spaced && !c.spaced || cjkDate(s1, s2)) {
			switch {
			case a.digits == 4 && c.digits <= 2:
				return makeDate(a.num, b.num, c.num)
			case a.digits <= 2 && c.digits == 4:
				d, m := a.num, b.num
				if s1 == "/" || s1 == "-" {
					if m > 12 || !dayFirst && d <= 12 {
						d, m = m, d
					}
				}
				return makeDate(c.num, m, d)
			}
		}
	}
	// Day, month name, year: "3 December 2026", "3. Dezember 2026",
	// "1er mars 2026", "3rd of December 2026", "3 de diciembre de 2026".
	if tk.digits > 0 && tk.digits <= 2 {
		j := skipOrdinal(toks, i+1)
		j = skipFiller(toks, j)
		if j < len(toks) {
			if m := monthNumber(toks[j].word); m > 0 {
				k := skipFiller(toks, j+1)
				if k < len(toks) && toks[k].digits == 4 {
					return makeDate(toks[k].num, m, tk.num)
				}
			}
		}
	}
	// Month name, day, year: "December 3, 2026", "Dec. 3rd 2026".
	if m := monthNumber(tk.word); m > 0 && i+2 < len(toks) {
		j := skipFiller(toks, i+1)
		if j < len(toks) && toks[j].digits > 0 && toks[j].digits <= 2 {
			k := skipFiller(toks, skipOrdinal(toks, j+1))
			if k < len(toks) && toks[k].digits == 4 {
				return makeDate(toks[k].num, m, toks[j].num)
			}
		}
	}
	return time.Time{}, false
}

// numericSep reports whether sep joins the parts of a numeric date.
func numericSep(sep string) bool {
	switch sep {
	case "-", "/", ".", "年", "년":
		return true
	}
	return false
}

// cjkDate reports whether the separators are those of 2026年12月3日.
func cjkDate(s1, s2 string) bool {
	return s1 == "年" && s2 == "月" || s1 == "년" && s2 == "월"
}

// skipOrdinal skips an ordinal suffix glued to a day: 3rd, 1er, 1º.
func skipOrdinal(toks []dateToken, j int) int {
	if j < len(toks) && !toks[j].spaced && toks[j].sep == "" {
		switch toks[j].word {
		case "st", "nd", "rd", "th", "er", "re", "e", "o", "a":
			return j + 1
		}
	}
	return j
}

// skipFiller skips the small words that sit inside dates: "de", "of", "del".
func skipFiller(toks []dateToken, j int) int {
	for j < len(toks) {
		switch toks[j].word {
		case "de", "del", "of", "van", "di":
			j++
		default:
			return j
		}
	}
	return j
}

// makeDate returns the day at midnight UTC when it exists.
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 February
	}
	return t, true
}

// monthNumber returns the month a (lower-case) month name or abbreviation
// names in English, German, French, Spanish, Italian, Dutch, Portuguese, the
// Scandinavian languages, Polish, Czech, Turkish or Russian (the genitive
// forms those languages use in dates), or 0.
func monthNumber(w string) int {
	switch w {
	case "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene",
		"gennaio", "gen", "januari", "janeiro", "stycznia", "styczeń", "ledna", "leden",
		"ocak", "января", "январь", "tammikuuta":
		return 1
	case "february", "feb", "febr", "februar", "février", "fevrier", "févr", "fév",
		"febrero", "febbraio", "februari", "fevereiro", "fev", "lutego", "luty",
		"února", "únor", "şubat", "subat", "февраля", "февраль", "helmikuuta":
		return 2
	case "march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "maart",
		"mrt", "março", "marco", "marca", "marzec", "března", "březen", "mart",
		"марта", "март", "maaliskuuta":
		return 3
	case "april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia",
		"kwiecień", "dubna", "duben", "nisan", "апреля", "апрель", "huhtikuuta":
		return 4
	case "may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maj", "maja",
		"května", "květen", "mayıs", "mayis", "мая", "май", "toukokuuta":
		return 5
	case "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho",
		"czerwca", "czerwiec", "června", "červen", "haziran", "июня", "июнь",
		"kesäkuuta":
		return 6
	case "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug",
		"julho", "lipca", "lipiec", "července", "červenec", "temmuz", "июля",
		"июль", "heinäkuuta":
		return 7
	case "august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti",
		"sierpnia", "sierpień", "srpna", "srpen", "ağustos", "agustos", "августа",
		"август", "elokuuta":
		return 8
	case "september", "sep", "sept", "septembre", "septiembre", "setiembre",
		"settembre", "set", "setembro", "września", "wrzesień", "září", "eylül",
		"eylul", "сентября", "сентябрь", "syyskuuta":
		return 9
	case "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre",
		"ott", "outubro", "out", "października", "październik", "října", "říjen",
		"ekim", "октября", "октябрь", "lokakuuta":
		return 10
	case "november", "nov", "novembre", "noviembre", "novembro", "listopada",
		"listopad", "listopadu", "kasım", "kasim", "ноября", "ноябрь",
		"marraskuuta":
		return 11
	case "december", "dec", "dezember", "dez", "décembre", "decembre", "déc",
		"diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień",
		"prosince", "prosinec", "aralık", "aralik", "декабря", "декабрь",
		"joulukuuta":
		return 12
	}
	return 0
}

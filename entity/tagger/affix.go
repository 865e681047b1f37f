package tagger

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// A word joined to a name by a hyphen ("Japan-based", "Dutch-born",
// "pro-Google", "New York-listed") is not a name, though CoNLL-2003 tags
// such words MISC and the tagger learnt to. In raw text the span is cut
// back to the name inside it and typed as that name: by the gazetteer
// (Japan is a place, Dutch a nationality), else as the document types the
// name elsewhere, else as the tagger typed the whole unless that was MISC
// or one of its kinds, which says nothing about the name inside: then the
// span is dropped.

// nameParticles are lowercase prefixes that belong to the name they join
// ("al-Qaeda", "bin-Laden"), not affixes.
var nameParticles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "an": true, "bin": true, "ibn": true,
	"abu": true, "de": true, "du": true, "da": true, "di": true, "van": true, "von": true,
	"la": true, "le": true, "d": true, "o": true, "e": true, "i": true, "x": true,
}

// affixCut returns the byte range of span text s left after cutting a
// lowercase word hyphened on at its end ("-based") or start ("pro-"), and
// whether anything was cut.
func affixCut(s string) (lo, hi int, cut bool) {
	lo, hi = 0, len(s)
	if i := strings.LastIndexByte(s, '-'); i > 0 && isLowerWord(s[i+1:]) && startsUpper(s[:i]) {
		hi, cut = i, true
	}
	if i := strings.IndexByte(s[:hi], '-'); i > 0 && isLowerWord(s[:i]) && !nameParticles[s[:i]] && startsUpper(s[i+1:hi]) {
		lo, cut = i+1, true
	}
	return lo, hi, cut
}

func isLowerWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// trimAffixes cuts hyphened affixes off the spans of a tagged document.
func (m *Model) trimAffixes(fields []string, spans [][]Span) {
	known := map[string]model.EntityType{}
	for i, ss := range spans {
		for _, sp := range ss {
			if _, _, cut := affixCut(fields[i][sp.Start:sp.End]); !cut {
				known[strings.ToLower(fields[i][sp.Start:sp.End])] = sp.Type
			}
		}
	}
	for i, ss := range spans {
		kept := ss[:0]
		for _, sp := range ss {
			text := fields[i][sp.Start:sp.End]
			lo, hi, cut := affixCut(text)
			if !cut {
				kept = append(kept, sp)
				continue
			}
			name := text[lo:hi]
			typ, ok := m.gazType(name)
			if !ok {
				typ, ok = known[strings.ToLower(name)]
			}
			if !ok && (sp.Type == model.PER || sp.Type == model.ORG || sp.Type == model.LOC) {
				typ, ok = sp.Type, true
			}
			if ok {
				kept = append(kept, Span{Start: sp.Start + lo, End: sp.Start + hi, Type: typ})
			}
		}
		spans[i] = kept
	}
}

// gazType is the type the gazetteers give a whole name: a work, product or
// event, a place, a nationality (MISC) or an organisation; first names
// alone say nothing.
func (m *Model) gazType(name string) (model.EntityType, bool) {
	h := hashSeed
	for _, t := range Tokenize(name) {
		h = mix(h, hashString(t.Text, true))
	}
	if fine := m.lk.fine[h]; fine != 0 {
		for f := numTypes; f < numFine; f++ {
			if fine>>f&1 != 0 {
				return model.EntityType(fineNames[f]), true // "Oscar-winning"
			}
		}
	}
	bits := m.lk.gaz[h]
	for _, t := range []string{"LOC", "MISC", "ORG"} {
		if bits&(1<<typeIndex(t)) != 0 {
			return model.EntityType(t), true
		}
	}
	return "", false
}

// affixedNames adds the names inside hyphened words the tagger left alone
// ("Japan-based" holds the place Japan) when the gazetteers know them.
func (m *Model) affixedNames(fields []string, toks []Token, starts []int, tags []int, spans [][]Span) {
	for i := range fields {
		added := false
		for j := starts[i]; j < starts[i+1]; j++ {
			if tags[j] != tagO || !strings.Contains(toks[j].Text, "-") {
				continue
			}
			lo, hi, cut := affixCut(toks[j].Text)
			if !cut {
				continue
			}
			if typ, ok := m.gazType(toks[j].Text[lo:hi]); ok {
				spans[i] = append(spans[i], Span{Start: toks[j].Start + lo, End: toks[j].Start + hi, Type: typ})
				added = true
			}
		}
		if added {
			sort.Slice(spans[i], func(a, b int) bool { return spans[i][a].Start < spans[i][b].Start })
		}
	}
}

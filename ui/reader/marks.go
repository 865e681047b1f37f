package reader

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/highlight"
)

// Pin is an entity whose mentions the reader paints with background colour
// Slot of the theme. A pin is the store's identity, so a pin made in one
// article lights up every name of the same entity in the next ("Blair" where
// "Tony Blair" was pinned), and not a namesake (the city of a pinned club).
type Pin struct {
	ID   int64            // the identity; 0 for an entity outside the store
	Name string           // canonical name, matched in any case
	Type model.EntityType // "" matches an entity of any type
	Slot int              // 0 … styles.PinColours-1
}

// matches reports whether the pin names entity e.
func (p Pin) matches(e model.Entity) bool {
	return SameEntity(p.ID, p.Name, p.Type, e.ID, e.Name, e.Type)
}

// SameEntity reports whether entity a (id, name, type) is entity b: the same
// identity when both come from the store (id not 0), else the same name in
// any case and the same type ("" is any type).
func SameEntity(aID int64, aName string, aType model.EntityType, bID int64, bName string, bType model.EntityType) bool {
	if aID != 0 && bID != 0 {
		return aID == bID
	}
	return strings.EqualFold(strings.TrimSpace(aName), strings.TrimSpace(bName)) &&
		(aType == "" || bType == "" || aType == bType)
}

// findTag is the tag of a pair that marks an in-article search hit rather
// than an entity's mention.
const findTag = -1

// marker says which byte ranges of each field to mark: with find empty,
// every mention of every entity (tagged with the entity's index in
// Article.Entities); else every hit of find, in any case (tagged findTag).
type marker struct {
	find     string
	markdown bool // the body is Markdown: a find skips its link targets
	mentions map[fieldKey][]highlight.Range
}

type fieldKey struct {
	f model.Field
	p int
}

func newMarker(a *model.Article, find string) marker {
	mk := marker{find: strings.TrimSpace(find), markdown: a.Format == model.FormatMarkdown}
	if mk.find != "" {
		return mk
	}
	mk.mentions = make(map[fieldKey][]highlight.Range)
	for i, e := range a.Entities {
		for _, mn := range e.Mentions {
			p := mn.Paragraph
			if mn.Field != model.FieldBody {
				p = 0
			}
			k := fieldKey{mn.Field, p}
			mk.mentions[k] = append(mk.mentions[k], highlight.Range{Start: mn.Start, End: mn.End, Style: i})
		}
	}
	return mk
}

// ranges are the ranges to mark in text, field f, paragraph p.
func (mk marker) ranges(text string, f model.Field, p int) []highlight.Range {
	if mk.find != "" {
		hits := findEach(text, mk.find)
		if mk.markdown && f == model.FieldBody {
			hits = outsideLinkTargets(text, hits)
		}
		return hits
	}
	return mk.mentions[fieldKey{f, p}]
}

// mark marks text and appends each marked pair's tag to tags.
func (mk marker) mark(text string, f model.Field, p int, tags *[]int) string {
	rs := mk.ranges(text, f, p)
	if len(rs) == 0 {
		return highlight.Strip(text)
	}
	marked, order := highlight.Mark(text, rs)
	*tags = highlight.AppendStyles(*tags, rs, order)
	return marked
}

// findEach is findAll for a find of several needles, one per line (the
// terms of a list search, see SearchTerms): every hit of each, in order,
// a hit that overlaps an earlier one dropped.
func findEach(text, find string) []highlight.Range {
	if !strings.Contains(find, "\n") {
		return findAll(text, find)
	}
	var all []highlight.Range
	for _, q := range strings.Split(find, "\n") {
		all = append(all, findAll(text, q)...)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End > all[j].End
	})
	out := all[:0]
	for _, r := range all {
		if len(out) == 0 || r.Start >= out[len(out)-1].End {
			out = append(out, r)
		}
	}
	return out
}

// SearchTerms turns a list search (the store's full-text query: words,
// prefixes, "quoted phrases", AND/OR/NOT) into a find for the reader: the
// words and phrases to mark, one per line. Operators, prefix stars and
// one-letter words are left out.
func SearchTerms(query string) string {
	var terms []string
	add := func(t string) {
		t = strings.Trim(strings.TrimSpace(t), "*-+^():")
		if utf8.RuneCountInString(t) > 1 && t != "AND" && t != "OR" && t != "NOT" && t != "NEAR" {
			terms = append(terms, t)
		}
	}
	for i, part := range strings.Split(query, `"`) {
		if i%2 == 1 { // inside quotes: a phrase
			add(strings.Join(strings.Fields(part), " "))
			continue
		}
		for _, w := range strings.Fields(part) {
			add(w)
		}
	}
	return strings.Join(terms, "\n")
}

// findAll returns every non-overlapping occurrence of q in text, ignoring
// case, as ranges tagged findTag. Case is folded rune by rune, so the
// offsets are those of text even where a lower-case letter has another
// length in UTF-8.
func findAll(text, q string) []highlight.Range {
	var out []highlight.Range
	if q == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(q)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if equalFoldRune(r, first) {
			if end, ok := prefixFold(text[i:], q); ok {
				out = append(out, highlight.Range{Start: i, End: i + end, Style: findTag})
				i += max(end, size)
				continue
			}
		}
		i += size
	}
	return out
}

// prefixFold reports whether s starts with q in any case, and where in s the
// match ends.
func prefixFold(s, q string) (int, bool) {
	i := 0
	for _, qr := range q {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !equalFoldRune(r, qr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func equalFoldRune(a, b rune) bool {
	return a == b || unicode.ToLower(a) == unicode.ToLower(b) || unicode.ToUpper(a) == unicode.ToUpper(b)
}

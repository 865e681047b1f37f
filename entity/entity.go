// Package entity finds the people, organisations, places and other names in
// an article and links their mentions into entities.
//
// Finding and linking are separate steps. A Tagger marks spans of text with
// a type, following the CoNLL-2003 convention that a span is the name
// itself: no title ("President Xi" → "Xi"), no possessive ("Xi's" → "Xi").
// Link then groups the spans of one article into entities with canonical
// names, whichever tagger produced them: the rule-based RuleTagger here, or
// the statistical tagger that replaces it.
//
// Everything here is a pure function of the article handed in: no I/O, no
// shared mutable state, safe for concurrent use.
package entity

import "github.com/bylinehq/byline/model"

// Span is one tagged mention before linking: byte offsets into the field
// text (paragraph Paragraph for the body).
type Span struct {
	Field     model.Field
	Paragraph int
	Start     int
	End       int
	Type      model.EntityType
}

// Tagger finds entity spans in one article. The statistical tagger of the
// next issue implements it too.
type Tagger interface {
	Tag(a *model.Article) []Span
}

// Extractor turns an article into linked entities.
type Extractor interface {
	Extract(a *model.Article) []model.Entity
}

// New returns the default extractor: the statistical tagger embedded in the
// binary, the names of assets/aliases.tsv it left untagged (see Spotter),
// then Link. Should the embedded model ever fail to decode (a broken
// build), it falls back to the rule-based tagger so imports still work.
func New() Extractor {
	if st, err := NewStatistical(); err == nil {
		return extractor{tagger: st, spot: defaultSpotter()}
	}
	return extractor{tagger: NewRuleTagger(), spot: defaultSpotter()}
}

// NewExtractor combines any Tagger with the linker.
func NewExtractor(t Tagger) Extractor { return extractor{tagger: t} }

// extractor tags an article, adds the known names the tagger missed (when
// spot is set) and links the spans.
type extractor struct {
	tagger Tagger
	spot   *Spotter
}

// Extract returns the article's entities in order of first mention.
func (e extractor) Extract(a *model.Article) []model.Entity {
	spans := e.tagger.Tag(a)
	if e.spot != nil {
		spans = e.spot.Spot(a, spans)
	}
	return Link(a, spans)
}

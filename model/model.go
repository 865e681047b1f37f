// Package model holds byline's domain types: articles, the entities found in
// them and each mention of an entity. It does no I/O, so every other package
// can share these types without depending on one another.
package model

import "time"

// EntityType is the kind of a named entity: the four types of CoNLL-2003
// (PER, ORG, LOC, MISC) with three that MISC used to hold and that a reader
// looks for on their own (WORK, PRODUCT, EVENT).
type EntityType string

// The entity types byline recognises.
const (
	PER     EntityType = "PER"     // a person
	ORG     EntityType = "ORG"     // an organisation: companies, bands, parties, clubs
	LOC     EntityType = "LOC"     // a place
	WORK    EntityType = "WORK"    // a creative work: film, book, song, album, show, game
	PRODUCT EntityType = "PRODUCT" // a named product: device, software, vehicle, brand as a product
	EVENT   EntityType = "EVENT"   // a named event: tournament, award, war, election, festival
	MISC    EntityType = "MISC"    // the rest: nationalities, languages, named laws and others
)

// EntityTypes lists the types in the order the sidebar shows them.
var EntityTypes = []EntityType{PER, ORG, LOC, WORK, PRODUCT, EVENT, MISC}

// Group is the heading the sidebar shows over entities of type t; unknown
// types fall under "Other", as MISC does.
func (t EntityType) Group() string {
	switch t {
	case PER:
		return "People"
	case ORG:
		return "Organisations"
	case LOC:
		return "Places"
	case WORK:
		return "Works"
	case PRODUCT:
		return "Products"
	case EVENT:
		return "Events"
	}
	return "Other"
}

// CoNLL is t in the four types of CoNLL-2003: WORK, PRODUCT and EVENT are
// MISC there, so scores on CoNLL data stay comparable.
func (t EntityType) CoNLL() EntityType {
	switch t {
	case WORK, PRODUCT, EVENT:
		return MISC
	}
	return t
}

// Field names the part of an article a mention sits in.
type Field string

// The fields of an article that can hold mentions.
const (
	FieldTitle   Field = "title"
	FieldCaption Field = "caption"
	FieldBody    Field = "body"
)

// Mention is one occurrence of an entity in an article. Start and End are
// byte offsets into the text of the field (for the body, into paragraph
// Paragraph, counted from 0); Text is that slice of the field.
type Mention struct {
	Field     Field  `json:"field"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// Entity is one person, organisation, place or other name in an article, with
// every mention of it linked together under one canonical name.
type Entity struct {
	ID       int64      `json:"-"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Mentions []Mention  `json:"mentions"`
}

// Article is one parsed news article. Paragraphs hold the body; every text
// field has already been sanitised of control characters.
type Article struct {
	ID         int64     `json:"-"`
	Title      string    `json:"title"`
	Published  time.Time `json:"published"`
	Caption    string    `json:"caption"`
	Credit     string    `json:"credit"`
	Source     string    `json:"source"` // where it came from: a file path, later a feed
	URL        string    `json:"url,omitempty"`
	GUID       string    `json:"guid,omitempty"`   // a feed item's id, when it came from a feed
	Author     string    `json:"author,omitempty"` // the byline, when the source names one
	Format     Format    `json:"-"`                // how Paragraphs are written
	Paragraphs []string  `json:"paragraphs"`
	Entities   []Entity  `json:"entities"`
}

// Format says how an article's paragraphs are written.
type Format string

// The body formats. Plain-text paragraphs are drawn literally; Markdown ones
// keep their markup (links, emphasis) and are rendered as Markdown.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
)

// Summary is what the article list shows of an article: no body.
type Summary struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Published time.Time `json:"published"`
	Source    string    `json:"source"`
	URL       string    `json:"url"`
}

// EntityCount is an entity with how often it is mentioned: in one article
// (Mentions) or across the store (Articles, the number of articles naming it).
type EntityCount struct {
	ID       int64      `json:"id"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Mentions int        `json:"mentions"`
	Articles int        `json:"articles"`
}

// FieldText returns the text of field f (paragraph p for the body), or "" if
// there is no such field or paragraph.
func (a *Article) FieldText(f Field, p int) string {
	switch f {
	case FieldTitle:
		return a.Title
	case FieldCaption:
		return a.Caption
	case FieldBody:
		if p >= 0 && p < len(a.Paragraphs) {
			return a.Paragraphs[p]
		}
	}
	return ""
}

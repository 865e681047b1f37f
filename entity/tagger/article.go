package tagger

import "github.com/bylinehq/byline/model"

// ArticleSpan is an entity found in one field of an article: Start and End
// are byte offsets into that field's text (for the body, into paragraph
// Paragraph), as model.Mention counts them.
type ArticleSpan struct {
	Field     model.Field
	Paragraph int
	Span
}

// TagArticle tags an article's title, caption and body paragraphs as one
// document and returns its entities in reading order.
func (m *Model) TagArticle(a *model.Article) []ArticleSpan {
	fields := make([]string, 0, 2+len(a.Paragraphs))
	fields = append(fields, a.Title, a.Caption)
	fields = append(fields, a.Paragraphs...)
	var out []ArticleSpan
	for i, spans := range m.TagDocument(fields) {
		field, para := model.FieldBody, i-2
		switch i {
		case 0:
			field, para = model.FieldTitle, 0
		case 1:
			field, para = model.FieldCaption, 0
		}
		for _, s := range spans {
			out = append(out, ArticleSpan{Field: field, Paragraph: para, Span: s})
		}
	}
	return out
}

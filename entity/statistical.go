package entity

import (
	"sync"

	"github.com/bylinehq/byline/entity/tagger"
	"github.com/bylinehq/byline/model"
)

// Statistical tags articles with the averaged-perceptron model trained by
// `go run ./entity/train` and embedded in the binary. The whole article
// (title, caption and every paragraph) is tagged as one document, so how a
// name is written and tagged in one place informs the others.
type Statistical struct {
	model *tagger.Model
}

var embedded struct {
	once  sync.Once
	model *tagger.Model
	err   error
}

// NewStatistical returns the tagger backed by the embedded model, decoded
// once per process and shared: the model is read-only and safe for
// concurrent use.
func NewStatistical() (*Statistical, error) {
	embedded.once.Do(func() { embedded.model, embedded.err = tagger.Load() })
	if embedded.err != nil {
		return nil, embedded.err
	}
	return &Statistical{model: embedded.model}, nil
}

// Tag returns the spans of every field of a.
func (s *Statistical) Tag(a *model.Article) []Span {
	fields := make([]string, 0, 2+len(a.Paragraphs))
	fields = append(fields, a.Title, a.Caption)
	fields = append(fields, a.Paragraphs...)
	var spans []Span
	for i, found := range s.model.TagDocument(fields) {
		field, para := model.FieldBody, i-2
		switch i {
		case 0:
			field, para = model.FieldTitle, 0
		case 1:
			field, para = model.FieldCaption, 0
		}
		for _, sp := range found {
			spans = append(spans, Span{Field: field, Paragraph: para, Start: sp.Start, End: sp.End, Type: sp.Type})
		}
	}
	return spans
}

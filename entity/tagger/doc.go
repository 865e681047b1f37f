// Package tagger is byline's statistical named-entity recogniser: a
// tokenizer that keeps byte offsets, an averaged-perceptron sequence tagger
// over BILOU tags with Viterbi decoding, document-level, gazetteer and
// word-cluster features, a CoNLL reader and conlleval-style scoring.
//
// The trained model is embedded in the binary (assets.NERModel), written by
// the command in entity/train; assets/NER_MODEL.md says how it was made and
// how well it does. Typical use:
//
//	m, err := tagger.Load() // once; the Model is safe for concurrent use
//	spans := m.TagDocument([]string{title, caption, para1, para2})
//
// A document is tagged as a whole, so how a word is written and tagged in
// one field informs the others; spans come back per field as byte offsets.
package tagger

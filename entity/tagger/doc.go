// Package tagger is byline's statistical named-entity recogniser: a
// tokenizer that keeps byte offsets, an averaged-perceptron sequence tagger
// over BILOU tags with Viterbi decoding, document-level, gazetteer and
// word-cluster features, a CoNLL reader and conlleval-style scoring.
//
// The trained model is embedded in the binary (see assets.NERModel) and is
// read with Load; it is written by the command in entity/train.
package tagger

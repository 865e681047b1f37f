package assets

import _ "embed" // for the NER model

// NERModel is the trained named-entity tagger read by entity/tagger.Load.
// It is written by `go run ./entity/train`; assets/NER_MODEL.md records how.
//
//go:embed ner.model
var NERModel []byte

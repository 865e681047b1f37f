package tagger

import (
	"fmt"

	"github.com/bylinehq/byline/assets"
)

// Load reads the model embedded in the binary. It decodes the model afresh
// on every call (a few milliseconds, about 15 MB), so callers keep the Model.
func Load() (*Model, error) {
	m, err := Decode(assets.NERModel)
	if err != nil {
		return nil, fmt.Errorf("load embedded ner model: %w", err)
	}
	return m, nil
}

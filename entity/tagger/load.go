package tagger

import (
	"fmt"

	"github.com/bylinehq/byline/assets"
)

// Load reads the model embedded in the binary.
func Load() (*Model, error) {
	m, err := Decode(assets.NERModel)
	if err != nil {
		return nil, fmt.Errorf("load embedded ner model: %w", err)
	}
	return m, nil
}

package store

import "testing"

func TestTitledBefore(t *testing.T) {
	for before, want := range map[string]bool{
		"said Baroness ":      true,
		"minister Mr. ":       true,
		"and the Duke of ":    true,
		"were beaten by ":     false,
		"talks in ":           false,
		"the Duke of York":    false, // the mention does not follow the title
		"Lord":                false, // no space: a word that ends in the title
		"":                    false,
		"state of ":           false,
		"President-elect Mr ": true,
	} {
		if got := titledBefore(before); got != want {
			t.Errorf("titledBefore(%q) = %v, want %v", before, got, want)
		}
	}
}

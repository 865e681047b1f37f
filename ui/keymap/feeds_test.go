package keymap

import (
	"slices"
	"strings"
	"testing"
)

// The feeds view's and the links' keys are configurable like the rest, and
// checked for clashes where they act: d unsubscribes only in the feeds view
// and L lists links only in the reader.
func TestFeedsAndLinksKeys(t *testing.T) {
	km, _, err := load(t, "[keys]\nfeeds_view = \"ctrl+f\"\nunsubscribe = \"x\"\nlinks = \"l\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(km.Global.FeedsView.Keys(), []string{"ctrl+f"}) || !slices.Equal(km.Feeds.Unsubscribe.Keys(), []string{"x"}) ||
		!slices.Equal(km.Reader.Links.Keys(), []string{"l"}) {
		t.Errorf("keys: %v %v %v", km.Global.FeedsView.Keys(), km.Feeds.Unsubscribe.Keys(), km.Reader.Links.Keys())
	}
	for _, c := range []struct{ body, want string }{
		{"[keys]\nunsubscribe = \"j\"\n", `key "j" is already down's`},
		{"[keys]\nlinks = \"n\"\n", `key "n" is already next_mention's`},
		{"[keys]\nfeeds_view = \"o\"\n", `key "o" is already entity_view's`},
	} {
		if _, _, err := load(t, c.body); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.body, err, c.want)
		}
	}
	// Keys that act in different panes may share a key.
	if _, _, err := load(t, "[keys]\nunsubscribe = \"s\"\n"); err == nil {
		t.Error("unsubscribe on s (star, which acts everywhere) was accepted")
	}
	if _, _, err := load(t, "[keys]\nlinks = \"f\"\n"); err != nil {
		t.Errorf("links on f (follow, sidebar only): %v", err)
	}
}

package reader

import (
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/styles"
)

// Every entity type has its tint, and the in-article search hits come
// after them: when WORK, PRODUCT and EVENT were added, a search hit was
// drawn in the PRODUCT tint instead of the find background.
func TestMarkStylesLineUp(t *testing.T) {
	if styles.TypeTints != len(model.EntityTypes) {
		t.Fatalf("%d tints for %d entity types", styles.TypeTints, len(model.EntityTypes))
	}
	mk := styles.New(true).Mark
	got := markStyles(mk)
	if len(got) != styleFindCur+1 {
		t.Fatalf("%d mark styles, want %d", len(got), styleFindCur+1)
	}
	if styleFind != styleTint+len(mk.Tints) {
		t.Errorf("find style at %d, want right after the %d tints (%d)", styleFind, len(mk.Tints), styleTint+len(mk.Tints))
	}
}

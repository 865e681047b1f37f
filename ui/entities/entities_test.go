package entities

import (
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/styles"
)

// The companions of an entity named in more articles than were read say
// which articles they come from.
func TestRelatedSaysItsSample(t *testing.T) {
	for _, tt := range []struct {
		articles, sampled int
		want              string
	}{
		{28634, 1000, "Often named with in its latest 1000 articles"},
		{600, 0, "Often named with"},
	} {
		m := New(styles.New(true))
		m.SetSize(160, 30)
		us := model.EntityCount{ID: 3, Name: "United States", Type: model.LOC, Articles: tt.articles}
		m.SetItems([]model.EntityCount{us}, false, nil)
		m.SetDetail(us.ID, []model.EntityCount{{ID: 4, Name: "United Kingdom", Articles: 316}}, nil, nil, tt.sampled)
		view := m.View()
		if !strings.Contains(view, tt.want) || (tt.sampled == 0 && strings.Contains(view, "latest")) {
			t.Errorf("%d articles, %d sampled: view lacks %q:\n%s", tt.articles, tt.sampled, tt.want, view)
		}
	}
}

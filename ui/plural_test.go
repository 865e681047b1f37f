package ui

import (
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// A pinned entity named once is "1 mention", not "1 mentions".
func TestOneMentionIsSingular(t *testing.T) {
	a := ministerArticle()
	a.Entities[0].Mentions = a.Entities[0].Mentions[:1]
	m := newModel(t, openStore(t, []model.Article{a}), 120, 20, Options{})
	pinFirstPerson(t, m)
	if s := status(m); !strings.Contains(s, "1 mention") || strings.Contains(s, "1 mentions") {
		t.Errorf("status %q, want 1 mention", s)
	}
}

package store

import (
	"strings"
	"testing"
)

// Without an index of article_entities by entity (migration 10), the reads
// of an entity's articles must still be index walks: a relink at a million
// articles looks up hundreds of entities, and a scan of article_entities
// is tens of millions of rows.
func TestEntityArticlesPlans(t *testing.T) {
	s := openPlanStore(t)
	for _, c := range []struct {
		name, query string
		args        []any
		want        []string
		sorts       int // TEMP B-TREE steps allowed
	}{
		{"by identity", entityArticlesByIdentitySQL, []any{1, 2, 500}, []string{
			"SEARCH ai USING COVERING INDEX article_identities_by_identity (identity_id=?)",
			"SEARCH ae USING PRIMARY KEY (article_id=? AND entity_id=?)",
		}, 0},
		{"identity's articles", identityArticlesSQL, []any{1, 2, 500}, []string{
			"SEARCH article_identities USING COVERING INDEX article_identities_by_identity (identity_id=? AND article_id<?)",
		}, 0},
		{"unresolved", entityArticlesUnresolvedSQL, []any{2, 500}, []string{
			"INDEX article_entities_unresolved (entity_id=?)",
		}, 0},
		{"due to resolve", resolveDueSQL, nil, []string{
			"SCAN article_entities USING INDEX article_entities_unresolved",
			"SCAN d",
			"SEARCH ai USING COVERING INDEX article_identities_by_identity (identity_id=?)",
			"SEARCH ae USING PRIMARY KEY (article_id=? AND entity_id=?)",
		}, 2},
	} {
		plan := planOf(t, s, c.query, c.args...)
		joined := strings.Join(plan, "\n")
		for _, w := range c.want {
			if !strings.Contains(joined, w) {
				t.Errorf("%s: plan lacks %q:\n%s", c.name, w, joined)
			}
		}
		sorts := 0
		for _, step := range plan {
			if strings.Contains(step, "TEMP B-TREE") {
				sorts++
			}
			if strings.HasPrefix(step, "SCAN") && !strings.Contains(step, "INDEX") && step != "SCAN d" {
				t.Errorf("%s: a full scan: %q in\n%s", c.name, step, joined)
			}
		}
		if sorts > c.sorts {
			t.Errorf("%s: %d sorts, want at most %d:\n%s", c.name, sorts, c.sorts, joined)
		}
	}
}

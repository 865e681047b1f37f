package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// What a search or the entity view reads must not grow with the store: in
// a million articles a common word has half a million hits and the most
// named entity three hundred thousand articles. These tests hold the query
// plans to a walk that the LIMIT stops, which no store size changes.

// planOf is SQLite's plan of query: one "id parent detail" line per step.
func planOf(t *testing.T, s *Store, query string, args ...any) []string {
	t.Helper()
	rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

func openPlanStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// FTS5 takes on the ORDER BY rowid DESC of the candidates (its index number
// 192 is FTS5_BI_ORDER_ROWID|FTS5_BI_ORDER_DESC), so it hands over hits
// newest first as it finds them and the LIMIT ends the walk: no sort of
// every hit, with or without a filter. The title hits among many are
// walked from the newest down to the oldest candidate only (the ">" of
// FTS5's index string is its rowid >= bound).
func TestSearchPlanStopsAtTheCandidates(t *testing.T) {
	s := openPlanStore(t)
	for _, q := range []ListQuery{{}, {Unread: true}, {EntityID: 1}, {Starred: true, FeedTag: "uk"}} {
		join, where, args := searchFilter(q)
		plan := strings.Join(planOf(t, s, candidatesSQL(join, where), append(append([]any{`"harbour"`}, args...), searchCandidates)...), "\n")
		if !strings.Contains(plan, "SCAN articles_fts VIRTUAL TABLE INDEX 192:") {
			t.Errorf("%+v: FTS5 does not walk the hits newest first:\n%s", q, plan)
		}
		page := append(append([]any{`"harbour"`}, args...), searchCandidates, `{title} : ("harbour")`, 1, 500, 0)
		plan = strings.Join(planOf(t, s, newestPageSQL(join, where), page...), "\n")
		if !strings.Contains(plan, "SCAN articles_fts VIRTUAL TABLE INDEX 192:") || !strings.Contains(plan, "VIRTUAL TABLE INDEX 192:M2>") {
			t.Errorf("%+v: the page of many hits is not bounded by the candidates:\n%s", q, plan)
		}
	}
}

// The sample of an entity's articles is a backward walk of its index range
// that the LIMIT ends: the only sorts are of the companions (GROUP BY and
// their order), never of the entity's articles.
func TestRelatedPlanReadsTheSample(t *testing.T) {
	s := openPlanStore(t)
	plan := planOf(t, s, relatedSQL, 1, 12, relatedSample)
	joined := strings.Join(plan, "\n")
	if !strings.Contains(joined, "SEARCH article_identities USING COVERING INDEX article_identities_by_identity (identity_id=?)") {
		t.Errorf("the sample does not read the entity's index range:\n%s", joined)
	}
	sorts := 0
	for _, step := range plan {
		if strings.Contains(step, "TEMP B-TREE") {
			sorts++
		}
	}
	if sorts != 2 || !strings.Contains(joined, "USE TEMP B-TREE FOR GROUP BY") {
		t.Errorf("want two sorts, the companions' GROUP BY and ORDER BY:\n%s", joined)
	}
}

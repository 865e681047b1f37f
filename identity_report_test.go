package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest/shareddata"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// importForReport imports paths into a fresh store with the real tagger and
// relinks, as byline import does.
func importForReport(t *testing.T, paths ...string) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "byline.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if _, err := importPaths(ctx, st, entity.New(), paths, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestIdentityReportBBC measures identities on the BBC store: the share of
// the names listed in 10 or more articles that are listed under more than
// one type (29.5 % when an entity was a name and a type), the Conservative
// Party (at least 180 articles) and Manchester United. Run it with -v to
// read the numbers.
func TestIdentityReportBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the BBC corpus")
	}
	dir := shareddata.Path(t, "articles/bbc")
	st := importForReport(t, dir)
	ctx := context.Background()
	all, err := st.Entities(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	articles := map[string]int{}
	types := map[string]map[model.EntityType]bool{}
	for _, e := range all {
		k := strings.ToLower(strings.Join(strings.Fields(e.Name), " "))
		articles[k] += e.Articles
		if types[k] == nil {
			types[k] = map[model.EntityType]bool{}
		}
		types[k][e.Type] = true
	}
	var big, split int
	var splitNames []string
	for k, n := range articles {
		if n >= 10 {
			big++
			if len(types[k]) > 1 {
				split++
				splitNames = append(splitNames, k)
			}
		}
	}
	share := 100 * float64(split) / float64(big)
	t.Logf("names in 10+ articles: %d, listed under more than one type: %d (%.1f%%): %v", big, split, share, splitNames)
	if share > 5 {
		t.Errorf("%.1f%% of the names in 10+ articles are split across types, want at most 5%%", share)
	}
	cp, err := st.EntityByName(ctx, "Conservative Party", "")
	t.Logf("Conservative Party: %+v %v", cp, err)
	// The bar counted by hand: the articles that name the party, under any
	// of its names, in a sentence a reader would say is about it.
	if cp.Articles < 180 {
		t.Errorf("the Conservative Party is named in %d articles, want at least 180", cp.Articles)
	}
	for _, name := range []string{"Tories", "Conservatives", "Tory"} {
		if e, err := st.EntityByName(ctx, name, ""); err != nil || e.ID != cp.ID {
			t.Errorf("%s is %+v (%v), want the Conservative Party", name, e, err)
		}
	}
	mu, err := st.Entities(ctx, store.EntityQuery{Name: "Man Utd"})
	t.Logf("Man Utd: %+v %v", mu, err)
	if len(mu) != 1 || mu[0].Name != "Manchester United" {
		t.Errorf("Man Utd is %+v, want Manchester United", mu)
	}
	if _, err := st.Entities(ctx, store.EntityQuery{Name: "Manchester United"}); err != nil {
		t.Fatal(err)
	}
}

// gumMention is a named mention of the GUM Wikinews gold, with the
// Wikipedia page that identifies its entity.
type gumMention struct {
	Wikipedia string `json:"wikipedia"`
	Text      string `json:"text"`
}

// TestIdentityReportGUM measures linking on the GUM Wikinews articles (a
// development set: the held-out set is elsewhere): of the entities named in
// several forms whose forms the tagger found at least two of, how many have
// all those forms in one identity; and how many identities hold forms of
// two gold entities.
func TestIdentityReportGUM(t *testing.T) {
	dir := shareddata.Path(t, "ner/gum-news")
	st := importForReport(t, filepath.Join(dir, "txt"))
	ctx := context.Background()
	list, err := st.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var multi, linked, overMerged int
	for _, sm := range list {
		doc := strings.TrimSuffix(filepath.Base(sm.Source), ".txt")
		b, err := os.ReadFile(filepath.Join(dir, "entities", doc+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var gold struct {
			Mentions []gumMention `json:"named_mentions"`
		}
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatal(err)
		}
		a, err := st.Article(ctx, sm.ID)
		if err != nil {
			t.Fatal(err)
		}
		identityOf := map[string]int64{} // mention text → identity
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				identityOf[m.Text] = e.ID
			}
		}
		forms := map[string]map[string]bool{}
		for _, m := range gold.Mentions {
			if forms[m.Wikipedia] == nil {
				forms[m.Wikipedia] = map[string]bool{}
			}
			forms[m.Wikipedia][m.Text] = true
		}
		goldOf := map[int64]map[string]bool{}
		for wiki, fs := range forms {
			ids := map[int64]bool{}
			found := 0
			for f := range fs {
				if id, ok := identityOf[f]; ok {
					found++
					ids[id] = true
					if goldOf[id] == nil {
						goldOf[id] = map[string]bool{}
					}
					goldOf[id][wiki] = true
				}
			}
			if len(fs) < 2 || found < 2 {
				continue
			}
			multi++
			if len(ids) == 1 {
				linked++
			} else {
				t.Logf("%s: %s not linked: %v", doc, wiki, keys(fs))
			}
		}
		for id, ws := range goldOf {
			if len(ws) > 1 {
				overMerged++
				t.Logf("%s: identity %d holds %v", doc, id, keys(ws))
			}
		}
	}
	t.Logf("GUM multi-form entities linked: %d of %d; identities over-merged: %d", linked, multi, overMerged)
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

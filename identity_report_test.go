package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
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
// Party (at least 180 articles) and Manchester United; and, with
// reportSplits, where one thing is still two rows of one type. Run it with
// -v to read the numbers.
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
	// At most 6 %: nearly all that is left is a club and its place, apart
	// on purpose. It was 5 % while a club's place was typed by the
	// tagger's majority: Leeds, Middlesbrough and Cambridge were then two
	// organisations each, a split of one type this share cannot see
	// (reportSplits counts those, and wants none).
	if share > 6 {
		t.Errorf("%.1f%% of the names in 10+ articles are split across types, want at most 6%%", share)
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
	reportSplits(t, st)
}

// reportSplits logs where one thing may still be two rows of one type:
// (a) in one article's sidebar, two rows of a type whose names are one
// name (folded), an initial and surname and the full name ("K Morgan",
// "Kevin Morgan"), or a person's name and a run of its words ("Hepburn",
// "Katharine Hepburn"); (b) in the store, two identities of one name and
// type. It also counts the rows that hold two people: two full names with
// one surname and first names that cannot be one ("Guy Easterby", "Simon
// Easterby"), which joining must never make. The pairs are candidates to
// read, not all errors: "Hank Williams" is not "Hank Williams Jr".
func reportSplits(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	list, err := st.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	var examples []string
	splitArticles := map[int64]bool{}
	twoPeople, otherType := 0, 0
	for _, sm := range list {
		a, err := st.Article(ctx, sm.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, x := range a.Entities {
			for _, y := range a.Entities[i+1:] {
				if x.Type != y.Type {
					// A person's surname listed as something else
					// beside him ("Radcliffe" a place, "Paula
					// Radcliffe"): counted apart, not in the
					// same-type split.
					if surnameOfOther(x, y) || surnameOfOther(y, x) {
						otherType++
						t.Logf("article %d: %q (%s) beside %q (%s)", sm.ID, x.Name, x.Type, y.Name, y.Type)
					}
					continue
				}
				kind := splitKind(x.Name, y.Name, x.Type)
				if kind == "" {
					kind = splitKind(y.Name, x.Name, x.Type)
				}
				if kind == "" {
					continue
				}
				kinds[kind]++
				splitArticles[sm.ID] = true
				if len(examples) < 40 {
					examples = append(examples, fmt.Sprintf("%d %s %q/%q", sm.ID, kind, x.Name, y.Name))
				}
			}
			if x.Type == model.PER && holdsTwoPeople(x.Mentions) {
				twoPeople++
				t.Logf("article %d: %q holds two people: %v", sm.ID, x.Name, mentionTexts(x.Mentions))
			}
		}
	}
	t.Logf("sidebar rows of one type that may be one thing: %v in %d articles; e.g. %v", kinds, len(splitArticles), examples)
	t.Logf("a person's surname listed beside him under another type: %d", otherType)
	t.Logf("sidebar rows that hold two people of one surname: %d", twoPeople)
	if twoPeople > 0 {
		t.Errorf("%d sidebar rows hold two people, want none", twoPeople)
	}

	all, err := st.Entities(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string][]int{}
	initials, initialArticles := 0, 0
	for _, e := range all {
		if w := strings.Fields(e.Name); e.Type == model.PER && len(w) == 2 && len(strings.TrimSuffix(w[0], ".")) == 1 {
			initials++ // a team sheet's "M Blair": joined to no full name
			initialArticles += e.Articles
		}
		k := strings.ToLower(e.Name) + "|" + string(e.Type)
		seen[k] = append(seen[k], e.Articles)
	}
	var twins []string
	for k, ns := range seen {
		if len(ns) > 1 {
			twins = append(twins, fmt.Sprintf("%s %v", k, ns))
		}
	}
	t.Logf("people named by an initial and surname alone: %d, in %d article rows", initials, initialArticles)
	sort.Strings(twins)
	t.Logf("identities of one name and type: %d: %v", len(twins), twins)
	if len(twins) > 0 {
		t.Errorf("%d names are two identities of one type, want none: a reader sees two rows for one thing", len(twins))
	}
}

// splitKind says how short, a sidebar name, may name the same thing as
// long, another of the same type: "" when it cannot.
func splitKind(short, long string, typ model.EntityType) string {
	s, l := strings.Fields(strings.ToLower(short)), strings.Fields(strings.ToLower(long))
	switch {
	case strings.Join(s, " ") == strings.Join(l, " "):
		return "same name"
	case typ != model.PER:
		return ""
	case len(s) == 2 && len(l) >= 2 && len(strings.TrimSuffix(s[0], ".")) == 1 && len(l[0]) > 1 &&
		strings.HasPrefix(l[0], strings.TrimSuffix(s[0], ".")) && s[1] == l[len(l)-1]:
		return "initial"
	case len(s) >= len(l):
		return ""
	case slices.Equal(s, l[len(l)-len(s):]):
		return "surname"
	case slices.Equal(s, l[:len(s)]):
		return "given name"
	}
	return ""
}

// surnameOfOther reports whether short, one word, is the last word of
// person, a person of two or more words.
func surnameOfOther(short, person model.Entity) bool {
	w := strings.Fields(strings.ToLower(person.Name))
	return person.Type == model.PER && len(w) > 1 && !strings.Contains(short.Name, " ") &&
		strings.ToLower(short.Name) == w[len(w)-1]
}

// holdsTwoPeople reports whether the mentions of one sidebar row name two
// people: two names of two or more words with one last word, neither the
// end of the other ("Van Gogh", "Theo van Gogh"), whose first words are
// neither equal nor one the other's initial.
func holdsTwoPeople(ms []model.Mention) bool {
	var full [][]string
	for _, m := range ms {
		if w := strings.Fields(strings.ToLower(m.Text)); len(w) > 1 {
			full = append(full, w)
		}
	}
	for i, a := range full {
		for _, b := range full[i+1:] {
			fa, fb := strings.TrimSuffix(a[0], "."), strings.TrimSuffix(b[0], ".")
			if a[len(a)-1] == b[len(b)-1] && !strings.HasPrefix(fa, fb) && !strings.HasPrefix(fb, fa) &&
				!slices.Equal(a[max(0, len(a)-len(b)):], b) && !slices.Equal(b[max(0, len(b)-len(a)):], a) {
				return true
			}
		}
	}
	return false
}

func mentionTexts(ms []model.Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
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

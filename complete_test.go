package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// complete runs the shell's completion request (what byline completion
// scripts call on tab) and returns the offered values, descriptions kept.
func complete(t *testing.T, db string, args ...string) []string {
	t.Helper()
	out, errs, code := byline(t, db, append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d, %s", args, code, errs)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" && !strings.HasPrefix(l, ":") {
			got = append(got, l)
		}
	}
	return got
}

// Tab offers what the store holds: entity names, feed URLs and tags, and the
// fixed choices of flags, and never creates a store.
func TestCompletion(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none", "b.db")
	if got := complete(t, missing, "list", "--entity", ""); len(got) != 0 {
		t.Errorf("no store offers %q", got)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("completing created the store's folder")
	}

	db := sampleStore(t)
	srv := newFeedServer(t, 2, 2, 30, false)
	mustRun(t, db, 0, "feed", "add", srv.feedURL(0), "--tag", "world", "--tag", "local")
	mustRun(t, db, 0, "feed", "add", srv.feedURL(1), "--tag", "world")

	for _, tc := range []struct {
		args []string
		want []string // each offered, in this order
		not  []string // none offered
	}{
		{[]string{"list", "--entity", "mara"}, []string{"Mara Ellison\tPER, 3 articles"}, []string{"Pellbrook\tLOC, 3 articles"}},
		{[]string{"list", "--entity", ""}, []string{"Mara Ellison\tPER, 3 articles", "Pellbrook\tLOC, 3 articles"}, nil},
		{[]string{"entities", "Pell"}, []string{"Pellbrook\tLOC, 3 articles"}, nil},
		{[]string{"show", "1", "--highlight", ""}, nil, nil}, // checked below
		{[]string{"fetch", "--tag", ""}, []string{"local\t1 feed", "world\t2 feeds"}, nil},
		{[]string{"fetch", "--tag", "w"}, []string{"world\t2 feeds"}, []string{"local\t1 feed"}},
		{[]string{"feed", "add", "http://example.org/x", "--tag", ""}, []string{"local\t1 feed", "world\t2 feeds"}, nil},
		{[]string{"feed", "rm", ""}, []string{srv.feedURL(0), srv.feedURL(1)}, nil},
		{[]string{"entities", "--type", ""}, []string{"PER", "ORG", "LOC", "MISC"}, nil},
		{[]string{"show", "1", "--color", ""}, []string{"auto", "always", "never"}, nil},
		{[]string{"feed", "add", "x", "--full-text", ""}, []string{"auto", "always", "never"}, nil},
		{[]string{"fetch", "--t"}, []string{"--tag", "--timeout"}, nil},
	} {
		got := complete(t, db, tc.args...)
		names := make([]string, len(got))
		for i, g := range got {
			names[i], _, _ = strings.Cut(g, "\t")
		}
		at := -1
		for _, w := range tc.want {
			i := slices.Index(got, w)
			if i < 0 {
				i = slices.Index(names, w) // URLs carry the feed's title
			}
			if i <= at {
				t.Errorf("%q offers %q: want %q, in order %q", tc.args, got, w, tc.want)
				break
			}
			at = i
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("%q offers %q", tc.args, n)
			}
		}
	}

	// show ID --highlight offers that article's entities, and only those.
	out, _ := mustRun(t, db, 0, "entities", "1")
	got := complete(t, db, "show", "1", "--highlight", "")
	if len(got) == 0 {
		t.Fatal("show 1 --highlight offers nothing")
	}
	for _, g := range got {
		name, _, _ := strings.Cut(g, "\t")
		if !strings.Contains(out, name) {
			t.Errorf("show 1 --highlight offers %q, not in article 1:\n%s", name, out)
		}
	}
	if all := complete(t, db, "list", "--entity", ""); len(got) >= len(all) {
		t.Errorf("article 1's entities (%d) are not fewer than the store's (%d)", len(got), len(all))
	}
}

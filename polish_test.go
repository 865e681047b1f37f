package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// sampleStore is a store holding the embedded sample articles, imported as a
// user would.
func sampleStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "b.db")
	mustRun(t, db, 0, "import", filepath.Join("assets", "samples"))
	return db
}

// An error names what it is about once: "article 999999: not found", never
// "article 999999: article 999999: not found".
func TestErrorsNameTheirSubjectOnce(t *testing.T) {
	db := sampleStore(t)
	for _, tc := range []struct {
		args    []string
		subject string
	}{
		{[]string{"show", "999999"}, "article 999999"},
		{[]string{"entities", "999999"}, "article 999999"},
		{[]string{"entities", "Nobody Atall"}, `entity "Nobody Atall"`},
		{[]string{"entities", "Nobody Atall", "--type", "PER"}, `entity "Nobody Atall"`},
		{[]string{"list", "--entity", "Nobody Atall"}, `entity "Nobody Atall"`},
	} {
		_, errs, code := byline(t, db, tc.args...)
		if code != 1 || strings.Count(errs, tc.subject) != 1 || !strings.Contains(errs, "not found") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q named once, not found", tc.args, code, errs, tc.subject)
		}
	}
}

// Counts read as a person would write them.
func TestSummaryPlurals(t *testing.T) {
	for _, tc := range []struct {
		rep  fetchReport
		want string
	}{
		{fetchReport{OK: 1, New: 1}, "1 feed ok, 0 failed; 1 new article"},
		{fetchReport{OK: 0, Failed: 1}, "0 feeds ok, 1 failed; 0 new articles"},
		{fetchReport{OK: 12, Failed: 2, New: 37}, "12 feeds ok, 2 failed; 37 new articles"},
	} {
		if got := tc.rep.Summary(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.rep, got, tc.want)
		}
	}
}

// Help says what the code does: every kind of file import reads, and the
// fetch timeout the flag really defaults to.
func TestHelpMatchesCode(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	out, _ := mustRun(t, db, 0, "import", "--help")
	for _, ext := range []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", "no extension"} {
		if !strings.Contains(out, ext) {
			t.Errorf("import --help does not name %s:\n%s", ext, out)
		}
	}
	out, _ = mustRun(t, db, 0, "fetch", "--help")
	if want := "(" + defaultFetchTimeout.String() + ")"; strings.Count(out, defaultFetchTimeout.String()) < 2 || !strings.Contains(out, want) {
		t.Errorf("fetch --help does not give the %s default in the text and the flag:\n%s", defaultFetchTimeout, out)
	}
}

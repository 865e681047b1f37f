package ui

import (
	"strings"
	"testing"
)

// While one types, the last word is a prefix from its second letter; a
// space or a quote says it is whole.
func TestPrefixQuery(t *testing.T) {
	for _, tt := range []struct{ typed, want string }{
		{"", ""},
		{"a", "a"},
		{"eu", "eu*"},
		{"tax", "tax*"},
		{"elec", "elec*"},
		{"election", "election*"},
		{"the elec", "the elec*"},
		{"election ", "election"},
		{"  gove  ", "gove"},
		{`"central bank"`, `"central bank"`},
		{`"central ba`, `"central ba`},
		{"gove*", "gove*"},
		{"élec", "élec*"},
		{"a-b", "a-b*"},
		{"covid-19", "covid-19*"},
	} {
		if got := prefixQuery(tt.typed); got != tt.want {
			t.Errorf("prefixQuery(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// A search with more hits than it ranks says about how many there are
// until they are counted.
func TestSearchHitsDescribed(t *testing.T) {
	for _, tt := range []struct {
		f    listFilter
		want string
	}{
		{listFilter{search: "gove", hits: 21608, approx: true}, "≈21k hits"},
		{listFilter{search: "gove", hits: 2400, approx: true}, "≈2400 hits"},
		{listFilter{search: "gove", hits: 21608}, "21608 hits"},
		{listFilter{search: "gove", hits: 1}, "1 hit"},
	} {
		if got := tt.f.describe(); !strings.HasPrefix(got, tt.want+" for ") {
			t.Errorf("%+v: %q, want %q", tt.f, got, tt.want)
		}
	}
}

// The reader shows a search of many hits with its exact count once counted.
func TestSearchOfManyHitsCounts(t *testing.T) {
	m := newModel(t, openStore(t, manyArticles(2100)), 160, 45, Options{})
	press(t, m, "/")
	typeText(t, m, "story")
	press(t, m, "enter")
	if m.ListLen() != searchLimit || m.filter.approx || !strings.Contains(status(m), "2100 hits") {
		t.Fatalf("search of 2100 hits: %d rows, approx %v, status %q", m.ListLen(), m.filter.approx, status(m))
	}
}

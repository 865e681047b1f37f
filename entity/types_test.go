package entity

import (
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// TestWorksProductsEvents checks, on sentences written for this test, that
// the embedded model and linker give films, shows, songs, devices, awards
// and tournaments their own types, and bands stay organisations.
func TestWorksProductsEvents(t *testing.T) {
	tests := []struct {
		text string
		name string
		want model.EntityType
	}{
		{"Critics praised Vera Drake, the new film by the director, at a screening on Tuesday.", "Vera Drake", model.WORK},
		{"Repeats of Only Fools and Horses still draw millions of viewers on Christmas Day.", "Only Fools and Horses", model.WORK},
		{"The singer closed the evening with Mr Tambourine Man and two new songs.", "Mr Tambourine Man", model.WORK},
		{"Shoppers queued overnight for the PSP when it went on sale in Tokyo.", "PSP", model.PRODUCT},
		{"The company said it had sold more than two million iPods in the quarter.", "iPods", model.PRODUCT},
		{"The actress was nominated for an Oscar last year and hopes to win this time.", "Academy Awards", model.EVENT},
		{"Ireland will play Scotland in the Six Nations next weekend in Dublin.", "Six Nations", model.EVENT},
		{"Franz Ferdinand played three songs from their new record at the festival.", "Franz Ferdinand", model.ORG},
	}
	x := New()
	for _, tc := range tests {
		a := &model.Article{Paragraphs: []string{tc.text}}
		var got []string
		found := false
		for _, e := range x.Extract(a) {
			got = append(got, string(e.Type)+" "+e.Name)
			if e.Name == tc.name {
				found = true
				if e.Type != tc.want {
					t.Errorf("%q: %s is %s, want %s", tc.text, tc.name, e.Type, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity %q; got %s", tc.text, tc.name, strings.Join(got, ", "))
		}
	}
}

// TestHyphenedAffixes checks that words like "Japan-based" are not names,
// while the name inside them may be.
func TestHyphenedAffixes(t *testing.T) {
	tests := []struct {
		text    string
		notName string           // no entity may be named this
		name    string           // this entity should be found, if not ""
		want    model.EntityType // with this type
	}{
		{"The Japan-based electronics group reported higher profits on Monday.", "Japan-based", "Japan", model.LOC},
		{"The Dutch-born conductor will lead the orchestra next season.", "Dutch-born", "", ""},
		{"A pro-Google lobby group wrote to ministers. Google declined to comment.", "pro-Google", "Google", model.ORG},
	}
	x := New()
	for _, tc := range tests {
		a := &model.Article{Paragraphs: []string{tc.text}}
		var got []string
		found := tc.name == ""
		for _, e := range x.Extract(a) {
			got = append(got, string(e.Type)+" "+e.Name)
			for _, m := range e.Mentions {
				if strings.Contains(m.Text, "-") {
					t.Errorf("%q: mention %q keeps its hyphened affix", tc.text, m.Text)
				}
			}
			if e.Name == tc.notName {
				t.Errorf("%q: %q is an entity (%s)", tc.text, e.Name, e.Type)
			}
			if e.Name == tc.name {
				found = true
				if e.Type != tc.want {
					t.Errorf("%q: %s is %s, want %s", tc.text, e.Name, e.Type, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity %q; got %s", tc.text, tc.name, strings.Join(got, ", "))
		}
	}
}

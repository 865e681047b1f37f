package entity

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// linkCase is one paragraph, the spans a tagger might give it (the n-th
// occurrence of text, with a type) and the entities a reader should see.
type linkCase struct {
	name  string
	para  string
	spans []linkSpan
	want  []string
}

type linkSpan struct {
	text string
	n    int
	typ  model.EntityType
}

// runLinkCases links each case's spans and compares the summaries.
func runLinkCases(t *testing.T, tests []linkCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &model.Article{Paragraphs: []string{tc.para}}
			var spans []Span
			for _, s := range tc.spans {
				spans = append(spans, spanOf(t, a, 0, s.text, s.n, s.typ))
			}
			got := Link(a, spans)
			if !reflect.DeepEqual(summary(got), tc.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(summary(got), "\n  "), strings.Join(tc.want, "\n  "))
			}
			checkEntities(t, a, got)
		})
	}
}

// TestLinkAliasTakesItsType: a name the alias table knows is the place or
// body it names, whatever type the tagger gave it from the words around
// it. Otherwise the store, which keys an entity by name and type, holds a
// LOC, an ORG and a MISC "United States".
func TestLinkAliasTakesItsType(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name:  "US as a modifier is still the place",
			para:  "The US firm said US sales fell in the U.S. and America.",
			spans: []linkSpan{{"US", 1, model.ORG}, {"US", 2, model.MISC}, {"U.S.", 1, model.ORG}, {"America", 1, model.ORG}},
			want:  []string{"LOC United States: US, US, U.S., America"},
		},
		{
			name:  "United Kingdom written out or short",
			para:  "UK shares rose; Britain and the United Kingdom gained.",
			spans: []linkSpan{{"UK", 1, model.MISC}, {"Britain", 1, model.ORG}, {"United Kingdom", 1, model.ORG}},
			want:  []string{"LOC United Kingdom: UK, Britain, United Kingdom"},
		},
		{
			name:  "an acronym of an alias",
			para:  "Great Britain won; GB fans cheered GB.",
			spans: []linkSpan{{"Great Britain", 1, model.ORG}, {"GB", 1, model.ORG}, {"GB", 2, model.ORG}},
			want:  []string{"LOC United Kingdom: Great Britain, GB, GB"},
		},
		{
			name:  "a body's alias is the body",
			para:  "EU rules, said the European Union and Nato.",
			spans: []linkSpan{{"EU", 1, model.MISC}, {"European Union", 1, model.LOC}, {"Nato", 1, model.LOC}},
			want:  []string{"ORG European Union: EU, European Union", "ORG NATO: Nato"},
		},
		{
			name:  "a renamed city is a place",
			para:  "Flights to Kiev and Bombay resumed.",
			spans: []linkSpan{{"Kiev", 1, model.ORG}, {"Bombay", 1, model.MISC}},
			want:  []string{"LOC Kyiv: Kiev", "LOC Mumbai: Bombay"},
		},
	})
}

// TestAliasesHaveTypes: every canonical name of the alias tables has a
// type, so that no alias leaves a mention without one.
func TestAliasesHaveTypes(t *testing.T) {
	for k, a := range lex().aliases {
		if a.typ == "" {
			t.Errorf("alias %q → %q has no type", k, a.name)
		}
	}
}

// TestLinkPersonalTitles: a name right after a personal title, or opening
// with one, is a person's, however the tagger typed it: "Mr Blair" never
// makes a place "Blair", "Mr Ebbers" tagged ORG joins "Bernie Ebbers".
// Titles that also open the names of other things do not count.
func TestLinkPersonalTitles(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name:  "title inside a span of another type",
			para:  "Mr Ebbers denied it. Mr Ebbers left.",
			spans: []linkSpan{{"Mr Ebbers", 1, model.ORG}, {"Mr Ebbers", 2, model.LOC}},
			want:  []string{"PER Ebbers: Ebbers, Ebbers"},
		},
		{
			name:  "a titled mention outvotes the tagger",
			para:  "Mr Blair spoke. Blair left. Blair won.",
			spans: []linkSpan{{"Blair", 1, model.LOC}, {"Blair", 2, model.LOC}, {"Blair", 3, model.LOC}},
			want:  []string{"PER Blair: Blair, Blair, Blair"},
		},
		{
			name:  "a titled surname joins the full name",
			para:  "Bernie Ebbers was charged. Mr Ebbers denied it.",
			spans: []linkSpan{{"Bernie Ebbers", 1, model.PER}, {"Mr Ebbers", 1, model.ORG}},
			want:  []string{"PER Bernie Ebbers: Bernie Ebbers, Ebbers"},
		},
		{
			name:  "offices before the name",
			para:  "Prime Minister Tony Blair met Chancellor Brown and Dr. Smith.",
			spans: []linkSpan{{"Tony Blair", 1, model.LOC}, {"Brown", 1, model.ORG}, {"Smith", 1, model.MISC}},
			want:  []string{"PER Tony Blair: Tony Blair", "PER Brown: Brown", "PER Smith: Smith"},
		},
		{
			name:  "a run of titles",
			para:  "Lord Chancellor Lord Falconer and Sir Menzies Campbell spoke.",
			spans: []linkSpan{{"Lord Chancellor Lord Falconer", 1, model.ORG}, {"Sir Menzies Campbell", 1, model.ORG}},
			want:  []string{"PER Falconer: Falconer", "PER Menzies Campbell: Menzies Campbell"},
		},
		{
			name: "offices and works that open with a title stay what they are",
			para: "The Lord Mayor of London, the Lord Chancellor's Department and Lord of the Rings; General Motors.",
			spans: []linkSpan{{"Lord Mayor of London", 1, model.ORG}, {"Lord Chancellor's Department", 1, model.ORG},
				{"Lord of the Rings", 1, model.MISC}, {"General Motors", 1, model.ORG}},
			want: []string{"ORG Lord Mayor of London: Lord Mayor of London", "ORG Lord Chancellor's Department: Lord Chancellor's Department",
				"MISC Lord of the Rings: Lord of the Rings", "ORG General Motors: General Motors"},
		},
		{
			name:  "words that are not personal titles do not make a person",
			para:  "Former England captain. Senior Tories. General Secretary. NUJ members.",
			spans: []linkSpan{{"England", 1, model.LOC}, {"Tories", 1, model.MISC}, {"NUJ", 1, model.ORG}},
			want:  []string{"LOC England: England", "MISC Tories: Tories", "ORG NUJ: NUJ"},
		},
		{
			name:  "an office of a place is not a title before a name",
			para:  "The Mayor of London said London and London agreed.",
			spans: []linkSpan{{"Mayor of London", 1, model.PER}, {"London", 2, model.LOC}, {"London", 3, model.LOC}},
			want:  []string{"LOC London: London, London, London"},
		},
	})
}

// TestLinkKnownOrganisations: a name the lexicon lists as an organisation
// is never a person or a place, whatever a tagger made of "Sony said" or
// "in Nokia"; a person who shares the name keeps it.
func TestLinkKnownOrganisations(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name:  "said makes a company look like a person",
			para:  "Sony said sales rose. Sony expects more.",
			spans: []linkSpan{{"Sony", 1, model.PER}, {"Sony", 2, model.PER}},
			want:  []string{"ORG Sony: Sony, Sony"},
		},
		{
			name:  "in makes a company look like a place",
			para:  "Jobs were cut in Nokia and at Google.",
			spans: []linkSpan{{"Nokia", 1, model.LOC}, {"Google", 1, model.PER}},
			want:  []string{"ORG Nokia: Nokia", "ORG Google: Google"},
		},
		{
			name:  "a person of that name",
			para:  "Fiona Apple sang. Apple smiled.",
			spans: []linkSpan{{"Fiona Apple", 1, model.PER}, {"Apple", 2, model.PER}},
			want:  []string{"PER Fiona Apple: Fiona Apple, Apple"},
		},
		{
			name:  "members of a party stay MISC",
			para:  "The Tories said so.",
			spans: []linkSpan{{"Tories", 1, model.MISC}},
			want:  []string{"MISC Tories: Tories"},
		},
	})
}

// TestLinkEverydayAbbreviations: "PC", "TV" and "GMT" are words, not names;
// they are dropped, and do not join a name whose initials they spell.
func TestLinkEverydayAbbreviations(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name:  "alone",
			para:  "PC sales beat TV sales at 1200 GMT; PCs and DVDs too.",
			spans: []linkSpan{{"PC", 1, model.ORG}, {"TV", 1, model.ORG}, {"GMT", 1, model.MISC}, {"PCs", 1, model.MISC}, {"DVDs", 1, model.MISC}},
			want:  nil,
		},
		{
			name:  "not an acronym of a name",
			para:  "Print Culture said PC games sell.",
			spans: []linkSpan{{"Print Culture", 1, model.ORG}, {"PC", 1, model.ORG}},
			want:  []string{"ORG Print Culture: Print Culture"},
		},
		{
			name:  "inside a name they stay",
			para:  "PC World and PC Pro, the ICC and MTV.",
			spans: []linkSpan{{"PC World", 1, model.ORG}, {"PC Pro", 1, model.ORG}, {"ICC", 1, model.ORG}, {"MTV", 1, model.ORG}},
			want:  []string{"ORG PC World: PC World", "ORG PC Pro: PC Pro", "ORG ICC: ICC", "ORG MTV: MTV"},
		},
	})
}

// TestLinkBodyAliases: the short and long names of a party or a house of
// parliament are one entity, an organisation.
func TestLinkBodyAliases(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name: "Liberal Democrats",
			para: "The Liberal Democrats said Lib Dem leader Charles Kennedy and Liberal Democrat MPs back the Lib Dems.",
			spans: []linkSpan{{"Liberal Democrats", 1, model.ORG}, {"Lib Dem", 1, model.ORG}, {"Charles Kennedy", 1, model.PER},
				{"Liberal Democrat", 2, model.MISC}, {"Lib Dems", 1, model.ORG}},
			want: []string{"ORG Liberal Democrats: Liberal Democrats, Lib Dem, Liberal Democrat, Lib Dems", "PER Charles Kennedy: Charles Kennedy"},
		},
		{
			name:  "Labour",
			para:  "The Labour Party met; Labour won.",
			spans: []linkSpan{{"Labour Party", 1, model.ORG}, {"Labour", 2, model.ORG}},
			want:  []string{"ORG Labour: Labour Party, Labour"},
		},
		{
			name:  "the houses of parliament",
			para:  "The Commons voted; the House of Commons and the Lords agreed.",
			spans: []linkSpan{{"Commons", 1, model.MISC}, {"House of Commons", 1, model.ORG}, {"Lords", 1, model.MISC}},
			want:  []string{"ORG House of Commons: Commons, House of Commons", "ORG House of Lords: Lords"},
		},
		{
			name:  "Conservatives are left as tagged",
			para:  "The Tories and the Conservative Party.",
			spans: []linkSpan{{"Tories", 1, model.MISC}, {"Conservative Party", 1, model.ORG}},
			want:  []string{"MISC Tories: Tories", "ORG Conservative Party: Conservative Party"},
		},
	})
}

// TestBBCLinking runs the extractor over BBC articles where the linker
// used to split or mistype an entity, and checks what the sidebar shows.
func TestBBCLinking(t *testing.T) {
	tests := []struct {
		file  string
		want  []string // "TYPE Name" entities that must be there
		wrong []string // names that must not be there at all
	}{
		{"business/446.txt", []string{"LOC United States"}, nil}, // "US firm" tagged ORG
		{"business/442.txt", []string{"LOC United States"}, nil}, // "US" tagged MISC
		{"business/246.txt", []string{"PER Bernie Ebbers"}, []string{"Mr Ebbers", "Ebbers"}},
		{"business/229.txt", []string{"PER Malcolm Glazer"}, []string{"Mr Glazer", "Glazer"}},
		{"politics/257.txt", []string{"PER Gordon Brown"}, []string{"Mr Brown", "Brown"}},
		{"tech/111.txt", []string{"ORG Sony"}, nil},
		{"tech/301.txt", nil, []string{"PC", "PCs"}},
		{"politics/213.txt", []string{"ORG Liberal Democrats"}, []string{"Lib Dems", "Lib Dem", "Liberal Democrat"}},
		{"politics/328.txt", []string{"ORG House of Commons"}, []string{"Commons"}},
	}
	ex := New()
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a := readArticle(t, filepath.Join(bbcDir, tc.file))
			ents := ex.Extract(&a)
			checkEntities(t, &a, ents)
			types := map[string][]model.EntityType{}
			for _, e := range ents {
				types[e.Name] = append(types[e.Name], e.Type)
			}
			for _, w := range tc.want {
				typ, name, _ := strings.Cut(w, " ")
				if got := types[name]; !reflect.DeepEqual(got, []model.EntityType{model.EntityType(typ)}) {
					t.Errorf("%s: %q is %v, want one %s (all: %v)", tc.file, name, got, typ, summary(ents))
				}
			}
			for _, name := range tc.wrong {
				if got, ok := types[name]; ok {
					t.Errorf("%s: entity %q %v should not be there", tc.file, name, got)
				}
			}
		})
	}
}

// TestLinkPlaceCues: a name after "the city of", "the cities of … and",
// "the Thai island of" is a place, however the tagger read an unfamiliar
// name; "a city of Italian immigrants" names no city, and a body whose
// name holds the phrase keeps its type.
func TestLinkPlaceCues(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name:  "the cities of X and Y",
			para:  "Trains run between the cities of Westmarch and Pellbrook. Westmarch voted.",
			spans: []linkSpan{{"Westmarch", 1, model.MISC}, {"Pellbrook", 1, model.ORG}, {"Westmarch", 2, model.MISC}},
			want:  []string{"LOC Westmarch: Westmarch, Westmarch", "LOC Pellbrook: Pellbrook"},
		},
		{
			name:  "an adjective between",
			para:  "He was holidaying on the Thai island of Koh Phi Phi.",
			spans: []linkSpan{{"Koh Phi Phi", 1, model.ORG}},
			want:  []string{"LOC Koh Phi Phi: Koh Phi Phi"},
		},
		{
			name:  "a city of, not the city of",
			para:  "It was a city of Italian immigrants.",
			spans: []linkSpan{{"Italian", 1, model.MISC}},
			want:  []string{"MISC Italian: Italian"},
		},
		{
			name:  "the phrase inside a body's name",
			para:  "The City of London Corporation said so.",
			spans: []linkSpan{{"City of London Corporation", 1, model.ORG}},
			want:  []string{"ORG City of London Corporation: City of London Corporation"},
		},
		{
			name:  "a title still wins",
			para:  "The mayor of the city of Mr Hanau is a man.",
			spans: []linkSpan{{"Hanau", 1, model.LOC}},
			want:  []string{"PER Hanau: Hanau"},
		},
	})
}

// TestLinkInitialsWithoutDots: one person is one entity whether a paper
// writes "George W. Bush" or "George W Bush"; only people's names change.
func TestLinkInitialsWithoutDots(t *testing.T) {
	runLinkCases(t, []linkCase{
		{
			name:  "a middle initial",
			para:  "George W. Bush spoke. Bush left.",
			spans: []linkSpan{{"George W. Bush", 1, model.PER}, {"Bush", 2, model.PER}},
			want:  []string{"PER George W Bush: George W. Bush, Bush"},
		},
		{
			name:  "initials in a row",
			para:  "J.K. Rowling wrote it.",
			spans: []linkSpan{{"J.K. Rowling", 1, model.PER}},
			want:  []string{"PER JK Rowling: J.K. Rowling"},
		},
		{
			name:  "not a person",
			para:  "The U.S. Army and J.P. Morgan Chase said so.",
			spans: []linkSpan{{"U.S. Army", 1, model.ORG}, {"J.P. Morgan Chase", 1, model.ORG}},
			want:  []string{"ORG U.S. Army: U.S. Army", "ORG J.P. Morgan Chase: J.P. Morgan Chase"},
		},
	})
}

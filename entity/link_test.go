package entity

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// spanOf returns a body span over the n-th occurrence (from 1) of text in
// paragraph p.
func spanOf(t *testing.T, a *model.Article, p int, text string, n int, typ model.EntityType) Span {
	t.Helper()
	para := a.Paragraphs[p]
	off := 0
	for i := 0; i < n; i++ {
		j := strings.Index(para[off:], text)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times in paragraph %d", text, n, p)
		}
		off += j
		if i < n-1 {
			off += len(text)
		}
	}
	return Span{Field: model.FieldBody, Paragraph: p, Start: off, End: off + len(text), Type: typ}
}

// summary renders entities as "TYPE Name: mention, mention" lines.
func summary(ents []model.Entity) []string {
	var out []string
	for _, e := range ents {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text)
		}
		out = append(out, string(e.Type)+" "+e.Name+": "+strings.Join(ms, ", "))
	}
	return out
}

func TestLink(t *testing.T) {
	type sp = linkSpan
	runLinkCases(t, []linkCase{
		{
			name:  "acronym after its expansion",
			para:  "The International Criminal Court issued a warrant. The ICC said so.",
			spans: []sp{{"International Criminal Court", 1, model.ORG}, {"ICC", 1, model.ORG}},
			want:  []string{"ORG International Criminal Court: International Criminal Court, ICC"},
		},
		{
			name:  "an acronym spells the parts of a hyphenated word",
			para:  "The National Hi-Tech Crime Unit made arrests. The NHTCU said so.",
			spans: []sp{{"National Hi-Tech Crime Unit", 1, model.ORG}, {"NHTCU", 1, model.ORG}},
			want:  []string{"ORG National Hi-Tech Crime Unit: National Hi-Tech Crime Unit, NHTCU"},
		},
		{
			name: "a body named with and without its country",
			para: "The US Department of Justice charged him. The Department of Justice said the US Federal Communications Commission agreed.",
			spans: []sp{{"US Department of Justice", 1, model.ORG}, {"Department of Justice", 2, model.ORG},
				{"US Federal Communications Commission", 1, model.ORG}},
			want: []string{"ORG US Department of Justice: US Department of Justice, Department of Justice",
				"ORG US Federal Communications Commission: US Federal Communications Commission"},
		},
		{
			name:  "a product's last word, read as a product, is that product",
			para:  "Windows XP users should update; XP is the most used.",
			spans: []sp{{"Windows XP", 1, model.PRODUCT}, {"XP", 2, model.PRODUCT}},
			want:  []string{"PRODUCT Windows XP: Windows XP, XP"},
		},
		{
			name: "a name closed up is the name in words",
			para: "Time Warner said profits rose. TimeWarner also owns AOL, and TimeWarner shares fell. EasyJet and Easy Jet; Sky and SkyNet.",
			spans: []sp{{"Time Warner", 1, model.PER}, {"TimeWarner", 1, model.ORG}, {"TimeWarner", 2, model.ORG},
				{"EasyJet", 1, model.ORG}, {"Easy Jet", 1, model.ORG}, {"Sky", 1, model.ORG}, {"SkyNet", 1, model.PRODUCT}},
			want: []string{
				"ORG Time Warner: Time Warner, TimeWarner, TimeWarner",
				"ORG Easy Jet: EasyJet, Easy Jet",
				"ORG Sky: Sky",
				"PRODUCT SkyNet: SkyNet",
			},
		},
		{
			name:  "a place written in one word is not two words of something else",
			para:  "Newcastle beat Everton. The New Castle county council met. Hollywood stars watched Holly Wood win.",
			spans: []sp{{"Newcastle", 1, model.ORG}, {"Everton", 1, model.ORG}, {"New Castle", 1, model.LOC}, {"Hollywood", 1, model.LOC}, {"Holly Wood", 1, model.PER}},
			want:  []string{"ORG Newcastle: Newcastle", "ORG Everton: Everton", "LOC New Castle: New Castle", "LOC Hollywood: Hollywood", "PER Holly Wood: Holly Wood"},
		},
		{
			name: "a product's own name alone is the product its maker's name opens",
			para: "Google released Google Chrome. Chrome is fast, Sony said. Acme said Microsoft Windows and Acme Windows differ; Windows crashed. The Journal of Wall Street Journal.",
			spans: []sp{{"Google", 1, model.ORG}, {"Google Chrome", 1, model.PRODUCT}, {"Chrome", 2, model.WORK}, {"Sony", 1, model.ORG},
				{"Microsoft Windows", 1, model.PRODUCT}, {"Acme", 1, model.ORG}, {"Acme Windows", 1, model.PRODUCT}, {"Windows", 3, model.PRODUCT},
				{"Journal", 1, model.ORG}, {"Wall Street Journal", 1, model.ORG}},
			want: []string{
				"ORG Google: Google",
				"PRODUCT Google Chrome: Google Chrome, Chrome",
				"ORG Sony: Sony",
				"ORG Acme: Acme",
				"PRODUCT Microsoft Windows: Microsoft Windows",
				"PRODUCT Acme Windows: Acme Windows",
				"PRODUCT Windows: Windows",
				"ORG Journal: Journal",
				"ORG Wall Street Journal: Wall Street Journal",
			},
		},
		{
			name:  "a bare word that also ends a name of another kind stays apart",
			para:  "Samsung said Samsung Galaxy phones sold. LA Galaxy lost; the Galaxy coach said so.",
			spans: []sp{{"Samsung", 1, model.ORG}, {"Samsung Galaxy", 1, model.PRODUCT}, {"LA Galaxy", 1, model.ORG}, {"Galaxy", 3, model.ORG}},
			want:  []string{"ORG Samsung: Samsung", "PRODUCT Samsung Galaxy: Samsung Galaxy", "ORG LA Galaxy: LA Galaxy", "ORG Galaxy: Galaxy"},
		},
		{
			name:  "an acronym with a digit in it",
			para:  "The Movimento 5 Stelle won. The M5S party leads; 3M and G8 are not its acronyms.",
			spans: []sp{{"Movimento 5 Stelle", 1, model.ORG}, {"M5S", 1, model.ORG}, {"3M", 1, model.ORG}, {"G8", 1, model.MISC}},
			want:  []string{"ORG Movimento 5 Stelle: Movimento 5 Stelle, M5S", "ORG 3M: 3M", "MISC G8: G8"},
		},
		{
			name:  "acronym before its expansion",
			para:  "The ICC, or International Criminal Court, sits in The Hague.",
			spans: []sp{{"ICC", 1, model.ORG}, {"International Criminal Court", 1, model.ORG}},
			want:  []string{"ORG International Criminal Court: ICC, International Criminal Court"},
		},
		{
			name: "place aliases",
			para: "The US and the U.S. and America and the United States; Britain, the UK and the United Kingdom; the EU.",
			spans: []sp{{"US", 1, model.LOC}, {"U.S.", 1, model.LOC}, {"America", 1, model.LOC}, {"United States", 1, model.LOC},
				{"Britain", 1, model.LOC}, {"UK", 1, model.LOC}, {"United Kingdom", 1, model.LOC}, {"EU", 1, model.ORG}},
			want: []string{
				"LOC United States: US, U.S., America, United States",
				"LOC United Kingdom: Britain, UK, United Kingdom",
				"ORG European Union: EU",
			},
		},
		{
			name:  "surname and given name link to the full name",
			para:  "Vladimir Putin met Xi. Putin smiled. Vladimir left.",
			spans: []sp{{"Vladimir Putin", 1, model.PER}, {"Xi", 1, model.PER}, {"Putin", 2, model.PER}, {"Vladimir", 2, model.PER}},
			want:  []string{"PER Vladimir Putin: Vladimir Putin, Putin, Vladimir", "PER Xi: Xi"},
		},
		{
			name:  "surname before the full name",
			para:  "Kirby spoke. Later John Kirby spoke again.",
			spans: []sp{{"Kirby", 1, model.PER}, {"John Kirby", 1, model.PER}},
			want:  []string{"PER John Kirby: Kirby, John Kirby"},
		},
		{
			name: "a shared surname goes to the nearest earlier full name",
			para: "Gordon Brown met Dan Brown. Brown wrote a book. Gordon Brown left; Brown stayed.",
			spans: []sp{{"Gordon Brown", 1, model.PER}, {"Dan Brown", 1, model.PER}, {"Brown", 3, model.PER},
				{"Gordon Brown", 2, model.PER}, {"Brown", 5, model.PER}},
			want: []string{"PER Gordon Brown: Gordon Brown, Gordon Brown, Brown", "PER Dan Brown: Dan Brown, Brown"},
		},
		{
			name:  "shorter forms of a long name",
			para:  "George W. Bush and George Bush; Hans Christian Andersen and Christian Andersen.",
			spans: []sp{{"George W. Bush", 1, model.PER}, {"George Bush", 1, model.PER}, {"Hans Christian Andersen", 1, model.PER}, {"Christian Andersen", 2, model.PER}},
			want:  []string{"PER George W Bush: George W. Bush, George Bush", "PER Hans Christian Andersen: Hans Christian Andersen, Christian Andersen"},
		},
		{
			name: "an initial and surname join the one full name they fit",
			para: "Kevin Morgan and Simon Easterby scored. Wales: K Morgan, G Easterby, S. Easterby, P Jones.",
			spans: []sp{{"Kevin Morgan", 1, model.PER}, {"Simon Easterby", 1, model.PER}, {"K Morgan", 1, model.PER},
				{"G Easterby", 1, model.PER}, {"S. Easterby", 1, model.PER}, {"P Jones", 1, model.PER}},
			want: []string{"PER Kevin Morgan: Kevin Morgan, K Morgan", "PER Simon Easterby: Simon Easterby, S. Easterby",
				"PER G Easterby: G Easterby", "PER P Jones: P Jones"},
		},
		{
			name:  "an initial and surname the tagger took for an organisation",
			para:  "David Humphreys kicked. Ulster: D Humphreys.",
			spans: []sp{{"David Humphreys", 1, model.PER}, {"D Humphreys", 1, model.ORG}},
			want:  []string{"PER David Humphreys: David Humphreys, D Humphreys"},
		},
		{
			name:  "an initial joins only a full name of first name and that surname",
			para:  "Chris Rhys Jones starts. Replacements: Rhys Jones, C Jones.",
			spans: []sp{{"Chris Rhys Jones", 1, model.PER}, {"Rhys Jones", 2, model.PER}, {"C Jones", 1, model.PER}},
			want:  []string{"PER Chris Rhys Jones: Chris Rhys Jones, Rhys Jones", "PER C Jones: C Jones"},
		},
		{
			name:  "an initial that fits two full names joins neither",
			para:  "Stephen Jones and Shane Jones played. Wales: S Jones.",
			spans: []sp{{"Stephen Jones", 1, model.PER}, {"Shane Jones", 1, model.PER}, {"S Jones", 1, model.PER}},
			want:  []string{"PER Stephen Jones: Stephen Jones", "PER Shane Jones: Shane Jones", "PER S Jones: S Jones"},
		},
		{
			name:  "a surname joins a full name the tagger did not take for a person",
			para:  "Katharine Hepburn starred. Hepburn won four Oscars.",
			spans: []sp{{"Katharine Hepburn", 1, model.LOC}, {"Hepburn", 2, model.PER}},
			want:  []string{"LOC Katharine Hepburn: Katharine Hepburn, Hepburn"},
		},
		{
			name:  "a person of that surname comes first",
			para:  "Mittal Steel grew. David Steel spoke. Steel said no.",
			spans: []sp{{"Mittal Steel", 1, model.ORG}, {"David Steel", 1, model.PER}, {"Steel", 3, model.PER}},
			want:  []string{"ORG Mittal Steel: Mittal Steel", "PER David Steel: David Steel, Steel"},
		},
		{
			name:  "a surname that ends two names of other types joins neither",
			para:  "Mittal Steel and British Steel merged. Steel said no.",
			spans: []sp{{"Mittal Steel", 1, model.ORG}, {"British Steel", 1, model.ORG}, {"Steel", 3, model.PER}},
			want:  []string{"ORG Mittal Steel: Mittal Steel", "ORG British Steel: British Steel", "PER Steel: Steel"},
		},
		{
			name: "a surname tagged as a place that is no known place joins the one person it fits",
			para: "Duncan Bell is fit. Bell scored, Bell ran and Bell won. Tom Rees and David Rees played; Rees was hurt.",
			spans: []sp{{"Duncan Bell", 1, model.PER}, {"Bell", 2, model.LOC}, {"Bell", 3, model.PER}, {"Bell", 4, model.LOC},
				{"Tom Rees", 1, model.PER}, {"David Rees", 1, model.PER}, {"Rees", 3, model.LOC}},
			want: []string{"PER Duncan Bell: Duncan Bell, Bell, Bell, Bell", "PER Tom Rees: Tom Rees", "PER David Rees: David Rees", "LOC Rees: Rees"},
		},
		{
			name:  "a surname tagged as a place does not join a person",
			para:  "Denzel Washington flew to Washington.",
			spans: []sp{{"Denzel Washington", 1, model.PER}, {"Washington", 2, model.LOC}},
			want:  []string{"PER Denzel Washington: Denzel Washington", "LOC Washington: Washington"},
		},
		{
			name:  "majority type",
			para:  "Jordan won. Jordan lost. Jordan drew.",
			spans: []sp{{"Jordan", 1, model.LOC}, {"Jordan", 2, model.PER}, {"Jordan", 3, model.LOC}},
			want:  []string{"LOC Jordan: Jordan, Jordan, Jordan"},
		},
		{
			name:  "a tie goes to the longest mention",
			para:  "The US and the United States.",
			spans: []sp{{"US", 1, model.ORG}, {"United States", 1, model.LOC}},
			want:  []string{"LOC United States: US, United States"},
		},
		{
			name:  "titles, possessives and punctuation are trimmed",
			para:  "President Xi's visit; \"Xi’s\" plan; (Xi Jinping) and Mr. Smith and US Secretary of State Antony Blinken.",
			spans: []sp{{"President Xi's", 1, model.PER}, {"\"Xi’s\"", 1, model.PER}, {"(Xi Jinping)", 1, model.PER}, {"Mr. Smith", 1, model.PER}, {"US Secretary of State Antony Blinken", 1, model.PER}},
			want:  []string{"PER Xi Jinping: Xi, Xi, Xi Jinping", "PER Smith: Smith", "PER Antony Blinken: Antony Blinken"},
		},
		{
			name:  "the leading article is not part of the name",
			para:  "The White House and the Kremlin.",
			spans: []sp{{"The White House", 1, model.ORG}, {"the Kremlin", 1, model.ORG}},
			want:  []string{"ORG White House: White House", "ORG Kremlin: Kremlin"},
		},
		{
			name:  "overlapping spans keep the first and longest",
			para:  "Bank of England rates.",
			spans: []sp{{"England", 1, model.LOC}, {"Bank of England", 1, model.ORG}, {"Bank", 1, model.ORG}},
			want:  []string{"ORG Bank of England: Bank of England"},
		},
	})
}

// TestLinkDropsBadSpans: spans outside the field, empty, reversed or
// splitting a character are dropped, never a panic or a wrong slice.
func TestLinkDropsBadSpans(t *testing.T) {
	// (The body names Xi too, so the headline's first word is a name.)
	a := &model.Article{Title: "Xi in Pékin", Paragraphs: []string{"Putin met Xi"}}
	spans := []Span{
		{Field: model.FieldTitle, Start: 0, End: 2, Type: model.PER},
		{Field: model.FieldTitle, Start: -1, End: 2, Type: model.PER},
		{Field: model.FieldTitle, Start: 6, End: 8, Type: model.LOC},  // ends inside "é"
		{Field: model.FieldTitle, Start: 8, End: 10, Type: model.LOC}, // starts inside "é"
		{Field: model.FieldTitle, Start: 6, End: 100, Type: model.LOC},
		{Field: model.FieldTitle, Start: 3, End: 3, Type: model.LOC},
		{Field: model.FieldTitle, Start: 5, End: 2, Type: model.LOC},
		{Field: model.FieldBody, Paragraph: 3, Start: 0, End: 5, Type: model.PER},
		{Field: model.FieldCaption, Start: 0, End: 1, Type: model.PER},
		{Field: "footer", Start: 0, End: 1, Type: model.PER},
		{Field: model.FieldTitle, Start: 2, End: 3, Type: model.LOC}, // just a space
	}
	got := Link(a, spans)
	if want := []string{"PER Xi: Xi"}; !reflect.DeepEqual(summary(got), want) {
		t.Errorf("got %v, want %v", summary(got), want)
	}
}

// TestLinkDeterministic: the same spans in any order give the same result.
func TestLinkDeterministic(t *testing.T) {
	a := &model.Article{Title: "Putin meets Xi", Paragraphs: []string{"Vladimir Putin and Xi Jinping met in Moscow. The US and America watched."}}
	spans := NewRuleTagger().Tag(a)
	first := Link(a, spans)
	for i := 0; i < 20; i++ {
		shuffled := append([]Span(nil), spans...)
		for j := range shuffled {
			k := (j*7 + i) % len(shuffled)
			shuffled[j], shuffled[k] = shuffled[k], shuffled[j]
		}
		if got := Link(a, shuffled); !reflect.DeepEqual(got, first) {
			t.Fatalf("order %d: got %v, want %v", i, summary(got), summary(first))
		}
	}
}

// TestUnicodeOffsets: names next to CJK text, emoji and accents keep exact
// byte offsets.
func TestUnicodeOffsets(t *testing.T) {
	a := &model.Article{
		Title:   "😀Vladimir Putin meets 习近平 in Moscow🇷🇺",
		Caption: "Émilie Dupont greets José Álvarez in São Paulo",
		Paragraphs: []string{
			"习近平 (Xi Jinping) met Putin👍 in Beijing. Putin’s aides smiled 🙂.",
			"In Zürich, Ångela Merkel… no: Angela Merkel met Emmanuel Macron 🇫🇷 in Paris.",
		},
	}
	ents := New().Extract(a)
	checkEntities(t, a, ents)
	names := map[string]int{}
	for _, e := range ents {
		names[e.Name] = len(e.Mentions)
	}
	for name, n := range map[string]int{"Vladimir Putin": 3, "Moscow": 1, "Xi Jinping": 1, "Beijing": 1, "São Paulo": 1, "Angela Merkel": 1, "Emmanuel Macron": 1, "Paris": 1} {
		if names[name] != n {
			t.Errorf("%q: %d mentions, want %d (all: %v)", name, names[name], n, summary(ents))
		}
	}

	// Spans the linker gets from another tagger: over CJK, next to emoji.
	spans := []Span{
		{Field: model.FieldTitle, Start: strings.Index(a.Title, "习近平"), End: strings.Index(a.Title, "习近平") + len("习近平"), Type: model.PER},
		{Field: model.FieldTitle, Start: 0, End: strings.Index(a.Title, " meets"), Type: model.PER},                                                         // "😀Vladimir Putin"
		{Field: model.FieldBody, Paragraph: 0, Start: strings.Index(a.Paragraphs[0], "Putin"), End: strings.Index(a.Paragraphs[0], " in"), Type: model.PER}, // "Putin👍"
	}
	got := summary(Link(a, spans))
	want := []string{"PER Vladimir Putin: Vladimir Putin, Putin", "PER 习近平: 习近平"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A headline's first word is capitalised whatever it is: alone, and named
// nowhere else in the article, it is not a name, unless it is one the
// lexicon knows, an acronym or a compound.
func TestLinkHeadlineOpeners(t *testing.T) {
	for _, tc := range []struct {
		title, body string
		typ         model.EntityType
		kept        bool
	}{
		{"Survey confirms property slowdown", "House prices fell, a survey of estate agents said.", model.PER, false},
		{"Economy 'strong' in election year", "Growth was 3%, the Treasury said.", model.ORG, false},
		{"Yukos unit buyer faces loan claim", "The owners of Yukos said the claim was unfair.", model.ORG, true},
		{"Brussels raps mobile call charges", "The European Commission said charges were too high.", model.LOC, true},
		{"GSK aims to stop Aids profiteers", "The drug maker said it would act.", model.ORG, true},
		{"Turkey-Iran mobile deal 'at risk'", "The deal may fail.", model.MISC, true},
	} {
		t.Run(tc.title, func(t *testing.T) {
			a := &model.Article{Title: tc.title, Paragraphs: []string{tc.body}}
			word := strings.Fields(tc.title)[0]
			span := Span{Field: model.FieldTitle, Start: 0, End: len(word), Type: tc.typ}
			got := Link(a, []Span{span})
			if kept := len(got) == 1; kept != tc.kept {
				t.Errorf("%q: kept %v (%v), want %v", word, kept, summary(got), tc.kept)
			}
		})
	}
}

// The words around a name that a tagger's span took with it are not the
// name: an adjective made with a hyphen before it, words in lower case
// before or after it, a reporting verb opening a sentence, a police rank.
func TestLinkTrimsWordsAroundNames(t *testing.T) {
	type sp = linkSpan
	runLinkCases(t, []linkCase{
		{
			name: "affixed adjective and lower-case tails",
			para: "US-based Amazon sold more. The iPod customers were happy, said the BitTorrent system maker.",
			spans: []sp{{"US-based Amazon", 1, model.ORG}, {"iPod customers", 1, model.PRODUCT},
				{"BitTorrent system", 1, model.PRODUCT}},
			want: []string{"ORG Amazon: Amazon", "PRODUCT iPod: iPod", "PRODUCT BitTorrent: BitTorrent"},
		},
		{
			name: "lower-case heads, but a surname's particle stays",
			para: "The compilation Lipstick Traces sold. Dominique de Villepin spoke, as did de Villepin.",
			spans: []sp{{"compilation Lipstick Traces", 1, model.WORK}, {"Dominique de Villepin", 1, model.PER},
				{"de Villepin", 2, model.PER}},
			want: []string{"WORK Lipstick Traces: Lipstick Traces", "PER Dominique de Villepin: Dominique de Villepin, de Villepin"},
		},
		{
			name:  "a member's title after a party",
			para:  "Conservative MP Tim Yeo spoke, as did Labour MEPs.",
			spans: []sp{{"Conservative MP", 1, model.ORG}, {"Tim Yeo", 1, model.PER}, {"Labour MEPs", 1, model.ORG}},
			want:  []string{"ORG Conservative: Conservative", "PER Tim Yeo: Tim Yeo", "ORG Labour: Labour"},
		},
		{
			name:  "a channel's number and an owner before a person",
			para:  "He told BBC Radio 4 that Britain's Paula Radcliffe would run; Radio 5 Live agreed.",
			spans: []sp{{"BBC Radio", 1, model.ORG}, {"Britain's Paula Radcliffe", 1, model.PER}, {"Radio", 2, model.ORG}},
			want:  []string{"ORG BBC Radio 4: BBC Radio 4", "PER Paula Radcliffe: Paula Radcliffe", "ORG Radio 5: Radio 5"},
		},
		{
			name:  "a name all in lower case is left whole",
			para:  "He won a lifetime achievement award.",
			spans: []sp{{"lifetime achievement", 1, model.EVENT}},
			want:  []string{"EVENT lifetime achievement: lifetime achievement"},
		},
		{
			name:  "reporting verb and rank",
			para:  "Said Mr Fogg: no. Det Supt Mick Deats agreed, and Supt Deats said so.",
			spans: []sp{{"Said Mr Fogg", 1, model.PER}, {"Mick Deats", 1, model.PER}, {"Supt Deats", 1, model.PER}},
			want:  []string{"PER Fogg: Fogg", "PER Mick Deats: Mick Deats, Deats"},
		},
	})
}

// A descriptor right before a name says what the article calls it, and
// that types every mention of the name in the article: "the stalker drama
// Enduring Love" is a film, "anti-virus firm Sophos" a company, whatever
// the tagger read. A person's full name after "developer" stays a person.
func TestLinkDescriptorBeforeAName(t *testing.T) {
	type sp = linkSpan
	runLinkCases(t, []linkCase{
		{
			name:  "work",
			para:  "Craig starred in the stalker drama Enduring Love. Enduring Love opens on Friday.",
			spans: []sp{{"Enduring Love", 1, model.ORG}, {"Enduring Love", 2, model.PER}},
			want:  []string{"WORK Enduring Love: Enduring Love, Enduring Love"},
		},
		{
			name:  "organisation",
			para:  "Sophos warned of a virus, said anti-virus firm Sophos, as did games developer Peter Molyneux.",
			spans: []sp{{"Sophos", 1, model.PER}, {"Sophos", 2, model.PER}, {"Peter Molyneux", 1, model.PER}},
			want:  []string{"ORG Sophos: Sophos, Sophos", "PER Peter Molyneux: Peter Molyneux"},
		},
		{
			name:  "a descriptor before such as",
			para:  "He starred in films such as Saw.",
			spans: []sp{{"Saw", 1, model.ORG}},
			want:  []string{"WORK Saw: Saw"},
		},
		{
			name:  "a named law",
			para:  "The Terrorism Act 2000 and the Road Safety Bill were debated; Bill Clinton spoke.",
			spans: []sp{{"Terrorism Act 2000", 1, model.EVENT}, {"Road Safety Bill", 1, model.ORG}, {"Bill Clinton", 1, model.PER}},
			want:  []string{"MISC Terrorism Act 2000: Terrorism Act 2000", "MISC Road Safety Bill: Road Safety Bill", "PER Bill Clinton: Bill Clinton"},
		},
		{
			name:  "the Act is the article's one act",
			para:  "The Sarbanes-Oxley Act is strict. Firms say the Act costs too much.",
			spans: []sp{{"Sarbanes-Oxley Act", 1, model.ORG}, {"Act", 2, model.ORG}},
			want:  []string{"MISC Sarbanes-Oxley Act: Sarbanes-Oxley Act, Act"},
		},
		{
			name:  "a prince and a place named after one",
			para:  "Prince William joined Sandhurst; Prince Edward Island is far away.",
			spans: []sp{{"Prince William", 1, model.LOC}, {"Prince Edward Island", 1, model.LOC}},
			want:  []string{"PER Prince William: Prince William", "LOC Prince Edward Island: Prince Edward Island"},
		},
		{
			name: "a plural and its singular",
			para: "The Italians won; an Italian spoke. Williams met William. Democrats and a Democrat.",
			spans: []sp{{"Italians", 1, model.MISC}, {"Italian", 2, model.MISC}, {"Williams", 1, model.PER}, {"William", 2, model.PER},
				{"Democrats", 1, model.MISC}, {"Democrat", 2, model.MISC}},
			want: []string{"MISC Italian: Italians, Italian", "PER Williams: Williams", "PER William: William",
				"MISC Democrats: Democrats", "MISC Democrat: Democrat"},
		},
		{
			name:  "a contest",
			para:  "She won the London Marathon and the Qatar Open before the Scottish Cup final; the Arab League met.",
			spans: []sp{{"London Marathon", 1, model.LOC}, {"Qatar Open", 1, model.PRODUCT}, {"Scottish Cup", 1, model.MISC}, {"Arab League", 1, model.ORG}},
			want:  []string{"EVENT London Marathon: London Marathon", "EVENT Qatar Open: Qatar Open", "EVENT Scottish Cup: Scottish Cup", "ORG Arab League: Arab League"},
		},
		{
			name:  "a verb or a singular analyst is no descriptor",
			para:  "Chelsea will play Arsenal, said analyst Smith.",
			spans: []sp{{"Arsenal", 1, model.ORG}, {"Smith", 1, model.PER}},
			want:  []string{"ORG Arsenal: Arsenal", "PER Smith: Smith"},
		},
	})
}

// A match report's team sheets are lists of players, whatever a tagger
// read the bare surnames as; a club in brackets stays a club.
func TestLinkTeamSheets(t *testing.T) {
	a := &model.Article{Title: "Chelsea 0-0 Man City", Paragraphs: []string{
		"Chelsea were held by Manchester City.",
		"Cech, Paulo Ferreira, Gallas, Terry, Bridge, Jarosik (Tiago 56), Lampard, Makelele, Duff.",
		"Subs Not Used: Macken, Weaver, Onuoha, Jordan.",
		"Makelele, Gudjohnsen 58.",
		"Replacements: William Servat (Stade Toulousain), Olivier Milloud (Bourgoin).",
	}}
	spans := []Span{
		spanOf(t, a, 0, "Chelsea", 1, model.ORG),
		spanOf(t, a, 1, "Bridge", 1, model.LOC), spanOf(t, a, 1, "Tiago", 1, model.ORG),
		spanOf(t, a, 2, "Onuoha", 1, model.ORG), spanOf(t, a, 2, "Jordan", 1, model.LOC),
		spanOf(t, a, 3, "Gudjohnsen 58", 1, model.LOC),
		spanOf(t, a, 4, "William Servat", 1, model.PER), spanOf(t, a, 4, "Stade Toulousain", 1, model.ORG),
	}
	got := summary(Link(a, spans))
	want := []string{"ORG Chelsea: Chelsea", "PER Bridge: Bridge", "PER Tiago: Tiago", "PER Onuoha: Onuoha",
		"PER Jordan: Jordan", "PER Gudjohnsen: Gudjohnsen", "PER William Servat: William Servat",
		"ORG Stade Toulousain: Stade Toulousain"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// entityOf returns the names and types of article id's entities, as the
// sidebar lists them.
func entityOf(t *testing.T, s *store.Store, id int64) []string {
	t.Helper()
	ents, err := s.ArticleEntities(context.Background(), id)
	if err != nil {
		t.Fatalf("ArticleEntities(%d): %v", id, err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name+" "+string(e.Type))
	}
	slices.Sort(out)
	return out
}

const sportBody = "Leicester beat Bath in the Premiership: the match was won with a late try, two penalty goals and a coach's grin at the final whistle of the season."

func TestIdentities(t *testing.T) {
	tests := []struct {
		name    string
		stored  []model.Article
		article model.Article
		want    []string
	}{
		{
			name: "other names of a party are the party",
			article: story("Poll", "The Tories and the Conservatives and the Conservative Party are one.",
				named{"Tories", model.MISC, "Tories"}, named{"Conservatives", model.MISC, "Conservatives"},
				org("Conservative Party")),
			want: []string{"Conservative Party ORG"},
		},
		{
			name: "a club's short name in a sports story",
			article: story("Derby", "Man Utd beat Arsenal in the league match; the striker scored two goals and the coach won the cup final of the season.",
				org("Man Utd"), org("Arsenal")),
			want: []string{"Arsenal ORG", "Manchester United ORG"},
		},
		{
			name: "a short form is the organisation its article names in full",
			article: story("Result", "Newcastle United lost. United were poor.",
				org("Newcastle United"), named{"United", model.ORG, "United."}),
			want: []string{"Newcastle United ORG"},
		},
		{
			name: "a short form that fits two stays its own",
			article: story("Result", "Newcastle United and Leeds United drew. United were poor.",
				org("Newcastle United"), org("Leeds United"), named{"United", model.ORG, "United were"}),
			want: []string{"Leeds United ORG", "Newcastle United ORG", "United ORG"},
		},
		{
			name:    "a place named after a club is the club in a sports story",
			article: story("Rugby", sportBody, named{"Leicester", model.LOC, "Leicester"}, named{"Bath", model.LOC, "Bath"}),
			want:    []string{"Bath ORG", "Leicester ORG"},
		},
		{
			name:    "and the place elsewhere",
			article: story("Factory", "A factory in Leicester closed.", named{"Leicester", model.LOC, "Leicester"}),
			want:    []string{"Leicester LOC"},
		},
		{
			name: "an acronym learnt in one article is its long name in another",
			stored: []model.Article{story("Watchdog", "The Office of Fair Trading (OFT) said no.",
				org("Office of Fair Trading"), org("OFT"))},
			article: story("Inquiry", "The OFT opened an inquiry.", org("OFT")),
			want:    []string{"Office of Fair Trading ORG"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, tt.stored...)
			id := mustImport(t, s, tt.article).IDs[0]
			if _, err := s.Relink(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got := entityOf(t, s, id); !slices.Equal(got, tt.want) {
				t.Errorf("entities = %q, want %q", got, tt.want)
			}
			checkCounts(t, s)
		})
	}
}

// An acronym defined after articles used it reaches back to them at the
// next relink.
func TestAcronymReachesBack(t *testing.T) {
	s := openTemp(t)
	early := mustImport(t, s, story("Inquiry", "The OFT opened an inquiry.", org("OFT"))).IDs[0]
	mustImport(t, s, story("Watchdog", "The Office of Fair Trading (OFT) said no.", org("Office of Fair Trading"), org("OFT")))
	if _, err := s.Relink(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, want := entityOf(t, s, early), []string{"Office of Fair Trading ORG"}; !slices.Equal(got, want) {
		t.Errorf("entities = %q, want %q", got, want)
	}
}

// All the mentions of an identity light up together: the article's entity
// holds the mentions of every one of its names.
func TestArticleEntityHoldsEveryName(t *testing.T) {
	s := openTemp(t)
	id := mustImport(t, s, story("Poll", "Tories gain. The Conservative Party said so.",
		named{"Tories", model.MISC, "Tories"}, org("Conservative Party"))).IDs[0]
	a, err := s.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Entities) != 1 || len(a.Entities[0].Mentions) != 2 || a.Entities[0].Name != "Conservative Party" {
		t.Fatalf("entities = %+v, want Conservative Party with both mentions", a.Entities)
	}
}

func TestCorrections(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	oscar := func(title, body string, typ model.EntityType) model.Article {
		return story(title, body, named{"Aviator", typ, "Aviator"}, org("Miramax"))
	}
	mustImport(t, s,
		oscar("Film one", "The Aviator leads.", model.LOC),
		oscar("Film two", "The Aviator wins.", model.LOC),
		oscar("Film three", "The Aviator opens.", model.ORG),
		story("Washington", "Washington spoke.", named{"Washington", model.LOC, "Washington"}),
		story("Washington 2", "Washington voted.", named{"Washington", model.LOC, "Washington"}),
	)
	// Type.
	if _, err := s.SetType(ctx, "aviator", "WORK"); err != nil {
		t.Fatal(err)
	}
	if e, err := s.EntityByName(ctx, "Aviator", ""); err != nil || e.Type != "WORK" || e.Articles != 3 {
		t.Errorf("after type: %+v, %v", e, err)
	}
	// Merge, by a name of its own.
	if _, err := s.Merge(ctx, []string{"Miramax"}, "Aviator"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Entities(ctx, store.EntityQuery{Name: "Miramax"}); len(got) != 1 || got[0].Name != "Aviator" {
		t.Errorf("Miramax is %+v after merge, want Aviator", got)
	}
	// Rename.
	if _, err := s.Rename(ctx, "Aviator", "The Aviator"); err != nil {
		t.Fatal(err)
	}
	if e, err := s.EntityByName(ctx, "the aviator", ""); err != nil || e.Articles != 3 || e.Type != "WORK" {
		t.Errorf("after rename: %+v, %v", e, err)
	}
	// Split one article's Washington off.
	list, _ := s.List(ctx, store.ListQuery{})
	var second int64
	for _, a := range list {
		if a.Title == "Washington 2" {
			second = a.ID
		}
	}
	if _, err := s.Split(ctx, "Washington", second); err != nil {
		t.Fatal(err)
	}
	_, err := s.LookupEntity(ctx, "washington")
	var amb *store.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 || !strings.Contains(err.Error(), "Washington (LOC, 1 articles)") {
		t.Errorf("LookupEntity(washington) err = %v, want two candidates", err)
	}
	// Later articles follow the corrections.
	id := mustImport(t, s, story("Film four", "Miramax backs The Aviator.", org("Miramax"), named{"Aviator", model.PER, "Aviator"})).IDs[0]
	if got, want := entityOf(t, s, id), []string{"The Aviator WORK"}; !slices.Equal(got, want) {
		t.Errorf("new article: %q, want %q", got, want)
	}
	cs, err := s.Corrections(ctx)
	if err != nil || len(cs) != 4 {
		t.Fatalf("Corrections = %d, %v", len(cs), err)
	}
	// Undo the merge: Miramax is itself again.
	if _, err := s.Undo(ctx, cs[1].ID); err != nil {
		t.Fatal(err)
	}
	if got, want := entityOf(t, s, id), []string{"Miramax ORG", "The Aviator WORK"}; !slices.Equal(got, want) {
		t.Errorf("after undo: %q, want %q", got, want)
	}
	if _, err := s.Undo(ctx, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Undo(99) err = %v", err)
	}
	checkCounts(t, s)
}

// Corrections survive the articles going and coming back.
func TestCorrectionSurvivesReimport(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := story("Poll", "Howard's party gains.", named{"Howard's party", model.ORG, "Howard's party"})
	a.Source = "politics/1.txt"
	mustImport(t, s, a, story("Poll 2", "The Conservative Party gains.", org("Conservative Party")))
	if _, err := s.Merge(ctx, []string{"Howard's party"}, "Conservative Party"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSource(ctx, "politics/"); err != nil {
		t.Fatal(err)
	}
	id := mustImport(t, s, a).IDs[0]
	if got, want := entityOf(t, s, id), []string{"Conservative Party ORG"}; !slices.Equal(got, want) {
		t.Errorf("re-imported: %q, want %q", got, want)
	}
	top, _ := s.Entities(ctx, store.EntityQuery{})
	if len(top) != 1 || top[0].Articles != 2 {
		t.Errorf("Entities = %+v, want Conservative Party in 2", top)
	}
}

// Typing a surname finds the person most reported first.
func TestFuzzySurnameFindsThePerson(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	mustImport(t, s, story("Aside", "Blair said little.", per("Blair", "Blair")))
	got, err := s.Entities(ctx, store.EntityQuery{Match: "blair", Type: model.PER})
	if err != nil || len(got) < 2 || got[0].Name != "Tony Blair" {
		t.Errorf("Entities(blair) = %+v, %v; want Tony Blair first", got, err)
	}
	// Another name finds the entity.
	mustImport(t, s, story("Poll", "Tories gain.", named{"Tories", model.MISC, "Tories"}))
	got, err = s.Entities(ctx, store.EntityQuery{Match: "tories"})
	if err != nil || len(got) != 1 || got[0].Name != "Conservative Party" {
		t.Errorf("Entities(tories) = %+v, %v; want Conservative Party", got, err)
	}
}

// A club named after its place is one entity whether the story is a match
// report or about its money: where the tagger calls the name an
// organisation and the story names another club, it is the club; a
// council or a university named after the place is not.
func TestClubOutsideSportsStories(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("Rugby", sportBody, named{"Leicester", model.LOC, "Leicester"}, named{"Bath", model.LOC, "Bath"}),
		story("Takeover", "The owners of Leicester agreed to sell the club to the owners of Arsenal.",
			named{"Leicester", model.ORG, "Leicester"}, org("Arsenal")),
		story("Factory", "A factory in Leicester closed.", named{"Leicester", model.LOC, "Leicester"}),
		story("Budget", "Leicester said its council tax would rise.", named{"Leicester", model.ORG, "Leicester"}),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	leicester := func(article int64) model.EntityCount {
		t.Helper()
		ents, err := s.ArticleEntities(ctx, article)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.Name == "Leicester" {
				return e
			}
		}
		t.Fatalf("article %d names no Leicester: %+v", article, ents)
		return model.EntityCount{}
	}
	match, money, place, council := leicester(ids[0]), leicester(ids[1]), leicester(ids[2]), leicester(ids[3])
	if money.ID != match.ID || money.Type != model.ORG {
		t.Errorf("Leicester in the takeover story is %+v, want the club %+v", money, match)
	}
	if place.ID == match.ID {
		t.Errorf("Leicester in the factory story is %+v, want the place, not the club %+v", place, match)
	}
	if council.ID == match.ID {
		t.Errorf("Leicester in the council story is the club %+v; no club is named there", match)
	}
	checkCounts(t, s)
}

// A place that names a club is, where it is not the club, the place,
// however the tagger typed it: the tagger learnt "Liverpool" from match
// reports and calls the city an organisation in a story about an election
// tour, which listed it as a second Liverpool organisation beside the club.
func TestPlaceThatNamesAClubIsThePlaceElsewhere(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("Match", "Liverpool beat Everton in the league match; the striker scored two goals and the coach won the cup final of the season.",
			named{"Liverpool", model.ORG, "Liverpool"}, org("Everton")),
		story("Tour", "The leader visits Manchester and Liverpool this week.",
			named{"Manchester", model.LOC, "Manchester"}, named{"Liverpool", model.ORG, "Liverpool"}),
		story("Gig", "Liverpool band The Coral played.", named{"Liverpool", model.ORG, "Liverpool"}),
		story("Ferry", "The ferry sails from Liverpool.", named{"Liverpool", model.LOC, "Liverpool"}),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	club := entityNamed(t, s, ids[0], "Liverpool")
	if club.Type != model.ORG {
		t.Errorf("Liverpool in the match report is %+v, want the club, an organisation", club)
	}
	for _, id := range ids[1:] {
		if got := entityNamed(t, s, id, "Liverpool"); got.ID == club.ID || got.Type != model.LOC {
			t.Errorf("Liverpool in article %d is %+v, want the place (the club is %+v)", id, got, club)
		}
	}
	all, err := s.Entities(ctx, store.EntityQuery{Name: "Liverpool"})
	if err != nil {
		t.Fatal(err)
	}
	types := map[model.EntityType]int{}
	for _, e := range all {
		types[e.Type]++
	}
	if types[model.ORG] != 1 || types[model.LOC] != 1 {
		t.Errorf("Liverpool is %+v, want one club and one place", all)
	}
	checkCounts(t, s)
}

// An acronym means what the articles in the store spell it out as: once
// the articles that taught it are deleted, it means what the others say.
func TestAcronymForgottenWithItsArticles(t *testing.T) {
	from := func(source string, a model.Article) model.Article {
		a.Source = source
		return a
	}
	fairTrading := func(title string) model.Article {
		return story(title, "The Office of Fair Trading (OFT) said no.", org("Office of Fair Trading"), org("OFT"))
	}
	for _, drop := range []struct {
		name string
		fn   func(s *store.Store) error
	}{
		{"delete source", func(s *store.Store) error {
			_, err := s.DeleteSource(context.Background(), "watchdog/")
			return err
		}},
		{"retention", func(s *store.Store) error {
			ctx := context.Background()
			list, err := s.List(ctx, store.ListQuery{})
			if err != nil {
				return err
			}
			for _, a := range list {
				if strings.HasPrefix(a.Source, "watchdog/") {
					if err := s.SetRead(ctx, a.ID, true); err != nil {
						return err
					}
				}
			}
			_, err = s.DropOldRead(ctx, day(30))
			return err
		}},
	} {
		t.Run(drop.name, func(t *testing.T) {
			s := openTemp(t)
			ctx := context.Background()
			mustImport(t, s,
				from("watchdog/1", fairTrading("Watchdog")),
				from("watchdog/2", fairTrading("Watchdog again")),
				from("film/1", story("Festival", "The Oregon Film Team (OFT) won.", org("Oregon Film Team"), org("OFT"))))
			inquiry := story("Inquiry", "The OFT opened an inquiry.", org("OFT"))
			inquiry.Published = day(40)
			id := mustImport(t, s, from("news/1", inquiry)).IDs[0]
			if _, err := s.Relink(ctx); err != nil {
				t.Fatal(err)
			}
			if got, want := entityOf(t, s, id), []string{"Office of Fair Trading ORG"}; !slices.Equal(got, want) {
				t.Fatalf("before: entities = %q, want %q", got, want)
			}
			if err := drop.fn(s); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Relink(ctx); err != nil {
				t.Fatal(err)
			}
			if got, want := entityOf(t, s, id), []string{"Oregon Film Team ORG"}; !slices.Equal(got, want) {
				t.Errorf("after the Office of Fair Trading's articles went: entities = %q, want %q", got, want)
			}
			checkCounts(t, s)
		})
	}
}

// A feed item edited again and again counts once for the acronyms it
// spells out, not once per edit.
func TestAcronymOfAnEditedItemCountsOnce(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	f, err := s.AddFeed(ctx, store.Feed{URL: "https://a.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	for edit := range 4 {
		a := story("Watchdog", fmt.Sprintf("The Office of Fair Trading (OFT) said no, edit %d.", edit),
			org("Office of Fair Trading"), org("OFT"))
		a.GUID, a.URL = "g1", "https://a.example/g1"
		if _, _, err := s.UpsertFeedArticles(ctx, f.ID, []store.FeedItem{{Article: a}}); err != nil {
			t.Fatal(err)
		}
	}
	mustImport(t, s,
		story("Festival", "The Oregon Film Team (OFT) won.", org("Oregon Film Team"), org("OFT")),
		story("Festival again", "The Oregon Film Team (OFT) won again.", org("Oregon Film Team"), org("OFT")))
	id := mustImport(t, s, story("Inquiry", "The OFT opened an inquiry.", org("OFT"))).IDs[0]
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	// Two articles of three say Oregon Film Team: that is what OFT is.
	if got, want := entityOf(t, s, id), []string{"Oregon Film Team ORG"}; !slices.Equal(got, want) {
		t.Errorf("entities = %q, want %q", got, want)
	}
}

// A person who bears a place's name is not the place: "Mr Washington, the
// chairman" is a namesake of the city the other stories name, and neither
// takes the other's type. A name that is no place's ("Madonna") stays one
// entity however articles typed it.
func TestPersonNamedAfterAPlace(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("Talks", "Officials in Washington said talks would resume.", named{"Washington", model.LOC, "Washington"}),
		story("Chairman", "Mr Washington, the chairman, resigned. Washington said he was proud.", named{"Washington", model.PER, "Washington"}),
		story("Summit", "Leaders flew to Washington for the summit.", named{"Washington", model.LOC, "Washington"}),
		story("Sevens", "Scotland were beaten by Samoa in the semi-final.", named{"Samoa", model.PER, "Samoa"}),
		story("Holiday", "Samoa is warm in June.", named{"Samoa", model.LOC, "Samoa"}),
		story("Tour", "Madonna will tour next year.", named{"Madonna", model.PER, "Madonna"}),
		story("Tour dates", "Fans queued for Madonna tickets.", named{"Madonna", model.LOC, "Madonna"}),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	named := func(article int64, name string) model.EntityCount { return entityNamed(t, s, article, name) }
	city, person, city2 := named(ids[0], "Washington"), named(ids[1], "Washington"), named(ids[2], "Washington")
	if city.ID != city2.ID || city.Type != model.LOC {
		t.Errorf("the city is %+v and %+v, want one LOC entity", city, city2)
	}
	if person.ID == city.ID || person.Type != model.PER {
		t.Errorf("Mr Washington is %+v, want a person apart from the city %+v", person, city)
	}
	if team, place := named(ids[3], "Samoa"), named(ids[4], "Samoa"); team.ID != place.ID {
		t.Errorf("Samoa, a team the tagger took for a person, is %+v apart from the place %+v: no title makes it a person", team, place)
	}
	if a, b := named(ids[5], "Madonna"), named(ids[6], "Madonna"); a.ID != b.ID {
		t.Errorf("Madonna is two entities (%+v, %+v): it is no place's name, so a mistyped mention has no namesake to go to", a, b)
	}
	checkCounts(t, s)
}

// A name that is one identity's canonical name and another's alias fits
// both: a command taking it names both, the most reported first, rather
// than pick whichever is canonical; the reader's follow takes the first.
func TestNameOfOneAndAliasOfAnother(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	mustImport(t, s, story("Aside", "Blair said little.", per("Blair", "Blair")))
	if _, err := s.Merge(ctx, []string{"Blair"}, "Tony Blair"); err != nil {
		t.Fatalf("merge Blair into Tony Blair: %v", err)
	}
	// A later Blair is Tony Blair too, until the user splits it off.
	id := mustImport(t, s, story("Quiz", "Blair was the answer.", per("Blair", "Blair"))).IDs[0]
	if _, err := s.Split(ctx, "Blair", id); err != nil {
		t.Fatalf("split: %v", err)
	}
	_, err := s.LookupEntity(ctx, "blair")
	var amb *store.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 || amb.Candidates[0].Name != "Tony Blair" || amb.Candidates[0].Articles != 4 {
		t.Fatalf("LookupEntity(blair) err = %v, want Tony Blair (4 articles) then Blair", err)
	}
	if got, err := s.EntityByName(ctx, "Blair", ""); err != nil || got.Name != "Tony Blair" {
		t.Errorf("EntityByName(Blair) = %+v, %v; want Tony Blair", got, err)
	}
	checkCounts(t, s)
}

// The relink moves a surname's mentions to the full name, so the person's
// identity never lists the surname; asked for "Blair", list --entity still
// offers Tony Blair, first, beside the stray Blair of a film story.
func TestSurnameFindsThePersonByName(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	mustImport(t, s, story("Mr Blair's week", "Mr Blair met Labour MPs.", per("Blair", "Blair"), org("Labour")))
	mustImport(t, s, story("Film premiere", "Blair walked the red carpet at Odeon.", per("Blair", "Blair"), org("Odeon")))
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	_, err := s.LookupEntity(ctx, "Blair")
	var amb *store.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 || amb.Candidates[0].Name != "Tony Blair" || amb.Candidates[0].Articles != 4 {
		t.Fatalf("LookupEntity(Blair) err = %v, want Tony Blair (4 articles) then Blair", err)
	}
	// Gordon Brown is in two articles: too few to be the Brown.
	if _, err := s.LookupEntity(ctx, "Brown"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("LookupEntity(Brown) err = %v, want not found", err)
	}
	// A correction names the store's own rows: Blair is the film one.
	if _, err := s.SetType(ctx, "Blair", "MISC"); err != nil {
		t.Errorf("type Blair MISC: %v", err)
	}
}

// Corrections made in the entity view name the identity the user picked:
// renaming and retyping Mr Washington leaves the city alone, though both
// are "Washington", and the correction follows him into a later article
// while the city's later articles stay the city's.
func TestCorrectionByIdentityLeavesTheNamesakeAlone(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("Talks", "Officials in Washington said talks would resume.", named{"Washington", model.LOC, "Washington"}),
		story("Chairman", "Mr Washington, the chairman, resigned. Washington said he was proud.", named{"Washington", model.PER, "Washington"}),
		story("Summit", "Leaders flew to Washington for the summit.", named{"Washington", model.LOC, "Washington"}),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	person := entityNamed(t, s, ids[1], "Washington")
	if _, err := s.SetType(ctx, "Washington", "ORG"); !errors.As(err, new(*store.AmbiguousError)) {
		t.Fatalf("SetType by name err = %v, want ambiguous", err)
	}
	if _, err := s.RenameIdentity(ctx, person.ID, "Denzel Washington"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetIdentityType(ctx, person.ID, "ORG"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("retyping the identity renamed away: err = %v, want not found", err)
	}
	person = entityNamed(t, s, ids[1], "Denzel Washington")
	if _, err := s.SetIdentityType(ctx, person.ID, "per"); err != nil {
		t.Fatal(err)
	}
	if city := entityNamed(t, s, ids[0], "Washington"); city.Type != model.LOC || city.Articles != 2 {
		t.Errorf("the city is %+v, want LOC in 2 articles", city)
	}
	later := mustImport(t, s,
		story("Chairman again", "Mr Washington, the chairman, returned. Washington said he was glad.", named{"Washington", model.PER, "Washington"}),
		story("Visit", "The president flew to Washington.", named{"Washington", model.LOC, "Washington"}),
	).IDs
	if got := entityNamed(t, s, later[0], "Denzel Washington"); got.Type != model.PER || got.Articles != 2 {
		t.Errorf("the later chairman is %+v, want Denzel Washington PER in 2 articles", got)
	}
	if city := entityNamed(t, s, later[1], "Washington"); city.Type != model.LOC || city.Articles != 3 {
		t.Errorf("the later city is %+v, want the LOC in 3 articles", city)
	}
	cs, err := s.Corrections(ctx)
	if err != nil || len(cs) != 2 || cs[0].Names[0] != "Washington" || !cs[0].ByIdentity {
		t.Errorf("Corrections = %+v, %v", cs, err)
	}
	checkCounts(t, s)
}

// entityNamed is the entity called name among article's.
func entityNamed(t *testing.T, s *store.Store, article int64, name string) model.EntityCount {
	t.Helper()
	ents, err := s.ArticleEntities(context.Background(), article)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("article %d names no %s: %+v", article, name, ents)
	return model.EntityCount{}
}

// A party's acronym from Party Facts is the party only where the article
// names the party in full or an article spelt it out: elsewhere "PBS" is the
// American broadcaster, and stays its own entry.
func TestPartyAcronymNeedsTheArticle(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("US TV cuts film", "PBS said it would use extra footage for its broadcast.", org("PBS")),
		story("Sabah vote", "The Parti Bersatu Sabah won. PBS leaders celebrated.", org("Parti Bersatu Sabah"), org("PBS")),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	names := func(article int64) []string {
		t.Helper()
		ents, err := s.ArticleEntities(ctx, article)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range ents {
			out = append(out, e.Name)
		}
		return out
	}
	if got := names(ids[0]); !slices.Equal(got, []string{"PBS"}) {
		t.Errorf("the broadcaster's story lists %q, want PBS alone", got)
	}
	if got := names(ids[1]); !slices.Equal(got, []string{"Parti Bersatu Sabah"}) {
		t.Errorf("the Sabah story lists %q, want the party once", got)
	}
	checkCounts(t, s)
}

// openfootball calls Los Angeles FC "Los Angeles": the city, which every
// mention calls a place, stays a place.
func TestClubNamedAsItsCityStaysTheCity(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("Film critics", "Critics in Los Angeles chose Sideways.", named{"Los Angeles", model.LOC, "Los Angeles"}),
		story("Derby", sportBody+" West Ham beat Millwall.", named{"West Ham", model.LOC, "West Ham"}),
		story("Derby again", sportBody+" West Ham lost to Millwall.", named{"West Ham", model.ORG, "West Ham"}),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		article int64
		name    string
		typ     model.EntityType
	}{{ids[0], "Los Angeles", model.LOC}, {ids[1], "West Ham United", model.ORG}} {
		ents, err := s.ArticleEntities(ctx, c.article)
		if err != nil {
			t.Fatal(err)
		}
		if len(ents) != 1 || ents[0].Name != c.name || ents[0].Type != c.typ {
			t.Errorf("article %d lists %+v, want %s %s", c.article, ents, c.name, c.typ)
		}
	}
}

// A company named alone beside its arm in a region is the company: "AOL"
// is not "AOL Europe". A shouted "REAL" is still Real Madrid.
func TestShortFormIsNotARegionalArm(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	ids := mustImport(t, s,
		story("Profits", "AOL Europe lost subscribers, AOL said.", org("AOL Europe"), org("AOL")),
		story("REAL WIN", sportBody+" Real Madrid won.", org("REAL"), org("Real Madrid")),
	).IDs
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]string{{"AOL Europe", "AOL"}, {"Real Madrid"}} {
		ents, err := s.ArticleEntities(ctx, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range ents {
			got = append(got, e.Name)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("article %d lists %q, want %q", i, got, want)
		}
	}
}

package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/ingest/shareddata"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// named is an entity of a test story: name and type, mentioned wherever
// word occurs.
type named struct {
	name string
	typ  model.EntityType
	word string
}

func per(name, word string) named { return named{name, model.PER, word} }
func org(name string) named       { return named{name, model.ORG, name} }

// story makes an article of one paragraph naming entities.
func story(title, body string, entities ...named) model.Article {
	a := article(title, day(1), body)
	for _, e := range entities {
		a = withEntity(a, e.name, e.typ, e.word)
	}
	return a
}

// repeat is n copies of a, each its own article.
func repeat(n int, a model.Article) []model.Article {
	var out []model.Article
	for i := range n {
		c := a
		c.Title = fmt.Sprintf("%s %d", a.Title, i)
		out = append(out, c)
	}
	return out
}

// blairStories are three articles naming Tony Blair with Labour and Gordon
// Brown: enough for Tony Blair to be the Blair of the store, with Labour
// and Gordon Brown his signature.
func blairStories() []model.Article {
	return []model.Article{
		story("Budget day", "Tony Blair and Gordon Brown set out Labour plans.",
			per("Tony Blair", "Tony Blair"), per("Gordon Brown", "Gordon Brown"), org("Labour")),
		story("Election call", "Tony Blair told Labour the date. Gordon Brown agreed.",
			per("Tony Blair", "Tony Blair"), org("Labour"), per("Gordon Brown", "Gordon Brown")),
		story("Iraq debate", "Tony Blair defended the war to Labour MPs.",
			per("Tony Blair", "Tony Blair"), org("Labour")),
	}
}

// listedAs returns the names of the people article id is listed under.
func listedAs(t *testing.T, s *store.Store, id int64) []string {
	t.Helper()
	ents, err := s.ArticleEntities(context.Background(), id)
	if err != nil {
		t.Fatalf("ArticleEntities(%d): %v", id, err)
	}
	var names []string
	for _, e := range ents {
		if e.Type == model.PER {
			names = append(names, e.Name)
		}
	}
	return names
}

func TestRelinkDecides(t *testing.T) {
	bushStories := func() []model.Article {
		var arts []model.Article
		for i := range 9 {
			a := story(fmt.Sprintf("Washington %d", i), "George W Bush spoke at the White House to Congress.",
				per("George W Bush", "George W Bush"), org("White House"))
			if i < 3 {
				a = withEntity(a, "Congress", model.ORG, "Congress")
			}
			arts = append(arts, a)
		}
		return append(arts,
			story("Old speech", "George Bush spoke at the White House.",
				per("George Bush", "George Bush"), org("White House")),
			story("Wuthering Heights", "Kate Bush sang at EMI.", per("Kate Bush", "Kate Bush"), org("EMI")))
	}
	kennedyStories := func() []model.Article {
		var arts []model.Article
		for i := range 3 {
			arts = append(arts, story(fmt.Sprintf("Lib Dem conference %d", i),
				"Charles Kennedy spoke to the Liberal Democrats. Mr Kennedy was cheered.",
				per("Charles Kennedy", "Kennedy"), org("Liberal Democrats")))
		}
		return arts
	}

	tests := []struct {
		name    string
		stored  []model.Article // before the story under test
		surname model.Article
		want    string // the person the surname's article is listed under
	}{
		{
			name:    "surname in the full name's world joins it",
			stored:  blairStories(),
			surname: story("Mr Blair's week", "Mr Blair met Labour MPs.", per("Blair", "Blair"), org("Labour")),
			want:    "Tony Blair",
		},
		{
			name:    "surname sharing nothing with the full name stays",
			stored:  blairStories(),
			surname: story("Film premiere", "Blair walked the red carpet at Odeon.", per("Blair", "Blair"), org("Odeon")),
			want:    "Blair",
		},
		{
			name: "two people of comparable size stay apart",
			stored: append(blairStories(),
				story("Derby", "Wes Brown and Gordon Brown watched Manchester United.",
					per("Wes Brown", "Wes Brown"), per("Gordon Brown", "Gordon Brown"), org("Manchester United")),
				story("Cup tie", "Wes Brown played for Manchester United.",
					per("Wes Brown", "Wes Brown"), org("Manchester United")),
			),
			surname: story("Mr Brown's budget", "Mr Brown told Labour to save.", per("Brown", "Brown"), org("Labour")),
			want:    "Brown",
		},
		{
			name:    "a full name in fewer than three articles is too little to go on",
			stored:  blairStories()[:2],
			surname: story("Mr Blair's week", "Mr Blair met Labour MPs.", per("Blair", "Blair"), org("Labour")),
			want:    "Blair",
		},
		{
			name:    "spellings of one name count together",
			stored:  bushStories(),
			surname: story("Budget plan", "President Bush wrote to Congress.", per("Bush", "Bush"), org("Congress")),
			want:    "George W Bush",
		},
		{
			name: "a team sheet's initial counts with the one full name it fits",
			stored: slices.Concat(
				repeat(3, story("Munster win", "Paul O'Connell led Munster.", per("Paul O'Connell", "Paul O'Connell"), org("Munster"))),
				repeat(3, story("Munster team", "Munster: P O'Connell.", per("P O'Connell", "P O'Connell"), org("Munster")))),
			surname: story("Lineout", "O'Connell won the ball for Munster.", per("O'Connell", "O'Connell"), org("Munster")),
			want:    "Paul O'Connell",
		},
		{
			name: "an initial that fits two people counts for neither",
			stored: slices.Concat(
				repeat(6, story("Munster win", "Paul O'Connell led Munster.", per("Paul O'Connell", "Paul O'Connell"), org("Munster"))),
				repeat(1, story("Council", "Peter O'Connell spoke for Munster.", per("Peter O'Connell", "Peter O'Connell"), org("Munster"))),
				repeat(3, story("Munster team", "Munster: P O'Connell.", per("P O'Connell", "P O'Connell"), org("Munster")))),
			surname: story("Lineout", "O'Connell won the ball for Munster.", per("O'Connell", "O'Connell"), org("Munster")),
			want:    "O'Connell",
		},
		{
			name:    "a team sheet's initial in the full name's world joins it",
			stored:  repeat(3, story("Munster win", "Paul O'Connell led Munster.", per("Paul O'Connell", "Paul O'Connell"), org("Munster"))),
			surname: story("Munster team", "Munster: P O'Connell.", per("P O'Connell", "P O'Connell"), org("Munster")),
			want:    "Paul O'Connell",
		},
		{
			name:    "a team sheet's initial the tagger took for an organisation joins too",
			stored:  repeat(3, story("Munster win", "Paul O'Connell led Munster.", per("Paul O'Connell", "Paul O'Connell"), org("Munster"))),
			surname: story("Munster team", "Munster: P O'Connell.", named{"P O'Connell", model.ORG, "P O'Connell"}, org("Munster")),
			want:    "Paul O'Connell",
		},
		{
			name: "an initial that fits two people of comparable size stays",
			stored: slices.Concat(
				repeat(3, story("Munster win", "Paul O'Connell led Munster.", per("Paul O'Connell", "Paul O'Connell"), org("Munster"))),
				repeat(3, story("Munster board", "Peter O'Connell spoke for Munster.", per("Peter O'Connell", "Peter O'Connell"), org("Munster")))),
			surname: story("Munster team", "Munster: P O'Connell.", per("P O'Connell", "P O'Connell"), org("Munster")),
			want:    "P O'Connell",
		},
		{
			name:    "an initial of another letter stays",
			stored:  repeat(3, story("Munster win", "Paul O'Connell led Munster.", per("Paul O'Connell", "Paul O'Connell"), org("Munster"))),
			surname: story("Munster team", "Munster: D O'Connell.", per("D O'Connell", "D O'Connell"), org("Munster")),
			want:    "D O'Connell",
		},
		{
			name:    "his first name alone in the relinked article goes with his surname",
			stored:  repeat(3, story("Reissue", "Elvis Presley topped the chart for RCA.", per("Elvis Presley", "Elvis Presley"), org("RCA"))),
			surname: story("Chart", "Presley is back on RCA; Elvis fans queued.", per("Presley", "Presley"), per("Elvis", "Elvis"), org("RCA")),
			want:    "Elvis Presley",
		},
		{
			name:    "a title of the same sex fits",
			stored:  kennedyStories(),
			surname: story("Lib Dem poll", "Mr Kennedy told the Liberal Democrats to hope.", per("Kennedy", "Kennedy"), org("Liberal Democrats")),
			want:    "Charles Kennedy",
		},
		{
			name:    "a title of the other sex is someone else",
			stored:  kennedyStories(),
			surname: story("Power inquiry", "Baroness Kennedy told the Liberal Democrats to hope.", per("Kennedy", "Kennedy"), org("Liberal Democrats")),
			want:    "Kennedy",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, tt.stored...)
			id := mustImport(t, s, tt.surname).IDs[0]
			if _, err := s.Relink(context.Background()); err != nil {
				t.Fatalf("Relink: %v", err)
			}
			if got := listedAs(t, s, id); len(got) != 1 || got[0] != tt.want {
				t.Errorf("%q is listed under %q, want [%q]", tt.surname.Title, got, tt.want)
			}
			checkCounts(t, s)
		})
	}
}

func TestRelinkMovesMentionsAndCounts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	a := story("Monday", "Mr Blair met Labour MPs. Blair smiled.", per("Blair", "Blair"), org("Labour"))
	id := mustImport(t, s, a).IDs[0]

	merged, err := s.Relink(ctx)
	if err != nil || merged != 1 {
		t.Fatalf("Relink = %d, %v; want 1 article relinked", merged, err)
	}

	tony, err := s.EntityByName(ctx, "Tony Blair", model.PER)
	if err != nil {
		t.Fatal(err)
	}
	if tony.Articles != 4 || tony.Mentions != 5 {
		t.Errorf("Tony Blair: %d articles, %d mentions; want 4 and 5 (3 + 2 from the relinked article)", tony.Articles, tony.Mentions)
	}
	if _, err := s.EntityByName(ctx, "Blair", model.PER); !errors.Is(err, store.ErrNotFound) {
		t.Errorf(`"Blair" is still listed (err %v)`, err)
	}
	people, err := s.Entities(ctx, store.EntityQuery{Type: model.PER})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == "Blair" {
			t.Errorf(`Entities lists "Blair": %+v`, p)
		}
	}

	ents, err := s.ArticleEntities(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 2 || ents[0].Name != "Tony Blair" || ents[0].Mentions != 2 || ents[0].Articles != 4 {
		t.Errorf("sidebar of the relinked article: %+v; want Tony Blair (2 mentions, 4 articles), then Labour", ents)
	}
	stored, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Entities) != 2 || stored.Entities[0].ID != tony.ID {
		t.Fatalf("entities of the relinked article: %+v; want Tony Blair first, then Labour", stored.Entities)
	}
	want := mentionsOf(&a, "Blair")
	if got := stored.Entities[0].Mentions; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Tony Blair's mentions in the relinked article:\n got %v\nwant %v", got, want)
	}
	list, err := s.List(ctx, store.ListQuery{EntityID: tony.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 {
		t.Errorf("following Tony Blair lists %q; want his 3 articles and %q", titles(list), a.Title)
	}
}

func TestRelinkTwiceRelinksNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	mustImport(t, s,
		story("Mr Blair's week", "Mr Blair met Labour MPs.", per("Blair", "Blair"), org("Labour")),
		story("Blair and Brown", "Blair and Gordon Brown met.", per("Blair", "Blair"), per("Gordon Brown", "Gordon Brown")),
		story("Film premiere", "Blair walked the red carpet at Odeon.", per("Blair", "Blair"), org("Odeon")),
	)
	for i, want := range []int{2, 0} {
		merged, err := s.Relink(ctx)
		if err != nil || merged != want {
			t.Errorf("Relink #%d = %d, %v; want %d", i+1, merged, err, want)
		}
		checkCounts(t, s)
	}
}

func TestRelinkArticleNamingBoth(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	// The tagger missed that "Blair" is the article's Tony Blair, so the
	// article has a row for each.
	a := article("Both names", day(2), "Tony Blair spoke.", "Then Mr Blair left, and Blair wept.")
	a.Entities = []model.Entity{{Name: "Tony Blair", Type: model.PER, Mentions: mentionsOf(&a, "Tony Blair")}}
	var surname []model.Mention
	for _, m := range mentionsOf(&a, "Blair") {
		if m.Paragraph == 1 {
			surname = append(surname, m)
		}
	}
	a.Entities = append(a.Entities, model.Entity{Name: "Blair", Type: model.PER, Mentions: surname})
	id := mustImport(t, s, a).IDs[0]

	if merged, err := s.Relink(ctx); err != nil || merged != 1 {
		t.Fatalf("Relink = %d, %v; want 1", merged, err)
	}
	ents, err := s.ArticleEntities(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name != "Tony Blair" || ents[0].Mentions != 3 || ents[0].Articles != 4 {
		t.Errorf("sidebar: %+v; want only Tony Blair, 3 mentions, 4 articles", ents)
	}
	stored, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Entities) != 1 || len(stored.Entities[0].Mentions) != 3 {
		t.Fatalf("entities: %+v; want Tony Blair with 3 mentions", stored.Entities)
	}
	for i, m := range stored.Entities[0].Mentions {
		if want := []int{0, 1, 1}[i]; m.Paragraph != want {
			t.Errorf("mention %d in paragraph %d, want %d (document order)", i, m.Paragraph, want)
		}
	}
	checkCounts(t, s)
}

// checkCounts recounts every entity's articles and mentions from the
// articles' sidebars and bodies and compares them with what Entities says.
func checkCounts(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	type count struct{ articles, mentions int }
	recount := map[int64]count{}
	arts, err := s.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		ents, err := s.ArticleEntities(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		full, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		mentions := map[int64]int{}
		for _, e := range full.Entities {
			mentions[e.ID] = len(e.Mentions)
		}
		for _, e := range ents {
			if mentions[e.ID] != e.Mentions {
				t.Errorf("article %d: %s has %d mentions in the sidebar, %d in the text", a.ID, e.Name, e.Mentions, mentions[e.ID])
			}
			c := recount[e.ID]
			recount[e.ID] = count{c.articles + 1, c.mentions + e.Mentions}
		}
	}
	listed, err := s.Entities(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != len(recount) {
		t.Errorf("Entities lists %d entities; %d are named in some article", len(listed), len(recount))
	}
	for _, e := range listed {
		if c := recount[e.ID]; c.articles != e.Articles || c.mentions != e.Mentions {
			t.Errorf("%s: stored %d articles, %d mentions; recounted %d, %d", e.Name, e.Articles, e.Mentions, c.articles, c.mentions)
		}
	}
}

// TestRelinkBBC relinks the BBC corpus: the surname-only Blair articles
// join Tony Blair, and Gordon Brown, one Brown among many, takes none.
func TestRelinkBBC(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("tags 2,225 articles: run without -short or -race")
	}
	dir := shareddata.Path(t, "articles/bbc")
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, tagged(t, dir)...)

	person := func(name string) int {
		e, err := s.EntityByName(ctx, name, model.PER)
		if errors.Is(err, store.ErrNotFound) {
			return 0
		}
		if err != nil {
			t.Fatal(err)
		}
		return e.Articles
	}
	names := []string{"Blair", "Tony Blair", "Brown", "Gordon Brown"}
	before := map[string]int{}
	for _, n := range names {
		before[n] = person(n)
	}
	merged, err := s.Relink(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := map[string]int{}
	for _, n := range names {
		after[n] = person(n)
	}
	t.Logf("relinked %d articles; before %v, after %v", merged, before, after)

	if before["Blair"] < 8 {
		t.Fatalf(`only %d articles name "Blair" alone before relinking; the tagger changed, so this test should too`, before["Blair"])
	}
	if after["Blair"] > 3 {
		t.Errorf(`"Blair" alone is still listed with %d articles (was %d)`, after["Blair"], before["Blair"])
	}
	if grew, left := after["Tony Blair"]-before["Tony Blair"], before["Blair"]-after["Blair"]; grew != left || grew == 0 {
		t.Errorf("Tony Blair grew by %d articles while Blair lost %d", grew, left)
	}
	if after["Gordon Brown"] != before["Gordon Brown"] || after["Brown"] != before["Brown"] {
		t.Errorf("Gordon Brown %d → %d articles, Brown %d → %d: an ambiguous surname was relinked",
			before["Gordon Brown"], after["Gordon Brown"], before["Brown"], after["Brown"])
	}
	if again, err := s.Relink(ctx); err != nil || again != 0 {
		t.Errorf("second Relink = %d, %v; want 0", again, err)
	}
}

// tagged reads every article under dir and finds its entities, on every core.
func tagged(t *testing.T, dir string) []model.Article {
	t.Helper()
	files, errs := ingest.Files([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	arts := make([]model.Article, len(files))
	ex := entity.New()
	var wg sync.WaitGroup
	next := make(chan int)
	failed := make([]error, len(files))
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a, err := ingest.ReadFile(files[i])
				if err == nil {
					a.Entities = ex.Extract(&a)
				}
				arts[i], failed[i] = a, err
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(failed...); err != nil {
		t.Fatal(err)
	}
	return arts
}

// A command killed after its articles are committed and before it relinks
// (byline import, kill -9) leaves the relink recorded in the store, in the
// same transaction as the articles; the next Open finishes it. Importing
// the same files again ("imported 0") could never have.
func TestRelinkPendingAfterKill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "byline.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts := append(blairStories(), story("PMQs", "Mr Blair faced Labour backbenchers.", per("Blair", "Blair"), org("Labour")))
	res, err := s.Import(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if due, err := s.Pending(ctx); err != nil || !due {
		t.Fatalf("after Import, Pending = %v, %v; want the relink recorded with the articles", due, err)
	}
	// The process dies here: no Relink. A second import of the same files
	// stores nothing new.
	s.Close()
	if ro, err := store.OpenReadOnly(path); err != nil {
		t.Fatal(err)
	} else {
		if got := listedAs(t, ro, res.IDs[3]); !slices.Equal(got, []string{"Blair"}) {
			t.Errorf("before the next open, listed as %v, want [Blair]", got)
		}
		ro.Close() // reading finishes nothing: it may not write
	}

	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := listedAs(t, s, res.IDs[3]); !slices.Equal(got, []string{"Tony Blair"}) {
		t.Errorf("after the next Open, listed as %v, want [Tony Blair]", got)
	}
	if due, err := s.Pending(ctx); err != nil || due {
		t.Errorf("after the next Open, Pending = %v, %v; want the relink done", due, err)
	}
	if again, err := s.Import(ctx, arts); err != nil || again.Imported != 0 {
		t.Errorf("import again = %+v, %v", again, err)
	}
	if due, _ := s.Pending(ctx); due {
		t.Error("an import that stored nothing recorded a relink")
	}
}

// Relink clears the record in its own transaction; a fetch that stores new
// text records it as an import does.
func TestRelinkPendingCleared(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s, blairStories()...)
	if n, err := s.Relink(ctx); err != nil {
		t.Fatal(n, err)
	}
	if due, _ := s.Pending(ctx); due {
		t.Error("Pending after Relink")
	}
	f, err := s.AddFeed(ctx, store.Feed{URL: "https://news.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	item := story("PMQs", "Mr Blair faced Labour backbenchers.", per("Blair", "Blair"), org("Labour"))
	item.GUID = "https://news.example/pmqs"
	if _, _, err := s.UpsertFeedArticles(ctx, f.ID, []store.FeedItem{{Article: item}}); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.Pending(ctx); !due {
		t.Error("no relink pending after a fetch stored a new article")
	}
}

// TestRelinkIncrementalBBC imports the BBC corpus in ten parts, relinking
// after each as byline import and fetch do, into two stores: one relinks
// only the surnames the new articles touch, the other looks at every
// surname each time. They may differ only by what the incremental relink
// leaves for later (see changedSurnames: a name that was too common to
// tell stories apart stops being so as the store grows): at most one
// article in fifty relinked, one article per person.
func TestRelinkIncrementalBBC(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("tags 2,225 articles: run without -short or -race")
	}
	arts := tagged(t, shareddata.Path(t, "articles/bbc"))
	ctx := context.Background()
	incremental, every := openTemp(t), openTemp(t)
	mergedIncremental, mergedEvery := 0, 0
	for part := range 10 {
		batch := arts[part*len(arts)/10 : (part+1)*len(arts)/10]
		mustImport(t, incremental, batch...)
		mustImport(t, every, batch...)
		n, err := incremental.Relink(ctx)
		if err != nil {
			t.Fatal(err)
		}
		mergedIncremental += n
		if n, err = every.RelinkEverySurname(ctx); err != nil {
			t.Fatal(err)
		}
		mergedEvery += n
	}
	t.Logf("relinked %d articles incrementally, %d looking at every surname", mergedIncremental, mergedEvery)
	if d := mergedIncremental - mergedEvery; mergedEvery == 0 || 50*max(d, -d) > mergedEvery {
		t.Errorf("relinked %d articles incrementally, %d looking at every surname", mergedIncremental, mergedEvery)
	}
	people := func(s *store.Store) map[string]int {
		ents, err := s.Entities(ctx, store.EntityQuery{Type: model.PER})
		if err != nil {
			t.Fatal(err)
		}
		out := make(map[string]int)
		for _, e := range ents {
			out[e.Name] = e.Articles
		}
		return out
	}
	a, b := people(incremental), people(every)
	for name := range mapsUnion(a, b) {
		if a[name] != b[name] {
			t.Logf("%s: %d articles relinking incrementally, %d looking at every surname", name, a[name], b[name])
		}
		if d := a[name] - b[name]; d > 1 || d < -1 {
			t.Errorf("%s: %d articles relinking incrementally, %d looking at every surname", name, a[name], b[name])
		}
	}
}

func mapsUnion(a, b map[string]int) map[string]bool {
	out := make(map[string]bool)
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// TestRelinkNameThatIsBothSurnameAndFirstName: in one article "Howard"
// is the surname of Michael Howard and the first name of Howard Flight,
// whose surname stands beside it. Relink must not plan two moves of one
// name in one article (the second found no row and failed every relink
// after it, so the pending relink never cleared); the surname reading wins.
func TestRelinkNameThatIsBothSurnameAndFirstName(t *testing.T) {
	s := openTemp(t)
	var stored []model.Article
	stored = append(stored, repeat(4, story("Howard speech", "Michael Howard told the Tories to hope.", per("Michael Howard", "Michael Howard"), org("Tories")))...)
	stored = append(stored, repeat(3, story("Flight row", "Howard Flight left the Tories.", per("Howard Flight", "Howard Flight"), org("Tories")))...)
	mustImport(t, s, stored...)
	id := mustImport(t, s, story("Deselected", "Flight said Howard told the Tories no.", per("Flight", "Flight"), per("Howard", "Howard"), org("Tories"))).IDs[0]
	for i := 0; i < 2; i++ {
		if _, err := s.Relink(context.Background()); err != nil {
			t.Fatalf("Relink %d: %v", i+1, err)
		}
	}
	got := listedAs(t, s, id)
	if !slices.Contains(got, "Howard Flight") || !slices.Contains(got, "Michael Howard") {
		t.Errorf("the article lists %q, want Howard Flight and Michael Howard", got)
	}
	checkCounts(t, s)
}

// TestRelinkTitledNameIsNoFirstName: beside a relinked "Flight", "Mr
// Howard" is someone's surname, not Howard Flight's first name.
func TestRelinkTitledNameIsNoFirstName(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, repeat(3, story("Flight row", "Howard Flight left the Tories.", per("Howard Flight", "Howard Flight"), org("Tories")))...)
	id := mustImport(t, s, story("Deselected", "Flight said Mr Howard told the Tories no.", per("Flight", "Flight"), per("Howard", "Howard"), org("Tories"))).IDs[0]
	if _, err := s.Relink(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := listedAs(t, s, id)
	if !slices.Contains(got, "Howard Flight") || !slices.Contains(got, "Howard") {
		t.Errorf("the article lists %q, want Howard Flight and Howard apart", got)
	}
	checkCounts(t, s)
}

// TestRelinkPassSeesWhatTheLastMoved: the first pass moves "Presley" and
// the "Elvis" beside him to Elvis Presley in two Graceland stories, and
// the second pass looks at "Presley" again. It must read those stories as
// they are now, naming Elvis Presley: counted as they were, they would
// make "Elvis" a companion of his (two shared articles) and relink a story
// that names no companion of his at all.
func TestRelinkPassSeesWhatTheLastMoved(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, repeat(3, story("Graceland", "Elvis Presley bought Graceland.", per("Elvis Presley", "Elvis Presley"), org("Graceland")))...)
	mustImport(t, s, repeat(2, story("Concert", "Presley sang at Graceland. Elvis smiled.", per("Presley", "Presley"), per("Elvis", "Elvis"), org("Graceland")))...)
	id := mustImport(t, s, story("Meeting", "Presley and Elvis met.", per("Presley", "Presley"), per("Elvis", "Elvis"))).IDs[0]
	n, err := s.Relink(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("relinked %d names, want 4 (two stories' Presley and Elvis)", n)
	}
	if got := listedAs(t, s, id); !slices.Contains(got, "Presley") || slices.Contains(got, "Elvis Presley") {
		t.Errorf("the story with no companion of Elvis Presley lists %q, want Presley and Elvis left alone", got)
	}
	checkCounts(t, s)
}

// TestRelinkKeepingFewNames: the names of the articles a relink has read
// are only kept to be read once; a relink that drops them at every surname
// (as one looking at every surname of a large store does past
// namesKept) relinks the same articles to the same people.
func TestRelinkKeepingFewNames(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("tags 2,225 articles: run without -short or -race")
	}
	arts := tagged(t, shareddata.Path(t, "articles/bbc"))
	ctx := context.Background()
	kept, dropped := openTemp(t), openTemp(t)
	mustImport(t, kept, arts...)
	mustImport(t, dropped, arts...)
	n, err := kept.Relink(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, err := dropped.RelinkKeepingNames(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n != m || n == 0 {
		t.Errorf("relinked %d articles keeping names, %d dropping them", n, m)
	}
	listed := func(s *store.Store) map[int64][]string {
		out := make(map[int64][]string)
		list, err := s.List(ctx, store.ListQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			out[a.ID] = listedAs(t, s, a.ID)
		}
		return out
	}
	a, b := listed(kept), listed(dropped)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("listed %d and %d articles", len(a), len(b))
	}
	for id, names := range a {
		if !slices.Equal(names, b[id]) {
			t.Errorf("article %d lists %q keeping names, %q dropping them", id, names, b[id])
		}
	}
	checkCounts(t, dropped)
}

package reader

import (
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/highlight"
	"github.com/bylinehq/byline/ui/styles"
)

// pinStory is story() with one entity, named twice, for byline show.
func pinStory() *model.Article {
	a := story()
	a.Entities = []model.Entity{{Name: "Port Elling", Type: model.LOC, Mentions: []model.Mention{
		{Field: model.FieldTitle, Start: strings.Index(a.Title, "Port Elling"), End: strings.Index(a.Title, "Port Elling") + 11},
		{Field: model.FieldCaption, Start: strings.Index(a.Caption, "Port Elling"), End: strings.Index(a.Caption, "Port Elling") + 11},
	}}}
	return a
}

func TestRenderHighlight(t *testing.T) {
	a := pinStory()
	out, err := Render(a, 80, RenderOptions{Color: true, Dark: true, Highlight: []string{"port elling"}})
	if err != nil {
		t.Fatal(err)
	}
	open := highlight.Background(styles.New(true).Mark.Pins[0]).Open
	if strings.Count(out, open+"Port Elling") != 2 {
		t.Errorf("want both mentions on the first pin colour: %q", out)
	}
	if strings.Contains(out, highlight.Marker) {
		t.Error("markers left in the output")
	}
	plain, _ := Render(a, 80, RenderOptions{Highlight: []string{"Port Elling"}})
	if strings.ContainsAny(plain, "\x1b") || strings.Contains(plain, highlight.Marker) {
		t.Errorf("plain output holds escapes or markers: %q", plain)
	}
	nc, _ := Render(a, 80, RenderOptions{NoColor: true, Highlight: []string{"Port Elling"}})
	if strings.Count(nc, "\x1b[7mPort Elling") != 2 {
		t.Errorf("NoColor: want reverse video: %q", nc)
	}
}

func TestFindHits(t *testing.T) {
	got := findAll("Straße STRASSE straße İstanbul", "straße")
	if len(got) != 2 || got[0].Start != 0 || got[1].Start != len("Straße STRASSE ") {
		t.Fatalf("findAll = %+v", got)
	}
}

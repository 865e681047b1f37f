package ingest

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
)

const seedFile = "seeds/000_d27acffbcd5def62.txt"

// TestParseSeed checks every field of the article byline was started from.
func TestParseSeed(t *testing.T) {
	path := sharedPath(t, seedFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := mustParse(t, path, string(data))
	last := ""
	if n := len(a.Paragraphs); n > 0 {
		last = a.Paragraphs[n-1]
	}
	tests := []struct {
		field string
		got   any
		want  any
	}{
		{"title", a.Title, "Vladimir Putin welcomes ‘dear friend’ Chinese leader Xi Jinping to Moscow"},
		{"caption", a.Caption, "Russian President Vladimir Putin and Chinese President Xi Jinping."},
		{"credit", a.Credit, "Sputnik/Sergei Karpukhin/Pool via Reuters"},
		{"published", a.Published, time.Date(2023, 3, 21, 10, 3, 0, 0, time.UTC)},
		{"published zone", a.Published.Location(), time.UTC},
		{"paragraphs", len(a.Paragraphs), 28},
		{"first paragraph", strings.HasPrefix(a.Paragraphs[0], "Vladimir Putin and his"), true},
		{"last paragraph", strings.HasPrefix(last, "Ukraine, which regained"), true},
		{"format", a.Format, model.FormatText},
		{"source", a.Source, path},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s = %v, want %v", tt.field, tt.got, tt.want)
			}
		})
	}
	t.Run("no metadata in body", func(t *testing.T) {
		for i, p := range a.Paragraphs {
			if strings.Contains(p, "Publish") || strings.Contains(p, "Give Your Comments") || strings.Contains(p, "(Photo:") {
				t.Errorf("paragraph %d holds page furniture: %q", i, p)
			}
		}
	})
}

// TestParseSeedVariants checks that the seed format is recognised when a
// site writes it a little differently, and that plain text is not mistaken
// for it.
func TestParseSeedVariants(t *testing.T) {
	when := time.Date(2023, 3, 21, 10, 3, 0, 0, time.UTC)
	tests := []struct {
		name      string
		in        string
		caption   string
		credit    string
		published time.Time
		body      []string
	}{
		{
			name:      "publish without spaces",
			in:        "T\n\nBody.\n\nPublish:2023-03-21 10:03:00\n",
			published: when, body: []string{"Body."},
		},
		{
			name:      "published on, lower case, trailer with punctuation",
			in:        "T\n\nBody.\n\npublished on : 2023-03-21 10:03\n\ngive your comments:\n",
			published: when, body: []string{"Body."},
		},
		{
			name:      "publish line glued to trailer",
			in:        "T\n\nBody.\nPublish : 2023-03-21 10:03:00\nGive Your Comments",
			published: when, body: []string{"Body."},
		},
		{
			name:      "publish with a zone is converted to UTC",
			in:        "T\n\nBody.\n\nPublish : 2023-03-21T12:03:00+02:00",
			published: when, body: []string{"Body."},
		},
		{
			name: "unreadable publish date stays in the body",
			in:   "T\n\nBody.\n\nPublish : soon",
			body: []string{"Body.", "Publish : soon"},
		},
		{
			name:    "caption with credit",
			in:      "T\n\nA photo. (Photo: AP)\n\nBody.",
			caption: "A photo.", credit: "AP", body: []string{"Body."},
		},
		{
			name:    "caption with image credit, odd spacing",
			in:      "T\n\nA photo.(Image credit :  Getty Images )\n\nBody.",
			caption: "A photo.", credit: "Getty Images", body: []string{"Body."},
		},
		{
			name: "caption without credit is a paragraph",
			in:   "T\n\nRussian President Vladimir Putin.\n\nBody.",
			body: []string{"Russian President Vladimir Putin.", "Body."},
		},
		{
			name: "empty credit is no caption",
			in:   "T\n\nA photo. (Photo: )\n\nBody.",
			body: []string{"A photo. (Photo: )", "Body."},
		},
		{
			name: "credit only in a later paragraph is left alone",
			in:   "T\n\nBody.\n\nMore (Photo: AP)",
			body: []string{"Body.", "More (Photo: AP)"},
		},
		{
			name: "trailer words mid-article are kept",
			in:   "T\n\nGive your comments\n\nBody.",
			body: []string{"Give your comments", "Body."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "a.txt", tt.in)
			if a.Title != "T" || a.Caption != tt.caption || a.Credit != tt.credit || !a.Published.Equal(tt.published) {
				t.Errorf("got title %q caption %q credit %q published %v", a.Title, a.Caption, a.Credit, a.Published)
			}
			if strings.Join(a.Paragraphs, "|") != strings.Join(tt.body, "|") {
				t.Errorf("paragraphs = %q, want %q", a.Paragraphs, tt.body)
			}
		})
	}
}

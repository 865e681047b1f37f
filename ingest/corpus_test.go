package ingest

import (
	"testing"
)

// TestBBCCorpus parses every article of the BBC corpus: each must give a
// title and at least one paragraph.
func TestBBCCorpus(t *testing.T) {
	dir := sharedPath(t, "data/articles/bbc")
	files, errs := Files([]string{dir})
	for _, err := range errs {
		t.Error(err)
	}
	if len(files) != 2225 {
		t.Errorf("found %d articles, want 2225", len(files))
	}
	for _, f := range files {
		a, err := ReadFile(f)
		if err != nil {
			t.Error(err)
			continue
		}
		if p := articleProblem(a); p != "" {
			t.Errorf("%s: %s", f, p)
		}
		if len(a.Paragraphs) == 0 {
			t.Errorf("%s: no paragraphs", f)
		}
		if a.Caption != "" || !a.Published.IsZero() {
			t.Errorf("%s: seed-format fields found in plain text: %q %v", f, a.Caption, a.Published)
		}
	}
}

// BenchmarkParse measures one typical seed-format article.
func BenchmarkParse(b *testing.B) {
	data := []byte(sampleArticle)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("x.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// sampleArticle is a made-up article in the seed format.
const sampleArticle = `Harbour council approves new ferry timetable

The old quay at dawn. (Photo: Example Agency)

The harbour council voted on Monday to add two evening crossings to the island ferry, after a summer of queues at the terminal.

Councillor Ana Ruiz said the change would "take the pressure off the last boat" and promised a review in spring.

Publish : 2024-05-06 18:30:00

Give Your Comments`

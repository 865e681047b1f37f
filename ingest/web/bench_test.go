package web

import (
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/bylinehq/byline/ingest/shareddata"
)

// benchPages reads the first n scrapinghub pages.
func benchPages(b *testing.B, n int) [][]byte {
	dir := shareddata.Path(b, "html/scrapinghub/html")
	names, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(names) == 0 {
		b.Skipf("no pages in %s", dir)
	}
	var pages [][]byte
	for _, name := range names[:min(n, len(names))] {
		p, err := readGzip(name)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
	}
	return pages
}

// BenchmarkExtract is the cost of one real news page, end to end.
//
//	go test ./ingest/web -run '^$' -bench 'Extract|FindPublished' -benchmem
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b, 20)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Extract("https://news.example/story", pages[i%len(pages)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkFindPublished is the date finder's share of a page.
func BenchmarkFindPublished(b *testing.B) {
	var docs []*html.Node
	for _, p := range benchPages(b, 20) {
		doc, err := html.Parse(utf8Reader(p))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		findPublished(docs[i%len(docs)], "https://news.example/story", "")
		i++
	}
}

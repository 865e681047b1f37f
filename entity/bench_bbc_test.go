package entity

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/internal/cputime"
	"github.com/bylinehq/byline/model"
)

// bbcArticles reads every BBC article as the import does, or skips.
func bbcArticles(b *testing.B) []model.Article {
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("BBC articles absent (../shared is not checked out)")
	}
	arts := make([]model.Article, 0, len(files))
	for _, p := range files {
		a, err := ingest.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// benchBBC runs each over every BBC article on one core and reports the
// CPU time per article, the figure an import's speed follows (and which a
// machine shared with other work disturbs least), and articles per second.
func benchBBC(b *testing.B, each func(a *model.Article)) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	arts := bbcArticles(b)
	for i := range arts {
		each(&arts[i]) // warm up: the model is decoded, the caches filled
	}
	runtime.GC()
	b.ResetTimer()
	cpu := cputime.Used()
	n := 0
	for b.Loop() {
		for i := range arts {
			each(&arts[i])
		}
		n += len(arts)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cputime.Used() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/article")
	}
}

// BenchmarkTagBBC is the statistical tagger alone over the BBC corpus.
func BenchmarkTagBBC(b *testing.B) {
	st, err := NewStatistical()
	if err != nil {
		b.Fatal(err)
	}
	benchBBC(b, func(a *model.Article) { st.Tag(a) })
}

// BenchmarkExtractBBC is what the import spends on entities per BBC
// article: tagging, spotting known names, linking.
func BenchmarkExtractBBC(b *testing.B) {
	ex := New()
	benchBBC(b, func(a *model.Article) { ex.Extract(a) })
}

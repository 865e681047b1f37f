package highlight

import (
	"regexp"
	"strings"
	"testing"
)

// benchNames adds the two capitals to the seed's mentions of Xi and Putin,
// for about thirty ranges: a busy pinned article.
var benchNames = regexp.MustCompile(`\b(?:Xi Jinping|Xi|Vladimir Putin|Putin|Moscow|Beijing)\b`)

func benchRanges(paras []string) [][]Range {
	all := make([][]Range, len(paras))
	for i, p := range paras {
		for _, m := range benchNames.FindAllStringIndex(p, -1) {
			all[i] = append(all[i], Range{Start: m[0], End: m[1]})
		}
	}
	return all
}

// BenchmarkApply measures painting the rendered seed body at width 100: the
// work done when an entity is pinned and the body is already rendered.
func BenchmarkApply(b *testing.B) {
	paras := seedBody(b)
	ranges := benchRanges(paras)
	var marked []string
	var pairs []int
	for i, p := range paras {
		m, order := Mark(p, ranges[i])
		marked = append(marked, m)
		pairs = AppendStyles(pairs, ranges[i], order)
	}
	raw := renderDark(b, strings.Join(marked, "\n\n"), 100)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		Apply(raw, twoStyles, pairs)
	}
	b.ReportMetric(float64(len(pairs)), "ranges")
}

// BenchmarkMark measures marking every paragraph of the seed body.
func BenchmarkMark(b *testing.B) {
	paras := seedBody(b)
	ranges := benchRanges(paras)
	for b.Loop() {
		for i, p := range paras {
			Mark(p, ranges[i])
		}
	}
}

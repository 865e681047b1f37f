package compare

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/entity/tagger"
)

var (
	runCompare = flag.Bool("compare", false, "run the byline / prose v2 / baseline comparison and print its table")
	gumOut     = flag.String("gum-out", filepath.Join(os.TempDir(), "byline-gum-news.conll"), "where -compare writes the GUM conversion, for byline eval ner")
)

// minMargin is the bar: byline's typed F1 on GUM beats prose v2's
// by at least this much.
const minMargin = 0.15

func sharedData(tb testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "data")
	for _, p := range []string{"ner/conll2003/eng.testa", "ner/gum-news/conllu"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			tb.Skipf("shared data not found at %s (%s); skipping", dir, p)
		}
	}
	return dir
}

// row is one system's line of the table.
type row struct {
	name             string
	testa, gum       Scores
	typed            bool
	tokensPerSecond  float64
	testaF1, gumF1   float64 // typed, as byline eval ner prints it (byline only)
	testaRep, gumRep tagger.Report
}

// TestCompare is the script behind the table in README.md:
//
//	go test ./entity/compare -run TestCompare -v -compare
//
// It scores byline, prose v2 and the capitalised-run baseline on eng.testa
// and on GUM's news articles converted to CoNLL, writes that conversion to
// -gum-out for `go run . eval ner`, prints a Markdown table and fails when
// byline does not beat prose on GUM by minMargin.
func TestCompare(t *testing.T) {
	if !*runCompare {
		t.Skip("the comparison takes about a minute; run it with -compare")
	}
	dir := sharedData(t)
	m, err := tagger.Load()
	if err != nil {
		t.Fatal(err)
	}
	testa := FromCoNLL(readCoNLL(t, filepath.Join(dir, "ner", "conll2003", "eng.testa")))
	gum, err := ReadGUMDir(filepath.Join(dir, "ner", "gum-news", "conllu"), GUMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(*gumOut)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteCoNLL(f, Documents(gum)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// Score byline on the file as byline eval ner reads it, so that the
	// command reproduces the table.
	back := readCoNLL(t, *gumOut)
	if !reflect.DeepEqual(back, Documents(gum)) {
		t.Fatalf("%s does not read back as the documents written", *gumOut)
	}

	byline := row{name: "byline", typed: true}
	byline.testaRep = tagger.EvaluateDocuments(Documents(testa), m)
	byline.gumRep = tagger.EvaluateDocuments(back, m)
	byline.testa = Score(Documents(testa), bylineTags(m, testa))
	byline.gum = Score(back, bylineTags(m, gum))
	for _, c := range []struct {
		rep tagger.Report
		s   Scores
	}{{byline.testaRep, byline.testa}, {byline.gumRep, byline.gum}} {
		if c.rep.F1 != c.s.Typed.F1() {
			t.Fatalf("byline eval ner F1 %.6f, TagSentences scored here %.6f: they must agree", c.rep.F1, c.s.Typed.F1())
		}
	}
	byline.tokensPerSecond = speed(gum, func(a *Article) { m.TagDocument(a.Paragraphs()) })

	pt := newProseTagger(t)
	prose := row{name: "prose v2", typed: true}
	for _, c := range []struct {
		arts []Article
		out  *Scores
	}{{testa, &prose.testa}, {gum, &prose.gum}} {
		pred, err := pt.tagArticles(c.arts)
		if err != nil {
			t.Fatal(err)
		}
		*c.out = Score(Documents(c.arts), pred)
	}
	if pt.missed > 0 {
		t.Logf("prose: %d tokens could not be placed in the text", pt.missed)
	}
	prose.tokensPerSecond = speed(gum, func(a *Article) {
		if _, err := pt.run(a.Text); err != nil {
			t.Fatal(err)
		}
	})

	base := row{name: "capitalised-run baseline"}
	base.testa = Score(Documents(testa), baselineTags(testa))
	base.gum = Score(Documents(gum), baselineTags(gum))
	base.tokensPerSecond = speed(gum, func(a *Article) {
		var sent []string
		for _, tok := range tagger.Tokenize(a.Text) {
			if tok.SentenceStart && len(sent) > 0 {
				CapitalisedRuns(sent)
				sent = sent[:0]
			}
			sent = append(sent, tok.Text)
		}
		CapitalisedRuns(sent)
	})

	rows := []row{byline, prose, base}
	fmt.Print(table(rows, len(Documents(gum)), byline.gum.Tokens))
	fmt.Printf("\nGUM conversion written to %s; reproduce byline's GUM figures with:\n\tgo run . eval ner %s\n", *gumOut, *gumOut)
	fmt.Printf("byline eval ner on it: %s\n", reportLine(byline.gumRep))
	fmt.Printf("per type on GUM (F1): byline %s; prose %s\n", perType(byline.gum), perType(prose.gum))

	literal, err := ReadGUMDir(filepath.Join(dir, "ner", "gum-news", "conllu"), GUMOptions{Literal: true})
	if err != nil {
		t.Fatal(err)
	}
	prosePred, err := pt.tagArticles(literal)
	if err != nil {
		t.Fatal(err)
	}
	litByline, litProse := Score(Documents(literal), bylineTags(m, literal)).Typed.F1(), Score(Documents(literal), prosePred).Typed.F1()
	fmt.Printf("GUM F1 with the literal conversion (GUM's types, no demonyms): byline %.3f, prose v2 %.3f\n", litByline, litProse)

	// The bar holds on either conversion.
	for _, c := range []struct {
		name          string
		byline, rival float64
	}{{"GUM", byline.gum.Typed.F1(), prose.gum.Typed.F1()}, {"literal GUM", litByline, litProse}} {
		if margin := c.byline - c.rival; margin < minMargin {
			t.Errorf("%s: byline F1 %.3f beats prose v2's %.3f by %.3f, want at least %.2f",
				c.name, c.byline, c.rival, margin, minMargin)
		}
	}
}

func readCoNLL(t testing.TB, path string) []tagger.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := tagger.ReadCoNLL(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return docs
}

// bylineTags tags each article's words as byline eval ner does.
func bylineTags(m *tagger.Model, arts []Article) [][][]string {
	out := make([][][]string, len(arts))
	for i := range arts {
		out[i] = m.TagSentences(arts[i].Doc)
	}
	return out
}

func baselineTags(arts []Article) [][][]string {
	out := make([][][]string, len(arts))
	for i := range arts {
		for _, s := range arts[i].Doc.Sentences {
			out[i] = append(out[i], CapitalisedRuns(s.Words))
		}
	}
	return out
}

// speed is tokens (gold words) per second of tag run over every article's
// raw text, tokenizing included, measured by testing.Benchmark.
func speed(arts []Article, tag func(*Article)) float64 {
	words := 0
	for i := range arts {
		for _, s := range arts[i].Doc.Sentences {
			words += len(s.Words)
		}
	}
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			for i := range arts {
				tag(&arts[i])
			}
		}
	})
	if res.T <= 0 {
		return 0
	}
	return float64(words) * float64(res.N) / res.T.Seconds()
}

func table(rows []row, docs, tokens int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| system | eng.testa F1 | eng.testa span F1 | GUM F1 | GUM span F1 | tokens/s |\n")
	fmt.Fprintf(&b, "| --- | --- | --- | --- | --- | --- |\n")
	for _, r := range rows {
		typed := func(s Scores) string {
			if !r.typed {
				return "—"
			}
			return fmt.Sprintf("%.3f", s.Typed.F1())
		}
		fmt.Fprintf(&b, "| %s | %s | %.3f | %s | %.3f | %s |\n", r.name,
			typed(r.testa), r.testa.Span.F1(), typed(r.gum), r.gum.Span.F1(), thousands(r.tokensPerSecond))
	}
	fmt.Fprintf(&b, "\nGUM: %d articles, %d tokens, %d gold names. tokens/s: raw GUM text, tokenizing included, one goroutine (%s).\n",
		docs, tokens, rows[0].gum.Typed.Gold, time.Now().Format("2006-01-02"))
	return b.String()
}

func reportLine(r tagger.Report) string {
	return fmt.Sprintf(`{"tokens":%d,"gold":%d,"predicted":%d,"precision":%.4f,"recall":%.4f,"f1":%.4f}`,
		r.Tokens, r.Gold, r.Predicted, r.Precision, r.Recall, r.F1)
}

func perType(s Scores) string {
	var parts []string
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		parts = append(parts, fmt.Sprintf("%s %.3f", t, s.PerType[t].F1()))
	}
	return strings.Join(parts, ", ")
}

func thousands(v float64) string {
	n := int64(v + 0.5)
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

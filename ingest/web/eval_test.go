package web

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bylinehq/byline/ingest/shareddata"
)

// showEval prints per-page scores; the totals are always logged.
var showEval = flag.Bool("eval", false, "print the extraction score of every benchmark page")

// minF1 is the bar for article-body extraction on the benchmark. go-readability
// with Extract's cleaning scores 0.970 (precision 0.957, recall 0.984); the
// go-trafilatura extraction it replaced scored 0.957.
const minF1 = 0.965

// TestExtractionBenchmark extracts every page of the scrapinghub
// article-extraction benchmark and scores the body against its ground truth
// with the benchmark's metric (evaluate.py): 4-token shingles of \w+ tokens,
// per-page true/false positives normalised to sum to one, precision and
// recall averaged over pages, F1 from those averages. It scores the text a
// reader sees, so Markdown link targets are left out.
//
//	go test ./ingest/web -run ExtractionBenchmark -v [-eval]
func TestExtractionBenchmark(t *testing.T) {
	if testing.Short() {
		t.Skip("extraction benchmark skipped in -short mode")
	}
	dir := shareddata.Path(t, "html/scrapinghub")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)

	scores := make([]pageScore, len(ids))
	var wg sync.WaitGroup
	work := make(chan int)
	start := time.Now()
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				id := ids[i]
				page, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
				if err != nil {
					t.Error(err)
					continue
				}
				body := ""
				if a, err := Extract(truth[id].URL, page); err == nil {
					body = visibleText(a.Paragraphs)
				} else if *showEval {
					t.Logf("%s: %v", id, err)
				}
				scores[i] = shingleScore(truth[id].ArticleBody, body)
			}
		}()
	}
	for i := range ids {
		work <- i
	}
	close(work)
	wg.Wait()

	p, r, f1 := aggregate(scores)
	if *showEval {
		for i, id := range ids {
			s := scores[i]
			t.Logf("%s tp=%.3f fp=%.3f fn=%.3f", id[:12], s.tp, s.fp, s.fn)
		}
	}
	t.Logf("scrapinghub benchmark, %d pages in %s: F1 %.3f, precision %.3f, recall %.3f",
		len(ids), time.Since(start).Round(time.Second), f1, p, r)
	if f1 < minF1 {
		t.Errorf("F1 %.3f is below %.2f", f1, minF1)
	}
}

// pageScore is one page's normalised shingle counts.
type pageScore struct{ tp, fp, fn float64 }

// tokenRE is Python's \w+ with re.UNICODE, near enough: letters, digits and
// underscore.
var tokenRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingleScore is evaluate.py's string_shingle_matching with n = 4.
func shingleScore(truth, pred string) pageScore {
	tc, pc := shingles(truth), shingles(pred)
	var s pageScore
	for k, t := range tc {
		p := pc[k]
		s.tp += float64(min(t, p))
		s.fn += float64(max(0, t-p))
	}
	for k, p := range pc {
		s.fp += float64(max(0, p-tc[k]))
	}
	if sum := s.tp + s.fp + s.fn; sum > 0 {
		s.tp, s.fp, s.fn = s.tp/sum, s.fp/sum, s.fn/sum
	}
	return s
}

// shingles counts the 4-token shingles of text; a text of fewer than four
// tokens is one shorter shingle, and no tokens none.
func shingles(text string) map[string]int {
	tokens := tokenRE.FindAllString(text, -1)
	out := make(map[string]int)
	for i := 0; i < max(1, len(tokens)-3); i++ {
		sh := tokens[i:min(i+4, len(tokens))]
		if len(sh) > 0 {
			out[strings.Join(sh, "\x00")]++
		}
	}
	return out
}

// aggregate is evaluate.py's metrics_from_tp_fp_fns.
func aggregate(scores []pageScore) (precision, recall, f1 float64) {
	var np, nr int
	for _, s := range scores {
		if s.tp+s.fp > 0 {
			np++
			switch {
			case s.fp == 0 && s.fn == 0:
				precision++
			case s.tp > 0:
				precision += s.tp / (s.tp + s.fp)
			}
		}
		if s.tp+s.fn > 0 {
			nr++
			switch {
			case s.fp == 0 && s.fn == 0:
				recall++
			case s.tp > 0:
				recall += s.tp / (s.tp + s.fn)
			}
		}
	}
	precision /= float64(max(np, 1))
	recall /= float64(max(nr, 1))
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

// linkTarget matches a Markdown link or image target, "](...)".
var linkTarget = regexp.MustCompile(`\]\([^)\s]*(?:\s+"[^"]*")?\)`)

// visibleText is the body as a reader sees it: link targets removed.
func visibleText(paras []string) string {
	return linkTarget.ReplaceAllString(strings.Join(paras, "\n\n"), "]")
}

// readGzip reads a gzip-compressed file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

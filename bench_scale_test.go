package main

// Benchmarks of how the reader scales with the store: each runs at every
// size of benchSizes (10k, 100k; 1M with BYLINE_BENCH_1M=1) over stores the
// generator builds from the BBC corpus. Run them with
//
//	go test -run '^$' -bench Scale -benchtime 3x .

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/internal/cputime"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui"
)

// scaleRun runs fn as a sub-benchmark per store size, sizes first.
func scaleRun(b *testing.B, sizes []int, fn func(b *testing.B, path string, n int)) {
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) { fn(b, benchStore(b, n), n) })
	}
}

// openReader is the reader on the store at path at 160x45, its list loaded.
func openReader(b *testing.B, path string) (*ui.Model, func()) {
	st, err := store.OpenReadOnly(path) // benchmarks never write the cached stores
	if err != nil {
		b.Fatal(err)
	}
	m := ui.New(st, ui.Options{ReadDelay: -1})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	settleFor(m, m.Init(), queryWait)
	return m, func() { st.Close() }
}

// BenchmarkScaleFirstFrame is start-up: open the store, build the model,
// size it, load the list and draw, until the status bar shows the exact
// count (ns/op); rows-ms is the time to the first frame that shows the
// list's rows, before the count (the queries run one after another here,
// not side by side as in the reader). The one-article store is the bar the
// others are held to.
func BenchmarkScaleFirstFrame(b *testing.B) {
	scaleRun(b, append([]int{1}, benchSizes()...), func(b *testing.B, path string, n int) {
		want := fmt.Sprintf("/%d", n)
		var rows time.Duration
		for b.Loop() {
			start := time.Now()
			st, err := store.OpenReadOnly(path)
			if err != nil {
				b.Fatal(err)
			}
			m := ui.New(st, ui.Options{ReadDelay: -1})
			m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
			shown := false
			settleEach(m, m.Init(), queryWait, func(tea.Msg) {
				if !shown && m.ListLen() > 0 {
					_ = m.View()
					shown = true
					rows += time.Since(start)
				}
			})
			if v := m.View().Content; !strings.Contains(v, want) {
				b.Fatalf("first frame does not show %s: %q", want, v[:min(len(v), 300)])
			}
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(rows.Microseconds())/1000/float64(b.N), "rows-ms")
	})
}

// BenchmarkScaleKeyFrame is one `j` in the list and the frame after it; it
// walks on down the list, so it crosses the edges of what the list holds.
// The queries the key starts (the article, the next rows) run untimed, as
// they run beside the frame in the reader.
func BenchmarkScaleKeyFrame(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		m, done := openReader(b, path)
		defer done()
		j := tea.KeyPressMsg{Code: 'j', Text: "j"}
		for b.Loop() {
			cmd := m.Update(j)
			_ = m.View()
			b.StopTimer()
			settleFor(m, cmd, queryWait)
			b.StartTimer()
		}
	})
}

// settleKey is one key and the list queries it leads to, but not the
// article load (the reader shows "loading…" meanwhile; not part of a
// list frame).
func settleKey(m *ui.Model, k tea.KeyPressMsg) {
	settleFor(m, m.Update(k), queryWait)
}

// queryWait is the longest a benchmark waits for one query's answer.
const queryWait = 10 * time.Second

// BenchmarkScaleBottom is G then g in the list, each with its frame.
func BenchmarkScaleBottom(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		m, done := openReader(b, path)
		defer done()
		bottom := tea.KeyPressMsg{Code: tea.KeyEnd}
		top := tea.KeyPressMsg{Code: tea.KeyHome}
		for b.Loop() {
			settleKey(m, bottom)
			if m.SelectedIndex() != n-1 {
				b.Fatalf("G selects row %d of %d", m.SelectedIndex(), n)
			}
			_ = m.View()
			settleKey(m, top)
			_ = m.View()
		}
	})
}

// BenchmarkScaleSearch is the first page of a search for a common word, as
// the reader asks for it: the best 500 of its newest hits, with an
// estimate of their number (the exact count follows the frame, in
// BenchmarkScaleSearchCount).
func BenchmarkScaleSearch(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		before := cputime.Used()
		for b.Loop() {
			res, err := st.SearchItems(ctx, "government*", store.ListQuery{Limit: 500})
			if err != nil || len(res.Items) != 500 || res.Total < 500 {
				b.Fatalf("%d hits of %d: %v", len(res.Items), res.Total, err)
			}
		}
		reportCPU(b, before)
	})
}

// BenchmarkScaleSearchTyping is the list's first page as someone starts
// typing a search: "g", then "go", each a prefix (the word being typed);
// ns/op is both, g-ms and go-ms each. A prefix of a few letters starts
// hundreds of words, which FTS5 would merge in full before the first hit.
func BenchmarkScaleSearchTyping(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		steps := []string{"g*", "go*"}
		spent := make([]time.Duration, len(steps))
		before := cputime.Used()
		for b.Loop() {
			for i, q := range steps {
				start := time.Now()
				res, err := st.SearchItems(ctx, q, store.ListQuery{Limit: 500})
				spent[i] += time.Since(start)
				if err != nil || len(res.Items) != 500 {
					b.Fatalf("%s: %d hits: %v", q, len(res.Items), err)
				}
			}
		}
		reportCPU(b, before)
		for i, q := range steps {
			b.ReportMetric(float64(spent[i].Microseconds())/1000/float64(b.N), strings.TrimSuffix(q, "*")+"-ms")
		}
	})
}

// BenchmarkScaleSearchCount is the exact count of a common word's hits,
// which replaces the estimate once the first page is drawn.
func BenchmarkScaleSearchCount(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		before := cputime.Used()
		for b.Loop() {
			if total, err := st.SearchCount(ctx, "government*", store.ListQuery{}); err != nil || total < 500 {
				b.Fatalf("%d hits: %v", total, err)
			}
		}
		reportCPU(b, before)
	})
}

// BenchmarkScaleRelated is the entity view's "Often named with" for the
// store's most named entity, the costliest to relate.
func BenchmarkScaleRelated(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		top, err := st.Entities(ctx, store.EntityQuery{Limit: 1})
		if err != nil || len(top) == 0 {
			b.Fatalf("no entities: %v", err)
		}
		for b.Loop() {
			if rel, err := st.Related(ctx, top[0].ID, 12); err != nil || len(rel) == 0 {
				b.Fatalf("related to %s: %d, %v", top[0].Name, len(rel), err)
			}
		}
	})
}

// BenchmarkScaleEntityFilter is what `f` on an entity costs the list: the
// first window of rows for the store's most named person (its count comes
// after the frame, in BenchmarkScaleEntityCount).
func BenchmarkScaleEntityFilter(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		top, err := st.Entities(ctx, store.EntityQuery{Type: model.PER, Limit: 1})
		if err != nil || len(top) == 0 {
			b.Fatalf("no entities: %v", err)
		}
		for b.Loop() {
			rows, err := st.ListPage(ctx, store.ListQuery{EntityID: top[0].ID}, store.Page{Limit: 200})
			if err != nil || len(rows) == 0 {
				b.Fatalf("%d rows for %s: %v", len(rows), top[0].Name, err)
			}
		}
	})
}

// BenchmarkScaleEntityFilterShares is the first window of the entity
// filter for the entities named in about 0.5%, 2% and 5% of the store, the
// shares where one way of reading the list gives way to another: ns/op is
// the three together, and each is reported apart (ms-0.5%, ...).
func BenchmarkScaleEntityFilterShares(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		all, err := st.Entities(ctx, store.EntityQuery{})
		if err != nil || len(all) == 0 {
			b.Fatalf("no entities: %v", err)
		}
		shares := []float64{0.005, 0.02, 0.05}
		picked := make([]model.EntityCount, len(shares))
		for i, share := range shares {
			want := int(share * float64(n))
			for _, e := range all {
				if d, best := abs(e.Articles-want), abs(picked[i].Articles-want); picked[i].ID == 0 || d < best {
					picked[i] = e
				}
			}
		}
		took := make([]time.Duration, len(shares))
		for b.Loop() {
			for i, e := range picked {
				start := time.Now()
				rows, err := st.ListPage(ctx, store.ListQuery{EntityID: e.ID}, store.Page{Limit: 200})
				if err != nil || len(rows) == 0 {
					b.Fatalf("%d rows for %s: %v", len(rows), e.Name, err)
				}
				took[i] += time.Since(start)
			}
		}
		for i, share := range shares {
			b.ReportMetric(float64(took[i].Microseconds())/1000/float64(b.N), fmt.Sprintf("ms-%g%%", share*100))
		}
	})
}

func abs(x int) int { return max(x, -x) }

// BenchmarkScaleEntityCount is the count the status bar shows once the
// entity filter's first rows are drawn.
func BenchmarkScaleEntityCount(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		ctx := context.Background()
		top, err := st.Entities(ctx, store.EntityQuery{Type: model.PER, Limit: 1})
		if err != nil || len(top) == 0 {
			b.Fatalf("no entities: %v", err)
		}
		for b.Loop() {
			if total, _, err := st.ListCount(ctx, store.ListQuery{EntityID: top[0].ID}); err != nil || total == 0 {
				b.Fatalf("%d rows for %s: %v", total, top[0].Name, err)
			}
		}
	})
}

// BenchmarkScalePeakMemory is the reader's peak resident memory (VmHWM, MB)
// in a child process that opens the store and reads 300 articles.
func BenchmarkScalePeakMemory(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		var peak float64
		for b.Loop() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestReaderMemoryChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "BYLINE_MEMCHILD_DB="+path)
			out, err := cmd.CombinedOutput()
			if err != nil {
				b.Fatalf("child: %v\n%s", err, out)
			}
			peak = max(peak, float64(vmHWM(b, string(out)))/1024)
		}
		b.ReportMetric(peak, "peak-MB")
	})
}

// BenchmarkScaleStoreSize reports the size of the store file per article,
// with its entities and search index.
func BenchmarkScaleStoreSize(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
		}
		b.ReportMetric(float64(fi.Size())/1024/float64(n), "KB/article")
	})
}

// BenchmarkScaleEntityView is `o` in the list: the view of every entity,
// its first entity's companions and articles, and the frame; then esc.
func BenchmarkScaleEntityView(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		m, done := openReader(b, path)
		defer done()
		open := tea.KeyPressMsg{Code: 'o', Text: "o"}
		esc := tea.KeyPressMsg{Code: tea.KeyEscape}
		for b.Loop() {
			settleKey(m, open)
			if !m.EntityViewOpen() {
				b.Fatal("o did not open the entity view")
			}
			_ = m.View()
			b.StopTimer()
			settleKey(m, esc)
			b.StartTimer()
		}
	})
}

// BenchmarkScaleListJSON is `byline list --json` of the whole store, to
// io.Discard: the rows streamed a page at a time.
func BenchmarkScaleListJSON(b *testing.B) {
	scaleRun(b, benchSizes(), func(b *testing.B, path string, n int) {
		st := readOnlyStore(b, path)
		for b.Loop() {
			rows := 0
			err := eachListed(context.Background(), st, store.ListQuery{}, func(s model.Summary) error {
				rows++
				return writeJSONLine(io.Discard, summaryJSON(s))
			})
			if err != nil || rows != n {
				b.Fatalf("%d rows: %v", rows, err)
			}
		}
	})
}

// BenchmarkScaleImport is the import rate into a store already holding 0,
// 10k or 100k articles: the BBC corpus, tagged beforehand and retitled so
// every article is new, written in batches of importBatch as `byline
// import` writes them. The store is a fresh copy each time (untimed).
// cpu-µs/article is the process's CPU time per article, which a machine
// busy with other work changes less than the rate; written-KB/article
// (Linux) is what the process wrote to the store's files, its WAL and the
// checkpoint of closing, which no other work changes at all.
func BenchmarkScaleImport(b *testing.B) {
	arts := taggedBBC(b)
	fresh := make([]model.Article, len(arts))
	for i, a := range arts {
		a.Title += " (imported)"
		fresh[i] = a
	}
	for _, n := range append([]int{0}, benchSizes()...) {
		b.Run(sizeName(n), func(b *testing.B) {
			var cpu time.Duration
			var written int64
			measured := true
			for b.Loop() {
				b.StopTimer()
				path, st := storeHolding(b, n)
				wrote, _ := bytesWritten()
				b.StartTimer()
				before := cputime.Used()
				for i := 0; i < len(fresh); i += importBatch {
					if _, err := st.Import(context.Background(), fresh[i:min(i+importBatch, len(fresh))]); err != nil {
						b.Fatal(err)
					}
				}
				cpu += cputime.Used() - before
				b.StopTimer()
				st.Close()
				after, ok := bytesWritten()
				written += after - wrote
				measured = measured && ok
				os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(len(fresh)*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(len(fresh)*b.N), "cpu-µs/article")
			if measured {
				b.ReportMetric(float64(written)/1024/float64(len(fresh)*b.N), "written-KB/article")
			}
		})
	}
}

// bytesWritten is how many bytes the process has handed to write calls
// (wchar of /proc/self/io), and whether it could tell (Linux only).
func bytesWritten() (int64, bool) {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, false
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "wchar: "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// reportCPU reports the CPU time the process used since before, per
// operation: on a machine shared with other work it moves less than the
// wall clock.
func reportCPU(b *testing.B, before time.Duration) {
	b.ReportMetric(float64((cputime.Used()-before).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	// On the disk before the timer starts: the kernel writing the copy
	// back while an import runs made the import's time the copy's too.
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// storeHolding opens a fresh writable copy of the generated store of n
// articles (an empty store for 0) in a temporary folder, for an import to
// write into; the caller closes it.
func storeHolding(b *testing.B, n int) (string, *store.Store) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "import.db")
	if n > 0 {
		if err := copyFile(benchStore(b, n), path); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, st
}

// readOnlyStore opens the benchmark store at path read-only, as the reader
// opens a store it cannot write, closed when the benchmark ends.
func readOnlyStore(b *testing.B, path string) *store.Store {
	b.Helper()
	st, err := store.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkScaleImportBBC is `byline import` of the BBC folder, parsing and
// tagging on every core with one writer, into a store already holding 0,
// 10k or 100k articles (1M with BYLINE_BENCH_1M=1): what a reader whose
// store has grown sees. The files are copied once, untimed, with
// " (imported)" after each title so that none is a duplicate of the
// generated store's articles; the store is a fresh copy each time, and
// the time runs until it is closed, as the command's does.
func BenchmarkScaleImportBBC(b *testing.B) {
	dir := retitledBBC(b)
	ex := entity.New()
	for _, n := range append([]int{0}, benchSizes()...) {
		b.Run(sizeName(n), func(b *testing.B) {
			var cpu time.Duration
			files := 0
			for b.Loop() {
				b.StopTimer()
				path, st := storeHolding(b, n)
				b.StartTimer()
				before := cputime.Used()
				rep, err := importPaths(context.Background(), st, ex, []string{dir}, nil)
				if err != nil || len(rep.Failures) > 0 || rep.Imported < 2000 {
					b.Fatalf("import: %v %v, %d imported", err, rep.Failures, rep.Imported)
				}
				// Closing is part of the command: the last connection
				// checkpoints what the import left in the WAL.
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Used() - before
				files += rep.Imported + rep.Duplicates
				b.StopTimer()
				os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(files), "cpu-µs/article")
		})
	}
}

// retitledBBC copies the BBC folder's articles into a temporary folder with
// " (imported)" after each first line (the title of a plain-text article).
func retitledBBC(b *testing.B) string {
	b.Helper()
	src := bbcDir(b)
	files, err := ingest.Files([]string{src})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, rest, _ := strings.Cut(string(data), "\n")
		out := filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(out, []byte(strings.TrimRight(title, "\r")+" (imported)\n"+rest), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

package main

// Benchmarks for the numbers the README promises, on a store of 10,000
// articles built from ../shared/data/articles/bbc (each article repeated
// with a distinct title until there are 10,000). Run them with
//
//	go test -run '^$' -bench . -benchtime 20x .

import (
	"bufio"
	"context"
	"fmt"
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

const bigStoreSize = 10000

// bbcDir is the BBC corpus, or a skip when ../shared is absent.
func bbcDir(tb testing.TB) string {
	dir := filepath.Join(sharedDir(tb), "data", "articles", "bbc")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("BBC corpus absent (%v)", err)
	}
	return dir
}

// bigBBCStore returns the path of the 10,000-article store built from the
// BBC corpus (see benchStore).
func bigBBCStore(tb testing.TB) string { return benchStore(tb, bigStoreSize) }

// distinct drops articles whose words repeat an earlier one's, as the store
// would, so that every retitled copy is a new article.
func distinct(arts []model.Article) []model.Article {
	seen := map[string]bool{}
	out := arts[:0]
	for _, a := range arts {
		key := strings.Join(strings.Fields(a.Title+" "+a.Caption+" "+strings.Join(a.Paragraphs, " ")), " ")
		if !seen[key] {
			seen[key] = true
			out = append(out, a)
		}
	}
	return out
}

// BenchmarkImportBBC imports the whole BBC corpus (2,225 files: parse,
// entity extraction, store) into a fresh store; articles/s counts files.
func BenchmarkImportBBC(b *testing.B) {
	dir := bbcDir(b)
	files, _ := ingest.Files([]string{dir})
	ex := entity.New()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		before := cputime.Used()
		rep, err := importPaths(context.Background(), st, ex, []string{dir}, nil)
		if err != nil || len(rep.Failures) > 0 {
			b.Fatalf("import: %v %v", err, rep.Failures)
		}
		cpu += cputime.Used() - before
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "articles/s")
	// All cores' CPU: tagging and storing. Under load it moves less than
	// the rate.
	b.ReportMetric(float64(cpu.Microseconds())/float64(len(files)*b.N), "cpu-µs/article")
}

// settle runs cmd and every command it leads to, feeding the messages to m
// as Bubble Tea would, but synchronously. Commands that wait (timers) are
// given up on after a moment, as they are not part of what is measured.
func settle(m *ui.Model, cmd tea.Cmd) { settleFor(m, cmd, 100*time.Millisecond) }

// settleFor is settle giving each command up to wait: long enough for a
// slow query, which the scale benchmarks must see the end of.
func settleFor(m *ui.Model, cmd tea.Cmd, wait time.Duration) { settleEach(m, cmd, wait, nil) }

// settleEach is settleFor calling each (if not nil) after every message m
// takes in.
func settleEach(m *ui.Model, cmd tea.Cmd, wait time.Duration, each func(tea.Msg)) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0 && steps < 1000; steps++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(wait):
			continue
		}
		switch msg := msg.(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, m.Update(msg))
			if each != nil {
				each(msg)
			}
		}
	}
}

// BenchmarkOpenToFirstFrame is start-up on the 10,000-article BBC store:
// open the store, build the model, size it, load the list and draw.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	path := bigBBCStore(b)
	b.ResetTimer()
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := ui.New(st, ui.Options{ReadDelay: -1}) // the read-after-2s timer is not part of a frame
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		settle(m, m.Init())
		if v := m.View().Content; !strings.Contains(v, "/10000") {
			b.Fatalf("first frame does not show the list: %q", v[:min(len(v), 300)])
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkSelectionMoveBBC is one `j` in the list and the frame after it,
// at 160x45 on the 10,000-article BBC store.
func BenchmarkSelectionMoveBBC(b *testing.B) {
	st, err := store.Open(bigBBCStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := ui.New(st, ui.Options{ReadDelay: -1}) // the read-after-2s timer is not part of a frame
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	settle(m, m.Init())
	j := tea.KeyPressMsg{Code: 'j', Text: "j"}
	b.ResetTimer()
	for b.Loop() {
		m.Update(j)
		_ = m.View()
	}
}

// BenchmarkReaderPeakMemory starts a child process that opens the reader on
// the 10,000-article store and reads 300 articles one after another, then
// reports the child's peak resident memory (VmHWM) in MB.
func BenchmarkReaderPeakMemory(b *testing.B) {
	path := bigBBCStore(b)
	var peak float64
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestReaderMemoryChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "BYLINE_MEMCHILD_DB="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		kb := vmHWM(b, string(out))
		peak = max(peak, float64(kb)/1024)
	}
	b.ReportMetric(peak, "peak-MB")
}

// TestReaderMemoryChild is the child of BenchmarkReaderPeakMemory; it does
// nothing in a normal test run.
func TestReaderMemoryChild(t *testing.T) {
	path := os.Getenv("BYLINE_MEMCHILD_DB")
	if path == "" {
		t.Skip("only runs as the child of BenchmarkReaderPeakMemory")
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := ui.New(st, ui.Options{ReadDelay: -1}) // the read-after-2s timer is not part of a frame
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	settleFor(m, m.Init(), queryWait)
	j := tea.KeyPressMsg{Code: 'j', Text: "j"}
	for range 300 {
		settleFor(m, m.Update(j), queryWait)
		_ = m.View()
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	fmt.Print(string(status))
}

func vmHWM(tb testing.TB, status string) int {
	sc := bufio.NewScanner(strings.NewReader(status))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, err := strconv.Atoi(f[1])
			if err != nil {
				tb.Fatal(err)
			}
			return kb
		}
	}
	tb.Fatalf("no VmHWM in child output:\n%s", status)
	return 0
}

// BenchmarkFilterByEntityBBC is what `f` on an entity costs on the 10,000
// article BBC store: the list rows of every article naming the store's most
// named person (about a tenth of the store).
func BenchmarkFilterByEntityBBC(b *testing.B) {
	st, err := store.Open(bigBBCStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	top, err := st.Entities(ctx, store.EntityQuery{Type: model.PER, Limit: 1})
	if err != nil || len(top) == 0 {
		b.Fatalf("no entities: %v", err)
	}
	b.ResetTimer()
	for b.Loop() {
		rows, err := st.ListItems(ctx, store.ListQuery{EntityID: top[0].ID})
		if err != nil || len(rows) != top[0].Articles {
			b.Fatalf("%d rows for %s (%d articles): %v", len(rows), top[0].Name, top[0].Articles, err)
		}
	}
}

// BenchmarkSearchBBC is `/` in the list on the 10,000-article BBC store: the
// first page of ranked hits and the hit count for a common word.
func BenchmarkSearchBBC(b *testing.B) {
	st, err := store.Open(bigBBCStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		// The reader's search: its first page of 500, with reading state
		// and the hit count.
		res, err := st.SearchItems(ctx, "government*", store.ListQuery{Limit: 500})
		hits, n := res.Items, res.Total
		if err != nil || len(hits) != 500 || n < 500 {
			b.Fatalf("%d hits of %d: %v", len(hits), n, err)
		}
	}
}

// pinnedBBC is the reader on the 10,000-article BBC store at 160x45, its
// first article shown and the focus on the entity sidebar.
func pinnedBBC(b *testing.B) (*ui.Model, func()) {
	st, err := store.Open(bigBBCStore(b))
	if err != nil {
		b.Fatal(err)
	}
	m := ui.New(st, ui.Options{ReadDelay: -1})
	settle(m, m.Update(tea.WindowSizeMsg{Width: 160, Height: 45}))
	settle(m, m.Init())
	tab := tea.KeyPressMsg{Code: tea.KeyTab}
	settle(m, m.Update(tab))
	settle(m, m.Update(tab))
	if m.Focus() != ui.FocusSidebar || m.ReaderArticle() == nil {
		b.Fatalf("focus %v, article %v: not ready to pin", m.Focus(), m.ReaderArticle() != nil)
	}
	return m, func() { st.Close() }
}

// BenchmarkPinBBC is one pin or unpin of the sidebar's first entity and the
// frame after it, on the BBC store: the reader repaints its cached render.
func BenchmarkPinBBC(b *testing.B) {
	m, done := pinnedBBC(b)
	defer done()
	space := tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	b.ResetTimer()
	for b.Loop() {
		settle(m, m.Update(space))
		_ = m.View()
	}
}

// BenchmarkNextMentionBBC is one `n` with an entity pinned, and the frame.
func BenchmarkNextMentionBBC(b *testing.B) {
	m, done := pinnedBBC(b)
	defer done()
	settle(m, m.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}))
	if len(m.Pins()) != 1 {
		b.Fatal("nothing pinned")
	}
	n := tea.KeyPressMsg{Code: 'n', Text: "n"}
	b.ResetTimer()
	for b.Loop() {
		settle(m, m.Update(n))
		_ = m.View()
	}
}

// BenchmarkSearchUnreadBBC is the search of BenchmarkSearchBBC within the
// unread filter, which joins the articles to the index.
func BenchmarkSearchUnreadBBC(b *testing.B) {
	st, err := store.Open(bigBBCStore(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		res, err := st.SearchItems(ctx, "government*", store.ListQuery{Limit: 500, Unread: true})
		hits, n := res.Items, res.Total
		if err != nil || len(hits) != 500 || n < 500 {
			b.Fatalf("%d hits of %d: %v", len(hits), n, err)
		}
	}
}

// BenchmarkImportRelinkBBC is `byline import` of the BBC corpus into a fresh
// store as the command runs it: BenchmarkImportBBC's import, then the
// relinking of surnames across the store (store.Relink), timed on its own
// as relink-ms; articles/s counts files over both.
func BenchmarkImportRelinkBBC(b *testing.B) {
	dir := bbcDir(b)
	files, _ := ingest.Files([]string{dir})
	ex := entity.New()
	var relink time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := importPaths(context.Background(), st, ex, []string{dir}, nil)
		if err != nil || len(rep.Failures) > 0 {
			b.Fatalf("import: %v %v", err, rep.Failures)
		}
		start := time.Now()
		relinkPeople(context.Background(), st, rep.Imported, benchWarnings{b})
		relink += time.Since(start)
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(relink.Milliseconds())/float64(b.N), "relink-ms")
}

// benchWarnings fails the benchmark on any warning written to it.
type benchWarnings struct{ b *testing.B }

func (w benchWarnings) Write(p []byte) (int, error) {
	w.b.Fatalf("%s", p)
	return len(p), nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// importBatch is how many articles go into one store transaction: large
// enough that the commit cost vanishes and that each index page a batch
// touches (the by-identity and hash indexes are written all over) takes many
// of its rows, small enough that an interrupted import keeps most of its
// work and a reader waits on the write lock a few seconds at most. At
// 100,000 stored, 2,000 writes a quarter to a half fewer bytes per article
// than 500 did.
const importBatch = 2000

// firstImportBatch is the first batch's size; each next one is a quarter
// larger, up to importBatch (see importPaths).
const firstImportBatch = 250

func (a *app) importCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import PATH...",
		Short: "Import article files and folders (recursively) into the store",
		Long: "Import articles: plain text (.txt, .text, and files with no extension), Markdown (.md,\n" +
			".markdown) and HTML (.html, .htm). Folders are read recursively (a folder named through a\n" +
			"link too), leaving out hidden files and README, LICENSE, SOURCE and COPYING files; a file\n" +
			"that cannot be read is reported and the rest of the import goes on, and files of other\n" +
			"kinds are counted as skipped.",
		Example: "  byline import ~/news\n  byline import story.txt notes.md page.html",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Before the store opens; it fails only where SQLite has started
			// already (a second command in one process), and then pages
			// come from the allocator, as without it.
			_ = store.ReserveBulkMemory()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			var onProgress func(done, total int)
			if f, ok := cmd.ErrOrStderr().(*os.File); ok && term.IsTerminal(f.Fd()) {
				onProgress = progressPrinter(f)
			}
			rep, err := importPaths(cmd.Context(), st, entity.New(), args, onProgress)
			dropSamples(cmd.Context(), st, rep.Imported, cmd.ErrOrStderr())
			relinkPeople(cmd.Context(), st, rep.Imported, cmd.ErrOrStderr())
			for _, f := range rep.Named {
				fmt.Fprintf(cmd.ErrOrStderr(), "skipped: %s\n", oneLine(f.Error()))
			}
			for _, f := range rep.Failures {
				fmt.Fprintf(cmd.ErrOrStderr(), "failed: %s\n", oneLine(f.Error()))
			}
			if s := rep.Skipped.String(); s != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), s)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %d, duplicates %d, failed %d\n", rep.Imported, rep.Duplicates, len(rep.Failures))
			if err != nil {
				return err
			}
			if len(rep.Failures) > 0 {
				return errReported
			}
			return nil
		},
	}
}

// importReport is what an import did, for the summary line.
type importReport struct {
	Imported, Duplicates int
	Failures             []error
	Skipped              ingest.Skipped // files of kinds byline does not read
	Named                []error        // paths given explicitly and skipped, with why
}

// importPaths reads, parses and extracts entities from every article file
// under paths, storing them batch by batch. A file that fails is recorded in
// the report and never stops the others; only a store error ends the import.
// Tagging and writing run at once. Batches have sizes fixed in advance
// (firstImportBatch, then a quarter larger each, up to importBatch), not
// whatever is tagged when the writer is free: which names a batch resolves
// against depends on which articles came in earlier batches, and an import
// must store the same thing however busy the machine is. A quarter is
// about what tagging on the core the writer leaves gains on the writer
// while it writes a batch, so the next batch is mostly tagged by the time
// the writer wants it; doubling left it waiting for half of each.
func importPaths(ctx context.Context, st *store.Store, ex entity.Extractor, paths []string, onProgress func(done, total int)) (importReport, error) {
	found := ingest.Collect(paths)
	files := found.Files
	rep := importReport{Failures: found.Errs, Skipped: found.Skipped, Named: found.Named}
	// One token a core: a tagging worker holds one for each article, the
	// writer one for each batch it writes. The writer is the one that
	// cannot be parallel, so it must not share its core with two taggers
	// (three goroutines on two cores gave it two thirds of one, and the
	// import waited on it); when it has nothing to write, its core tags.
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	q := startTagging(files, ex, cores, 2*importBatch)
	defer q.stop()
	var failures []error
	var err error
	size := firstImportBatch
	for written := 0; written < len(files); {
		if err = ctx.Err(); err != nil {
			break
		}
		batch := q.take(written, size)
		size = min(size+size/4, importBatch)
		arts, failed := articlesOf(batch)
		failures = append(failures, failed...)
		cores <- struct{}{}
		err = storeArticles(ctx, st, arts, &rep)
		<-cores
		if err != nil {
			break
		}
		written += len(batch)
		q.consumed(written)
		if onProgress != nil {
			onProgress(written, len(files))
		}
	}
	rep.Failures = append(rep.Failures, failures...)
	return rep, err
}

// taggedFile is one file read and tagged, or why it could not be read.
type taggedFile struct {
	art model.Article
	err error
}

// articlesOf splits files read and tagged into their articles and the
// errors of those that could not be read, each in order.
func articlesOf(files []taggedFile) ([]model.Article, []error) {
	arts := make([]model.Article, 0, len(files))
	var failures []error
	for _, t := range files {
		if t.err != nil {
			failures = append(failures, t.err)
			continue
		}
		arts = append(arts, t.art)
	}
	return arts, failures
}

// tagQueue reads and tags files in order on as many workers as there are
// cores, at most ahead files past what the writer has taken, into a ring
// of ahead results: memory is bounded however many files an import has.
type tagQueue struct {
	files []string
	mu    sync.Mutex
	cond  sync.Cond
	ring  []taggedFile
	held  []int // per ring slot: 1 + the index of the file tagged into it, 0 once taken
	next  int   // the next file a worker takes
	ready int   // files[:ready] are tagged
	limit int   // a worker may start a file below limit
	quit  bool
	wg    sync.WaitGroup
}

func startTagging(files []string, ex entity.Extractor, cores chan struct{}, ahead int) *tagQueue {
	ahead = max(ahead, 1)
	q := &tagQueue{files: files, ring: make([]taggedFile, ahead), held: make([]int, ahead), limit: ahead}
	q.cond.L = &q.mu
	for range cap(cores) {
		q.wg.Add(1)
		go func() {
			defer q.wg.Done()
			for {
				q.mu.Lock()
				for !q.quit && q.next < len(files) && q.next >= q.limit {
					q.cond.Wait()
				}
				if q.quit || q.next >= len(files) {
					q.mu.Unlock()
					return
				}
				i := q.next
				q.next++
				q.mu.Unlock()

				cores <- struct{}{}
				art, err := ingest.ReadFile(files[i])
				if err == nil {
					art.Entities = ex.Extract(&art)
				}
				<-cores

				q.mu.Lock()
				q.ring[i%len(q.ring)], q.held[i%len(q.ring)] = taggedFile{art, err}, i+1
				for q.ready < len(files) && q.held[q.ready%len(q.ring)] == q.ready+1 {
					q.ready++
				}
				q.cond.Broadcast()
				q.mu.Unlock()
			}
		}()
	}
	return q
}

// take waits until the n files from from on are tagged (or all the rest
// are, when fewer are left) and returns them.
func (q *tagQueue) take(from, n int) []taggedFile {
	q.mu.Lock()
	defer q.mu.Unlock()
	n = min(n, len(q.files)-from)
	for q.ready-from < n {
		q.cond.Wait()
	}
	out := make([]taggedFile, n)
	for k := range n {
		slot := (from + k) % len(q.ring)
		out[k] = q.ring[slot]
		q.ring[slot], q.held[slot] = taggedFile{}, 0
	}
	return out
}

// consumed lets the workers run ahead of the first written files again.
func (q *tagQueue) consumed(written int) {
	q.mu.Lock()
	q.limit = written + len(q.ring)
	q.cond.Broadcast()
	q.mu.Unlock()
}

// stop ends the workers after the file each is on, and waits for them.
func (q *tagQueue) stop() {
	q.mu.Lock()
	q.quit = true
	q.cond.Broadcast()
	q.mu.Unlock()
	q.wg.Wait()
}

func storeArticles(ctx context.Context, st *store.Store, arts []model.Article, rep *importReport) error {
	if len(arts) == 0 {
		return nil
	}
	res, err := st.Import(ctx, arts)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	rep.Imported += res.Imported
	rep.Duplicates += res.Duplicates
	return nil
}

// relinkPeople links people named by surname alone to the full names the
// store knows (store.Relink), once a command has stored its articles (n of
// them new or changed; none means nothing to do). Linking is a refinement:
// a failure is one warning line on w and never fails the command, and an
// interrupted run leaves it to the next.
func relinkPeople(ctx context.Context, st *store.Store, n int, w io.Writer) {
	if n == 0 || ctx.Err() != nil {
		return
	}
	if _, err := st.Relink(ctx); err != nil {
		fmt.Fprintf(w, "warning: cannot link people across articles: %s\n", oneLine(err.Error()))
	}
}

// progressPrinter draws a one-line progress bar on a terminal, cleared when
// the import finishes so the summary line stands alone.
func progressPrinter(w io.Writer) func(done, total int) {
	bar := progress.New(progress.WithWidth(40), progress.WithDefaultBlend())
	return func(done, total int) {
		fmt.Fprintf(w, "\r%s %d/%d", bar.ViewAs(float64(done)/float64(max(total, 1))), done, total)
		if done >= total {
			fmt.Fprint(w, "\r\x1b[2K")
		}
	}
}

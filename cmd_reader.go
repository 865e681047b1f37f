package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
	"github.com/mattn/go-runewidth"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/assets"
	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui"
	"github.com/bylinehq/byline/ui/keymap"
)

// configPath is the user's config file: $XDG_CONFIG_HOME/byline/config.toml.
func configPath() string {
	return filepath.Join(xdg.ConfigHome, "byline", "config.toml")
}

// demoHint is the line the reader shows while the store holds only the demo.
const demoHint = "These are fictional sample articles. Add yours: byline import PATH, or byline feed add URL and r"

// readOnlyHint is the line the reader shows on a store it cannot write.
const readOnlyHint = "This store cannot be written (read-only or a full disk): read marks, stars and fetches are not saved"

// runReader opens the terminal reader. On an empty store it first imports
// the embedded sample articles, so a first run never shows a blank screen.
//
// A store that cannot be written (a read-only file, a full disk) still
// opens, read-only: the reader shows it and says that nothing is saved.
func (a *app) runReader(cmd *cobra.Command, _ []string) error {
	// The terminal renderer measures the first frame's box-drawing runes
	// with go-runewidth, which builds its 2 MB width table at the first
	// rune past U+02FF: 7–10 ms here, on the way to the first screen.
	// Built on the other core while the store opens, it is ready in time.
	go runewidth.RuneWidth('│')
	// A config mistake stops byline before it touches the store or the
	// terminal, with one line naming the file and the line.
	km, err := keymap.Load(configPath())
	if err != nil {
		return err
	}
	set, err := readSettings(configPath())
	if err != nil {
		return err
	}
	opts := ui.Options{KeyMap: &km, Browser: set.Browser, AutoRefresh: set.Refresh, Theme: set.Theme}
	if opts.ReaderWidth, err = ui.LoadReaderWidth(configPath()); err != nil {
		return err
	}
	if opts.Colors, err = ui.LoadColors(configPath()); err != nil {
		return err
	}
	// The work a killed import left (relinking people across the store)
	// runs beside the reader rather than before its first frame.
	st, err := store.OpenLeavingPending(a.storePath())
	if err != nil {
		ro, rerr := a.openStoreForReading()
		if rerr != nil {
			return err // why writing failed is the first thing to fix
		}
		st = ro
	}
	defer st.Close()
	ctx := cmd.Context()
	if !st.ReadOnly() {
		pending, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); st.FinishPending(pending) }()
		defer func() { cancel(); <-done }() // before the store closes
	}
	// Only whether the store is empty or holds a few articles matters
	// here: counting a big store would delay the first frame.
	n, err := st.CountUpTo(ctx, onlySamplesMax+1)
	if err != nil {
		return err
	}
	fetches := readerFetches(st, set.Retention)
	opts.Refresh, opts.RefreshFeeds = fetches(nil), fetches
	switch {
	case st.ReadOnly():
		opts.Hint = readOnlyHint
	case n == 0:
		if err := importSamples(ctx, st); err != nil {
			return fmt.Errorf("import sample articles: %w", err)
		}
		opts.Hint = demoHint
	case onlySamples(ctx, st, n):
		opts.Hint = demoHint
	}
	if !st.ReadOnly() {
		opts.DemoSource = sampleSource // the read-only hint stays up
	}
	return ui.Run(ctx, st, opts)
}

// readerRefresh is the reader's `r`: the fetch `byline fetch` runs, of every
// subscribed feed, reporting each feed as it is stored so the list grows
// while the rest download. The reader and a `byline fetch` in another
// terminal may write at once: the store waits for the other's transaction
// (busy_timeout, immediate transactions) rather than failing.
func readerRefresh(st *store.Store) ui.RefreshFunc { return readerFetches(st, 0)(nil) }

// readerFetches makes readerRefresh of only the feeds at urls (nil: every
// feed), as the feeds view's r fetches one feed or a tag's; the fetches
// share one entity extractor. retention is the config's: items older than
// it are not stored, and read, unstarred articles older than it are dropped
// after the fetch (0 keeps everything).
func readerFetches(st *store.Store, retention time.Duration) func(urls []string) ui.RefreshFunc {
	extractor := sync.OnceValue(entity.New) // built on the first r, then kept
	return func(urls []string) ui.RefreshFunc { return readerFetch(st, extractor, urls, retention) }
}

func readerFetch(st *store.Store, extractor func() entity.Extractor, urls []string, retention time.Duration) ui.RefreshFunc {
	return func(ctx context.Context, progress func(done, total, newArticles int)) (string, error) {
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return "", fmt.Errorf("list feeds: %w", err)
		}
		if urls != nil {
			feeds = slices.DeleteFunc(feeds, func(f store.Feed) bool { return !slices.Contains(urls, f.URL) })
		}
		if len(feeds) == 0 {
			return "", ui.ErrNoFeeds
		}
		progress(0, len(feeds), 0)
		opt := fetchOptions{OnStored: func(done, total int, rep fetchReport) { progress(done, total, rep.New) }}
		if retention > 0 {
			opt.NotBefore = time.Now().Add(-retention)
		}
		rep, err := fetchFeeds(ctx, st, extractor(), feeds, opt)
		var warnings strings.Builder
		dropSamples(ctx, st, rep.New, &warnings)
		relinkPeople(ctx, st, rep.New+rep.Updated, &warnings)
		applyRetention(ctx, st, retention, &warnings)
		// Feeds that failed, saves among them, and the steps after them: the
		// reader names the first, so a full disk is never "0 failed".
		failed := ui.Failures(rep.Failures)
		for _, w := range strings.Split(warnings.String(), "\n") {
			if w = strings.TrimPrefix(w, "warning: "); w != "" {
				failed = append(failed, errors.New(w))
			}
		}
		if len(failed) > 0 {
			err = errors.Join(err, failed)
		}
		return readerSummary(rep, feeds), err
	}
}

// sampleSource is the source recorded for the demo articles; the list shows
// it as "samples".
const sampleSource = "byline/samples/"

// sampleArticles parses the embedded demo articles and finds their entities.
func sampleArticles() ([]model.Article, error) {
	files, err := fs.Glob(assets.Samples, "samples/*.txt")
	if err != nil {
		return nil, err
	}
	ex := entity.New()
	arts := make([]model.Article, 0, len(files))
	for _, f := range files {
		data, err := fs.ReadFile(assets.Samples, f)
		if err != nil {
			return nil, err
		}
		art, err := ingest.Parse(sampleSource+path.Base(f), data)
		if err != nil {
			return nil, err
		}
		art.Entities = ex.Extract(&art)
		arts = append(arts, art)
	}
	return arts, nil
}

func importSamples(ctx context.Context, st *store.Store) error {
	arts, err := sampleArticles()
	if err != nil {
		return err
	}
	_, err = st.Import(ctx, arts)
	return err
}

// dropSamples removes the demo articles once the store holds the user's own
// (n of them were just added): they are fictional, and dated this year they
// would head the list above real news. It says so on w when it fails.
func dropSamples(ctx context.Context, st *store.Store, n int, w io.Writer) {
	if n == 0 {
		return
	}
	if _, err := st.DeleteSource(ctx, sampleSource); err != nil {
		fmt.Fprintf(w, "warning: cannot remove the sample articles: %s\n", oneLine(err.Error()))
	}
}

// onlySamples reports whether the store holds nothing but the demo articles,
// in which case the hint on how to import stays up.
// onlySamplesMax is more than the demo holds: a store with more articles is
// the user's.
const onlySamplesMax = 10

func onlySamples(ctx context.Context, st *store.Store, n int) bool {
	if n > onlySamplesMax {
		return false
	}
	rows, err := st.List(ctx, store.ListQuery{})
	if err != nil {
		return false
	}
	for _, r := range rows {
		if len(r.Source) < len(sampleSource) || r.Source[:len(sampleSource)] != sampleSource {
			return false
		}
	}
	return true
}

package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest/fetch"
	"github.com/bylinehq/byline/store"
)

func (a *app) fetchCmd() *cobra.Command {
	var tags []string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "fetch",
		Short: "Fetch every subscribed feed and store its new and updated articles",
		Long: "Fetch the subscribed feeds, 8 at a time and at most 2 from one site, asking each for\n" +
			"changes only since the last fetch. Items that carry only a teaser are replaced by the\n" +
			"full text of their page (see 'byline feed add --full-text'). Each request gets " + fetch.DefaultRequestTimeout.String() + "\n" +
			"and the whole run --timeout (" + defaultFetchTimeout.String() + " unless set); feeds not done by then fail. A feed\n" +
			"that fails is reported on its own line and keeps its articles; the exit status is then 1.",
		Example: "  byline fetch\n  byline fetch --tag world --timeout 1m",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if timeout <= 0 {
				return usageError{fmt.Errorf("--timeout %s: want a positive duration", timeout)}
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			feeds, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			feeds = feedsTagged(feeds, tags)
			if len(feeds) == 0 {
				if len(tags) > 0 {
					return fmt.Errorf("no feed is tagged %s", strings.Join(tags, " or "))
				}
				return fmt.Errorf("no feeds to fetch; subscribe with 'byline feed add URL'")
			}
			set, err := readSettings(configPath())
			if err != nil {
				return err
			}
			opt := fetchOptions{Timeout: timeout}
			if set.Retention > 0 {
				opt.NotBefore = time.Now().Add(-set.Retention)
			}
			var progress *fetchProgress
			if f, ok := cmd.ErrOrStderr().(*os.File); ok && term.IsTerminal(f.Fd()) {
				progress = startFetchProgress(f, len(feeds), time.Second)
				opt.OnStored = func(done, _ int, rep fetchReport) { progress.update(done, rep.New) }
			}
			rep, err := fetchFeeds(cmd.Context(), st, entity.New(), feeds, opt)
			progress.stop() // before anything else is printed
			dropSamples(cmd.Context(), st, rep.New, cmd.ErrOrStderr())
			relinkPeople(cmd.Context(), st, rep.New+rep.Updated, cmd.ErrOrStderr())
			applyRetention(cmd.Context(), st, set.Retention, cmd.ErrOrStderr())
			for _, f := range rep.Failures {
				fmt.Fprintf(cmd.ErrOrStderr(), "failed: %s\n", oneLine(f.Error()))
			}
			fmt.Fprintln(cmd.OutOrStdout(), rep.Summary())
			if err != nil {
				return err
			}
			if rep.Failed > 0 {
				return errReported
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&tags, "tag", nil, "fetch only feeds with this tag (repeat for any of several)")
	cmd.Flags().DurationVar(&timeout, "timeout", defaultFetchTimeout, "stop the whole run after this long; feeds not fetched by then fail")
	return cmd
}

// feedsTagged returns the feeds carrying any of tags; all of them when tags
// is empty.
func feedsTagged(feeds []store.Feed, tags []string) []store.Feed {
	if len(tags) == 0 {
		return feeds
	}
	var out []store.Feed
	for _, f := range feeds {
		if slices.ContainsFunc(tags, func(t string) bool { return slices.Contains(f.Tags, t) }) {
			out = append(out, f)
		}
	}
	return out
}

// fetchProgress is the line `byline fetch` keeps redrawn on a terminal's
// stderr while it runs: "fetching 3/12 feeds · 37 new · 14s". The seconds
// tick on their own, so a slow server never leaves the screen still.
type fetchProgress struct {
	w     io.Writer
	total int
	start time.Time

	mu         sync.Mutex
	done, news int
	stopped    bool
	quit       chan struct{}
	ticker     *time.Ticker
}

// startFetchProgress draws the line at once and redraws it every tick and
// on every update, until stop.
func startFetchProgress(w io.Writer, total int, tick time.Duration) *fetchProgress {
	p := &fetchProgress{w: w, total: total, start: time.Now(), quit: make(chan struct{}), ticker: time.NewTicker(tick)}
	p.draw()
	go func() {
		for {
			select {
			case <-p.quit:
				return
			case <-p.ticker.C:
				p.draw()
			}
		}
	}()
	return p
}

// update records that done feeds are stored, with news new articles in all.
func (p *fetchProgress) update(done, news int) {
	p.mu.Lock()
	p.done, p.news = done, news
	p.mu.Unlock()
	p.draw()
}

func (p *fetchProgress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	line := fmt.Sprintf("fetching %d/%s", p.done, count(p.total, "feed", "feeds"))
	if p.news > 0 {
		line += fmt.Sprintf(" · %d new", p.news)
	}
	if secs := int(time.Since(p.start).Seconds()); secs > 0 {
		line += fmt.Sprintf(" · %ds", secs)
	}
	fmt.Fprintf(p.w, "\r\x1b[2K%s", line) // clear first: the line may have got shorter
}

// stop clears the line, so what the fetch prints next starts a clean line;
// it may be called more than once, and on nil (stderr is not a terminal).
func (p *fetchProgress) stop() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.stopped = true
	p.ticker.Stop()
	close(p.quit)
	fmt.Fprint(p.w, "\r\x1b[2K")
}

// readerSummary is the fetch summary the reader's status bar shows after r:
// Summary, with up to two failed feeds named by title (or host) and how
// many more failed, "2 feeds ok, 5 failed (BBC World, Reuters +3 more); …",
// since the reader has no stderr to list them on.
func readerSummary(rep fetchReport, feeds []store.Feed) string {
	s := rep.Summary()
	names := failedFeedNames(feeds, rep.Failures)
	if len(names) == 0 {
		return s
	}
	named := strings.Join(names[:min(2, len(names))], ", ")
	if more := rep.Failed - min(2, len(names)); more > 0 {
		named += " +" + strconv.Itoa(more) + " more"
	}
	failed := strconv.Itoa(rep.Failed) + " failed"
	return strings.Replace(s, failed, failed+" ("+named+")", 1)
}

// failedFeedNames names the feeds that failures are about, in their order:
// each failure starts with its feed's URL (feedError). A name is the feed's
// title, cut to a few words' length, or its URL's host.
func failedFeedNames(feeds []store.Feed, failures []error) []string {
	var names []string
	for _, err := range failures {
		msg := err.Error()
		var best *store.Feed
		for i, f := range feeds {
			rest, ok := strings.CutPrefix(msg, f.URL)
			if ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " (")) && (best == nil || len(f.URL) > len(best.URL)) {
				best = &feeds[i]
			}
		}
		if best != nil {
			names = append(names, feedName(*best))
		}
	}
	return names
}

// feedName is how the reader names a feed in one line, cut at 30 columns:
// its title, or its URL without the scheme (two feeds of one site differ
// only in their path).
func feedName(f store.Feed) string {
	name := oneLine(f.Title)
	if name == "" {
		name = f.URL
		if u, err := url.Parse(f.URL); err == nil && u.Host != "" {
			name = oneLine(u.Host + strings.TrimSuffix(u.Path, "/"))
		}
	}
	if r := []rune(name); len(r) > 30 {
		return string(r[:29]) + "…"
	}
	return name
}

package ui

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
)

// RefreshFunc fetches the subscribed feeds and stores what is new; the
// reader calls it on `r`, in the background. It calls progress after each
// feed is stored with the feeds done, the feeds in all and the new articles
// stored so far, from any goroutine. It returns the line the status bar
// shows when it ends, such as "feeds 12 ok, 1 failed; 37 new articles", and
// an error only when the run could not start or was cut short (ctx ended).
// It returns ErrNoFeeds when no feed is subscribed.
type RefreshFunc func(ctx context.Context, progress func(done, total, newArticles int)) (summary string, err error)

// ErrNoFeeds is what a RefreshFunc returns when there is nothing to fetch;
// the reader then says how to subscribe.
var ErrNoFeeds = errors.New("no feeds subscribed")

// Failures is the error a RefreshFunc returns (alone or joined with
// another), with its summary, when the run went on to the end but part of
// it failed: a feed that could not be fetched, articles or links that could
// not be saved (a full disk, a read-only store). Each says in one line what
// failed and why. The reader counts them and names the first beside the
// summary, so a save that failed is never hidden behind "0 failed".
type Failures []error

func (f Failures) Error() string {
	if len(f) == 0 {
		return "no failures"
	}
	return failuresNote(f)
}

// failuresNote counts the failures and names the first.
func failuresNote(f Failures) string {
	note := strconv.Itoa(len(f)) + " failed: " + f[0].Error()
	if len(f) > 1 {
		note += " (and " + strconv.Itoa(len(f)-1) + " more)"
	}
	return note
}

// noFeedsNote is what `r` says when there is nothing to fetch.
const noFeedsNote = "no feeds: byline feed add URL"

// alreadyFetching is what `r` says while a fetch runs; it goes when the
// fetch ends.
const alreadyFetching = "already fetching"

// defaultSummaryLinger is how long the summary of a refresh stays in the
// status bar.
const defaultSummaryLinger = 10 * time.Second

// quitWait bounds how long quitting waits for a cancelled refresh to stop
// writing before the store is closed under it.
const quitWait = 3 * time.Second

// refreshRun is one refresh in flight. The hook runs in a goroutine started
// by the run's first Cmd; it hands its progress over a channel that a Cmd,
// issued again after each message, reads: the way Bubble Tea programs listen
// to outside work.
type refreshRun struct {
	id      int
	ctx     context.Context
	cancel  context.CancelFunc
	hook    RefreshFunc
	spinner spinner.Model

	done, total, news int // the newest progress the model has seen

	once     sync.Once
	finished chan struct{}           // closed once the hook has returned, or it never will run
	progress chan refreshProgressMsg // the newest progress not yet read; cap 1
	result   chan refreshDoneMsg     // cap 1
}

// refreshProgressMsg says how far run Run has got.
type refreshProgressMsg struct {
	Run               int
	Done, Total, News int
}

// refreshDoneMsg ends run Run.
type refreshDoneMsg struct {
	Run     int
	Summary string
	Err     error
}

// summaryExpiredMsg takes the summary Req off the status bar.
type summaryExpiredMsg struct{ Req int }

// start runs the hook, once; a run stopped before it starts never does.
func (r *refreshRun) start() {
	r.once.Do(func() {
		go func() {
			defer close(r.finished)
			summary, err := r.hook(r.ctx, r.report)
			r.result <- refreshDoneMsg{Run: r.id, Summary: summary, Err: err}
		}()
	})
}

// report keeps only the newest progress for the model: the counts are
// running totals, so one that is replaced unread loses nothing, and the
// pipeline never waits for the screen. The hook is its only sender.
func (r *refreshRun) report(done, total, news int) {
	p := refreshProgressMsg{Run: r.id, Done: done, Total: total, News: news}
	for {
		select {
		case r.progress <- p:
			return
		default:
		}
		select {
		case <-r.progress: // stale: replaced below
		default:
		}
	}
}

// wait is the Cmd that delivers the run's next message. The first call
// starts the hook.
func (r *refreshRun) wait() tea.Msg {
	r.start()
	select {
	case p := <-r.progress:
		return p
	case d := <-r.result:
		return d
	case <-r.finished:
		select {
		case d := <-r.result:
			return d
		default:
			return nil // stopped before it started
		}
	}
}

// stop cancels the run and waits, at most quitWait, for the hook to return.
func (r *refreshRun) stop() {
	r.cancel()
	r.once.Do(func() { close(r.finished) })
	select {
	case <-r.finished:
	case <-time.After(quitWait):
	}
}

// startRefresh fetches the feeds in the background, unless a fetch is
// already running or there is nothing to fetch with.
func (m *Model) startRefresh() tea.Cmd {
	return m.startRefreshWith(m.opts.Refresh)
}

// startRefreshWith runs hook as startRefresh runs the fetch of every feed:
// the feeds view's r fetches one feed or one tag's this way.
func (m *Model) startRefreshWith(hook RefreshFunc) tea.Cmd {
	switch {
	case hook == nil:
		m.note = noFeedsNote
		return nil
	case m.refresh != nil:
		m.note = alreadyFetching
		return nil
	}
	m.refreshReq++
	m.summary = ""
	ctx, cancel := context.WithCancel(m.ctx)
	r := &refreshRun{
		id:       m.refreshReq,
		ctx:      ctx,
		cancel:   cancel,
		hook:     hook,
		spinner:  spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(m.st.Status.Focus)),
		finished: make(chan struct{}),
		progress: make(chan refreshProgressMsg, 1),
		result:   make(chan refreshDoneMsg, 1),
	}
	m.refresh = r
	return tea.Batch(r.spinner.Tick, r.wait)
}

// StopRefresh cancels a refresh in flight and waits briefly for it to stop
// writing. Run calls it when the program ends, before the caller closes the
// store; a program run another way should call it too.
func (m *Model) StopRefresh() {
	if m.refresh != nil {
		m.refresh.stop()
	}
}

// Fetching reports whether a refresh is running.
func (m *Model) Fetching() bool { return m.refresh != nil }

// updateRefresh handles the messages of a refresh.
func (m *Model) updateRefresh(msg tea.Msg) tea.Cmd {
	r := m.refresh
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if r == nil {
			return nil // the run is over: let the ticks stop
		}
		var cmd tea.Cmd
		r.spinner, cmd = r.spinner.Update(msg)
		return cmd

	case refreshProgressMsg:
		if r == nil || msg.Run != r.id {
			return nil
		}
		grew := msg.News > r.news
		r.done, r.total, r.news = msg.Done, msg.Total, msg.News
		if grew {
			// The reload first: a caller running Cmds in order (the tests)
			// sees the list grow before it waits for the next feed.
			return tea.Batch(m.refreshList(), r.wait)
		}
		return r.wait

	case refreshDoneMsg:
		if r == nil || msg.Run != r.id {
			return nil
		}
		r.cancel()
		m.refresh = nil
		if m.note == alreadyFetching {
			m.note = ""
		}
		var failed Failures
		if errors.As(msg.Err, &failed) && len(failed) > 0 {
			m.note = failuresNote(failed)
			msg.Err = withoutFailures(msg.Err)
		}
		switch {
		case errors.Is(msg.Err, ErrNoFeeds):
			m.note = noFeedsNote
			return nil
		case msg.Err != nil && m.ctx.Err() != nil:
			return nil // the program is ending
		case msg.Err != nil && msg.Summary != "" && len(failed) > 0:
			m.note = "fetch stopped: " + msg.Err.Error() + "; " + m.note
		case msg.Err != nil && msg.Summary != "":
			m.note = "fetch stopped: " + msg.Err.Error() + " (" + msg.Summary + ")"
		case msg.Err != nil:
			m.note = "cannot fetch: " + msg.Err.Error()
		}
		m.summary = msg.Summary
		return tea.Batch(m.refreshList(), m.expireSummary())

	case summaryExpiredMsg:
		if msg.Req == m.summaryReq {
			m.summary = ""
		}
		return nil
	}
	return nil
}

// withoutFailures is err with its Failures taken out: nil when they were
// all it held.
func withoutFailures(err error) error {
	var f Failures
	if errors.As(err, &f) && err.Error() == f.Error() {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var rest []error
		for _, e := range j.Unwrap() {
			if !errors.As(e, &f) {
				rest = append(rest, e)
			}
		}
		return errors.Join(rest...)
	}
	return err
}

// expireSummary takes the refresh summary off the status bar after a
// while.
func (m *Model) expireSummary() tea.Cmd {
	m.summaryReq++
	if m.summaryLinger < 0 {
		return nil
	}
	req := m.summaryReq
	return tea.Tick(m.summaryLinger, func(time.Time) tea.Msg { return summaryExpiredMsg{Req: req} })
}

// refreshList reloads the list for the current filter, keeping the
// selected article selected wherever the new articles put it.
func (m *Model) refreshList() tea.Cmd {
	keep, _ := m.list.Selected()
	return m.loadListKeeping(keep)
}

// refreshStatus is the refresh's part of the status bar: how many feeds
// are done while it runs (the spinner goes before it), its summary for a
// while after.
func (m *Model) refreshStatus() (spin, text string) {
	r := m.refresh
	switch {
	case r == nil:
		return "", oneLine(m.summary)
	case r.total == 0:
		return r.spinner.View(), "fetching"
	default:
		return r.spinner.View(), "fetching " + strconv.Itoa(r.done) + "/" + strconv.Itoa(r.total)
	}
}

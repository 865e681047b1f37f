package ui

import (
	"context"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/feeds"
)

// FeedLibrary is what the feeds view (F) needs of the store besides the
// Library: the subscriptions with their counts and last fetch, and
// unsubscribing. A Library without it has no feeds view.
type FeedLibrary interface {
	Feeds(ctx context.Context) ([]store.Feed, error)
	RemoveFeed(ctx context.Context, url string) (kept int, err error)
}

// The store is the FeedLibrary byline runs on.
var _ FeedLibrary = (*store.Store)(nil)

// feedFilter narrows the list to one feed's articles or one tag's.
type feedFilter struct {
	id   int64  // a feed; 0 none
	tag  string // a tag; "" none
	name string // what the status bar calls it
}

// describe is the filter as the status bar shows it, or "".
func (f feedFilter) describe() string {
	switch {
	case f.id != 0:
		return "feed: " + oneLine(f.name)
	case f.tag != "":
		return "tag: " + oneLine(f.tag)
	}
	return ""
}

// feedsLoadedMsg answers the feeds view's query; Req is its id.
type feedsLoadedMsg struct {
	Req   int
	Feeds []store.Feed
	Err   error
}

// feedRemovedMsg reports an unsubscribe.
type feedRemovedMsg struct {
	Feed store.Feed
	Kept int
	Err  error
}

// FeedsViewOpen reports whether the feeds view is open.
func (m *Model) FeedsViewOpen() bool { return m.feedsView }

// FeedsView is the feeds view, for tests.
func (m *Model) FeedsView() feeds.Model { return m.feeds }

// openFeedsView opens the view of the subscribed feeds.
func (m *Model) openFeedsView() tea.Cmd {
	if _, ok := m.lib.(FeedLibrary); !ok {
		m.note = "no feeds here"
		return nil
	}
	m.feedsView = true
	m.feeds = feeds.New(m.km, m.st)
	m.relayout()
	return m.loadFeeds()
}

// loadFeeds reads the subscriptions for the feeds view.
func (m *Model) loadFeeds() tea.Cmd {
	lib, ok := m.lib.(FeedLibrary)
	if !ok {
		return nil
	}
	m.feedsReq++
	req, ctx := m.feedsReq, m.ctx
	return func() tea.Msg {
		fs, err := lib.Feeds(ctx)
		return feedsLoadedMsg{Req: req, Feeds: fs, Err: err}
	}
}

// closeFeedsView goes back to the panes.
func (m *Model) closeFeedsView() {
	m.feedsView = false
	m.relayout()
}

// feedsViewKey: esc, q or F closes the view; enter lists the selected
// feed's (or tag's) articles; r fetches it; d asks, then unsubscribes.
func (m *Model) feedsViewKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.feeds.Asking() {
		m.feeds.Cancel()
		if msg.String() != "y" {
			m.note = "still subscribed"
			return nil
		}
		r, ok := m.feeds.Selected()
		if !ok || r.Group {
			return nil
		}
		return m.removeFeed(r.Feed)
	}
	g := m.km.Global
	switch {
	case key.Matches(msg, g.Back), key.Matches(msg, g.Quit), key.Matches(msg, g.FeedsView):
		m.closeFeedsView()
		return nil
	case key.Matches(msg, g.Help):
		m.closeFeedsView()
		m.showHelp, m.helpOffset = true, 0
		m.relayout()
		return nil
	case key.Matches(msg, m.km.List.Open):
		r, ok := m.feeds.Selected()
		if !ok {
			return nil
		}
		m.closeFeedsView()
		f := feedFilter{id: r.Feed.ID, name: r.Name()}
		if r.Group {
			f = feedFilter{tag: r.Tag, name: r.Name()}
			if r.Tag == "" { // the untagged group: no filter names it
				m.note = "select a tag or a feed"
				m.feedsView = true
				m.relayout()
				return nil
			}
		}
		m.filter.feed, m.filter.search = f, ""
		m.setFocus(FocusList)
		return m.reloadListTop()
	case key.Matches(msg, g.Refresh):
		r, ok := m.feeds.Selected()
		if !ok {
			return nil
		}
		if m.opts.RefreshFeeds == nil {
			return m.startRefresh()
		}
		return m.startRefreshWith(m.opts.RefreshFeeds(r.URLs()))
	case key.Matches(msg, m.km.Feeds.Unsubscribe):
		if !m.feeds.Ask() {
			m.note = "select a feed to unsubscribe from"
		}
		return nil
	}
	m.feeds, _ = m.feeds.Update(msg)
	return nil
}

// removeFeed unsubscribes from f; its articles stay.
func (m *Model) removeFeed(f store.Feed) tea.Cmd {
	lib, ok := m.lib.(FeedLibrary)
	if !ok {
		return nil
	}
	ctx := m.ctx
	return func() tea.Msg {
		kept, err := lib.RemoveFeed(ctx, f.URL)
		return feedRemovedMsg{Feed: f, Kept: kept, Err: err}
	}
}

// updateFeeds handles the feeds view's messages.
func (m *Model) updateFeeds(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case feedsLoadedMsg:
		if msg.Req == m.feedsReq {
			m.feeds.SetFeeds(msg.Feeds, msg.Err)
		}
	case feedRemovedMsg:
		if msg.Err != nil {
			m.note = "cannot unsubscribe: " + msg.Err.Error()
			return nil
		}
		m.note = "unsubscribed from " + feeds.FeedName(msg.Feed) + "; " + strconv.Itoa(msg.Kept) + " of its articles stay"
		if msg.Kept == 1 {
			m.note = "unsubscribed from " + feeds.FeedName(msg.Feed) + "; its article stays"
		}
		cmds := []tea.Cmd{m.loadFeeds()}
		if m.filter.feed.id == msg.Feed.ID {
			m.filter.feed = feedFilter{}
			cmds = append(cmds, m.reloadList())
		}
		return tea.Batch(cmds...)
	case refreshDoneMsg:
		if m.feedsView {
			return m.loadFeeds() // the new last fetch and error
		}
	}
	return nil
}

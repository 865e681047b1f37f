package ui

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/list"
)

// searchLimit is how many hits a search lists; the status bar counts all.
const searchLimit = 500

// listFilter is what the list shows: every article, or those naming one
// entity, unread ones, starred ones, the hits of a search; these combine (a
// search within an entity's unread articles).
type listFilter struct {
	entity  model.EntityCount // ID 0: no entity filter
	unread  bool
	starred bool
	search  string // "": no search
	hits    int    // hits the search found in all
	approx  bool   // hits is an estimate until the search's count arrives
	feed    feedFilter
}

// describe is the filter as the status bar shows it, or "".
func (f listFilter) describe() string {
	var parts []string
	if f.search != "" {
		n := strconv.Itoa(f.hits) + " hits"
		switch {
		case f.approx && f.hits >= 10_000:
			n = "≈" + strconv.Itoa(f.hits/1000) + "k hits"
		case f.approx:
			n = "≈" + n
		case f.hits == 1:
			n = "1 hit"
		}
		parts = append(parts, n+" for "+strconv.Quote(oneLine(f.search)))
	}
	if f.entity.ID != 0 {
		parts = append(parts, "entity: "+oneLine(f.entity.Name))
	}
	if d := f.feed.describe(); d != "" {
		parts = append(parts, d)
	}
	if f.unread {
		parts = append(parts, "unread")
	}
	if f.starred {
		parts = append(parts, "starred")
	}
	return strings.Join(parts, " · ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(model.Sanitize(s)), " ") }

// listLoadedMsg answers a list query or a search; Req is the query's id.
// Search hits come whole (Whole); the article list comes as a window of
// rows Base on, with the row Keep to select (-1: none asked).
type listLoadedMsg struct {
	Req      int
	Items    []list.Item
	Whole    bool // Items are the whole list: a search's hits
	Base     int  // the list row of Items[0]
	AtEnd    bool // Items run to the list's end
	Jump     bool // g or G within the same list: its count still holds
	Keep     int  // the row to select: the kept article's, or -1
	Estimate int  // a guess at the list's size; 0 none
	Counted  bool // Total and Unread are the list's exact counts
	Total    int
	Unread   int
	Hits     int
	Approx   bool // Hits is an estimate: the search's count follows
	Err      error
}

// searchCountedMsg answers the exact count of a search's hits; Req is the
// search's list query id.
type searchCountedMsg struct {
	Req, Hits int
	Err       error
}

// pageLoadedMsg answers the fetch of the rows after (or before) the window.
type pageLoadedMsg struct {
	Req      int
	Items    []list.Item
	Backward bool
	AtEdge   bool // the rows reach the list's end (or start)
	Err      error
}

// listCountedMsg answers the count of the list: Gen is the list's (its
// filter's) generation, which g and G keep.
type listCountedMsg struct {
	Gen, Total, Unread int
	Err                error
}

// articleLoadedMsg answers an article query; Req is the query's id.
type articleLoadedMsg struct {
	Req      int
	ID       int64
	Article  *model.Article
	Entities []model.EntityCount
	Err      error
}

// listWindow is how many rows one fetch of the article list reads: a few
// screens, so that page keys and the wheel run on rows already held.
const listWindow = 200

// listQuery is the store's query for the current filter.
func (m *Model) listQuery() store.ListQuery {
	f := m.filter
	return store.ListQuery{EntityID: f.entity.ID, Unread: f.unread, Starred: f.starred, FeedID: f.feed.id, FeedTag: f.feed.tag}
}

// loadList starts the list query for the current filter from its top.
func (m *Model) loadList() tea.Cmd { return m.loadListKeeping(list.Item{}) }

// loadListKeeping starts the list query for the current filter: the first
// window of rows, or when keep (ID 0: none) is in the new list, the window
// around it, with it selected. Summaries with their reading state, no
// bodies; the count follows in a Cmd of its own once the rows are shown.
func (m *Model) loadListKeeping(keep list.Item) tea.Cmd {
	m.listReq++
	m.listGen++
	m.pageBusy = false
	m.pendingUnread = 0
	m.listKeep = keep.ID
	req, ctx, lib, f := m.listReq, m.ctx, m.lib, m.filter
	q := m.listQuery()
	switch {
	case f.search != "" && q == (store.ListQuery{}):
		m.list.SetEmpty("no article matches " + strconv.Quote(oneLine(f.search)))
	case f.search != "":
		m.list.SetEmpty("no article matches " + strconv.Quote(oneLine(f.search)) + " within the filter (esc clears)")
	case q != (store.ListQuery{}):
		m.list.SetEmpty("no article matches the filter (esc clears it)")
	default:
		m.list.SetEmpty("")
	}
	if m.stopSearch != nil {
		m.stopSearch() // a new list: the old search's answer would be dropped
		m.stopSearch = nil
	}
	if f.search != "" {
		q.Limit = searchLimit
		ctx, m.stopSearch = context.WithCancel(ctx)
		return func() tea.Msg {
			hits, err := lib.SearchItems(ctx, prefixQuery(f.search), q)
			items := listItems(hits.Items)
			keepRow := -1
			for i, it := range items {
				if keep.ID != 0 && it.ID == keep.ID {
					keepRow = i
				}
			}
			return listLoadedMsg{Req: req, Items: items, Whole: true, Keep: keepRow, Hits: hits.Total, Approx: !hits.Exact, Err: err}
		}
	}
	estimate := 0
	if q.EntityID != 0 {
		estimate = f.entity.Articles
	}
	return func() tea.Msg {
		msg := listLoadedMsg{Req: req, Keep: -1, Estimate: estimate}
		if keep.ID != 0 {
			if ok, err := windowAround(ctx, lib, q, keep, &msg); ok || err != nil {
				msg.Err = err
				return msg
			}
		}
		rows, err := lib.ListPage(ctx, q, store.Page{Limit: listWindow})
		if err == nil && q == (store.ListQuery{}) && len(rows) == listWindow {
			msg.Estimate, err = lib.ListEstimate(ctx)
		}
		msg.Items, msg.AtEnd, msg.Err = listItems(rows), len(rows) < listWindow, err
		return msg
	}
}

// windowAround fills msg with the window of the list q around the article
// keep, when the list holds it (ok); it reads a page on either side and the
// article's row number.
func windowAround(ctx context.Context, lib Library, q store.ListQuery, keep list.Item, msg *listLoadedMsg) (ok bool, err error) {
	key := store.ListKey{Published: keep.Published, ID: keep.ID}
	from := key
	from.ID-- // the rows after the one just before it start with it
	after, err := lib.ListPage(ctx, q, store.Page{Key: &from, Limit: listWindow})
	if err != nil || len(after) == 0 || after[0].ID != keep.ID {
		return false, err
	}
	before, err := lib.ListPage(ctx, q, store.Page{Key: &key, Backward: true, Limit: list.Margin})
	if err != nil {
		return false, err
	}
	row, err := lib.ListRank(ctx, q, key)
	if err != nil {
		return false, err
	}
	msg.Items = listItems(append(before, after...))
	msg.Base = row - len(before)
	msg.AtEnd = len(after) < listWindow
	msg.Keep = row
	return true, nil
}

// countList counts the list for the current filter and its unread
// articles, after its first rows are shown.
func (m *Model) countList() tea.Cmd {
	gen, ctx, lib, q := m.listGen, m.ctx, m.lib, m.listQuery()
	return func() tea.Msg {
		total, unread, err := lib.ListCount(ctx, q)
		return listCountedMsg{Gen: gen, Total: total, Unread: unread, Err: err}
	}
}

// countSearch counts the hits of the search shown, whose first page came
// with an estimate. It runs under the search's context, so a new search
// stops it.
func (m *Model) countSearch() tea.Cmd {
	req, ctx, lib, search, q := m.listReq, m.ctx, m.lib, m.filter.search, m.listQuery()
	if m.stopSearch != nil {
		var stop func()
		ctx, stop = context.WithCancel(ctx)
		prev := m.stopSearch
		m.stopSearch = func() { prev(); stop() }
	}
	return func() tea.Msg {
		n, err := lib.SearchCount(ctx, prefixQuery(search), q)
		return searchCountedMsg{Req: req, Hits: n, Err: err}
	}
}

// fetchPage reads the rows after or before the window when the selection
// nears its edge, one fetch at a time.
func (m *Model) fetchPage() tea.Cmd {
	backward, ok := m.list.Need()
	if !ok || m.pageBusy || m.filter.search != "" {
		return nil
	}
	edge, ok := m.list.Last()
	if backward {
		edge, ok = m.list.First()
	}
	if !ok {
		return nil
	}
	m.pageBusy = true
	req, ctx, lib, q := m.listReq, m.ctx, m.lib, m.listQuery()
	key := store.ListKey{Published: edge.Published, ID: edge.ID}
	return func() tea.Msg {
		rows, err := lib.ListPage(ctx, q, store.Page{Key: &key, Backward: backward, Limit: listWindow})
		return pageLoadedMsg{Req: req, Items: listItems(rows), Backward: backward, AtEdge: len(rows) < listWindow, Err: err}
	}
}

// jumpEnd shows the list's first rows (g) or its last ones (G) when the
// window does not hold them, selecting the first or the last row. The last
// rows' place needs the list's size: counted here when not yet known.
func (m *Model) jumpEnd(bottom bool) tea.Cmd {
	m.listReq++
	m.pageBusy = false
	m.pendingUnread = 0
	req, ctx, lib, q := m.listReq, m.ctx, m.lib, m.listQuery()
	if !bottom {
		return func() tea.Msg {
			rows, err := lib.ListPage(ctx, q, store.Page{Limit: listWindow})
			return listLoadedMsg{Req: req, Items: listItems(rows), AtEnd: len(rows) < listWindow, Jump: true, Keep: 0, Err: err}
		}
	}
	counted, total := m.list.Counted(), m.list.Len()
	return func() tea.Msg {
		msg := listLoadedMsg{Req: req, AtEnd: true, Jump: true}
		if !counted {
			var err error
			if msg.Total, msg.Unread, err = lib.ListCount(ctx, q); err != nil {
				msg.Err = err
				return msg
			}
			msg.Counted, total = true, msg.Total
		}
		rows, err := lib.ListPage(ctx, q, store.Page{Backward: true, Limit: listWindow})
		msg.Items, msg.Err = listItems(rows), err
		msg.Base = max(0, total-len(rows))
		msg.Keep = msg.Base + len(rows) - 1
		return msg
	}
}

func listItems(rows []store.ListItem) []list.Item {
	items := make([]list.Item, len(rows))
	for i, r := range rows {
		items[i] = list.Item{Summary: r.Summary, Read: r.Read, Starred: r.Starred, SummaryOnly: r.SummaryOnly}
	}
	return items
}

// prefixMin is the fewest letters a last word needs to be searched as a
// prefix. The store expands a prefix to the words it starts (at most the
// 16 shortest), so "go" costs milliseconds in a million articles; one
// letter is searched whole, as it names too many words to mean any.
const prefixMin = 2

// prefixQuery makes the last word typed a prefix (elect finds election),
// as a search box does while one types, unless it ends a quoted phrase,
// already has its *, is shorter than prefixMin, or a space after it says
// it is whole.
func prefixQuery(q string) string {
	if strings.TrimRightFunc(q, unicode.IsSpace) != q {
		return strings.TrimSpace(q)
	}
	q = strings.TrimSpace(q)
	if q == "" || strings.Count(q, `"`)%2 == 1 || strings.HasSuffix(q, `"`) || strings.HasSuffix(q, "*") {
		return q
	}
	last := q[strings.LastIndexAny(q, " \t")+1:]
	letters := 0
	for _, r := range last {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	if letters < prefixMin {
		return q
	}
	return q + "*"
}

// loadArticle reads an article's body and its entities.
func (m *Model) loadArticle(id int64) tea.Cmd {
	m.articleReq++
	req, ctx, lib := m.articleReq, m.ctx, m.lib
	return func() tea.Msg {
		a, err := lib.Article(ctx, id)
		if err != nil {
			return articleLoadedMsg{Req: req, ID: id, Err: err}
		}
		ents, err := lib.ArticleEntities(ctx, id)
		return articleLoadedMsg{Req: req, ID: id, Article: a, Entities: ents, Err: err}
	}
}

// stateSavedMsg reports a failed write of an article's reading state.
type stateSavedMsg struct{ Err error }

// setState records article id as read or not and starred or not, on its
// row at once and in the store by a Cmd.
func (m *Model) setState(it list.Item, read, starred bool) tea.Cmd {
	m.list.SetState(it.ID, read, starred)
	ctx, lib := m.ctx, m.lib
	return func() tea.Msg {
		var err error
		if read != it.Read {
			err = lib.SetRead(ctx, it.ID, read)
		}
		if starred != it.Starred && err == nil {
			err = lib.SetStarred(ctx, it.ID, starred)
		}
		return stateSavedMsg{Err: err}
	}
}

// readTimerMsg fires when an article has been shown for the read delay.
type readTimerMsg struct {
	Req int
	ID  int64
}

// startReadTimer counts the article on show as read once it has been shown
// for the read delay, unless the reader has moved on by then.
func (m *Model) startReadTimer(id int64) tea.Cmd {
	m.readReq++
	if m.readDelay < 0 {
		return nil
	}
	req := m.readReq
	return tea.Tick(m.readDelay, func(time.Time) tea.Msg { return readTimerMsg{Req: req, ID: id} })
}

// entitiesLoadedMsg answers the entity view's query.
type entitiesLoadedMsg struct {
	Req   int
	Items []model.EntityCount
	More  bool // more entities match than Items holds
	Err   error
}

// entityDetailMsg answers the entity view's question about one entity.
type entityDetailMsg struct {
	Req      int
	ID       int64
	Related  []model.EntityCount
	Sampled  int // Related counts only this many of its latest articles; 0 all
	Articles []model.Summary
	Aliases  []string // its other names
}

// entityViewLimit is how many entities the view lists at once.
const entityViewLimit = 300

// loadEntities queries the entities for the view's type and typed filter.
func (m *Model) loadEntities() tea.Cmd {
	m.entityReq++
	req, ctx, lib := m.entityReq, m.ctx, m.lib
	// One more than the view lists tells whether the list is cut.
	q := store.EntityQuery{Type: m.entities.Type(), Match: strings.TrimSpace(m.entities.Query()), Limit: entityViewLimit + 1}
	return func() tea.Msg {
		items, err := lib.Entities(ctx, q)
		more := len(items) > entityViewLimit
		if more {
			items = items[:entityViewLimit]
		}
		return entitiesLoadedMsg{Req: req, Items: items, More: more, Err: err}
	}
}

// loadDetail queries the selected entity's companions and articles.
func (m *Model) loadDetail() tea.Cmd {
	e, ok := m.entities.Selected()
	if !ok {
		return nil
	}
	m.detailReq++
	req, ctx, lib := m.detailReq, m.ctx, m.lib
	return func() tea.Msg {
		rel, _ := lib.Related(ctx, e.ID, 12)
		aliases, _ := lib.Names(ctx, e.ID)
		rows, _ := lib.ListPage(ctx, store.ListQuery{EntityID: e.ID}, store.Page{Limit: 30})
		arts := make([]model.Summary, len(rows))
		for i, r := range rows {
			arts[i] = r.Summary
		}
		msg := entityDetailMsg{Req: req, ID: e.ID, Related: rel, Articles: arts, Aliases: aliases}
		if e.Articles > store.RelatedSample {
			msg.Sampled = store.RelatedSample
		}
		return msg
	}
}

// noteMsg puts a message in the status bar.
type noteMsg string

// safeURL returns the article's URL when it is an http(s) URL (or the file
// URL of a page beside a local feed) with nothing
// in it a terminal or a shell could read as more than a URL.
func safeURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("this article has no URL")
	}
	if strings.ContainsFunc(raw, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) }) {
		return "", errors.New("this article's URL holds control characters")
	}
	u, err := url.Parse(raw)
	web := err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	local := err == nil && u.Scheme == "file" && u.Host == "" && u.Path != "" // a page of a local feed
	if !web && !local {
		return "", errors.New("this article has no web URL")
	}
	return u.String(), nil
}

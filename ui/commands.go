package ui

import (
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
	feed    feedFilter
}

// describe is the filter as the status bar shows it, or "".
func (f listFilter) describe() string {
	var parts []string
	if f.search != "" {
		n := strconv.Itoa(f.hits) + " hits"
		if f.hits == 1 {
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
type listLoadedMsg struct {
	Req   int
	Items []list.Item
	Hits  int
	Err   error
}

// articleLoadedMsg answers an article query; Req is the query's id.
type articleLoadedMsg struct {
	Req      int
	ID       int64
	Article  *model.Article
	Entities []model.EntityCount
	Err      error
}

// loadList starts the list query for the current filter: summaries with
// their reading state, no bodies.
func (m *Model) loadList() tea.Cmd {
	m.listReq++
	m.listKeep = 0
	req, ctx, lib, f := m.listReq, m.ctx, m.lib, m.filter
	q := store.ListQuery{EntityID: f.entity.ID, Unread: f.unread, Starred: f.starred, FeedID: f.feed.id, FeedTag: f.feed.tag}
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
	if f.search != "" {
		q.Limit = searchLimit
		return func() tea.Msg {
			rows, n, err := lib.SearchItems(ctx, prefixQuery(f.search), q)
			return listLoadedMsg{Req: req, Items: listItems(rows), Hits: n, Err: err}
		}
	}
	return func() tea.Msg {
		rows, err := lib.ListItems(ctx, q)
		return listLoadedMsg{Req: req, Items: listItems(rows), Err: err}
	}
}

func listItems(rows []store.ListItem) []list.Item {
	items := make([]list.Item, len(rows))
	for i, r := range rows {
		items[i] = list.Item{Summary: r.Summary, Read: r.Read, Starred: r.Starred, SummaryOnly: r.SummaryOnly}
	}
	return items
}

// prefixQuery makes the last word typed a prefix (elect finds election),
// as a search box does while one types, unless it ends a quoted phrase or
// already has its *.
func prefixQuery(q string) string {
	q = strings.TrimSpace(q)
	if q == "" || strings.Count(q, `"`)%2 == 1 || strings.HasSuffix(q, `"`) || strings.HasSuffix(q, "*") {
		return q
	}
	last := q[strings.LastIndexAny(q, " \t")+1:]
	if !strings.ContainsFunc(last, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
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
	Articles []model.Summary
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
		rows, _ := lib.ListItems(ctx, store.ListQuery{EntityID: e.ID, Limit: 30})
		arts := make([]model.Summary, len(rows))
		for i, r := range rows {
			arts[i] = r.Summary
		}
		return entityDetailMsg{Req: req, ID: e.ID, Related: rel, Articles: arts}
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

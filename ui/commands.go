package ui

import (
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"

	tea "charm.land/bubbletea/v2"
)

// listLoadedMsg answers a list query; Req is the query's id.
type listLoadedMsg struct {
	Req   int
	Items []model.Summary
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

// loadList starts the one list query: every article's summary, no bodies.
func (m *Model) loadList() tea.Cmd {
	m.listReq++
	req, ctx, lib := m.listReq, m.ctx, m.lib
	return func() tea.Msg {
		items, err := lib.List(ctx, store.ListQuery{})
		return listLoadedMsg{Req: req, Items: items, Err: err}
	}
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

// Package keymap defines byline's key bindings, built on bubbles/key so the
// help view is generated from the same values the panes match against. There
// is no global keymap: the root model builds one with New (or Load, which
// applies the user's config file) and hands it to the panes, which keeps
// tests free to build their own.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding, grouped by what they act on.
type KeyMap struct {
	Global  Global
	Move    Move
	List    List
	Article Article
	Reader  Reader
	Sidebar Sidebar
	Feeds   Feeds
	// Entities are the corrections in the entity view (o).
	Entities Entities
}

// Global bindings work whichever pane has focus.
type Global struct {
	NextPane   key.Binding
	PrevPane   key.Binding
	Entities   key.Binding // toggle the entity sidebar on medium-width terminals
	EntityView key.Binding // open the view of every entity in the store
	Tint       key.Binding // per-type tint of unpinned entities on or off
	Back       key.Binding // close a prompt or view, clear a search or filter
	ToList     key.Binding // from the reader or the sidebar back to the list
	Refresh    key.Binding // fetch the subscribed feeds in the background (in the feeds view: the selected one)
	FeedsView  key.Binding // open the view of the subscribed feeds
	Help       key.Binding
	Quit       key.Binding
}

// Move bindings move the cursor or scroll inside the focused pane.
type Move struct {
	Up       key.Binding
	Down     key.Binding
	Top      key.Binding
	Bottom   key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	HalfUp   key.Binding
	HalfDown key.Binding
}

// List bindings act on the article list.
type List struct {
	Open          key.Binding
	Search        key.Binding // full-text search over every article
	UnreadFilter  key.Binding
	StarredFilter key.Binding
	NextUnread    key.Binding // select the next unread article
	PrevUnread    key.Binding
	MarkAllRead   key.Binding // mark every article listed read, once confirmed
	Undo          key.Binding // undo the last mark-all-read
}

// Article bindings act on the selected article from the list or the reader.
type Article struct {
	ToggleRead key.Binding
	ToggleStar key.Binding
	OpenURL    key.Binding
	CopyURL    key.Binding
}

// Reader bindings act on the article being read.
type Reader struct {
	NextMention key.Binding // next mention of a pinned entity, or next find hit
	PrevMention key.Binding
	Find        key.Binding // find in the article
	Links       key.Binding // list the article's links, numbered; a digit opens one
}

// Sidebar bindings act on the selected entity.
type Sidebar struct {
	Pin    key.Binding // highlight every mention; again to unpin
	Follow key.Binding // list only the articles that mention it
	Split  key.Binding // make its mentions in this article an entity of their own, once confirmed
	Unpin  key.Binding // unpin every pinned entity
}

// Feeds bindings act in the feeds view (F) on the selected feed.
type Feeds struct {
	Unsubscribe key.Binding // unsubscribe, once confirmed
}

// Entities bindings correct the store's entities in the entity view (o).
// Typing there narrows the list; these keys are ones the narrowing has no
// use for (it ignores case and spaces), so they act even while a filter is
// typed.
type Entities struct {
	Mark   key.Binding // mark or unmark the selected entity for a merge
	Merge  key.Binding // merge the marked entities into the selected one, once confirmed
	Rename key.Binding // give the selected entity another canonical name
	Type   key.Binding // give the selected entity another type
}

// New returns byline's default key bindings.
func New() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Global: Global{
			NextPane:   b("tab", "next pane", "tab"),
			PrevPane:   b("shift+tab", "previous pane", "shift+tab"),
			Entities:   b("e", "entities", "e"),
			EntityView: b("o", "all entities", "o"),
			Tint:       b("t", "type tint on/off", "t"),
			Back:       b("esc", "close/clear", "esc"),
			ToList:     b("h/←", "back to the list (or esc, q)", "h", "left"),
			Refresh:    b("r", "fetch feeds (in F: that feed)", "r"),
			FeedsView:  b("F", "feeds", "F"),
			Help:       b("?", "help", "?"),
			Quit:       b("q", "quit", "q", "ctrl+c"),
		},
		Move: Move{
			Up:       b("↑/k", "up", "up", "k"),
			Down:     b("↓/j", "down", "down", "j"),
			Top:      b("g", "top", "g", "home"),
			Bottom:   b("G", "bottom", "G", "end"),
			PageUp:   b("pgup", "page up", "pgup"),
			PageDown: b("pgdn", "page down", "pgdown"),
			HalfUp:   b("ctrl+u", "half page up", "ctrl+u"),
			HalfDown: b("ctrl+d", "half page down", "ctrl+d"),
		},
		List: List{
			Open:          b("enter", "read", "enter"),
			Search:        b("/", "search (in reader: find)", "/"),
			UnreadFilter:  b("u", "unread only", "u"),
			StarredFilter: b("S", "starred only", "S"),
			NextUnread:    b("J", "next unread", "J"),
			PrevUnread:    b("K", "previous unread", "K"),
			MarkAllRead:   b("A", "mark all listed read", "A"),
			Undo:          b("U", "undo mark all read", "U"),
		},
		Article: Article{
			ToggleRead: b("m", "mark read/unread", "m"),
			ToggleStar: b("s", "star/unstar", "s"),
			OpenURL:    b("O", "open in browser", "O"),
			CopyURL:    b("y", "copy URL", "y"),
		},
		Reader: Reader{
			NextMention: b("n", "next mention / match", "n"),
			PrevMention: b("N", "previous mention", "N"),
			Find:        b("/", "find in article", "/"),
			Links:       b("L", "list links (1-9 opens one)", "L"),
		},
		Sidebar: Sidebar{
			Pin:    b("enter/space", "pin entity (entities pane)", "enter", "space"),
			Follow: b("f", "list articles naming it", "f"),
			Unpin:  b("P", "unpin all", "P"),
			Split:  b("X", "split entity off in this article", "X"),
		},
		Feeds: Feeds{
			Unsubscribe: b("d", "unsubscribe (in F)", "d"),
		},
		Entities: Entities{
			Mark:   b("space", "mark entity (in o)", "space"),
			Merge:  b("M", "merge marked into selected (in o)", "M"),
			Rename: b("R", "rename entity (in o)", "R"),
			Type:   b("T", "set entity type (in o)", "T"),
		},
	}
}

// ShortHelp is the one-line hint in the status bar. It implements
// help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Global.NextPane, k.Move.Down, k.List.Open, k.Global.Help, k.Global.Quit}
}

// FullHelp is every binding, one column per group. It implements
// help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, s := range k.Sections() {
		out = append(out, s.Bindings)
	}
	return out
}

// Section is one titled group of the `?` help.
type Section struct {
	Title    string
	Bindings []key.Binding
}

// Sections is the `?` help: every binding, in groups a new user can read
// top to bottom.
func (k KeyMap) Sections() []Section {
	return []Section{
		{"Move", []key.Binding{k.Move.Up, k.Move.Down, k.Move.Top, k.Move.Bottom, k.Move.PageUp, k.Move.PageDown, k.Move.HalfUp, k.Move.HalfDown}},
		{"Panes", []key.Binding{k.Global.NextPane, k.Global.PrevPane, k.List.Open, k.Global.ToList, k.Global.Entities, k.Global.EntityView, k.Global.Back, k.Global.Help, k.Global.Quit}},
		{"Entities", []key.Binding{k.Sidebar.Pin, k.Sidebar.Unpin, k.Reader.NextMention, k.Reader.PrevMention, k.Global.Tint, k.Sidebar.Follow, k.Sidebar.Split}},
		{"Search & filter", []key.Binding{k.List.Search, k.List.UnreadFilter, k.List.StarredFilter}},
		{"Article", []key.Binding{k.Article.ToggleRead, k.Article.ToggleStar, k.List.NextUnread, k.List.PrevUnread, k.List.MarkAllRead, k.List.Undo, k.Article.OpenURL, k.Article.CopyURL, k.Reader.Links}},
		{"Feeds", []key.Binding{k.Global.Refresh, k.Global.FeedsView, k.Feeds.Unsubscribe}},
		{"Entity view", []key.Binding{k.Entities.Mark, k.Entities.Merge, k.Entities.Rename, k.Entities.Type}},
	}
}

// Package ui is byline's terminal reader: an article list, a reader and an
// entity sidebar in one Bubble Tea program. Model is the only tea.Model; the
// panes (ui/list, ui/reader, ui/sidebar) are plain structs it owns and lays
// out with the pure function layout. Everything slow (store queries, glamour
// renders) runs in Cmds whose results carry request ids, so input never waits
// and stale answers are dropped.
package ui

import (
	"context"
	"fmt"
	"os"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/entities"
	"github.com/bylinehq/byline/ui/feeds"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/list"
	"github.com/bylinehq/byline/ui/reader"
	"github.com/bylinehq/byline/ui/sidebar"
	"github.com/bylinehq/byline/ui/styles"
)

// Library is what the reader needs from the store. *store.Store satisfies
// it; ui uses nothing else of the store, so tests and other front ends can
// hand in anything that answers these questions.
type Library interface {
	ListItems(ctx context.Context, q store.ListQuery) ([]store.ListItem, error)
	// ListPage, ListCount, ListEstimate, ListRank and ListUnreadIDs read
	// the list a window at a time, and count it apart.
	ListPage(ctx context.Context, q store.ListQuery, p store.Page) ([]store.ListItem, error)
	ListCount(ctx context.Context, q store.ListQuery) (total, unread int, err error)
	ListEstimate(ctx context.Context) (int, error)
	ListRank(ctx context.Context, q store.ListQuery, key store.ListKey) (int, error)
	ListUnreadIDs(ctx context.Context, q store.ListQuery) ([]int64, error)
	Article(ctx context.Context, id int64) (*model.Article, error)
	ArticleEntities(ctx context.Context, id int64) ([]model.EntityCount, error)
	// SearchItems finds a page of hits with a count that may be an
	// estimate; SearchCount counts exactly, after the hits are shown.
	SearchItems(ctx context.Context, query string, q store.ListQuery) (store.SearchHits, error)
	SearchCount(ctx context.Context, query string, q store.ListQuery) (int, error)
	Entities(ctx context.Context, q store.EntityQuery) ([]model.EntityCount, error)
	Related(ctx context.Context, entityID int64, limit int) ([]model.EntityCount, error)
	SetRead(ctx context.Context, id int64, read bool) error
	SetStarred(ctx context.Context, id int64, starred bool) error
	// SetReadMany marks many articles read or unread at once and returns
	// the ids it changed (A, and U to undo it).
	SetReadMany(ctx context.Context, ids []int64, read bool) ([]int64, error)
	// Names are an entity's other names, which the entity view lists.
	Names(ctx context.Context, identityID int64) ([]string, error)
	// MergeIdentities, RenameIdentity and SetIdentityType correct the
	// entities (M, R and T in the entity view). They take the identities
	// the user picked, not their names, so the city is not retyped with
	// the person who bears its name.
	MergeIdentities(ctx context.Context, ids []int64, into int64) (store.Correction, error)
	RenameIdentity(ctx context.Context, id int64, to string) (store.Correction, error)
	SetIdentityType(ctx context.Context, id int64, typ string) (store.Correction, error)
	// Split makes an entity's mentions in one article an entity of their
	// own (X in the entities pane).
	Split(ctx context.Context, name string, article int64) (store.Correction, error)
}

// The store is the Library byline runs on.
var _ Library = (*store.Store)(nil)

// Options are the caller's choices for one run.
type Options struct {
	// Hint is an extra line above the status bar, such as
	// "demo articles — import your own: byline import PATH". Empty: none.
	Hint string
	// DemoSource is the source prefix of demo articles: the Hint goes away
	// for good once the list shows an article from anywhere else (one
	// imported or fetched while the reader runs). "": the Hint stays.
	DemoSource string
	// NoColor draws without any colour; focus and selection stay visible
	// through reverse video, bold and markers. Run also sets it when the
	// NO_COLOR environment variable is set and not empty.
	NoColor bool
	// KeyMap replaces the default key bindings, for example with the ones
	// keymap.Load read from the user's config file. Nil: the defaults.
	KeyMap *keymap.KeyMap
	// ReadDelay is how long an article must stay in the reader to count as
	// read (scrolling it counts at once). 0: two seconds; negative: never,
	// only scrolling and the toggle key mark it.
	ReadDelay time.Duration
	// ReaderWidth is the widest the reader wraps an article's text to, in
	// columns (config reader.width, see LoadReaderWidth); a wider pane
	// centres the text. 0: reader.DefaultMeasure (80); negative: the
	// pane's width.
	ReaderWidth int
	// Refresh fetches the subscribed feeds when the user presses r; the
	// list grows as each feed's articles are stored. Nil: r only says how
	// to subscribe. The caller wires it to the pipeline `byline fetch` runs,
	// so ui stays free of fetching code.
	Refresh RefreshFunc
	// RefreshFeeds makes the fetch of only the feeds at urls, which r runs
	// in the feeds view (F) on a feed or a tag. Nil: r there fetches them
	// all.
	RefreshFeeds func(urls []string) RefreshFunc
	// Browser is the command that opens an article's URL (O), with %u
	// where the URL goes, as the config file's browser entry gives it;
	// "": $BROWSER, then the platform's opener.
	Browser string
	// Theme is the config's theme: "dark" or "light" fixes the styles,
	// "" or "auto" follows the terminal's background.
	Theme string
	// Colors are the config's own colours ([colors]), over the theme's.
	Colors styles.Colors
	// AutoRefresh fetches the feeds in the background every so often, as r
	// does (config refresh = "30m"); 0 leaves it to r.
	AutoRefresh time.Duration
}

// defaultReadDelay is how long an article must be shown to count as read.
const defaultReadDelay = 2 * time.Second

// Model is the root of the program. Build it with New; hand it to Bubble Tea
// through TeaModel (Run does both).
type Model struct {
	ctx  context.Context
	lib  Library
	opts Options

	km     keymap.KeyMap
	st     styles.Styles
	isDark bool
	help   help.Model

	list     list.Model
	reader   reader.Model
	sidebar  sidebar.Model
	entities entities.Model
	feeds    feeds.Model

	width, height int
	focus         Focus
	sidebarOpen   bool
	showHelp      bool
	helpView      string // the full help, drawn once per layout
	helpOffset    int    // the first line of the help in view
	lay           Layout

	stopSearch func() // cancels the search (and its count) in flight, if any

	listReq       int   // id of the newest list query (window or page)
	listGen       int   // id of the newest list filter: g and G keep it, and its count
	pageBusy      bool  // a page of the list is being fetched
	pendingUnread int   // J (1) or K (-1) waits for the next page; 0 none
	articleReq    int   // id of the newest article query
	articleID     int64 // the article the reader shows or is loading; 0 none
	listDone      bool  // the list query has answered
	listErr       string

	filter     listFilter
	pins       []reader.Pin // at most styles.PinColours, each with its own slot
	tint       bool         // unpinned entities tinted by type
	prompt     prompt       // the search line, while it is open
	typeSeq    int          // id of the newest edit of the search line
	entityView bool         // the entity view is open
	entityReq  int          // id of the newest entity view query
	detailReq  int          // id of the newest entity detail query
	entityAsk  entityAsk    // a correction in the entity view, while it asks
	note       string       // a one-off message in the status bar
	readDelay  time.Duration
	readReq    int   // id of the newest read timer
	listKeep   int64 // the article the newest list query keeps selected; 0 none
	marks      markAll

	refresh        *refreshRun                                          // the fetch in flight; nil none
	refreshReq     int                                                  // id of the newest fetch
	autoRefreshGen int                                                  // the refresh clock's generation: older ticks are dropped
	tick           func(time.Duration, func(time.Time) tea.Msg) tea.Cmd // tea.Tick; tests count ticks instead of waiting
	summary        string                                               // the last fetch's summary line, for a while
	summaryReq     int                                                  // id of the newest summary's expiry
	summaryLinger  time.Duration

	feedsView bool   // the feeds view (F) is open
	feedsReq  int    // id of the newest feeds view query
	linkTyped string // the digits typed so far while the links are listed (L)
	// open opens a URL in the configured browser ("" the default); tests
	// put their own here.
	open func(configured, u string) tea.Cmd
}

// New returns the root model. It does no I/O: the list query starts in Init,
// so the first frame draws at once whatever the size of the store.
func New(lib Library, opts Options) *Model {
	m := &Model{
		ctx:       context.Background(),
		lib:       lib,
		opts:      opts,
		km:        keymap.New(),
		isDark:    true, // until the terminal answers; most terminals are dark
		help:      help.New(),
		tint:      true,
		readDelay: opts.ReadDelay,

		summaryLinger: defaultSummaryLinger,
	}
	if opts.Theme == "light" {
		m.isDark = false
	}
	if opts.KeyMap != nil {
		m.km = *opts.KeyMap
	}
	if m.readDelay == 0 {
		m.readDelay = defaultReadDelay
	}
	m.st = m.styles()
	m.help.Styles = m.st.Help
	m.list = list.New(m.km, m.st)
	m.reader = reader.New(m.km, m.st)
	if opts.ReaderWidth != 0 {
		m.reader.SetMeasure(opts.ReaderWidth) // negative: no measure
	}
	m.sidebar = sidebar.New(m.km, m.st)
	m.entities = entities.New(m.st)
	m.feeds = feeds.New(m.km, m.st)
	m.open = openURL
	m.setFocus(FocusList)
	return m
}

// Run starts the program on the terminal with the alternate screen and
// mouse reporting, and returns when the user quits or ctx ends.
func Run(ctx context.Context, lib Library, opts Options) error {
	if os.Getenv("NO_COLOR") != "" {
		opts.NoColor = true
	}
	m := New(lib, opts)
	m.ctx = ctx
	// 120 frames a second, Bubble Tea's most: a frame waits at most 8 ms
	// for the renderer's tick, the first one included.
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(120)}
	if opts.NoColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	} else {
		// lipgloss detected the profile of stdout when it initialised; left
		// to itself, Bubble Tea detects it again, and inside tmux each
		// detection runs `tmux info`: 15 ms of every start.
		popts = append(popts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	_, err := tea.NewProgram(m.TeaModel(), popts...).Run()
	m.StopRefresh() // before the caller closes the store
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("run reader: %w", err)
	}
	return nil
}

// TeaModel adapts m to tea.Model. Update on *Model returns only the Cmd, so
// tests drive it without type assertions; this adapter is all Bubble Tea
// sees.
func (m *Model) TeaModel() tea.Model { return program{m} }

type program struct{ m *Model }

func (p program) Init() tea.Cmd                           { return p.m.Init() }
func (p program) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return p, p.m.Update(msg) }
func (p program) View() tea.View                          { return p.m.View() }

// Init asks the terminal for its background colour and starts the list
// query.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.loadList(), m.scheduleAutoRefresh())
}

// View draws the screen: the alternate screen with mouse cell motion, so
// the wheel scrolls the pane under the pointer.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "byline"
	return v
}

// styles are the styles for the current background, or the colourless ones.
func (m *Model) styles() styles.Styles {
	if m.opts.NoColor {
		return styles.NoColor()
	}
	return styles.NewWith(m.isDark, m.opts.Colors)
}

// Focus is the pane that has the keyboard.
func (m *Model) Focus() Focus { return m.focus }

// HelpOpen reports whether the full help is shown.
func (m *Model) HelpOpen() bool { return m.showHelp }

// SelectedIndex is the list's selected row, counted from 0.
func (m *Model) SelectedIndex() int { return m.list.Index() }

// ReaderArticle is the article the reader shows, or nil while none is loaded.
func (m *Model) ReaderArticle() *model.Article { return m.reader.Article() }

// Pins are the pinned entities, in the order they were pinned.
func (m *Model) Pins() []reader.Pin { return append([]reader.Pin(nil), m.pins...) }

// EntityViewOpen reports whether the entity view is open.
func (m *Model) EntityViewOpen() bool { return m.entityView }

// ListLen is the number of articles the list shows.
func (m *Model) ListLen() int { return m.list.Len() }

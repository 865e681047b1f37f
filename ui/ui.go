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

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/list"
	"github.com/bylinehq/byline/ui/reader"
	"github.com/bylinehq/byline/ui/sidebar"
	"github.com/bylinehq/byline/ui/styles"
)

// Library is what the reader needs from the store. *store.Store satisfies
// it; ui uses nothing else of the store, so tests and other front ends can
// hand in anything that answers these three questions.
type Library interface {
	List(ctx context.Context, q store.ListQuery) ([]model.Summary, error)
	Article(ctx context.Context, id int64) (*model.Article, error)
	ArticleEntities(ctx context.Context, id int64) ([]model.EntityCount, error)
}

// The store is the Library byline runs on.
var _ Library = (*store.Store)(nil)

// Options are the caller's choices for one run.
type Options struct {
	// Hint is an extra line above the status bar, such as
	// "demo articles — import your own: byline import PATH". Empty: none.
	Hint string
	// NoColor draws without any colour; focus and selection stay visible
	// through reverse video, bold and markers. Run also sets it when the
	// NO_COLOR environment variable is set and not empty.
	NoColor bool
}

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

	list    list.Model
	reader  reader.Model
	sidebar sidebar.Model

	width, height int
	focus         Focus
	sidebarOpen   bool
	showHelp      bool
	helpView      string // the full help, drawn once per layout
	lay           Layout

	listReq    int   // id of the newest list query
	articleReq int   // id of the newest article query
	articleID  int64 // the article the reader shows or is loading; 0 none
	listDone   bool  // the list query has answered
	listErr    string
}

// New returns the root model. It does no I/O: the list query starts in Init,
// so the first frame draws at once whatever the size of the store.
func New(lib Library, opts Options) *Model {
	m := &Model{
		ctx:    context.Background(),
		lib:    lib,
		opts:   opts,
		km:     keymap.New(),
		isDark: true, // until the terminal answers; most terminals are dark
		help:   help.New(),
	}
	m.st = m.styles()
	m.help.Styles = m.st.Help
	m.list = list.New(m.km, m.st)
	m.reader = reader.New(m.km, m.st)
	m.sidebar = sidebar.New(m.km, m.st)
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
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.NoColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	if _, err := tea.NewProgram(m.TeaModel(), popts...).Run(); err != nil {
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
	return tea.Batch(tea.RequestBackgroundColor, m.loadList())
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
	return styles.New(m.isDark)
}

// Focus is the pane that has the keyboard.
func (m *Model) Focus() Focus { return m.focus }

// HelpOpen reports whether the full help is shown.
func (m *Model) HelpOpen() bool { return m.showHelp }

// SelectedIndex is the list's selected row, counted from 0.
func (m *Model) SelectedIndex() int { return m.list.Index() }

// ReaderArticle is the article the reader shows, or nil while none is loaded.
func (m *Model) ReaderArticle() *model.Article { return m.reader.Article() }

// Package reader is the article pane: the selected article's title, date,
// credit and caption, then its body rendered by glamour and wrapped to the
// pane. Rendering takes milliseconds, so it never runs in Update or View: the
// pane returns a tea.Cmd that renders off the update path, tags the result
// with a request id, and keeps finished renders in a small cache keyed by
// article, width and theme. Render gives the same text for `byline show`.
package reader

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/highlight"
	"github.com/bylinehq/byline/ui/keymap"
	"github.com/bylinehq/byline/ui/pane"
	"github.com/bylinehq/byline/ui/styles"
)

// CacheKey identifies one glamour rendering of an article. The in-article
// search is part of it because its hits are marked before rendering. Pins
// and the current mention are not: every mention is marked in every render,
// and choosing which ones to paint only re-styles the cached lines, which is
// what keeps pinning and n/N within a frame.
type CacheKey struct {
	ID    int64
	Width int
	Theme styles.Theme
	Find  string
}

// RenderedMsg carries a finished render back to Update. Req is the pane's
// request id when the render started; a result for an older request is
// cached but not shown.
type RenderedMsg struct {
	Req int
	Key CacheKey
	Err error
	r   *rendering
}

// Model is the reader pane. The zero value is not usable; call New.
type Model struct {
	km      keymap.KeyMap
	st      styles.Styles
	cache   *cache
	article *model.Article
	title   string // shown while the article loads
	raw     *rendering
	lines   []string // raw, painted; nil until the render arrives
	marks   []highlight.Style
	pins    []Pin
	tint    bool
	find    string
	targets []int    // pairs that n and N visit
	cur     int      // index in targets of the current one, or -1
	shown   CacheKey // the key lines were rendered for
	req     int      // id of the newest render started
	pending CacheKey // key of the newest render started, while one runs
	busy    bool
	err     string
	jump    int // a move to the next (1) or previous (-1) mention, once drawn
	offset  int
	width   int
	height  int
	measure int // the widest the text is wrapped to; 0 the pane's width
	focused bool
	loading bool
	// summaryOnly: the article holds only its feed's teaser, and a line
	// above the text says so and how to read the rest.
	summaryOnly bool
	// links are the article's links while L lists them in place of the
	// text; nil otherwise. linkOffset is the first one in view.
	links      []Link
	linkOffset int
}

// SummaryLine is the reader's first line for an article that holds only
// its feed's teaser; %s is the key that opens the page.
const SummaryLine = "summary only — %s opens the page"

// SetSummaryOnly says whether the article shown holds only its feed's
// teaser. The root sets it with each selection; SetArticle leaves it.
func (m *Model) SetSummaryOnly(only bool) {
	m.summaryOnly = only
	m.clamp()
}

// SummaryOnly reports whether the summary-only line is shown.
func (m Model) SummaryOnly() bool { return m.summaryOnly }

// DefaultMeasure is the width the text is wrapped to when the pane is
// wider: lines much longer than this are hard to read.
const DefaultMeasure = 80

// SetMeasure sets the widest the text is wrapped to (config reader.width);
// a wider pane centres it. 0 or less: the pane's width.
func (m *Model) SetMeasure(n int) {
	m.measure = max(0, n)
	m.clamp()
}

// textWidth is the width the article is rendered at: the pane's, or the
// measure when the pane is wider.
func (m Model) textWidth() int {
	if m.measure > 0 && m.width > m.measure {
		return m.measure
	}
	return m.width
}

// indent is the blank columns left of the text, which centre it in a pane
// wider than the measure.
func (m Model) indent() int { return (m.width - m.textWidth()) / 2 }

// New returns an empty reader.
func New(km keymap.KeyMap, st styles.Styles) Model {
	return Model{km: km, st: st, cache: newCache(32), marks: markStyles(st.Mark), tint: true, cur: -1, measure: DefaultMeasure}
}

// SetStyles changes the styles; the caller then asks for a render with
// RenderCmd, since the theme is part of the cache key.
func (m *Model) SetStyles(st styles.Styles) {
	m.st = st
	m.marks = markStyles(st.Mark)
	m.repaint()
}

// SetSize gives the pane its rectangle, header line included. Until the
// re-render at the new width arrives, the old lines are shown cut to fit.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(0, w), max(0, h)
	m.clamp()
}

// SetFocused says whether the reader has the keyboard.
func (m *Model) SetFocused(f bool) { m.focused = f }

// SetLoading shows the title of the article being fetched and "loading…",
// so moving through the list never waits for a body.
func (m *Model) SetLoading(title string) {
	m.loading, m.err = true, ""
	m.title = title
	m.article, m.lines, m.raw, m.offset = nil, nil, nil, 0
	m.shown, m.cur, m.targets = CacheKey{}, -1, nil
	m.links = nil
}

// SetError shows a one-line error in place of the article.
func (m *Model) SetError(msg string) {
	m.loading, m.err = false, msg
	m.article, m.lines, m.raw, m.targets = nil, nil, nil, nil
}

// Clear shows no article, as when the list is empty.
func (m *Model) Clear() {
	m.loading, m.err, m.title = false, "", ""
	m.article, m.lines, m.raw, m.offset = nil, nil, nil, 0
	m.shown, m.cur, m.targets = CacheKey{}, -1, nil
	m.links = nil
}

// SetArticle shows a from the top and returns the Cmd that renders it, or
// nil when a render for this width and theme is cached.
func (m *Model) SetArticle(a *model.Article) tea.Cmd {
	m.loading, m.err = false, ""
	m.article, m.offset = a, 0
	m.title = a.Title
	m.lines, m.raw, m.shown, m.cur, m.targets, m.jump = nil, nil, CacheKey{}, -1, nil, 0
	m.links = nil
	return m.RenderCmd()
}

// Article is the article shown, or nil.
func (m Model) Article() *model.Article { return m.article }

// Rendering reports whether a render is under way.
func (m Model) Rendering() bool { return m.busy }

// key is the cache key for the current article, width and theme.
func (m Model) key() CacheKey {
	return CacheKey{ID: m.article.ID, Width: m.textWidth(), Theme: m.st.Theme, Find: m.find}
}

// RenderCmd brings the pane up to date with its article, width and theme:
// from the cache at once, or by returning a Cmd that renders off the update
// path. It returns nil when nothing needs rendering or the same render is
// already running.
func (m *Model) RenderCmd() tea.Cmd {
	if m.article == nil || m.width <= 0 {
		return nil
	}
	k := m.key()
	if k == m.shown && m.lines != nil {
		return nil
	}
	if r, ok := m.cache.get(k); ok {
		m.show(r, k)
		return nil
	}
	if m.busy && m.pending == k {
		return nil
	}
	m.req++
	req, a, st := m.req, m.article, m.st
	m.pending, m.busy = k, true
	return func() tea.Msg {
		r, err := renderLines(a, k.Width, st, k.Find, true)
		return RenderedMsg{Req: req, Key: k, r: r, Err: err}
	}
}

// Update scrolls on movement keys and takes in finished renders.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case RenderedMsg:
		if msg.Err == nil {
			m.cache.put(msg.Key, msg.r)
		}
		if msg.Req != m.req {
			return m, nil // stale: a newer article, width or theme was asked for
		}
		m.busy = false
		if msg.Err != nil {
			m.err = msg.Err.Error()
			return m, nil
		}
		m.show(msg.r, msg.Key)
	case tea.KeyPressMsg:
		d, ok := pane.Motion(m.km.Move, msg, m.bodyHeight())
		switch {
		case ok && m.links != nil:
			m.linkOffset = max(0, min(m.linkOffset+d, len(m.links)-(m.bodyHeight()-1)))
		case ok:
			m.Scroll(d)
		}
	}
	return m, nil
}

// Scroll moves the text by d lines; negative is up.
func (m *Model) Scroll(d int) {
	m.offset += d
	m.clamp()
}

// Offset is the first line shown, for tests and the status bar.
func (m Model) Offset() int { return m.offset }

func (m *Model) clamp() {
	m.offset = max(0, min(m.offset, len(m.lines)-m.bodyHeight()))
}

func (m Model) bodyHeight() int { return max(1, m.height-1-m.noticeLines()) }

// noticeLines is the lines above the text: the summary-only line.
func (m Model) noticeLines() int {
	if m.summaryOnly && m.height > 2 {
		return 1
	}
	return 0
}

// notice is the summary-only line, cut to the pane.
func (m Model) notice() string {
	k := m.km.Article.OpenURL.Help().Key
	if k == "" {
		k = "O"
	}
	return m.st.Status.Error.Render(pane.Cut(" "+strings.Replace(SummaryLine, "%s", k, 1), m.width))
}

// View draws the pane: exactly height lines of exactly width columns.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	out := make([]string, 0, m.height)
	out = append(out, pane.Header("Article", m.info(), m.width, m.focused, m.st.Pane.Header, m.st.Pane.HeaderFocused))
	muted := func(s string) string { return m.st.Pane.Muted.Render(pane.Cut(s, m.width)) }
	switch {
	case m.err != "":
		out = append(out, m.st.Status.Error.Render(pane.Cut(" "+model.Sanitize(m.err), m.width)))
	case m.lines == nil && (m.loading || m.article != nil):
		if t := strings.Join(strings.Fields(model.Sanitize(m.title)), " "); t != "" {
			out = append(out, " "+m.st.Reader.Title.Render(pane.Cut(t, m.width-1)))
		}
		out = append(out, muted(" loading…"))
	case m.article == nil:
		out = append(out, muted(" no article selected"))
	case m.links != nil:
		out = append(out, m.linkLines()...)
	default:
		if m.noticeLines() > 0 {
			out = append(out, m.notice())
		}
		end := min(len(m.lines), m.offset+m.bodyHeight())
		if pad := strings.Repeat(" ", m.indent()); pad != "" {
			for _, l := range m.lines[m.offset:end] {
				out = append(out, pad+l)
			}
		} else {
			out = append(out, m.lines[m.offset:end]...)
		}
	}
	return strings.Join(pane.Block(out, m.width, m.height), "\n")
}

// info is the header's right side: how far through the article the view
// is, as pagers say it: "top", a percentage scrolled, "end"; "all" when
// it fits.
func (m Model) info() string {
	if len(m.lines) == 0 {
		return ""
	}
	h := m.bodyHeight()
	switch last := len(m.lines) - h; {
	case last <= 0:
		return "all"
	case m.offset <= 0:
		return "top"
	case m.offset >= last:
		return "end"
	default:
		return strconv.Itoa(m.offset*100/last) + "%"
	}
}

package reader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/highlight"
	"github.com/bylinehq/byline/ui/styles"
)

// RenderOptions chooses how Render draws an article.
type RenderOptions struct {
	Dark  bool // styles for a dark background (else light); ignored without Color
	Color bool // false: plain text with no escape sequences at all
	// Highlight names entities to pin, by canonical name in any case (every
	// type of that name): each one's mentions get the next pin colour, in
	// order, as in the reader. Highlights need Color; NoColor draws them in
	// reverse video.
	Highlight []string
	// NoColor draws highlights in reverse video and nothing in colour, as
	// the reader does under NO_COLOR. It implies Color's escape sequences
	// for attributes only.
	NoColor bool
}

// MinWidth is the narrowest width an article is wrapped to; a narrower pane
// shows the left part of each line rather than one word per line.
const MinWidth = 12

// Render draws an article as the reader pane shows it, for `byline show`:
// the title, date, credit and caption, then the body rendered by glamour and
// wrapped to width columns. With Color false the result holds no escape
// sequence at all, so it can be piped or diffed; with Color it holds SGR and
// OSC 8 only. That is enforced last, by safe.Terminal on the whole output:
// glamour decodes character references itself (&#x1b without a semicolon,
// say), after every earlier sanitising step.
func Render(a *model.Article, width int, opts RenderOptions) (string, error) {
	st := styles.NoColor()
	if opts.Color && !opts.NoColor {
		st = styles.New(opts.Dark)
	}
	// Hyperlinks are escape sequences: plain output keeps glamour's
	// "text url" so that no link is lost in a pipe.
	r, err := renderLines(a, width, st, "", opts.Color || opts.NoColor)
	if err != nil {
		return "", err
	}
	var pins []Pin
	for i, name := range opts.Highlight {
		pins = append(pins, Pin{Name: name, Slot: i % styles.PinColours})
	}
	p := paint(r, a, paintState{pins: pins, cur: -1}, markStyles(st.Mark))
	out := strings.Join(p.lines, "\n")
	if !opts.Color && !opts.NoColor {
		out = ansi.Strip(out)
	}
	return safe.Terminal(out) + "\n", nil
}

// document is an article's text as it will be drawn: every field sanitised
// and the body turned into glamour's Markdown input, with highlight markers
// (see ui/highlight) around the ranges to highlight.
type document struct {
	title, date, credit, caption string
	body                         string   // Markdown for glamour
	urls                         []string // the k-th marked link's URL (links.go)
}

// newDocument sanitises every field right before drawing, whatever the store
// did, because the terminal is what the check protects. Highlight markers go
// in first, at the byte offsets the mentions were found at, before
// sanitising and escaping move bytes; tags gets each marked pair's tag in
// drawing order (title, caption, then the body).
func newDocument(a *model.Article, mk marker, links bool) (d document, tags []int) {
	d = document{
		title:   oneLine(stripLinkMarkers(model.Sanitize(mk.mark(a.Title, model.FieldTitle, 0, &tags)))),
		credit:  oneLine(stripLinkMarkers(model.Sanitize(highlight.Strip(a.Credit)))),
		caption: oneLine(stripLinkMarkers(model.Sanitize(mk.mark(a.Caption, model.FieldCaption, 0, &tags)))),
	}
	if !a.Published.IsZero() {
		d.date = a.Published.Format("2006-01-02")
	}
	paras := make([]string, 0, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		p = stripLinkMarkers(model.Sanitize(mk.mark(p, model.FieldBody, i, &tags)))
		switch {
		case a.Format != model.FormatMarkdown:
			p = EscapeText(p)
		case links:
			p, d.urls = markLinks(p, d.urls)
		}
		if strings.TrimSpace(p) != "" {
			paras = append(paras, p)
		}
	}
	d.body = strings.Join(paras, "\n\n")
	return d, tags
}

// renderLines renders an article to lines no wider than width (or MinWidth),
// with highlight markers around every mention (or, with find, every hit of
// find) still in place: painting them is cheap and done later, so pinning an
// entity or moving to the next mention never renders again.
func renderLines(a *model.Article, width int, st styles.Styles, find string, links bool) (*rendering, error) {
	if a == nil {
		return nil, nil
	}
	width = max(width, MinWidth)
	d, tags := newDocument(a, newMarker(a, find), links)
	inner := width - styles.Margin
	margin := strings.Repeat(" ", styles.Margin)

	lines := make([]string, 0, 64) // never nil: nil means "not rendered yet"
	block := func(text string, style lipgloss.Style) {
		if text == "" {
			return
		}
		for _, l := range strings.Split(ansi.Wrap(text, inner, ""), "\n") {
			lines = append(lines, margin+style.Render(l))
		}
	}
	block(d.title, st.Reader.Title)
	meta := d.date
	if d.credit != "" {
		if meta != "" {
			meta += " · "
		}
		meta += d.credit
	}
	block(meta, st.Reader.Meta)
	block(d.caption, st.Reader.Caption)
	if len(lines) > 0 {
		lines = append(lines, margin+st.Reader.Rule.Render(strings.Repeat("─", inner)))
	}

	if d.body != "" {
		r, err := glamour.NewTermRenderer(
			glamour.WithStyles(st.Glamour),
			glamour.WithWordWrap(width),
		)
		if err != nil {
			return nil, fmt.Errorf("render article %d: %w", a.ID, err)
		}
		out, err := r.Render(d.body)
		if err != nil {
			return nil, fmt.Errorf("render article %d: %w", a.ID, err)
		}
		body := strings.Split(strings.Trim(out, "\n"), "\n")
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		start := len(lines)
		for _, l := range body {
			lines = append(lines, trimPadding(l))
		}
		if len(d.urls) > 0 {
			linkLines(lines[start:], d.urls)
		}
	}
	return newRendering(lines, tags), nil
}

// EscapeText makes a plain-text paragraph safe to hand to glamour, so that
// *, #, 1., _, |, ~, & and <html> in a news paragraph draw exactly as written.
// Each ASCII punctuation character becomes a numeric character reference
// (&#42; for *): CommonMark never reads a reference as syntax, and glamour
// prints it decoded. Backslash escapes are not enough, because glamour keeps
// the backslash of an escape it does not need (\? draws as \?). A backslash
// itself is escaped as \\. Leading spaces go too, since four of them would
// start a code block.
func EscapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		line = strings.TrimSpace(line)
		for j := 0; j < len(line); j++ {
			switch c := line[j]; {
			case c == '\\':
				b.WriteString(`\\`)
			case isASCIIPunct(c):
				b.WriteString("&#")
				b.WriteString(strconv.Itoa(int(c)))
				b.WriteByte(';')
			default:
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// padding matches what glamour appends to fill a line to the wrap width:
// spaces, bare or each wrapped in its own style and reset.
var padding = regexp.MustCompile(`(?:\x1b\[[0-9;]*m *\x1b\[0?m| +)+$`)

// trimPadding drops a line's padding. The panes pad to their own width, so
// glamour's padding only costs bytes on every frame.
func trimPadding(l string) string {
	if !strings.HasSuffix(l, " ") && !strings.HasSuffix(l, "m") {
		return l
	}
	return padding.ReplaceAllString(l, "")
}

// oneLine folds a header field onto one logical line; wrapping happens later.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

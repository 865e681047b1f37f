package ui

// Focus names the pane that has the keyboard.
type Focus int

// The panes, in the order tab visits them.
const (
	FocusList Focus = iota
	FocusReader
	FocusSidebar
)

// String is the pane's name as the status bar shows it.
func (f Focus) String() string {
	switch f {
	case FocusReader:
		return "reader"
	case FocusSidebar:
		return "entities"
	}
	return "list"
}

// Widths at which the layout changes.
const (
	WideWidth   = 120 // list | reader | sidebar side by side
	MediumWidth = 80  // list | reader, sidebar on `e`
	MinWidth    = 40  // below this, or below MinHeight, "terminal too small"
	MinHeight   = 10
)

// Rect is a rectangle of terminal cells. A zero W or H means hidden.
type Rect struct{ X, Y, W, H int }

// Visible reports whether r takes any cells.
func (r Rect) Visible() bool { return r.W > 0 && r.H > 0 }

// Contains reports whether cell (x, y) lies in r.
func (r Rect) Contains(x, y int) bool {
	return r.Visible() && x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// LayoutState is what the layout depends on besides the terminal size.
type LayoutState struct {
	Focus     Focus
	Sidebar   bool // the sidebar was toggled on (matters at medium widths)
	HelpLines int  // lines the full help wants; 0 when it is closed
	Hint      bool // an Options.Hint line is shown
	// Overlay: one view (the entity view, the help) takes the whole body
	// and the panes are hidden.
	Overlay bool
}

// Layout is where everything goes. Panes sit side by side with one column
// of separator between neighbours.
type Layout struct {
	TooSmall bool
	List     Rect
	Reader   Rect
	Sidebar  Rect
	Help     Rect
	Hint     Rect
	Status   Rect
	Overlay  Rect // the entity view or the help, when open
}

// Panes returns the visible panes' rectangles from left to right.
func (l Layout) Panes() []Rect {
	out := make([]Rect, 0, 3)
	for _, r := range []Rect{l.List, l.Reader, l.Sidebar} {
		if r.Visible() {
			out = append(out, r)
		}
	}
	return out
}

// layout places the panes for a w×h terminal. It is a pure function so it
// can be table-tested at every size.
func layout(w, h int, s LayoutState) Layout {
	if w < MinWidth || h < MinHeight {
		return Layout{TooSmall: true}
	}
	var l Layout
	y := h - 1
	l.Status = Rect{0, y, w, 1}
	if s.Hint {
		y--
		l.Hint = Rect{0, y, w, 1}
	}
	// The help never squeezes the panes below four lines (header + three).
	if help := min(s.HelpLines, y-4); help > 0 {
		y -= help
		l.Help = Rect{0, y, w, help}
	}
	bodyH := y

	switch {
	case s.Overlay:
		l.Overlay = Rect{0, 0, w, bodyH}
	case w >= WideWidth:
		// The list grows faster than the reader, up to 80 columns: the
		// reader's text keeps a readable measure however wide it gets
		// (reader.width), while headlines need about 50 columns to be
		// read whole before the date and source take a share.
		side := clamp(w/5, 24, 36)
		list := clamp((w-40)/2, 36, 80)
		reader := w - list - side - 2
		l.List = Rect{0, 0, list, bodyH}
		l.Reader = Rect{list + 1, 0, reader, bodyH}
		l.Sidebar = Rect{list + reader + 2, 0, side, bodyH}
	case w >= MediumWidth && s.Sidebar:
		side := clamp(w/5, 20, 24)
		list := clamp(w*3/10, 24, 34)
		reader := w - list - side - 2
		l.List = Rect{0, 0, list, bodyH}
		l.Reader = Rect{list + 1, 0, reader, bodyH}
		l.Sidebar = Rect{list + reader + 2, 0, side, bodyH}
	case w >= MediumWidth:
		list := clamp(w*2/5, 30, 44)
		l.List = Rect{0, 0, list, bodyH}
		l.Reader = Rect{list + 1, 0, w - list - 1, bodyH}
	default:
		full := Rect{0, 0, w, bodyH}
		switch s.Focus {
		case FocusReader:
			l.Reader = full
		case FocusSidebar:
			l.Sidebar = full
		default:
			l.List = full
		}
	}
	return l
}

// focusOrder is the panes tab visits at width w: every pane on a wide or a
// narrow terminal (where one shows at a time), the sidebar at medium widths
// only while it is toggled on.
func focusOrder(w int, sidebar bool) []Focus {
	if w >= MediumWidth && w < WideWidth && !sidebar {
		return []Focus{FocusList, FocusReader}
	}
	return []Focus{FocusList, FocusReader, FocusSidebar}
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

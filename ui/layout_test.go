package ui

import "testing"

func TestLayout(t *testing.T) {
	tests := []struct {
		name    string
		w, h    int
		st      LayoutState
		small   bool
		list    Rect
		reader  Rect
		sidebar Rect
		status  Rect
	}{
		{name: "too narrow", w: 39, h: 40, small: true},
		{name: "too short", w: 200, h: 9, small: true},
		{name: "smallest", w: 40, h: 10, list: Rect{0, 0, 40, 9}, status: Rect{0, 9, 40, 1}},
		{name: "narrow shows the focused reader", w: 79, h: 24, st: LayoutState{Focus: FocusReader},
			reader: Rect{0, 0, 79, 23}, status: Rect{0, 23, 79, 1}},
		{name: "narrow shows the focused sidebar", w: 60, h: 20, st: LayoutState{Focus: FocusSidebar},
			sidebar: Rect{0, 0, 60, 19}, status: Rect{0, 19, 60, 1}},
		{name: "medium: list and reader", w: 80, h: 24,
			list: Rect{0, 0, 32, 23}, reader: Rect{33, 0, 47, 23}, status: Rect{0, 23, 80, 1}},
		{name: "medium with sidebar toggled", w: 100, h: 30, st: LayoutState{Sidebar: true},
			list: Rect{0, 0, 30, 29}, reader: Rect{31, 0, 48, 29}, sidebar: Rect{80, 0, 20, 29}, status: Rect{0, 29, 100, 1}},
		{name: "medium top", w: 119, h: 30,
			list: Rect{0, 0, 44, 29}, reader: Rect{45, 0, 74, 29}, status: Rect{0, 29, 119, 1}},
		{name: "wide: three panes", w: 120, h: 40,
			list: Rect{0, 0, 40, 39}, reader: Rect{41, 0, 54, 39}, sidebar: Rect{96, 0, 24, 39}, status: Rect{0, 39, 120, 1}},
		{name: "wide 160: titles of 55 columns", w: 160, h: 45,
			list: Rect{0, 0, 60, 44}, reader: Rect{61, 0, 66, 44}, sidebar: Rect{128, 0, 32, 44}, status: Rect{0, 44, 160, 1}},
		{name: "wide 200: the list stops at 80, the reader takes the rest", w: 200, h: 50,
			list: Rect{0, 0, 80, 49}, reader: Rect{81, 0, 82, 49}, sidebar: Rect{164, 0, 36, 49}, status: Rect{0, 49, 200, 1}},
		{name: "hint and help take lines from the panes", w: 160, h: 45, st: LayoutState{Hint: true, HelpLines: 5},
			list: Rect{0, 0, 60, 38}, reader: Rect{61, 0, 66, 38}, sidebar: Rect{128, 0, 32, 38}, status: Rect{0, 44, 160, 1}},
		{name: "help never squeezes panes below four lines", w: 80, h: 10, st: LayoutState{Hint: true, HelpLines: 8},
			list: Rect{0, 0, 32, 4}, reader: Rect{33, 0, 47, 4}, status: Rect{0, 9, 80, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := layout(tt.w, tt.h, tt.st)
			if l.TooSmall != tt.small {
				t.Fatalf("TooSmall = %v, want %v", l.TooSmall, tt.small)
			}
			if l.List != tt.list || l.Reader != tt.reader || l.Sidebar != tt.sidebar || l.Status != tt.status {
				t.Errorf("got list %v reader %v sidebar %v status %v\nwant list %v reader %v sidebar %v status %v",
					l.List, l.Reader, l.Sidebar, l.Status, tt.list, tt.reader, tt.sidebar, tt.status)
			}
		})
	}
}

// TestLayoutTiles checks at every size that the panes, separators, help,
// hint and status bar tile the screen exactly: nothing overlaps, nothing
// sticks out, and the panes span the full width.
func TestLayoutTiles(t *testing.T) {
	for w := 1; w <= 250; w++ {
		for h := 1; h <= 60; h++ {
			for _, st := range []LayoutState{
				{}, {Focus: FocusReader}, {Focus: FocusSidebar, Sidebar: true},
				{HelpLines: 6, Hint: true}, {HelpLines: 60},
			} {
				l := layout(w, h, st)
				if l.TooSmall {
					if w >= MinWidth && h >= MinHeight {
						t.Fatalf("%dx%d: too small", w, h)
					}
					continue
				}
				panes := l.Panes()
				if len(panes) == 0 {
					t.Fatalf("%dx%d %+v: no pane", w, h, st)
				}
				x := 0
				for i, p := range panes {
					if i > 0 {
						x++ // separator
					}
					if p.X != x || p.Y != 0 || p.H != panes[0].H || p.W < 1 {
						t.Fatalf("%dx%d %+v: pane %d at %v", w, h, st, i, p)
					}
					x += p.W
				}
				if x != w {
					t.Fatalf("%dx%d %+v: panes span %d columns", w, h, st, x)
				}
				used := panes[0].H + l.Help.H + l.Hint.H + l.Status.H
				if used != h || panes[0].H < 4 {
					t.Fatalf("%dx%d %+v: rows used %d, pane height %d", w, h, st, used, panes[0].H)
				}
			}
		}
	}
}

// Package keymap defines byline's key bindings, built on bubbles/key so the
// help view is generated from the same values the panes match against. There
// is no global keymap: the root model builds one with New and hands it to the
// panes, which keeps tests free to build their own.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding, grouped by what they act on.
type KeyMap struct {
	Global Global
	Move   Move
	List   List
}

// Global bindings work whichever pane has focus.
type Global struct {
	NextPane key.Binding
	PrevPane key.Binding
	Entities key.Binding // toggle the entity sidebar on medium-width terminals
	Help     key.Binding
	Quit     key.Binding
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

// List bindings act on the article list only.
type List struct {
	Open key.Binding
}

// New returns byline's default key bindings.
func New() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Global: Global{
			NextPane: b("tab", "next pane", "tab"),
			PrevPane: b("shift+tab", "previous pane", "shift+tab"),
			Entities: b("e", "entities", "e"),
			Help:     b("?", "help", "?"),
			Quit:     b("q", "quit", "q", "ctrl+c"),
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
			Open: b("enter", "read", "enter"),
		},
	}
}

// ShortHelp is the one-line hint in the status bar. It implements
// help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Global.NextPane, k.Move.Down, k.List.Open, k.Global.Help, k.Global.Quit}
}

// FullHelp is the `?` view, one column per group. It implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Move.Up, k.Move.Down, k.Move.Top, k.Move.Bottom},
		{k.Move.PageUp, k.Move.PageDown, k.Move.HalfUp, k.Move.HalfDown},
		{k.Global.NextPane, k.Global.PrevPane, k.List.Open, k.Global.Entities},
		{k.Global.Help, k.Global.Quit},
	}
}

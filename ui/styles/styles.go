// Package styles holds every lipgloss style and the glamour style of byline's
// reader in one place. Nothing here is a package-level variable: the root model
// builds a Styles value with New once it knows whether the terminal background
// is dark or light (or with NoColor when the user asked for no colour), and
// hands it to each pane, so a change of background rebuilds everything at once.
package styles

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
)

// Theme names a set of styles. It is part of the reader's render cache key,
// because the same article renders to different bytes under each theme.
type Theme string

// The three themes.
const (
	Dark    Theme = "dark"
	Light   Theme = "light"
	NoTheme Theme = "notty" // no colour: attributes (bold, reverse) only
)

// Styles is the complete set of styles, grouped by the part of the screen
// they draw.
type Styles struct {
	Theme Theme

	Pane    Pane
	List    List
	Reader  Reader
	Sidebar Sidebar
	Status  Status
	Help    help.Styles
	// Mark colours what the reader highlights: pinned entities, the quiet
	// per-type tint of the others, and in-article search hits.
	Mark Mark

	// Glamour is the style config the reader's body is rendered with.
	Glamour ansi.StyleConfig
}

// Pane styles the chrome shared by all panes: the header line and the
// separator between panes.
type Pane struct {
	Header        lipgloss.Style // header of a pane without focus
	HeaderFocused lipgloss.Style // header of the focused pane: reverse, so it shows without colour
	Separator     lipgloss.Style
	Muted         lipgloss.Style // "loading…", "no articles" and other placeholders
}

// List styles the article list rows.
type List struct {
	Title    lipgloss.Style
	Date     lipgloss.Style
	Source   lipgloss.Style
	Selected lipgloss.Style // the whole selected row; reverse so it shows without colour
	// SelectedBlurred marks the selected row while another pane has focus.
	SelectedBlurred lipgloss.Style
}

// Reader styles the article header drawn above the glamour-rendered body.
type Reader struct {
	Title   lipgloss.Style
	Meta    lipgloss.Style // date and credit
	Caption lipgloss.Style
	Rule    lipgloss.Style
}

// Sidebar styles the entity list.
type Sidebar struct {
	Group    lipgloss.Style // "People", "Places", …
	Name     lipgloss.Style
	Count    lipgloss.Style
	Selected lipgloss.Style
	// SelectedBlurred marks the selected entity while another pane has focus.
	SelectedBlurred lipgloss.Style
}

// Status styles the bottom bar and the optional hint line above it.
type Status struct {
	Bar      lipgloss.Style
	Position lipgloss.Style
	Focus    lipgloss.Style
	Hint     lipgloss.Style
	Error    lipgloss.Style
}

// PinColours is how many entities can be pinned at once: one background
// colour each.
const PinColours = 6

// TypeTints is how many entity types have a tint of their own: one per
// model.EntityTypes.
const TypeTints = 7

// Mark holds the colours of the reader's highlights. A nil background means
// reverse video (the theme without colour); a nil tint means no tint.
type Mark struct {
	Pins  [PinColours]color.Color // background of each pinned entity, in pin order
	Tints [TypeTints]color.Color  // foreground of unpinned entities, by model.EntityTypes order
	Find  color.Color             // background of an in-article search hit
}

// Colors are the user's own colours (config.toml's [colors] table); a nil
// entry keeps the theme's.
type Colors struct {
	Accent    color.Color // pane headers, titles, groups, the focused pane
	Text      color.Color // list titles, entity names
	Muted     color.Color // dates, counts, hints
	Border    color.Color // separators and rules
	Selection color.Color // background of the selected row
	Error     color.Color // errors and questions in the status bar
	Types     [TypeTints]color.Color
	Pins      [PinColours]color.Color
}

// New returns the colour styles for a dark or a light terminal background.
func New(isDark bool) Styles { return NewWith(isDark, Colors{}) }

// NewWith is New with the user's colours in place of the theme's where
// they are set.
func NewWith(isDark bool, own Colors) Styles {
	ld := lipgloss.LightDark(isDark)
	pick := func(own, light, dark color.Color) color.Color {
		if own != nil {
			return own
		}
		return ld(light, dark)
	}
	accent := pick(own.Accent, lipgloss.Color("#5A3FD8"), lipgloss.Color("#A294FF"))
	text := pick(own.Text, lipgloss.Color("#1C1C1C"), lipgloss.Color("#E4E4E4"))
	muted := pick(own.Muted, lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
	subtle := pick(own.Border, lipgloss.Color("#D0D0D0"), lipgloss.Color("#3A3A3A"))
	selBg := pick(own.Selection, lipgloss.Color("#E0DBFF"), lipgloss.Color("#3B3363"))
	warn := pick(own.Error, lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))

	s := base()
	s.Theme = Dark
	s.Glamour = glamourDark()
	if !isDark {
		s.Theme = Light
		s.Glamour = glamourLight()
	}
	fg := func(st lipgloss.Style, c color.Color) lipgloss.Style { return st.Foreground(c) }

	s.Pane.Header = fg(s.Pane.Header, muted)
	s.Pane.HeaderFocused = s.Pane.HeaderFocused.Reverse(false).Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1C1C1C"))).Background(accent)
	s.Pane.Separator = fg(s.Pane.Separator, subtle)
	s.Pane.Muted = fg(s.Pane.Muted, muted)

	s.List.Title = fg(s.List.Title, text)
	s.List.Date = fg(s.List.Date, muted)
	s.List.Source = fg(s.List.Source, accent)
	// With colour the selected row is a tinted band, still bold, with the marker.
	s.List.Selected = s.List.Selected.Reverse(false).Background(selBg).Foreground(text)
	s.List.SelectedBlurred = s.List.SelectedBlurred.Foreground(accent)

	s.Reader.Title = fg(s.Reader.Title, accent)
	s.Reader.Meta = fg(s.Reader.Meta, muted)
	s.Reader.Caption = fg(s.Reader.Caption, muted)
	s.Reader.Rule = fg(s.Reader.Rule, subtle)

	s.Sidebar.Group = fg(s.Sidebar.Group, accent)
	s.Sidebar.Name = fg(s.Sidebar.Name, text)
	s.Sidebar.Count = fg(s.Sidebar.Count, muted)
	s.Sidebar.Selected = s.Sidebar.Selected.Reverse(false).Background(selBg).Foreground(text)
	s.Sidebar.SelectedBlurred = s.Sidebar.SelectedBlurred.Foreground(accent)

	s.Status.Bar = fg(s.Status.Bar, muted)
	s.Status.Position = fg(s.Status.Position, text)
	s.Status.Focus = fg(s.Status.Focus, accent)
	s.Status.Hint = fg(s.Status.Hint, muted)
	s.Status.Error = fg(s.Status.Error, warn)

	s.Help = help.DefaultStyles(isDark)
	s.Mark = markColours(isDark)
	for i, c := range own.Types {
		if c != nil {
			s.Mark.Tints[i] = c
		}
	}
	for i, c := range own.Pins {
		if c != nil {
			s.Mark.Pins[i] = c
		}
	}
	return s
}

// markColours are six pin backgrounds that differ from one another and from
// the selection band, and four quiet type tints, for a dark or a light
// background. Dark backgrounds are deep so light text stays readable on
// them; light ones are pale for dark text.
func markColours(isDark bool) Mark {
	c := lipgloss.Color
	if isDark {
		return Mark{
			Pins:  [PinColours]color.Color{c("#8A5A00"), c("#1F5F8B"), c("#7A2E7A"), c("#2E6B30"), c("#8B2F2F"), c("#1E6B66")},
			Tints: [TypeTints]color.Color{c("#F2C38B"), c("#9CC8FF"), c("#A8DCA8"), c("#8FE0D6"), c("#F5A3A3"), c("#E6D87A"), c("#D9B3F0")},
			Find:  c("#6B6B00"),
		}
	}
	return Mark{
		Pins:  [PinColours]color.Color{c("#FFD978"), c("#B8DBFF"), c("#F2C4F2"), c("#C4EBC0"), c("#FFC2C2"), c("#B5EDE8")},
		Tints: [TypeTints]color.Color{c("#8A4F00"), c("#1F5FA8"), c("#2E7D32"), c("#00796B"), c("#B23B3B"), c("#7A6A00"), c("#7B3FA0")},
		Find:  c("#FFF176"),
	}
}

// NoColor returns styles that use no colour at all, for NO_COLOR and for
// plain output: focus and selection stay visible through reverse video, bold
// and the row marker alone.
func NoColor() Styles {
	s := base()
	s.Theme = NoTheme
	s.Glamour = glamourNoTTY()
	s.Help = help.Styles{}
	return s
}

// base holds the attributes every theme shares; colour themes add colour on
// top, so selection and focus never depend on colour alone.
func base() Styles {
	n := lipgloss.NewStyle
	return Styles{
		Pane: Pane{
			Header:        n().Bold(true),
			HeaderFocused: n().Bold(true).Reverse(true),
			Separator:     n(),
			Muted:         n().Faint(true),
		},
		List: List{
			Title:           n(),
			Date:            n(),
			Source:          n(),
			Selected:        n().Bold(true).Reverse(true),
			SelectedBlurred: n().Bold(true),
		},
		Reader: Reader{
			Title:   n().Bold(true),
			Meta:    n(),
			Caption: n().Italic(true),
			Rule:    n(),
		},
		Sidebar: Sidebar{
			Group:           n().Bold(true),
			Name:            n(),
			Count:           n(),
			Selected:        n().Bold(true).Reverse(true),
			SelectedBlurred: n().Bold(true),
		},
		Status: Status{
			Bar:      n(),
			Position: n().Bold(true),
			Focus:    n().Bold(true),
			Hint:     n().Italic(true),
			Error:    n().Bold(true),
		},
	}
}

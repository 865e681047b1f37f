package keymap

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/BurntSushi/toml"
)

// Actions maps each action name a config file may use under [keys] to its
// binding in k. The names are the snake_case of the binding names.
func (k *KeyMap) Actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"next_pane": &k.Global.NextPane, "prev_pane": &k.Global.PrevPane,
		"entities": &k.Global.Entities, "entity_view": &k.Global.EntityView,
		"tint": &k.Global.Tint, "back": &k.Global.Back, "refresh": &k.Global.Refresh,
		"help": &k.Global.Help, "quit": &k.Global.Quit,
		"up": &k.Move.Up, "down": &k.Move.Down, "top": &k.Move.Top, "bottom": &k.Move.Bottom,
		"page_up": &k.Move.PageUp, "page_down": &k.Move.PageDown,
		"half_up": &k.Move.HalfUp, "half_down": &k.Move.HalfDown,
		"open": &k.List.Open, "search": &k.List.Search,
		"unread_filter": &k.List.UnreadFilter, "starred_filter": &k.List.StarredFilter,
		"toggle_read": &k.Article.ToggleRead, "toggle_star": &k.Article.ToggleStar,
		"open_url": &k.Article.OpenURL, "copy_url": &k.Article.CopyURL,
		"next_mention": &k.Reader.NextMention, "prev_mention": &k.Reader.PrevMention,
		"find": &k.Reader.Find,
		"pin":  &k.Sidebar.Pin, "follow": &k.Sidebar.Follow,
		// Issue 13's keys.
		"to_list": &k.Global.ToList, "unpin_all": &k.Sidebar.Unpin,
		"next_unread": &k.List.NextUnread, "prev_unread": &k.List.PrevUnread,
		"mark_all_read": &k.List.MarkAllRead, "undo": &k.List.Undo,
		"feeds_view": &k.Global.FeedsView, "unsubscribe": &k.Feeds.Unsubscribe,
		"links": &k.Reader.Links,
		// Issue 11's corrections in the entity view.
		"mark_entity": &k.Entities.Mark, "merge_entities": &k.Entities.Merge,
		"rename_entity": &k.Entities.Rename, "type_entity": &k.Entities.Type,
		"split_entity": &k.Sidebar.Split,
	}
}

// Load returns the default bindings with the ones set in the TOML file at
// path replaced, for example
//
//	[keys]
//	next_mention = ["n", "ctrl+n"]
//	quit = "Q"
//
// A missing file gives the defaults. Anything else wrong gives one line
// naming the file and the line: bad TOML, a section other than [keys], an
// unknown action, a value that is not a key or a list of keys, a key name
// Bubble Tea never reports (checkKeyName), or one key bound to two actions
// that act in the same pane. ctrl+c quits whatever the file says.
func Load(path string) (KeyMap, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return New(), fmt.Errorf("read key config: %w", err)
	}
	return Parse(path, data)
}

// Parse is Load of data read from the file named name.
func Parse(name string, data []byte) (KeyMap, error) {
	km := New()
	var doc map[string]any
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return km, fmt.Errorf("%s:%d: %s", name, pe.Position.Line, pe.Message)
		}
		return km, fmt.Errorf("%s: %w", name, err)
	}
	keys, _ := doc["keys"].(map[string]any)
	actions := km.Actions()
	setAt := map[string]int{} // action → the line that set it
	// md.Keys is in the file's order, so the first mistake is reported.
	for _, k := range md.Keys() {
		line := keyLine(data, k)
		if _, table := doc[k[0]].(map[string]any); len(k) == 1 && !table && k[0] != "keys" {
			continue // a top-level setting (browser = "..."): byline's settings reader checks those
		}
		switch {
		case k[0] == "reader" || k[0] == "colors": // ui.LoadReaderWidth and ui.LoadColors read them
			continue
		case k[0] != "keys":
			return km, fmt.Errorf("%s:%d: unknown section %q (only [keys], [reader] and [colors])", name, line, k[0])
		case len(k) == 1:
			if keys == nil {
				return km, fmt.Errorf("%s:%d: keys must be a table: [keys]", name, line)
			}
			continue
		}
		action := k[1]
		b, ok := actions[action]
		if !ok {
			return km, fmt.Errorf("%s:%d: unknown action %q", name, line, action)
		}
		if len(k) > 2 { // [keys.quit] or quit.x = ...
			return km, fmt.Errorf("%s:%d: %s: want a key or a list of keys, got a table", name, line, action)
		}
		list, err := keyList(keys[action])
		if err != nil {
			return km, fmt.Errorf("%s:%d: %s: %v", name, line, action, err)
		}
		help := strings.Join(list, "/")
		if action == "quit" && !slices.Contains(list, QuitKey) {
			list = append(list, QuitKey)
		}
		*b = key.NewBinding(key.WithKeys(list...), key.WithHelp(help, b.Help().Desc))
		setAt[action] = line
	}
	if cs := km.clashes(); len(cs) > 0 {
		return km, clashError(name, cs[0], setAt)
	}
	return km, nil
}

// clashError names the line that made the clash, and which other action
// holds the key and where it got it.
func clashError(name string, c clash, setAt map[string]int) error {
	la, aSet := setAt[c.a]
	lb, bSet := setAt[c.b]
	line, other, mine := lb, c.a, c.b
	if !bSet || (aSet && la > lb) {
		line, other, mine = la, c.b, c.a
	}
	where := fmt.Sprintf("%s's default", other)
	switch {
	case other == "quit" && c.key == QuitKey:
		where = "ctrl+c always quits"
	case setAt[other] > 0:
		where = fmt.Sprintf("%s is set on line %d", other, setAt[other])
	}
	return fmt.Errorf("%s:%d: %s: key %q is already %s's (%s): each key does one thing in a pane",
		name, line, mine, c.key, other, where)
}

// keyList reads a value that is one key or a list of keys.
func keyList(v any) ([]string, error) {
	var out []string
	switch v := v.(type) {
	case string:
		out = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want key names as strings, got %v", e)
			}
			out = append(out, s)
		}
	default:
		return nil, fmt.Errorf("want a key or a list of keys, got %v", v)
	}
	for _, s := range out {
		if strings.TrimSpace(s) == "" {
			return nil, errors.New("empty key name")
		}
		if err := checkKeyName(s); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no keys given")
	}
	return out, nil
}

// keyLine is the line where the key k (a path such as keys.quit) is set
// in data, as the TOML decoder knows it. The decoder keeps each key's
// position but does not export it, except in the error from a value that
// refuses to be decoded, so keyLine decodes data into a struct holding k
// alone, with a value that always refuses. This is right where matching the
// text is not: escapes in quoted names, dotted keys, nested tables.
func keyLine(data []byte, k toml.Key) int {
	t := reflect.TypeFor[refuse]()
	for i := len(k) - 1; i >= 0; i-- {
		if strings.Contains(k[i], ",") { // the decoder splits its struct tags at commas
			return 0
		}
		t = reflect.StructOf([]reflect.StructField{{
			Name: "F", Type: t, Tag: reflect.StructTag("toml:" + strconv.Quote(k[i])),
		}})
	}
	_, err := toml.Decode(string(data), reflect.New(t).Interface())
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Position.Line
	}
	return 0
}

// refuse is a TOML value that never decodes.
type refuse struct{}

func (refuse) UnmarshalTOML(any) error { return errors.New("here") }

package keymap

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
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
	}
}

// Load returns the default bindings with the ones set in the TOML file at
// path replaced, for example
//
//	[keys]
//	next_mention = ["n", "ctrl+n"]
//	quit = "Q"
//
// A missing file gives the defaults. Bad TOML, an unknown section or action,
// or a value that is not a key or a list of keys gives one line naming the
// file and the line.
func Load(path string) (KeyMap, error) {
	km := New()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return km, nil
	}
	if err != nil {
		return km, fmt.Errorf("read key config: %w", err)
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return km, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		return km, fmt.Errorf("%s: %w", path, err)
	}
	text := string(data)
	for _, name := range sortedKeys(doc) {
		if name != "keys" && name != "reader" { // [reader]: ui.LoadReaderWidth
			return km, fmt.Errorf("%s:%d: unknown section %q (only [keys] and [reader])", path, lineOf(text, name), name)
		}
	}
	keys, ok := doc["keys"].(map[string]any)
	if !ok && doc["keys"] != nil {
		return km, fmt.Errorf("%s:%d: keys must be a table: [keys]", path, lineOf(text, "keys"))
	}
	actions := km.Actions()
	for _, name := range sortedKeys(keys) {
		b, ok := actions[name]
		if !ok {
			return km, fmt.Errorf("%s:%d: unknown action %q", path, lineOf(text, name), name)
		}
		list, err := keyList(keys[name])
		if err != nil {
			return km, fmt.Errorf("%s:%d: %s: %v", path, lineOf(text, name), name, err)
		}
		desc := b.Help().Desc
		*b = key.NewBinding(key.WithKeys(list...), key.WithHelp(strings.Join(list, "/"), desc))
	}
	return km, nil
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
	}
	if len(out) == 0 {
		return nil, errors.New("no keys given")
	}
	return out, nil
}

// lineOf is the 1-based line where name is first assigned or opened as a
// table in text; 0 when it cannot be found.
func lineOf(text, name string) int {
	re := regexp.MustCompile(`^\s*(\[\s*)?["']?` + regexp.QuoteMeta(name) + `["']?\s*(=|\])`)
	for i, l := range strings.Split(text, "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

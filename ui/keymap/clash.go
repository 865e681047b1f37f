package keymap

import (
	"fmt"
	"slices"
	"sort"
)

// Panes is a set of the panes a key acts in.
type Panes uint8

// The panes a key can act in.
const (
	InList Panes = 1 << iota
	InReader
	InSidebar
	InFeeds    // the feeds view (F)
	InEntities // the entity view (o)

	// Everywhere is where the global actions, moves and article actions
	// act. Not in the entity view: there only back acts of them, and
	// every other key types its filter.
	Everywhere = InList | InReader | InSidebar | InFeeds
)

// paneOf says where each action's key is matched, as ui/keys.go matches
// them: the global actions, the moves and the article actions in every pane,
// the rest only where they act. Two actions whose panes overlap cannot
// share a key: the first one matched would take it and the other would
// never run. An action missing here is treated as acting everywhere.
var paneOf = map[string]Panes{
	"search": InList | InSidebar, // in the reader, / is find
	"find":   InReader,
	"open":   InList | InFeeds, // enter lists a feed's articles there
	"pin":    InSidebar,
	"follow": InSidebar,

	// The feeds view matches only the moves, open, refresh, back, quit,
	// help and its own unsubscribe; the reader alone lists links.
	"unsubscribe": InFeeds,
	"links":       InReader,

	// The entity view's corrections act only there, where the other
	// letters type its filter.
	"back":           Everywhere | InEntities,
	"mark_entity":    InEntities,
	"merge_entities": InEntities,
	"rename_entity":  InEntities,
	"type_entity":    InEntities,
	"split_entity":   InSidebar, // the entities pane, an article open
}

// QuitKey always quits, whatever the config says, so a reader can always
// be left.
const QuitKey = "ctrl+c"

// clash is two actions whose panes overlap bound to one key.
type clash struct {
	key  string
	a, b string // action names, a before b in sorted order
}

// clashes lists every key bound to two actions that act in the same pane,
// in a stable order.
func (k *KeyMap) clashes() []clash {
	actions := k.Actions()
	names := make([]string, 0, len(actions))
	for n := range actions {
		names = append(names, n)
	}
	sort.Strings(names)
	panes := func(n string) Panes {
		if p, ok := paneOf[n]; ok {
			return p
		}
		return Everywhere
	}
	var out []clash
	for i, a := range names {
		for _, b := range names[i+1:] {
			if panes(a)&panes(b) == 0 {
				continue
			}
			for _, key := range actions[a].Keys() {
				if slices.Contains(actions[b].Keys(), key) {
					out = append(out, clash{key, a, b})
				}
			}
		}
	}
	return out
}

func (c clash) String() string {
	return fmt.Sprintf("key %q is bound to both %s and %s", c.key, c.a, c.b)
}

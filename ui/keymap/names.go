package keymap

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// A binding matches when its key name equals tea.KeyPressMsg.String() for
// the key pressed, so a name Bubble Tea never produces binds nothing: the
// reader starts and the key does not work. checkKeyName refuses such names.

// modifierOrder is the order Bubble Tea writes modifiers in a key name.
var modifierOrder = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// namedKeys are the names Bubble Tea gives the keys that do not type a
// character, taken from Bubble Tea itself: enter, tab, esc, space, up,
// pgdown, home, f1 and so on.
var namedKeys = func() map[string]bool {
	names := map[string]bool{}
	add := func(code rune) {
		if s := (tea.Key{Code: code}).String(); s != "" && s != string(utf8.RuneError) {
			names[s] = true
		}
	}
	for _, c := range []rune{tea.KeyEnter, tea.KeyTab, tea.KeyBackspace, tea.KeyEscape, tea.KeySpace} {
		add(c)
	}
	for c := tea.KeyExtended + 1; c <= tea.KeyExtended+1024; c++ {
		add(c)
	}
	return names
}()

// likelyMeant are names people write for keys Bubble Tea names otherwise.
var likelyMeant = map[string]string{
	"escape": "esc", "return": "enter", "del": "delete", "ins": "insert",
	"pgdn": "pgdown", "pageup": "pgup", "pagedown": "pgdown", " ": "space",
	"spacebar": "space", "bs": "backspace", "arrowup": "up", "arrowdown": "down",
}

// checkKeyName reports why Bubble Tea would never produce the key name s,
// or nil when it does: a printable character ("j", "G", "?", "é"), a named
// key ("enter", "pgdown", "f5"), either after modifiers in Bubble Tea's order
// ("ctrl+d", "alt+enter", "ctrl+shift+a", "shift+tab").
func checkKeyName(s string) error {
	mods, base := splitKeyName(s)
	last := -1
	for _, m := range mods {
		i := slices.Index(modifierOrder, m)
		if i < 0 {
			return fmt.Errorf("unknown key name %q: %q is not a modifier (ctrl, alt, shift, meta, hyper, super)", s, m)
		}
		if i <= last {
			return fmt.Errorf("key name %q never matches: write modifiers in the order %s", s, strings.Join(modifierOrder, "+"))
		}
		last = i
	}
	if namedKeys[base] {
		return nil
	}
	prefix := strings.TrimSuffix(s, base)
	if r, size := utf8.DecodeRuneInString(base); base != "" && size == len(base) && unicode.IsPrint(r) && !unicode.IsSpace(r) {
		switch {
		case len(mods) == 1 && mods[0] == "shift":
			if unicode.IsLetter(r) {
				return fmt.Errorf("key name %q never matches: write %q", s, string(unicode.ToUpper(r)))
			}
			return fmt.Errorf("key name %q never matches: write the character shift types, such as %q", s, "?")
		case len(mods) > 0 && unicode.IsUpper(r):
			return fmt.Errorf("key name %q never matches: write %q", s, modsWith(mods, "shift")+string(unicode.ToLower(r)))
		}
		return nil
	}
	lower := strings.ToLower(base)
	if want, ok := likelyMeant[lower]; ok {
		return fmt.Errorf("unknown key name %q: write %q", s, prefix+want)
	}
	if namedKeys[lower] {
		return fmt.Errorf("unknown key name %q: write %q", s, prefix+lower)
	}
	return fmt.Errorf("unknown key name %q", s)
}

// splitKeyName splits "ctrl+alt+x" into its modifiers and its key; "+" and
// "ctrl++" name the plus key.
func splitKeyName(s string) (mods []string, base string) {
	if s == "+" {
		return nil, "+"
	}
	if strings.HasSuffix(s, "++") {
		return strings.Split(s[:len(s)-2], "+"), "+"
	}
	parts := strings.Split(s, "+")
	return parts[:len(parts)-1], parts[len(parts)-1]
}

// modsWith writes mods with m added, in Bubble Tea's order, ending in "+".
func modsWith(mods []string, m string) string {
	var b strings.Builder
	for _, o := range modifierOrder {
		if o == m || slices.Contains(mods, o) {
			b.WriteString(o + "+")
		}
	}
	return b.String()
}

package keymap

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func load(t *testing.T, body string) (KeyMap, string, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	km, err := Load(p)
	return km, p, err
}

// ctrl+c quits whatever quit is bound to: quit = "x" once left a reader
// that nothing could close.
func TestQuitKeepsCtrlC(t *testing.T) {
	km, _, err := load(t, "[keys]\nquit = \"x\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(km.Global.Quit.Keys(), "x") || !slices.Contains(km.Global.Quit.Keys(), QuitKey) {
		t.Fatalf("quit keys %v, want x and ctrl+c", km.Global.Quit.Keys())
	}
	if km.Global.Quit.Help().Key != "x" {
		t.Errorf("help shows %q, want the configured x", km.Global.Quit.Help().Key)
	}
}

// Every mistake stops the load with one line naming the file and the true
// line of the mistake, and what is wrong.
func TestLoadRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		line       int
		want       string
	}{
		{"unknown key name", "[keys]\nquit = \"nonexistent-key-name\"\n", 2, `unknown key name "nonexistent-key-name"`},
		{"unknown name in a list", "# mine\n[keys]\nup = [\"k\", \"Up\"]\n", 3, `write "up"`},
		{"escape is esc", "[keys]\n\nback = \"escape\"\n", 3, `write "esc"`},
		{"modifier order", "[keys]\nhalf_up = \"alt+ctrl+u\"\n", 2, "order ctrl+alt+shift"},
		{"shift and a letter", "[keys]\ntop = \"shift+g\"\n", 2, `write "G"`},
		{"ctrl and a capital", "[keys]\ntop = \"ctrl+G\"\n", 2, `write "ctrl+shift+g"`},
		{"unknown modifier", "[keys]\ntop = \"cmd+g\"\n", 2, `"cmd" is not a modifier`},
		{"clash of two globals", "[keys]\nrefresh = \"f5\"\nhelp = \"h\"\ntint = \"h\"\n", 4, `key "h" is already help's (help is set on line 3)`},
		{"clash with a default", "[keys]\ntint = \"q\"\n", 2, `tint: key "q" is already quit's (quit's default)`},
		{"clash of global and pane", "[keys]\n\npin = \"e\"\n", 3, `key "e" is already entities's`},
		{"clash of move and pane", "[keys]\nopen = \"j\"\n", 2, `key "j" is already down's`},
		{"ctrl+c is quit's", "[keys]\nnext_pane = [\"tab\", \"ctrl+c\"]\n", 2, "ctrl+c always quits"},
		{"unknown action", "[keys]\nquit = \"Q\"\nfly = \"x\"\n", 3, `unknown action "fly"`},
		{"bad toml", "[keys]\nquit = \"Q\"\nnext_mention = [\n", 3, ""},
		{"unknown section", "[keys]\nquit = \"Q\"\n\n[colours]\nbg = \"#000\"\n", 4, `unknown section "colours"`},
		// The decoded name differs from the text: \u0079 is y.
		{"escape in a name", "[keys]\nquit = \"Q\"\n\"fl\\u0079\" = \"x\"\n", 3, `unknown action "fly"`},
		{"escape in a known name", "[keys]\nhelp = \"h\"\n\"t\\u0069nt\" = \"h\"\n", 3, `tint: key "h"`},
		// A table nested in [keys], after other tables.
		{"nested table", "[keys]\nquit = \"Q\"\n\n[keys.reader]\nup = \"w\"\n", 4, `unknown action "reader"`},
		{"nested table, implicit parent", "# keys\n\n[keys.list]\nopen = \"o\"\n", 3, `unknown action "list"`},
		{"action as a table", "[keys]\nhelp = \"h\"\n[keys.quit]\nkey = \"x\"\n", 3, "quit: want a key or a list of keys"},
		{"dotted key", "[keys]\nhelp = \"h\"\nquit.key = \"x\"\n", 3, "quit: want a key or a list of keys"},
		{"dotted section", "title.x = \"x\"\n", 1, `unknown section "title"`},
		{"keys not a table", "\nkeys = 3\n", 2, "keys must be a table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, p, err := load(t, tc.body)
			if err == nil {
				t.Fatal("loaded")
			}
			msg := err.Error()
			want := p + ":" + string(rune('0'+tc.line)) + ":"
			if !strings.HasPrefix(msg, want) || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q\nwant one line starting %q, saying %q", msg, want, tc.want)
			}
		})
	}
}

func TestLoadAccepts(t *testing.T) {
	// Top-level settings are not the key loader's: main's settings reader
	// reads and checks them.
	km, _, err := load(t, "browser = \"firefox %u\"\n[keys]\n"+
		"quit = [\"Q\", \"ctrl+c\"]\n"+
		"next_mention = [\"ctrl+n\", \"alt+enter\", \"shift+tab\", \"ctrl+shift+a\"]\n"+
		"prev_mention = [\"f2\", \"pgup\", \"é\", \"+\", \"ctrl++\", \"insert\"]\n"+
		"next_pane = \"ctrl+alt+right\"\nprev_pane = \"backspace\"\n"+
		"page_up = \"ctrl+b\"\n"+
		"open = \"o\"\nentity_view = \"V\"\n"+ // o was entity_view's; open and pin both keep enter in their own panes
		"\"t\\u0069nt\" = \"T\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := km.Global.Tint.Keys(); !slices.Equal(got, []string{"T"}) {
		t.Errorf("tint keys %v (escaped name)", got)
	}
	if got := km.Global.Quit.Keys(); !slices.Equal(got, []string{"Q", "ctrl+c"}) {
		t.Errorf("quit keys %v", got)
	}
}

// The defaults are a valid config: no clash, every name one Bubble Tea
// produces, every binding configurable by a name that acts where it should.
func TestDefaultsAreValid(t *testing.T) {
	km := New()
	if cs := km.clashes(); len(cs) > 0 {
		t.Fatalf("default clashes: %v", cs)
	}
	for name, b := range km.Actions() {
		for _, k := range b.Keys() {
			if err := checkKeyName(k); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// The names checkKeyName accepts are the names Bubble Tea gives the keys.
func TestKeyNamesAreBubbleTeas(t *testing.T) {
	for _, k := range []tea.Key{
		{Code: tea.KeyEnter}, {Code: tea.KeyEscape}, {Code: tea.KeyTab, Mod: tea.ModShift},
		{Code: tea.KeySpace, Text: " "}, {Code: tea.KeyPgDown}, {Code: tea.KeyF12},
		{Code: tea.KeyDelete}, {Code: tea.KeyInsert}, {Code: tea.KeyHome}, {Code: tea.KeyBackspace},
		{Code: 'c', Mod: tea.ModCtrl}, {Code: 'x', Mod: tea.ModAlt}, {Code: 'g', ShiftedCode: 'G', Mod: tea.ModShift, Text: "G"},
		{Code: 'a', Mod: tea.ModCtrl | tea.ModShift}, {Code: '?', Text: "?"}, {Code: tea.KeyUp, Mod: tea.ModAlt},
	} {
		name := tea.KeyPressMsg(k).String()
		if err := checkKeyName(name); err != nil {
			t.Errorf("%q, a name Bubble Tea produces, refused: %v", name, err)
		}
	}
}

func TestLoadEntityViewKeys(t *testing.T) {
	km, _, err := load(t, "[keys]\nmerge_entities = \"ctrl+g\"\ntint = \"T\"\n")
	if err != nil {
		t.Fatal(err) // T is tint's outside the entity view, type_entity's in it
	}
	if got := km.Entities.Merge.Keys(); !slices.Equal(got, []string{"ctrl+g"}) {
		t.Errorf("merge_entities keys %v", got)
	}
	if _, _, err := load(t, "[keys]\nrename_entity = \"M\"\n"); err == nil || !strings.Contains(err.Error(), "merge_entities") {
		t.Errorf("rename_entity = M: err %v, want a clash with merge_entities", err)
	}
}

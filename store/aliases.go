package store

import (
	"strings"
	"sync"

	"github.com/bylinehq/byline/assets"
	"github.com/bylinehq/byline/model"
)

// aliasTarget is an entity a name may stand for, from assets/aliases.tsv.
type aliasTarget struct {
	key, name string // the canonical name, folded and as written
	typ       model.EntityType
	club      bool // a football club: its short names count in sports stories only
	party     bool // a party from Party Facts: its acronyms need the article's support (partyFits)
	hand      bool // from the hand-written list, which overrules the gazetteers
}

// aliasTable is assets/aliases.tsv parsed: which entities each folded name
// may be (a canonical name is one of its own), and which places also name a
// sports club.
type aliasTable struct {
	targets    map[string][]aliasTarget // folded name → the entities it may be
	canonical  map[string]aliasTarget   // folded canonical name → itself
	placeClubs map[string]bool          // folded place names that are clubs in sports stories
}

// staticAliases parses the embedded table once, when first needed: most
// commands never resolve an entity, and parsing costs a few milliseconds.
var staticAliases = sync.OnceValue(func() *aliasTable { return parseAliases(assets.Aliases) })

// parseAliases reads the table (see store/aliasgen). Lines it cannot read
// are skipped: the file is ours, written by a program.
func parseAliases(tsv string) *aliasTable {
	t := &aliasTable{
		targets:    make(map[string][]aliasTarget),
		canonical:  make(map[string]aliasTarget),
		placeClubs: make(map[string]bool),
	}
	for line := range strings.Lines(tsv) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
		if len(f) < 4 || f[2] == "" {
			continue
		}
		kind, canon := f[0], f[2]
		if kind == "placeclub" {
			t.placeClubs[foldName(canon)] = true
			continue
		}
		target := aliasTarget{key: foldName(canon), name: canon, typ: model.EntityType(f[1]), club: kind == "club", party: kind == "party", hand: kind == "hand"}
		if _, seen := t.canonical[target.key]; !seen || kind == "hand" {
			t.canonical[target.key] = target // the hand list names it best
		}
		t.add(target.key, target)
		for _, a := range strings.Split(f[3], "|") {
			if a != "" {
				t.add(foldName(a), target)
			}
		}
	}
	return t
}

// add records that the name folded to key may be target, once.
func (t *aliasTable) add(key string, target aliasTarget) {
	for _, have := range t.targets[key] {
		if have.key == target.key {
			return
		}
	}
	t.targets[key] = append(t.targets[key], target)
}

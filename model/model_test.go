package model

import "testing"

func TestEntityTypeGroups(t *testing.T) {
	want := map[EntityType][2]string{
		PER: {"People", "PER"}, ORG: {"Organisations", "ORG"}, LOC: {"Places", "LOC"},
		WORK: {"Works", "MISC"}, PRODUCT: {"Products", "MISC"}, EVENT: {"Events", "MISC"},
		MISC: {"Other", "MISC"}, "SPACESHIP": {"Other", "SPACESHIP"},
	}
	for typ, w := range want {
		if got := typ.Group(); got != w[0] {
			t.Errorf("%s.Group() = %q, want %q", typ, got, w[0])
		}
		if got := typ.CoNLL(); string(got) != w[1] {
			t.Errorf("%s.CoNLL() = %q, want %q", typ, got, w[1])
		}
	}
	if len(EntityTypes) != 7 || EntityTypes[0] != PER || EntityTypes[6] != MISC {
		t.Errorf("EntityTypes = %v, want PER first and MISC last of seven", EntityTypes)
	}
}

package main

import (
	"strings"
	"testing"
)

// Words used in the same contexts should share a longer path prefix than
// words used in different ones.
func TestBisectGroupsBySharedContext(t *testing.T) {
	c := newCorpus()
	for i := 0; i < 50; i++ {
		for _, animal := range []string{"cat", "dog", "horse"} {
			c.addText("the " + animal + " ate the food .")
			c.addText("a " + animal + " slept here .")
		}
		for _, colour := range []string{"red", "blue", "green"} {
			c.addText("it was very " + colour + " indeed .")
			c.addText("so " + colour + " and bright .")
		}
	}
	vocab := c.vocabulary(1, 1000)
	paths := bisect(c.vectors(vocab, 50), 10, 1, 1)
	path := map[string]string{}
	for i, id := range vocab {
		path[c.words[id]] = paths[i]
	}
	common := func(a, b string) int {
		n := 0
		for n < len(a) && n < len(b) && a[n] == b[n] {
			n++
		}
		return n
	}
	same := common(path["cat"], path["dog"])
	diff := common(path["cat"], path["red"])
	if same <= diff {
		t.Errorf("cat %s dog %s red %s: animals share %d bits, cat and red %d", path["cat"], path["dog"], path["red"], same, diff)
	}
	if again := bisect(c.vectors(vocab, 50), 10, 1, 1); strings.Join(again, ",") != strings.Join(paths, ",") {
		t.Error("the same seed gave different clusters")
	}
}

package entity

import "testing"

// TestPlaceCueNouns checks that every place word placeCue knows, in both
// cases of its first letter, passes the cheap check placeBefore makes first.
func TestPlaceCueNouns(t *testing.T) {
	for _, w := range []string{"city", "cities", "town", "towns", "village", "villages", "county", "counties", "province", "provinces", "region", "regions", "island", "islands", "capital", "suburb", "suburbs"} {
		for _, word := range []string{w, string(w[0]-'a'+'A') + w[1:]} {
			text := "near the " + word + " of "
			if !placeCue().MatchString(text) {
				t.Errorf("placeCue does not match %q", text)
			}
			if !placeCueNounIn(text) {
				t.Errorf("%q fails the check before placeCue", text)
			}
		}
	}
	if placeCueNounIn("talks with the head of ") {
		t.Error("a text without a place word passes the check")
	}
}

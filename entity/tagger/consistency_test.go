package tagger

import "testing"

// TestSurnamesFollowFullNames: a match report names the players in full
// once, then by surname in score lines and short sentences; every surname
// is the person, as the full name is, not a club or a place.
func TestSurnamesFollowFullNames(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := []string{
		"Nadal puts Spain 2-0 up",
		"Result: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick",
		"Spain's Rafael Nadal beat Andy Roddick of the USA in the second singles rubber in Seville.",
		"Nadal holds his nerve as Spain go 2-0 up in the tie.",
		"Roddick holds serve to force Nadal to serve for the match.",
		"Nadal works Roddick around the court and Roddick is now teetering on the edge.",
	}
	for i, found := range m.TagDocument(doc) {
		for _, sp := range found {
			name := doc[i][sp.Start:sp.End]
			if (name == "Nadal" || name == "Roddick") && sp.Type != "PER" {
				t.Errorf("line %d: %q tagged %s, want PER as \"Rafael Nadal\" and \"Andy Roddick\" are", i, name, sp.Type)
			}
		}
	}
}

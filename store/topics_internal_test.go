package store

import "testing"

// A story of one athlete against another names its towns as towns, so it
// is not the kind of sports story in which a place's name is its club.
func TestIndividualSportIsNoClubStory(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Leicester beat Bath in the Premiership: two tries in the first half, a penalty and a late goal kick sealed the win for the home side, whose captain praised the squad.", true},
		{"Holmes won the 1500m at the indoor meeting in Glasgow. The double Olympic champion beat the field in the final race of the athletics season, and the medal was her third title; she will race the sprint again in Birmingham.", false},
		{"The chancellor said the budget would cut taxes for families in Leicester and Bath.", false},
	} {
		if got := isSportsStory(c.text); got != c.want {
			t.Errorf("isSportsStory(%.40q…) = %v, want %v", c.text, got, c.want)
		}
	}
}

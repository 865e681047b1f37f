package tagger

// Scoring sums, for each token, a few dozen vectors of 2 x numTags small
// integers (the first layer's score of each tag, then the second's). Go
// adds them one number at a time; held as numTags int64s, each the second
// layer's number times 2^32 plus the first's, two numbers go in one
// addition. The sums stay exact: an int64 sum of such values is the second
// layer's sum times 2^32 plus the first layer's, and neither comes near
// 2^31 (a token reads under a hundred rows of int16 weights).

// pair is one tag's scores in both layers: layer 1 << 32 + layer 0.
type pair = int64

// lanes is a vector of pairs, one per tag.
type lanes = [numTags]pair

// addLanes adds b to a.
func addLanes(a, b *lanes) {
	for t := 0; t+4 <= numTags; t += 4 {
		a[t] += b[t]
		a[t+1] += b[t+1]
		a[t+2] += b[t+2]
		a[t+3] += b[t+3]
	}
	for t := numTags &^ 3; t < numTags; t++ {
		a[t] += b[t]
	}
}

// addRow adds to a the weights at place p: both layers when the model has
// two, the first otherwise.
func (m *Model) addRow(a *lanes, p uint32) {
	if len(m.layers) == 2 {
		at := int(p) * (2 * numTags)
		row := (*[2 * numTags]int16)(m.weights[at : at+2*numTags])
		for t := range a {
			a[t] += pair(row[numTags+t])<<32 + pair(row[t])
		}
		return
	}
	at := int(p) * numTags
	row := (*[numTags]int16)(m.weights[at : at+numTags])
	for t := range a {
		a[t] += pair(row[t])
	}
}

// layerScores splits a pair into its first and second layer's numbers.
func layerScores(v pair) (first, second int32) {
	first = int32(v)
	return first, int32((v - pair(first)) >> 32)
}

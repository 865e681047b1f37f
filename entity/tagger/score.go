package tagger

// Counts holds exact-match entity counts, as conlleval counts them: an entity
// is right only when its first token, last token and type all match.
type Counts struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted, or 0.
func (c Counts) Precision() float64 {
	if c.Predicted == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Predicted)
}

// Recall is Correct/Gold, or 0.
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall, or 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scorer accumulates conlleval-style counts over sentences, overall and per
// entity type.
type Scorer struct {
	Tokens  int
	Total   Counts
	PerType map[string]*Counts
}

// NewScorer returns an empty Scorer.
func NewScorer() *Scorer { return &Scorer{PerType: map[string]*Counts{}} }

func (s *Scorer) kind(t string) *Counts {
	c := s.PerType[t]
	if c == nil {
		c = &Counts{}
		s.PerType[t] = c
	}
	return c
}

// Add scores one sentence's predicted IOB2 tags against its gold tags.
func (s *Scorer) Add(gold, predicted []string) {
	s.Tokens += len(gold)
	g, p := Chunks(gold), Chunks(predicted)
	want := make(map[Chunk]bool, len(g))
	for _, c := range g {
		want[c] = true
		s.Total.Gold++
		s.kind(c.Type).Gold++
	}
	for _, c := range p {
		s.Total.Predicted++
		k := s.kind(c.Type)
		k.Predicted++
		if want[c] {
			s.Total.Correct++
			k.Correct++
		}
	}
}

package tagger

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
)

// The subtyper gives a span the tagger found its final type among the seven
// of fineNames. The tagger keeps CoNLL-2003's four types, in which films,
// products and tournaments are all MISC, because most of its training data
// (CoNLL, WorldWide Newswire) never tells them apart; the subtyper learns
// the finer types from the corpora that do (CrossNER, WNUT-17, WorldWide
// Newswire's products) and from gazetteers of works, products and events.
// It is a multiclass averaged perceptron over hashed features of the span,
// its neighbours and the other places the same name appears in the document.

const subBits = 18

// subtyper holds int16 weights, numFine per row, dense.
type subtyper struct {
	weights []int16
	scale   float32
	// margin is how far a WORK, PRODUCT or EVENT reading must beat the
	// tagger's PER, ORG or LOC before the span is retyped; MISC spans take
	// the best of MISC, WORK, PRODUCT and EVENT.
	margin float32
}

// spanFeatures appends the hashed rows of span [i, j) of sentence words
// sent (document doc, sentence bounds as given) to rows. gaz returns the
// fine gazetteer bits of a phrase hash, cluster the cluster of a word (as
// lookup.clusterOfWord gives it).
func spanFeatures(rows []uint32, cluster func(string) uint32, words []string, from, to, i, j int, gaz func(uint64) uint8) []uint32 {
	add := func(tmpl uint64, v uint64) {
		rows = append(rows, uint32(mix(tmpl*0x9e3779b97f4a7c15+1, v)&(1<<subBits-1)))
	}
	add(0, 0)
	phrase := hashSeed
	for k := i; k < j; k++ {
		lw := hashString(words[k], true)
		add(1, lw)
		phrase = mix(phrase, lw)
	}
	add(2, hashString(words[i], true))
	add(3, hashString(words[j-1], true))
	add(4, phrase)
	add(5, uint64(min(j-i, 5)))
	add(6, wordShape(words[j-1]))
	add(7, wordShape(words[i]))
	if c := cluster(words[j-1]); c != 0 {
		add(8, (prefix(c, 6)))
		add(9, (prefix(c, 12)))
	}
	if c := cluster(words[i]); c != 0 {
		add(10, (prefix(c, 8)))
	}
	ctx := func(k int) uint64 {
		if k < from || k >= to {
			return 1
		}
		return hashString(words[k], true)
	}
	add(11, ctx(i-1))
	add(12, ctx(i-2))
	add(13, ctx(j))
	add(14, ctx(j+1))
	add(15, mix(ctx(i-2), ctx(i-1)))
	add(16, mix(ctx(j), ctx(j+1)))
	if i-1 >= from {
		if c := cluster(words[i-1]); c != 0 {
			add(17, (prefix(c, 8)))
		}
	}
	if j < to {
		if c := cluster(words[j]); c != 0 {
			add(18, (prefix(c, 8)))
		}
	}
	bits := gaz(phrase)
	for f := 0; f < numFine; f++ {
		if bits>>f&1 != 0 {
			add(19, uint64(f))
			add(20, uint64(f)<<8|uint64(min(j-i, 3)))
		}
	}
	if bits == 0 {
		add(19, 99)
	}
	for k := i; k < j; k++ {
		if w := words[k]; strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			add(21, 1)
			break
		}
	}
	return rows
}

// wordShape hashes a word's shape with runs collapsed ("iPod" → "xXx").
func wordShape(w string) uint64 {
	h := hashSeed
	var last rune
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			h = hashRune(h, c)
			last = c
		}
	}
	return h
}

// clusterOfWord is the cluster of a word as written, in Title case or in
// lowercase.
func (l *lookup) clusterOfWord(w string) uint32 {
	for _, h := range [...]uint64{hashString(w, false), hashTitle(w), hashString(w, true)} {
		if c, ok := l.clusters[h]; ok {
			return c &^ mostlyLower
		}
	}
	return 0
}

// fineGaz returns the fine gazetteer bits of a phrase hash.
func (l *lookup) fineGaz(h uint64) uint8 { return (l.gaz[h] | l.fine[h]) &^ curatedBit }

// scores fills out with the subtyper's score for each fine type.
func (s *subtyper) scores(rows []uint32, out *[numFine]float32) {
	var acc [numFine]int32
	for _, r := range rows {
		w := s.weights[int(r)*numFine : int(r)*numFine+numFine]
		for t := range acc {
			acc[t] += int32(w[t])
		}
	}
	for t := range acc {
		out[t] = float32(acc[t]) * s.scale
	}
}

// retype returns the final fine type of a span the tagger typed coarse.
func (s *subtyper) retype(coarse int, sc *[numFine]float32) int {
	misc := typeIndex("MISC")
	if coarse == misc {
		best := misc
		for f := numTypes; f < numFine; f++ {
			if sc[f] > sc[best] {
				best = f
			}
		}
		return best
	}
	best := coarse
	for f := numTypes; f < numFine; f++ {
		if sc[f] > sc[best]+s.margin && sc[f] > sc[misc] {
			best = f
		}
	}
	return best
}

// subExample is one gold span for subtyper training.
type subExample struct {
	rows []uint32
	gold int
}

// trainSubtyper trains the subtyper on gold spans for epochs passes.
func trainSubtyper(exs []subExample, epochs int, seed uint64) *subtyper {
	n := (1 << subBits) * numFine
	w := make([]float32, n)
	acc := make([]float64, n)
	c := 1.0
	rng := rand.New(rand.NewPCG(seed, 0x73756274))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := &exs[i]
			var sc [numFine]float32
			for _, r := range ex.rows {
				for t := range sc {
					sc[t] += w[int(r)*numFine+t]
				}
			}
			pred := 0
			for t := range sc {
				if sc[t] > sc[pred] {
					pred = t
				}
			}
			if pred != ex.gold {
				for _, r := range ex.rows {
					w[int(r)*numFine+ex.gold]++
					acc[int(r)*numFine+ex.gold] += c
					w[int(r)*numFine+pred]--
					acc[int(r)*numFine+pred] -= c
				}
			}
			c++
		}
	}
	maxAbs := 0.0
	avg := make([]float64, n)
	for i := range w {
		avg[i] = float64(w[i]) - acc[i]/c
		maxAbs = math.Max(maxAbs, math.Abs(avg[i]))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	s := &subtyper{weights: make([]int16, n), scale: float32(scale)}
	for i, v := range avg {
		s.weights[i] = int16(math.Round(v / scale))
	}
	return s
}

// subExamples turns the gold spans of docs into training examples. CoNLL's
// MISC spans are skipped when skipMisc is set: CoNLL never says which are
// works, products or events. gaz answers for the phrase of an example in
// document di, so training can leave a document's own names out of it.
func subExamples(lk *lookup, docs []Document, skipMisc bool, gaz func(di int) func(uint64) uint8) []subExample {
	var out []subExample
	for di := range docs {
		g := gaz(di)
		for _, s := range docs[di].Sentences {
			for _, c := range Chunks(s.Tags) {
				f := fineIndex(c.Type)
				if f < 0 || (skipMisc && c.Type == "MISC") {
					continue
				}
				rows := spanFeatures(nil, lk.clusterOfWord, s.Words, 0, len(s.Words), c.Start, c.End, g)
				out = append(out, subExample{rows: rows, gold: f})
			}
		}
	}
	return out
}

// docSpan is one span the tagger found, with its subtyper scores.
type docSpan struct {
	start, end int // tokens [start, end) of the document
	coarse     int
	phrase     uint64
	sc         [numFine]float32
}

// fineTypes gives every entity token of a tagged document the index in
// fineNames of its span's type. Spans of the same words share their scores
// across the document (as Ratinov and Roth share labels), so one clear
// mention ("the film Vera Drake") types the bare ones too; each span keeps
// the tagger's own coarse type unless the evidence for a finer one wins.
func (m *Model) fineTypes(w *workspace, words []string, bounds []int, tags []int) []uint8 {
	w.fine = w.fine[:0]
	for _, t := range tags {
		k := uint8(0)
		if t != tagO {
			k = uint8(tagType(t))
		}
		w.fine = append(w.fine, k)
	}
	if m.sub == nil {
		return w.fine
	}
	w.spans = w.spans[:0]
	for s := 0; s+1 < len(bounds); s++ {
		from, to := bounds[s], bounds[s+1]
		for j := from; j < to; j++ {
			t := tags[j]
			if t == tagO || (tagPos(t) != posB && tagPos(t) != posU) {
				continue
			}
			k := j
			if tagPos(t) == posB {
				for k+1 < to && tagPos(tags[k]) != posL {
					k++
				}
			}
			sp := docSpan{start: j, end: k + 1, coarse: tagType(t), phrase: hashSeed}
			first := j
			if k > j && strings.EqualFold(words[j], "the") {
				first++ // "The Vagina Monologues" shares with "Vagina Monologues"
			}
			for i := first; i <= k; i++ {
				sp.phrase = mix(sp.phrase, hashString(words[i], true))
			}
			w.subRows = spanFeatures(w.subRows[:0], w.f.clusterOfWord, words, from, to, j, k+1, m.lk.fineGaz)
			m.sub.scores(w.subRows, &sp.sc)
			w.spans = append(w.spans, sp)
			j = k
		}
	}
	// Each phrase's scores, summed in span order (float sums depend on it).
	w.phrases.reset(len(w.spans))
	w.phraseSums = w.phraseSums[:0]
	for _, sp := range w.spans {
		k, ok := w.phrases.get(sp.phrase)
		if !ok {
			k = uint32(len(w.phraseSums))
			w.phrases.put(sp.phrase, k)
			w.phraseSums = append(w.phraseSums, [numFine]float32{})
		}
		a := &w.phraseSums[k]
		for t := range a {
			a[t] += sp.sc[t]
		}
	}
	for _, sp := range w.spans {
		k, _ := w.phrases.get(sp.phrase)
		a := w.phraseSums[k]
		f := uint8(m.sub.retype(sp.coarse, &a))
		if len(w.curated) == len(tags) && w.curated[sp.start] >= 0 {
			f = uint8(w.curated[sp.start])
		}
		for i := sp.start; i < sp.end; i++ {
			w.fine[i] = f
		}
	}
	return w.fine
}

// SubtypeConfig sets up subtyper training.
type SubtypeConfig struct {
	// Fine are documents whose tags use the seven types (CrossNER, WNUT-17):
	// every span trains the subtyper, and their works, products and events
	// become its gazetteer.
	Fine []Document
	// Coarse are documents in CoNLL's four types (CoNLL-2003, WorldWide
	// Newswire): their PER, ORG, LOC and PRODUCT spans train it, and their
	// MISC spans only when the gazetteer lists them as MISC (nationalities),
	// since CoNLL's MISC also holds works and events it does not mark.
	Coarse []Document
	Epochs int
	Seed   uint64
	// Margin is how far a WORK, PRODUCT or EVENT reading must beat the
	// tagger's PER, ORG or LOC to retype the span.
	Margin float32
	Folds  int // for the gazetteer the training spans see; 4 if 0
}

// TrainSubtyper trains the subtyper and attaches it to m, adding the works,
// products and events of cfg.Fine to m's gazetteer. The gazetteer a
// training span sees leaves out the names of its own fold of documents, so
// the subtyper learns how far a gazetteer match can be trusted on a name it
// was not built from.
func (m *Model) TrainSubtyper(cfg SubtypeConfig) {
	folds := cfg.Folds
	if folds <= 0 {
		folds = 4
	}
	type entry struct{ bits, folds uint8 }
	learned := map[uint64]entry{}
	for di := range cfg.Fine {
		for _, s := range cfg.Fine[di].Sentences {
			for _, c := range Chunks(s.Tags) {
				f := fineIndex(c.Type)
				if f < numTypes {
					continue
				}
				h := hashSeed
				for _, w := range s.Words[c.Start:c.End] {
					h = mix(h, hashString(w, true))
				}
				e := learned[h]
				e.bits |= 1 << f
				e.folds |= 1 << (di % folds)
				learned[h] = e
			}
		}
	}
	lk := m.lk
	exs := subExamples(lk, cfg.Fine, false, func(di int) func(uint64) uint8 {
		own := uint8(1) << (di % folds)
		return func(h uint64) uint8 {
			b := lk.fineGaz(h)
			if e, ok := learned[h]; ok && e.folds&^own != 0 {
				b |= e.bits
			}
			return b
		}
	})
	all := func(h uint64) uint8 { return lk.fineGaz(h) | learned[h].bits }
	for di := range cfg.Coarse {
		for _, s := range cfg.Coarse[di].Sentences {
			for _, c := range Chunks(s.Tags) {
				f := fineIndex(c.Type)
				if f < 0 {
					continue
				}
				if c.Type == "MISC" {
					h := hashSeed
					for _, w := range s.Words[c.Start:c.End] {
						h = mix(h, hashString(w, true))
					}
					if lk.gaz[h]&(1<<typeIndex("MISC")) == 0 {
						continue
					}
				}
				exs = append(exs, subExample{rows: spanFeatures(nil, lk.clusterOfWord, s.Words, 0, len(s.Words), c.Start, c.End, all), gold: f})
			}
		}
	}
	epochs := cfg.Epochs
	if epochs <= 0 {
		epochs = 10
	}
	m.sub = trainSubtyper(exs, epochs, cfg.Seed)
	m.sub.margin = cfg.Margin
	for h, e := range learned {
		if lk.fine[h]&curatedBit == 0 {
			lk.fine[h] |= e.bits
		}
	}
}

// SetSubtypeMargin changes how readily PER, ORG and LOC spans are retyped as
// works, products or events (for tuning).
func (m *Model) SetSubtypeMargin(margin float32) {
	if m.sub != nil {
		m.sub.margin = margin
	}
}

// SetFineGazetteer replaces the names of works, products and events the
// subtyper reads with those among entries (the subtyper's training adds the
// ones its corpora name).
func (m *Model) SetFineGazetteer(entries, curated []GazetteerEntry) {
	var fine []GazetteerEntry
	for _, e := range entries {
		if fineIndex(e.Type) >= numTypes {
			fine = append(fine, e)
		}
	}
	r := Resources{Gazetteer: fine, Curated: curated}
	lk := r.compile()
	m.lk.fine, m.lk.curatedMax = lk.fine, lk.curatedMax
}

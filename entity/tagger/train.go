package tagger

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
)

// TrainConfig sets up a training run.
type TrainConfig struct {
	Bits    uint   // the weight table has 2^Bits rows
	Epochs  int    // passes over the training data
	Seed    uint64 // shuffling seed; the same seed gives the same model
	Seeds   int    // runs (seeds Seed, Seed+1, ...) averaged into each pass
	TwoPass bool   // add a second pass that reads first-pass labels
	Folds   int    // folds for the first-pass labels a second pass trains on
	Dev     []Document
	Log     io.Writer // per-epoch progress, or nil
}

// example is one training sentence with cached feature rows.
type example struct {
	rows []uint32
	off  []int32 // relative to rows; len(gold)+1 entries
	gold []int
}

// perceptron is an averaged structured perceptron over hashed rows.
type perceptron struct {
	w, trans     []float32
	acc, transAc []float64
	c            float64
}

func newPerceptron(bits uint) *perceptron {
	n := (1 << bits) * numTags
	return &perceptron{
		w: make([]float32, n), acc: make([]float64, n),
		trans: make([]float32, (numTags+1)*numTags), transAc: make([]float64, (numTags+1)*numTags),
		c: 1,
	}
}

func (p *perceptron) emissions(ex *example, em []float32) {
	for i := range ex.gold {
		var acc [numTags]float32
		for _, r := range ex.rows[ex.off[i]:ex.off[i+1]] {
			row := p.w[int(r)*numTags : int(r)*numTags+numTags]
			for t := range acc {
				acc[t] += row[t]
			}
		}
		copy(em[i*numTags:], acc[:])
	}
}

func (p *perceptron) bump(idx int, d float32) {
	p.w[idx] += d
	p.acc[idx] += p.c * float64(d)
}

func (p *perceptron) bumpTrans(idx int, d float32) {
	p.trans[idx] += d
	p.transAc[idx] += p.c * float64(d)
}

// learn decodes one sentence and corrects the weights if it was wrong.
func (p *perceptron) learn(ex *example, em []float32, back []uint8, pred []int) []int {
	p.emissions(ex, em)
	pred = viterbi(em, p.trans, len(ex.gold), back, pred)
	prevG, prevP := numTags, numTags
	for i, g := range ex.gold {
		q := pred[i]
		if g != q {
			for _, r := range ex.rows[ex.off[i]:ex.off[i+1]] {
				p.bump(int(r)*numTags+g, 1)
				p.bump(int(r)*numTags+q, -1)
			}
		}
		if g != q || prevG != prevP {
			p.bumpTrans(prevG*numTags+g, 1)
			p.bumpTrans(prevP*numTags+q, -1)
		}
		prevG, prevP = g, q
	}
	p.c++
	return pred
}

// addAverage adds the averaged weights, times k, to w and trans.
func (p *perceptron) addAverage(w, trans []float32, k float64) {
	for i, v := range p.w {
		w[i] += float32(k * (float64(v) - p.acc[i]/p.c))
	}
	for i, v := range p.trans {
		trans[i] += float32(k * (float64(v) - p.transAc[i]/p.c))
	}
}

// quantise turns float weights into a layer with a dense (rows x numTags)
// int16 table.
func quantise(w, trans []float32, hist bool) layer {
	maxAbs := 0.0
	for _, v := range w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	l := layer{scale: float32(scale), hist: hist, weights: make([]int16, len(w)), trans: append([]float32(nil), trans...)}
	for i, v := range w {
		l.weights[i] = int16(math.Round(float64(v) / scale))
	}
	return l
}

// average returns the averaged weights as a quantised layer.
func (p *perceptron) average(hist bool) layer {
	w, trans := make([]float32, len(p.w)), make([]float32, len(p.trans))
	p.addAverage(w, trans, 1)
	return quantise(w, trans, hist)
}

// docWords flattens a document into words, sentence bounds and gold tags.
func docWords(d *Document) (words []string, bounds []int, gold []int) {
	for _, s := range d.Sentences {
		bounds = append(bounds, len(words))
		words = append(words, s.Words...)
		gold = append(gold, bilou(s.Tags, nil)...)
	}
	return words, append(bounds, len(words)), gold
}

// examples featurises documents; hist, when not nil, gives first-pass tags
// per document.
func examples(f *featurizer, docs []Document, hist [][]int) []example {
	var out []example
	for di := range docs {
		words, bounds, gold := docWords(&docs[di])
		f.load(words, bounds)
		if hist != nil {
			f.setHistory(hist[di])
		}
		f.features(bounds, hist != nil)
		rows := append([]uint32(nil), f.rows...)
		for s := 0; s+1 < len(bounds); s++ {
			from, to := bounds[s], bounds[s+1]
			if from == to {
				continue
			}
			ex := example{rows: rows[f.off[from]:f.off[to]], gold: gold[from:to]}
			base := f.off[from]
			for i := from; i <= to; i++ {
				ex.off = append(ex.off, f.off[i]-base)
			}
			out = append(out, ex)
		}
	}
	return out
}

// trainLayer runs the perceptron over exs once per seed (cfg.Seed,
// cfg.Seed+1, ...) and averages the runs; eval, when not nil, is called with
// the first run's averaged layer after every epoch.
func trainLayer(exs []example, cfg TrainConfig, hist bool, eval func(epoch int, l layer)) layer {
	seeds := max(cfg.Seeds, 1)
	w := make([]float32, (1<<cfg.Bits)*numTags)
	trans := make([]float32, (numTags+1)*numTags)
	for s := 0; s < seeds; s++ {
		p := trainOnce(exs, cfg, cfg.Seed+uint64(s), hist, eval)
		p.addAverage(w, trans, 1/float64(seeds))
		eval = nil
	}
	return quantise(w, trans, hist)
}

// trainOnce is one perceptron run with one shuffling seed.
func trainOnce(exs []example, cfg TrainConfig, seed uint64, hist bool, eval func(epoch int, l layer)) *perceptron {
	p := newPerceptron(cfg.Bits)
	rng := rand.New(rand.NewPCG(seed, 0x62796c696e65))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	maxLen := 0
	for _, ex := range exs {
		maxLen = max(maxLen, len(ex.gold))
	}
	em := make([]float32, maxLen*numTags)
	back := make([]uint8, maxLen*numTags)
	var pred []int
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			pred = p.learn(&exs[i], em, back, pred)
		}
		if eval != nil {
			eval(epoch, p.average(hist))
		}
	}
	return p
}

// Train trains a model on docs with the given word lists compiled in.
func Train(docs []Document, res Resources, cfg TrainConfig) (*Model, error) {
	if len(docs) == 0 {
		return nil, fmt.Errorf("train: no documents")
	}
	if cfg.Bits == 0 {
		cfg.Bits = 20
	}
	lk := res.compile()
	f := newFeaturizer(lk, cfg.Bits)
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, args...)
		}
	}
	evalWith := func(name string, first []layer) func(int, layer) {
		if len(cfg.Dev) == 0 {
			return nil
		}
		return func(epoch int, l layer) {
			m := newModel(cfg.Bits, lk, append(append([]layer(nil), first...), l)...)
			rep := m.evaluateDocs(cfg.Dev)
			logf("%s epoch %d: dev F1 %.4f (P %.4f R %.4f) PER %.4f ORG %.4f LOC %.4f MISC %.4f\n",
				name, epoch, rep.F1, rep.Precision, rep.Recall,
				rep.PerType["PER"].F1, rep.PerType["ORG"].F1, rep.PerType["LOC"].F1, rep.PerType["MISC"].F1)
		}
	}
	exs := examples(f, docs, nil)
	logf("pass 1: %d sentences\n", len(exs))
	first := trainLayer(exs, cfg, false, evalWith("pass 1", nil))
	if !cfg.TwoPass {
		return newModel(cfg.Bits, lk, first), nil
	}
	// First-pass labels for the training documents come from models that did
	// not see them, so the second pass learns how far to trust them.
	folds := max(cfg.Folds, 2)
	hist := make([][]int, len(docs))
	for k := 0; k < folds; k++ {
		var in, out []Document
		var outIdx []int
		for i := range docs {
			if i%folds == k {
				out = append(out, docs[i])
				outIdx = append(outIdx, i)
			} else {
				in = append(in, docs[i])
			}
		}
		one := cfg
		one.Seeds = 1
		fm := newModel(cfg.Bits, lk, trainLayer(examples(f, in, nil), one, false, nil))
		w := fm.workspace()
		for j, d := range out {
			words, bounds, _ := docWords(&d)
			hist[outIdx[j]] = append([]int(nil), fm.tagWords(w, words, bounds)...)
		}
		logf("fold %d/%d done\n", k+1, folds)
	}
	exs = examples(f, docs, hist)
	second := trainLayer(exs, cfg, true, evalWith("pass 2", []layer{first}))
	return newModel(cfg.Bits, lk, first, second), nil
}

// Command train trains byline's named-entity tagger on CoNLL-2003 English
// (optionally with GMB), with gazetteers and word clusters compiled in, and
// writes the model that assets embeds. It is seeded and reproducible:
//
//	go run ./entity/train -data ../shared/data -out assets/ner.model
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/bylinehq/byline/entity/tagger"
)

func main() {
	log.SetFlags(0)
	var (
		data       = flag.String("data", "../shared/data", "the shared data folder")
		out        = flag.String("out", "assets/ner.model", "where to write the model")
		clusters   = flag.String("clusters", "entity/clusters/clusters.txt.gz", "word clusters (path<TAB>word lines); empty for none")
		seed       = flag.Uint64("seed", 1, "shuffling seed")
		seeds      = flag.Int("seeds", 3, "runs averaged into each pass (seeds seed, seed+1, ...)")
		epochs     = flag.Int("epochs", 15, "passes over the training data")
		bits       = flag.Uint("bits", 20, "log2 of the weight-table rows")
		twoPass    = flag.Bool("twopass", true, "train a second pass on first-pass labels")
		folds      = flag.Int("folds", 4, "folds for second-pass training labels")
		gmb        = flag.Bool("gmb", false, "add GMB documents to the training data")
		wwn        = flag.Bool("wwn", false, "add WorldWide Newswire (its train split) to the training data: +0.17 on its own test split, but it splits names CoNLL keeps whole (GUM 0.734 -> 0.720)")
		crossner   = flag.Bool("crossner", true, "add CrossNER (the -crossner-splits) to the tagger's training data")
		wnut       = flag.Bool("wnut", false, "add WNUT-17 train and dev to the tagger's training data")
		extraGaz   = flag.Bool("clubs-parties", true, "add football clubs and political parties to the ORG gazetteer")
		names      = flag.String("names", "entity/train/names.tsv", "hand-written works, products and events")
		retype     = flag.String("retype", "", "load this model and train only its subtyper (quick experiments)")
		prune      = flag.Int("prune", 512, "drop weight rows no larger than this (int16 units): 27 to 19.5 MB at no cost on eng.testa")
		margin     = flag.Float64("margin", 10, "how far a work, product or event reading must beat PER, ORG or LOC")
		subEpochs  = flag.Int("sub-epochs", 10, "subtyper epochs")
		crossTrain = flag.String("crossner-splits", "train,dev", "CrossNER splits to train on")
		test       = flag.Bool("test", false, "also score the test splits (report once, at the end)")
		exportDir  = flag.String("export", "", "write the dev and test splits of the new corpora as CoNLL files into this folder, and stop")
		subsample  = flag.Int("subsample", 1, "keep every n-th training document (quick experiments)")
		evalModel  = flag.String("eval", "", "score this model file on eng.testa, on the CoNLL files given as arguments (four types) and on the dev splits, and stop")
	)
	flag.Parse()
	if *evalModel != "" {
		if err := evaluate(os.Stdout, *data, *evalModel, flag.Args()); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *exportDir != "" {
		if err := export(*exportDir, *data); err != nil {
			log.Fatal(err)
		}
		return
	}
	runtime.GOMAXPROCS(1)
	start := time.Now()
	// coarse corpora use CoNLL's four types (WorldWide Newswire adds
	// PRODUCT); fine ones tell works, products and events apart.
	coarse, err := readCoNLL(filepath.Join(*data, "ner/conll2003/eng.train"))
	if err != nil {
		log.Fatal(err)
	}
	if *gmb {
		extra, err := readCoNLL(filepath.Join(*data, "ner/gmb/gmb_conll_mapped.txt"))
		if err != nil {
			log.Fatal(err)
		}
		coarse = append(coarse, extra...)
	}
	if *wwn {
		extra, err := tagger.ReadWorldwideNewswire(filepath.Join(*data, "ner/worldwide-newswire"), "train")
		if err != nil {
			log.Fatal(err)
		}
		coarse = append(coarse, extra...)
	}
	var crossDocs, wnutDocs []tagger.Document
	for _, split := range strings.Split(*crossTrain, ",") {
		extra, err := tagger.ReadCrossNER(filepath.Join(*data, "ner/crossner"), split)
		if err != nil {
			log.Fatal(err)
		}
		crossDocs = append(crossDocs, extra...)
	}
	for _, name := range []string{"wnut17train.conll", "emerging.dev.conll"} {
		extra, err := tagger.ReadWNUT(filepath.Join(*data, "ner/wnut17", name))
		if err != nil {
			log.Fatal(err)
		}
		wnutDocs = append(wnutDocs, extra...)
	}
	fine := append(append([]tagger.Document(nil), crossDocs...), wnutDocs...)
	train := append([]tagger.Document(nil), coarse...)
	if *crossner {
		train = append(train, crossDocs...)
	}
	if *wnut {
		train = append(train, wnutDocs...)
	}
	if *subsample > 1 {
		var kept []tagger.Document
		for i := 0; i < len(train); i += *subsample {
			kept = append(kept, train[i])
		}
		train = kept
	}
	dev, err := readCoNLL(filepath.Join(*data, "ner/conll2003/eng.testa"))
	if err != nil {
		log.Fatal(err)
	}
	var res tagger.Resources
	gaz, err := os.ReadFile(filepath.Join(*data, "ner/gazetteers/gazetteer.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	res.Gazetteer = tagger.ParseGazetteer(string(gaz))
	if *extraGaz {
		clubs, err := footballClubs(filepath.Join(*data, "ner/gazetteers/openfootball-clubs"))
		if err != nil {
			log.Fatal(err)
		}
		ps, err := parties(filepath.Join(*data, "ner/gazetteers/partyfacts/wikipedia.csv"))
		if err != nil {
			log.Fatal(err)
		}
		res.Gazetteer = append(append(res.Gazetteer, clubs...), ps...)
	}
	hand, err := handNames(*names)
	if err != nil {
		log.Fatal(err)
	}
	if *clusters != "" {
		text, err := readMaybeGzip(*clusters)
		if err != nil {
			log.Fatal(err)
		}
		res.Clusters = tagger.ParseClusters(text)
	}
	log.Printf("%d training documents, %d dev documents, %d gazetteer names, %d cluster words",
		len(train), len(dev), len(res.Gazetteer), len(res.Clusters))
	var m *tagger.Model
	if *retype != "" {
		b, err := os.ReadFile(*retype)
		if err != nil {
			log.Fatal(err)
		}
		if m, err = tagger.Decode(b); err != nil {
			log.Fatal(err)
		}
	} else {
		m, err = tagger.Train(train, res, tagger.TrainConfig{
			Bits: *bits, Epochs: *epochs, Seed: *seed, Seeds: *seeds, TwoPass: *twoPass, Folds: *folds,
			Dev: dev, Log: os.Stderr,
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	// The subtyper learns from every corpus with fine types and from the
	// coarse ones' PER, ORG, LOC and PRODUCT spans.
	if *prune > 0 {
		m.Prune(int16(*prune))
	}
	// The hand-written names are curated: taken whole wherever they
	// stand, after tagging; they never feed the tagger's features.
	m.SetFineGazetteer(res.Gazetteer, hand)
	m.TrainSubtyper(tagger.SubtypeConfig{Fine: fine, Coarse: coarse, Epochs: *subEpochs, Seed: *seed, Margin: float32(*margin)})
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Encode(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	rep := tagger.EvaluateDocuments(dev, m)
	fi, _ := os.Stat(*out)
	fmt.Printf("eng.testa F1 %.4f (P %.4f R %.4f)", rep.F1, rep.Precision, rep.Recall)
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		fmt.Printf(" %s %.4f", t, rep.PerType[t].F1)
	}
	fmt.Printf("\n%d tokens/s; model %s, %.1f MB; %s\n", int(rep.TokensPerSecond), *out, float64(fi.Size())/1e6, time.Since(start).Round(time.Second))
	splits := []string{"dev"}
	if *test {
		splits = append(splits, "test")
	}
	for _, split := range splits {
		if err := report(os.Stdout, *data, split, m); err != nil {
			log.Fatal(err)
		}
	}
}

func readCoNLL(path string) ([]tagger.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := tagger.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// readMaybeGzip reads a file, gunzipping it when its name ends in .gz.
func readMaybeGzip(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return string(b), nil
}

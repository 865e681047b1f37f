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
		data     = flag.String("data", "../shared/data", "the shared data folder")
		out      = flag.String("out", "assets/ner.model", "where to write the model")
		clusters = flag.String("clusters", "entity/clusters/clusters.txt.gz", "word clusters (path<TAB>word lines); empty for none")
		seed     = flag.Uint64("seed", 1, "shuffling seed")
		seeds    = flag.Int("seeds", 3, "runs averaged into each pass (seeds seed, seed+1, ...)")
		epochs   = flag.Int("epochs", 15, "passes over the training data")
		bits     = flag.Uint("bits", 20, "log2 of the weight-table rows")
		twoPass  = flag.Bool("twopass", true, "train a second pass on first-pass labels")
		folds    = flag.Int("folds", 4, "folds for second-pass training labels")
		gmb      = flag.Bool("gmb", false, "add GMB documents to the training data")
	)
	flag.Parse()
	runtime.GOMAXPROCS(1)
	start := time.Now()
	train, err := readCoNLL(filepath.Join(*data, "ner/conll2003/eng.train"))
	if err != nil {
		log.Fatal(err)
	}
	if *gmb {
		extra, err := readCoNLL(filepath.Join(*data, "ner/gmb/gmb_conll_mapped.txt"))
		if err != nil {
			log.Fatal(err)
		}
		train = append(train, extra...)
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
	if *clusters != "" {
		text, err := readMaybeGzip(*clusters)
		if err != nil {
			log.Fatal(err)
		}
		res.Clusters = tagger.ParseClusters(text)
	}
	log.Printf("%d training documents, %d dev documents, %d gazetteer names, %d cluster words",
		len(train), len(dev), len(res.Gazetteer), len(res.Clusters))
	m, err := tagger.Train(train, res, tagger.TrainConfig{
		Bits: *bits, Epochs: *epochs, Seed: *seed, Seeds: *seeds, TwoPass: *twoPass, Folds: *folds,
		Dev: dev, Log: os.Stderr,
	})
	if err != nil {
		log.Fatal(err)
	}
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
	dr, err := os.Open(filepath.Join(*data, "ner/conll2003/eng.testa"))
	if err != nil {
		log.Fatal(err)
	}
	defer dr.Close()
	rep, err := tagger.Evaluate(dr, m)
	if err != nil {
		log.Fatal(err)
	}
	fi, _ := os.Stat(*out)
	fmt.Printf("eng.testa F1 %.4f (P %.4f R %.4f)", rep.F1, rep.Precision, rep.Recall)
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		fmt.Printf(" %s %.4f", t, rep.PerType[t].F1)
	}
	fmt.Printf("\n%d tokens/s; model %s, %.1f MB; %s\n", int(rep.TokensPerSecond), *out, float64(fi.Size())/1e6, time.Since(start).Round(time.Second))
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

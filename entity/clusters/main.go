// Command clusters induces hierarchical word clusters from unlabelled news
// text for the entity tagger's cluster features. Each word is described by
// the words around it (positive PMI of the two words either side), and the
// vocabulary is split in two again and again by spherical 2-means, so every
// word gets a bit path whose prefixes are ever coarser clusters, the form
// Brown clustering gives, at a fraction of its cost.
//
//	go run ./entity/clusters -data ../shared/data -out entity/clusters/clusters.txt.gz
//
// The text is read in place and never copied; only the clusters are written.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/bylinehq/byline/entity/tagger"
)

func main() {
	log.SetFlags(0)
	var (
		data     = flag.String("data", "../shared/data", "the shared data folder")
		out      = flag.String("out", "entity/clusters/clusters.txt.gz", "where to write path<TAB>word<TAB>count lines")
		minCount = flag.Int("min", 3, "least occurrences for a word to be clustered")
		maxWords = flag.Int("words", 80000, "most words to cluster")
		contexts = flag.Int("contexts", 1000, "context words (the most frequent)")
		depth    = flag.Int("depth", 20, "deepest path")
		leaf     = flag.Int("leaf", 12, "clusters this small are not split")
		seed     = flag.Uint64("seed", 1, "seed for the 2-means starts")
		more     = flag.Bool("new-corpora", false, "also read the text of the WorldWide Newswire train split and CrossNER train and dev (their words only, never their test splits)")
		extra    = flag.String("extra", "", "also read the words of these sources, comma-separated: "+strings.Join(extraSources, ", ")+" (training splits only; never a dev or test split, nor GUM)")
	)
	flag.Parse()
	runtime.GOMAXPROCS(1)
	start := time.Now()
	c := newCorpus()
	if err := readAll(*data, c); err != nil {
		log.Fatal(err)
	}
	if *more {
		if err := readNewCorpora(*data, c); err != nil {
			log.Fatal(err)
		}
	}
	if *extra != "" {
		if err := readExtra(*data, strings.Split(*extra, ","), c); err != nil {
			log.Fatal(err)
		}
	}
	log.Printf("%d sentences, %d tokens, %d word types (%s)", len(c.sents), c.tokens, len(c.ids), time.Since(start).Round(time.Millisecond))
	vocab := c.vocabulary(*minCount, *maxWords)
	vecs := c.vectors(vocab, *contexts)
	log.Printf("%d words to cluster (%s)", len(vocab), time.Since(start).Round(time.Millisecond))
	paths := bisect(vecs, *depth, *leaf, *seed)
	if err := write(*out, c, vocab, paths); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%s)", *out, time.Since(start).Round(time.Millisecond))
}

// corpus holds tokenised sentences as word ids.
type corpus struct {
	ids    map[string]int32
	words  []string
	counts []int
	sents  [][]int32
	tokens int
}

func newCorpus() *corpus { return &corpus{ids: map[string]int32{}} }

func (c *corpus) id(w string) int32 {
	if id, ok := c.ids[w]; ok {
		return id
	}
	id := int32(len(c.words))
	c.ids[w] = id
	c.words = append(c.words, w)
	c.counts = append(c.counts, 0)
	return id
}

func (c *corpus) add(words []string) {
	s := make([]int32, len(words))
	for i, w := range words {
		s[i] = c.id(w)
		c.counts[s[i]]++
	}
	c.tokens += len(words)
	c.sents = append(c.sents, s)
}

// addText tokenises raw text and adds its sentences.
func (c *corpus) addText(text string) {
	text = strings.ToValidUTF8(text, " ")
	var words []string
	for _, t := range tagger.Tokenize(text) {
		if t.SentenceStart && len(words) > 0 {
			c.add(words)
			words = words[:0]
		}
		words = append(words, t.Text)
	}
	if len(words) > 0 {
		c.add(words)
	}
}

// readAll reads Reuters-21578, the BBC articles, GMB and the CoNLL training
// text (its words only). The CoNLL development text is left out so that the
// figures measured on it stay honest.
func readAll(data string, c *corpus) error {
	if err := eachLine(filepath.Join(data, "unlabeled/reuters21578/text.txt"), func(line string) { c.addText(line) }); err != nil {
		return err
	}
	bbc, err := filepath.Glob(filepath.Join(data, "articles/bbc/*/*.txt"))
	if err != nil {
		return err
	}
	for _, p := range bbc {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, para := range strings.Split(string(b), "\n") {
			c.addText(para)
		}
	}
	for _, p := range []string{"ner/gmb/gmb_conll_mapped.txt", "ner/conll2003/eng.train"} {
		if err := readColumnWords(filepath.Join(data, p), c); err != nil {
			return err
		}
	}
	return nil
}

// readNewCorpora adds the words of the labelled corpora issue 10 brought,
// the splits the tagger trains on only: tuning and test text stays unseen.
func readNewCorpora(data string, c *corpus) error {
	docs, err := tagger.ReadWorldwideNewswire(filepath.Join(data, "ner/worldwide-newswire"), "train")
	if err != nil {
		return err
	}
	for _, split := range []string{"train", "dev"} {
		more, err := tagger.ReadCrossNER(filepath.Join(data, "ner/crossner"), split)
		if err != nil {
			return err
		}
		docs = append(docs, more...)
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			c.add(s.Words)
		}
	}
	return nil
}

// extraSources are the texts -extra can add. Each is a training split or
// text no figure is measured on: the WorldWide Newswire train split,
// CrossNER train (its dev split stays unseen, for choices), the Broad
// Twitter Corpus, WNUT-17 train, re3d train, and the article bodies of the
// Scrapinghub extraction benchmark (modern news pages).
var extraSources = []string{"wwn", "crossner", "btc", "wnut", "re3d", "scrapinghub"}

func readExtra(data string, sources []string, c *corpus) error {
	for _, src := range sources {
		n := c.tokens
		switch src {
		case "wwn":
			docs, err := tagger.ReadWorldwideNewswire(filepath.Join(data, "ner/worldwide-newswire"), "train")
			if err != nil {
				return err
			}
			for _, d := range docs {
				for _, s := range d.Sentences {
					c.add(s.Words)
				}
			}
		case "crossner":
			docs, err := tagger.ReadCrossNER(filepath.Join(data, "ner/crossner"), "train")
			if err != nil {
				return err
			}
			for _, d := range docs {
				for _, s := range d.Sentences {
					c.add(s.Words)
				}
			}
		case "btc", "wnut", "re3d":
			var files []string
			switch src {
			case "btc":
				var err error
				if files, err = filepath.Glob(filepath.Join(data, "ner/btc/*.conll")); err != nil {
					return err
				}
			case "wnut":
				files = []string{filepath.Join(data, "ner/wnut17/wnut17train.conll")}
			case "re3d":
				files = []string{filepath.Join(data, "ner/re3d/re3d-train.conll")}
			}
			if len(files) == 0 {
				return fmt.Errorf("%s: no files under %s", src, data)
			}
			for _, p := range files {
				if err := readColumnWords(p, c); err != nil {
					return err
				}
			}
		case "scrapinghub":
			b, err := os.ReadFile(filepath.Join(data, "html/scrapinghub/ground-truth.json"))
			if err != nil {
				return err
			}
			var pages map[string]struct {
				Body string `json:"articleBody"`
			}
			if err := json.Unmarshal(b, &pages); err != nil {
				return fmt.Errorf("scrapinghub ground truth: %w", err)
			}
			keys := make([]string, 0, len(pages))
			for k := range pages {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				for _, para := range strings.Split(pages[k].Body, "\n") {
					c.addText(para)
				}
			}
		default:
			return fmt.Errorf("unknown source %q (want one of %s)", src, strings.Join(extraSources, ", "))
		}
		log.Printf("%s: %d tokens", src, c.tokens-n)
	}
	return nil
}

// readColumnWords adds the first column of a CoNLL-style file, a sentence
// per blank-line-separated block.
func readColumnWords(path string, c *corpus) error {
	var words []string
	err := eachLine(path, func(line string) {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "-DOCSTART-" {
			if len(words) > 0 {
				c.add(words)
				words = nil
			}
			return
		}
		words = append(words, f[0])
	})
	if len(words) > 0 {
		c.add(words)
	}
	return err
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// vocabulary returns the ids of the words to cluster, most frequent first
// (ties by spelling, so the order is reproducible).
func (c *corpus) vocabulary(minCount, maxWords int) []int32 {
	var v []int32
	for id, n := range c.counts {
		if n >= minCount {
			v = append(v, int32(id))
		}
	}
	sort.Slice(v, func(i, j int) bool {
		a, b := v[i], v[j]
		if c.counts[a] != c.counts[b] {
			return c.counts[a] > c.counts[b]
		}
		return c.words[a] < c.words[b]
	})
	if len(v) > maxWords {
		v = v[:maxWords]
	}
	return v
}

func write(path string, c *corpus, vocab []int32, paths []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for i, id := range vocab {
		fmt.Fprintf(bw, "%s\t%s\t%d\n", paths[i], c.words[id], c.counts[id])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bylinehq/byline/entity/tagger"
)

// report prints the scores of m on one split ("dev" or "test") of the
// corpora with fine types: every CrossNER domain, WNUT-17 and WorldWide
// Newswire, per type.
func report(w io.Writer, data, split string, m *tagger.Model) error {
	type set struct {
		name string
		docs []tagger.Document
	}
	var sets []set
	for _, d := range tagger.CrossNERDomains {
		docs, err := tagger.ReadCrossNER(filepath.Join(data, "ner/crossner"), split, d)
		if err != nil {
			return err
		}
		sets = append(sets, set{"crossner-" + d, docs})
	}
	wnutFile := map[string]string{"dev": "emerging.dev.conll", "test": "emerging.test.annotated"}[split]
	docs, err := tagger.ReadWNUT(filepath.Join(data, "ner/wnut17", wnutFile))
	if err != nil {
		return err
	}
	sets = append(sets, set{"wnut17", docs})
	if docs, err = tagger.ReadWorldwideNewswire(filepath.Join(data, "ner/worldwide-newswire"), split); err != nil {
		return err
	}
	sets = append(sets, set{"worldwide-newswire", docs})
	all := []tagger.Document{}
	for _, s := range sets[:len(tagger.CrossNERDomains)] {
		all = append(all, s.docs...)
	}
	sets = append(sets, set{"crossner-all", all})
	for _, s := range sets {
		rep := tagger.EvaluateFine(s.docs, m)
		fmt.Fprintf(w, "%s %s F1 %.4f", split, s.name, rep.F1)
		for _, t := range []string{"PER", "ORG", "LOC", "WORK", "PRODUCT", "EVENT", "MISC"} {
			fmt.Fprintf(w, " %s %.3f", t, rep.PerType[t].F1)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// evaluate scores a model file, as any build of the tagger can be compared
// with another without embedding it: eng.testa and the files given (four
// CoNLL types, WORK, PRODUCT and EVENT counted as MISC), then the dev splits
// with seven types.
func evaluate(w io.Writer, data, model string, files []string) error {
	b, err := os.ReadFile(model)
	if err != nil {
		return err
	}
	m, err := tagger.Decode(b)
	if err != nil {
		return fmt.Errorf("%s: %w", model, err)
	}
	for _, path := range append([]string{filepath.Join(data, "ner/conll2003/eng.testa")}, files...) {
		docs, err := readCoNLL(path)
		if err != nil {
			return err
		}
		rep := tagger.EvaluateDocuments(docs, m)
		fmt.Fprintf(w, "%s F1 %.4f", filepath.Base(path), rep.F1)
		for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
			fmt.Fprintf(w, " %s %.3f", t, rep.PerType[t].F1)
		}
		fmt.Fprintln(w)
	}
	return report(w, data, "dev", m)
}

// export writes the dev and test splits of the corpora with fine types into
// dir as CoNLL column files (word, tag; -DOCSTART- between documents), so
// `byline eval ner [--fine] FILE` can score any build on them. They are
// derived from ../shared/data and must stay out of the repository.
func export(dir, data string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, split := range []string{"dev", "test"} {
		cross, err := tagger.ReadCrossNER(filepath.Join(data, "ner/crossner"), split)
		if err != nil {
			return err
		}
		wnutFile := map[string]string{"dev": "emerging.dev.conll", "test": "emerging.test.annotated"}[split]
		wnut, err := tagger.ReadWNUT(filepath.Join(data, "ner/wnut17", wnutFile))
		if err != nil {
			return err
		}
		wwn, err := tagger.ReadWorldwideNewswire(filepath.Join(data, "ner/worldwide-newswire"), split)
		if err != nil {
			return err
		}
		for name, docs := range map[string][]tagger.Document{"crossner": cross, "wnut17": wnut, "worldwide-newswire": wwn} {
			// name.split.conll has the seven types; name.split.conll4 has
			// CoNLL's four, for taggers that know no others.
			for _, ext := range []string{".conll", ".conll4"} {
				var b strings.Builder
				for _, d := range docs {
					b.WriteString("-DOCSTART- O\n\n")
					for _, s := range d.Sentences {
						for i, w := range s.Words {
							tag := s.Tags[i]
							if ext == ".conll4" && tag != "O" && tag[2:] != "PER" && tag[2:] != "ORG" && tag[2:] != "LOC" {
								tag = tag[:2] + "MISC"
							}
							fmt.Fprintf(&b, "%s %s\n", w, tag)
						}
						b.WriteString("\n")
					}
				}
				if err := os.WriteFile(filepath.Join(dir, name+"."+split+ext), []byte(b.String()), 0o644); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bylinehq/byline/entity/tagger"
)

// footballClubs reads openfootball/clubs text files: a club line
// ("Arsenal FC, 1886, @ Emirates Stadium, London") then alias lines
// ("  | Arsenal | FC Arsenal"), "#" starting a comment. Every name and alias
// is an ORG.
func footballClubs(dir string) ([]tagger.GazetteerEntry, error) {
	var out []tagger.GazetteerEntry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, "#"); i >= 0 {
				line = line[:i]
			}
			trimmed := strings.TrimSpace(line)
			switch {
			case trimmed == "" || strings.HasPrefix(trimmed, "="):
			case strings.HasPrefix(trimmed, "|"):
				for _, a := range strings.Split(trimmed, "|") {
					if a = strings.TrimSpace(a); len(a) > 2 {
						out = append(out, tagger.GazetteerEntry{Type: "ORG", Name: a})
					}
				}
			case line[0] != ' ' && line[0] != '\t':
				name, _, _ := strings.Cut(trimmed, ",")
				if name = strings.TrimSpace(name); len(name) > 2 {
					out = append(out, tagger.GazetteerEntry{Type: "ORG", Name: name})
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("football clubs: %w", err)
	}
	return out, nil
}

// parties reads Party Facts' wikipedia.csv: name and short name of every
// party, as ORG.
func parties(path string) ([]tagger.GazetteerEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []tagger.GazetteerEntry
	for i, r := range rows {
		if i == 0 || len(r) < 5 {
			continue
		}
		for _, n := range []string{r[3], r[4]} {
			if n = strings.TrimSpace(n); len(n) > 1 {
				out = append(out, tagger.GazetteerEntry{Type: "ORG", Name: n})
			}
		}
	}
	return out, nil
}

// handNames reads entity/train/names.tsv ("TYPE<TAB>Name", "#" comments).
func handNames(path string) ([]tagger.GazetteerEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return tagger.ParseGazetteer(strings.Join(lines, "\n")), nil
}

// Command aliasgen writes assets/aliases.tsv, the names byline takes for
// other names of one entity ("Man Utd" for Manchester United, "Tories" for
// the Conservative Party), from the gazetteers in ../shared/data (which the
// binary cannot read at run time) and a short list written by hand for what
// they lack. It lives under store/ because the store is what reads the file:
// resolving entities into identities is store work (see store/identity.go).
//
//	go run ./store/aliasgen [-data ../shared/data/ner/gazetteers] [-out assets/aliases.tsv]
//
// The file is tab-separated, one entity a line:
//
//	kind  type  canonical  alias|alias|…  country
//
// kind is club (openfootball), party (Party Facts), hand (handalias.go) or
// placeclub: a place whose name is also a sports club's ("Leicester",
// "Bath"), which the store tells apart by the article's subject.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

func main() {
	data := flag.String("data", "../shared/data/ner/gazetteers", "gazetteers folder")
	out := flag.String("out", "assets/aliases.tsv", "file to write")
	flag.Parse()
	places, err := readPlaces(filepath.Join(*data, "gazetteer.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	var rows []row
	clubs, placeClubs, err := readClubs(filepath.Join(*data, "openfootball-clubs"), places)
	if err != nil {
		log.Fatal(err)
	}
	parties, err := readParties(filepath.Join(*data, "partyfacts", "wikipedia.csv"))
	if err != nil {
		log.Fatal(err)
	}
	rows = append(rows, handRows()...)
	rows = append(rows, parties...)
	rows = append(rows, clubs...)
	for _, p := range handPlaceClubs {
		placeClubs[p] = true
	}
	// A country in a sports story is its national side, not a club.
	countries, err := readCountries(filepath.Join(*data, "sources", "world-countries-5.1.0.countries.csv"))
	if err != nil {
		log.Fatal(err)
	}
	for c := range countries {
		delete(placeClubs, c)
	}
	var pc []string
	for p := range placeClubs {
		pc = append(pc, p)
	}
	sort.Strings(pc)
	for _, p := range pc {
		rows = append(rows, row{kind: "placeclub", typ: "ORG", canonical: p})
	}
	if err := write(*out, rows); err != nil {
		log.Fatal(err)
	}
}

// row is one line of the file.
type row struct {
	kind, typ, canonical string
	aliases              []string
	country              string
}

const header = `# byline aliases: other names of one entity. Written by go run ./store/aliasgen; do not edit.
# kind	type	canonical	aliases (|)	country
# club: openfootball/clubs @ ae38002 (https://github.com/openfootball/clubs), CC0 1.0.
# party: Party Facts @ 764de89 import/wikipedia/wikipedia.csv (https://partyfacts.herokuapp.com), MIT License, Copyright (c) 2022 Party Facts authors.
# hand: written for byline (store/aliasgen/handalias.go).
# placeclub: places that name a sports club (openfootball clubs of the British Isles, hand-written rugby clubs).
`

func write(path string, rows []row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(header)
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", r.kind, r.typ, r.canonical, strings.Join(r.aliases, "|"), r.country)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readPlaces returns the LOC names of gazetteer.tsv.
func readPlaces(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	places := make(map[string]bool)
	for _, line := range strings.Split(string(b), "\n") {
		if typ, name, ok := strings.Cut(line, "\t"); ok && typ == "LOC" {
			places[name] = true
		}
	}
	return places, nil
}

// britishIsles are the openfootball folders whose clubs' place-named aliases
// count as placeclubs: BBC sport says "Leicester" for Leicester City.
var britishIsles = map[string]bool{"england": true, "scotland": true, "wales": true, "northern-ireland": true, "ireland": true}

// readClubs reads every *.clubs.txt under dir. A club line is
// "Name FC, year, @ ground, City ## note"; alias lines under it start
// with "|". A club's canonical name drops FC/AFC/CF; an alias that is a
// place on its own ("Barcelona") is no alias, since it names the city too,
// but a placeclub.
func readClubs(dir string, places map[string]bool) (rows []row, placeClubs map[string]bool, err error) {
	placeClubs = make(map[string]bool)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".clubs.txt") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		folder := filepath.Base(filepath.Dir(path))
		country := strings.TrimSuffix(filepath.Base(path), ".clubs.txt")
		var cur *row
		flush := func() {
			if cur == nil {
				return
			}
			var keep []string
			for _, a := range cur.aliases {
				switch {
				case places[a]:
					if britishIsles[folder] {
						placeClubs[a] = true
					}
				case strings.EqualFold(a, cur.canonical), len(a) < 3, len(a) > 30,
					strings.Contains(a, "Football Club"), strings.Contains(a, "Fútbol Club"):
				default:
					if !slices.Contains(keep, a) {
						keep = append(keep, a)
					}
				}
			}
			if places[cur.canonical] && britishIsles[folder] {
				placeClubs[cur.canonical] = true
			}
			if len(keep) > 0 {
				cur.aliases = keep
				rows = append(rows, *cur)
			}
			cur = nil
		}
		for _, line := range strings.Split(string(b), "\n") {
			if i := strings.Index(line, "#"); i >= 0 {
				line = line[:i]
			}
			t := strings.TrimSpace(line)
			switch {
			case t == "" || strings.HasPrefix(t, "="):
			case strings.HasPrefix(t, "|"):
				if cur == nil {
					continue
				}
				for _, a := range strings.Split(t, "|") {
					if a = strings.TrimSpace(a); a != "" {
						cur.aliases = append(cur.aliases, a)
					}
				}
			case line[0] == ' ' || line[0] == '\t':
			default:
				flush()
				name := strings.TrimSpace(strings.Split(t, ",")[0])
				canon := clubCanonical(name)
				cur = &row{kind: "club", typ: "ORG", canonical: canon, country: country}
				if canon != name {
					cur.aliases = append(cur.aliases, name)
				}
			}
		}
		flush()
		return nil
	})
	return rows, placeClubs, err
}

// clubCanonical drops the "FC" that BBC and most news leave out.
func clubCanonical(name string) string {
	for _, s := range []string{" FC", " AFC", " CF", " SC"} {
		if n, ok := strings.CutSuffix(name, s); ok && n != "" {
			return n
		}
	}
	for _, p := range []string{"FC ", "AFC ", "CF "} {
		if n, ok := strings.CutPrefix(name, p); ok && n != "" {
			return n
		}
	}
	return name
}

// readParties reads Party Facts' Wikipedia import: a party's short name
// ("DUP") is an alias of its name.
func readParties(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var rows []row
	for _, r := range recs[1:] {
		country, short, name := r[0], strings.TrimSpace(r[3]), strings.TrimSpace(r[4])
		if name == "" || short == "" || strings.EqualFold(short, name) || len(short) < 2 {
			continue
		}
		aliases := []string{short}
		if strings.Contains(short, "/") { // "Lib/Dems" is "Lib Dems"
			aliases = append(aliases, strings.ReplaceAll(short, "/", " "))
		}
		rows = append(rows, row{kind: "party", typ: "ORG", canonical: name, aliases: aliases, country: country})
	}
	return rows, nil
}

// readCountries returns the common names of the world-countries list.
func readCountries(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]bool)
	for _, r := range recs[1:] {
		out[r[0]] = true
	}
	return out, nil
}

package tagger

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// The corpora beyond CoNLL-2003 each name their types their own way; these
// tables map them onto byline's seven (PER, ORG, LOC, WORK, PRODUCT, EVENT,
// MISC). A type mapped to "" is not a name in byline's sense (dates, money,
// genres, algorithms, proteins) and is read as O.

// WorldwideNewswireTypes maps the WorldWide English Newswire types.
// NORP (nationalities, religious and political groups) is CoNLL's MISC;
// facilities (airports, stadiums, buildings) are CoNLL's LOC.
var WorldwideNewswireTypes = map[string]string{
	"Person": "PER", "Organization": "ORG", "Location": "LOC", "Facility": "LOC",
	"NORP": "MISC", "Misc": "MISC", "Product": "PRODUCT", "Date": "", "Money": "",
}

// CrossNERTypes maps CrossNER's fine types. Awards and conferences are
// named events; magazines and journals are read as their publishers (as
// CoNLL reads newspapers); genres, instruments and scientific terms are
// mostly lowercase common nouns and not names.
var CrossNERTypes = map[string]string{
	"person": "PER", "politician": "PER", "musicalartist": "PER", "writer": "PER",
	"scientist": "PER", "researcher": "PER",
	"organisation": "ORG", "band": "ORG", "politicalparty": "ORG", "university": "ORG",
	"magazine": "ORG", "academicjournal": "ORG",
	"location": "LOC", "country": "LOC", "astronomicalobject": "LOC",
	"album": "WORK", "song": "WORK", "book": "WORK", "poem": "WORK",
	"election": "EVENT", "event": "EVENT", "award": "EVENT", "conference": "EVENT",
	"product": "PRODUCT", "programlang": "PRODUCT",
	"misc":       "MISC",
	"musicgenre": "", "literarygenre": "", "musicalinstrument": "", "algorithm": "",
	"field": "", "task": "", "metrics": "", "theory": "", "discipline": "",
	"chemicalcompound": "", "chemicalelement": "", "protein": "", "enzyme": "",
}

// WNUTTypes maps WNUT-17's types.
var WNUTTypes = map[string]string{
	"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
	"product": "PRODUCT", "creative-work": "WORK",
}

// CrossNERDomains are CrossNER's five Wikipedia domains.
var CrossNERDomains = []string{"politics", "music", "literature", "science", "ai"}

// readColumns reads "token<TAB>tag" lines (BIO or BIOES, any type names),
// a blank line between sentences. perSentence makes every sentence a
// document of its own (CrossNER and WNUT sentences are unrelated to one
// another); otherwise the whole file is one document. Types are mapped with
// types; a type missing from the table is an error, so a new label in the
// data is never silently read as O.
func readColumns(path string, types map[string]string, perSentence bool) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		docs []Document
		doc  Document
		sent Sentence
	)
	end := func() error {
		if len(sent.Words) == 0 {
			return nil
		}
		tags, err := mapTags(sent.Words, sent.Tags, types)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		sent.Tags = tags
		doc.Sentences = append(doc.Sentences, sent)
		sent = Sentence{}
		if perSentence {
			docs = append(docs, doc)
			doc = Document{}
		}
		return nil
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			if err := end(); err != nil {
				return nil, err
			}
			continue
		}
		sent.Words = append(sent.Words, fields[0])
		sent.Tags = append(sent.Tags, fields[len(fields)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := end(); err != nil {
		return nil, err
	}
	if len(doc.Sentences) > 0 {
		docs = append(docs, doc)
	}
	return docs, nil
}

// mapTags turns BIO/BIOES tags with foreign type names into IOB2 tags of
// byline's types.
func mapTags(words, tags []string, types map[string]string) ([]string, error) {
	out := make([]string, len(tags))
	for i, t := range tags {
		if t == "O" || len(t) < 3 || t[1] != '-' {
			if t != "O" {
				return nil, fmt.Errorf("bad tag %q", t)
			}
			out[i] = "O"
			continue
		}
		typ, ok := types[t[2:]]
		if !ok {
			return nil, fmt.Errorf("unmapped type %q", t[2:])
		}
		if typ == "" {
			out[i] = "O"
			continue
		}
		out[i] = t[:2] + typ
	}
	out = toIOB2(out)
	// Spans broken by the mapping (a B- of one type after an I- of another)
	// are already split by toIOB2; now drop the MISC spans that are not names
	// in CoNLL's sense.
	for _, c := range Chunks(out) {
		if c.Type == "MISC" && !miscIsName(words[c.Start:c.End]) {
			for i := c.Start; i < c.End; i++ {
				out[i] = "O"
			}
		}
	}
	return out, nil
}

// notNames are words WorldWide Newswire marks Misc that CoNLL leaves as O.
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// miscIsName reports whether a MISC span is a name as CoNLL-2003 would tag
// it: not a lowercase term ("coronavirus", "love jihad"), not a weekday or
// month, not a short acronym for a measure or a test (GDP, CPI, PCR).
func miscIsName(words []string) bool {
	if len(words) == 1 {
		w := words[0]
		if notNames[strings.ToLower(w)] {
			return false
		}
		if n := len(w); n <= 4 && strings.ToUpper(w) == w {
			return false
		}
	}
	for _, w := range words {
		for _, r := range w {
			if unicode.IsUpper(r) {
				return true
			}
			break
		}
	}
	return false
}

// ReadWorldwideNewswire reads one split ("train", "dev" or "test") of the
// WorldWide English Newswire folder (processed_annotated/*.tsv, one article
// a file). The corpus has no official split: an article goes to test when
// the FNV-1a hash of its file name is 0 mod 10, to dev when it is 1, else to
// train.
func ReadWorldwideNewswire(dir, split string) ([]Document, error) {
	files, err := filepath.Glob(filepath.Join(dir, "processed_annotated", "*.tsv"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("worldwide newswire: no .tsv files in %s", dir)
	}
	sort.Strings(files)
	var docs []Document
	for _, p := range files {
		if splitOf(filepath.Base(p)) != split {
			continue
		}
		d, err := readColumns(p, WorldwideNewswireTypes, false)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

func splitOf(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	switch h.Sum32() % 10 {
	case 0:
		return "test"
	case 1:
		return "dev"
	}
	return "train"
}

// ReadCrossNER reads one split of the given CrossNER domains (all five when
// domains is empty), each sentence a document.
func ReadCrossNER(dir, split string, domains ...string) ([]Document, error) {
	if len(domains) == 0 {
		domains = CrossNERDomains
	}
	var docs []Document
	for _, d := range domains {
		got, err := readColumns(filepath.Join(dir, "ner_data", d, split+".txt"), CrossNERTypes, true)
		if err != nil {
			return nil, err
		}
		docs = append(docs, got...)
	}
	return docs, nil
}

// ReadWNUT reads a WNUT-17 file, each tweet a document.
func ReadWNUT(path string) ([]Document, error) {
	return readColumns(path, WNUTTypes, true)
}

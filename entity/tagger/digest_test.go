package tagger

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bylinehq/byline/assets"
)

var updateDigest = flag.Bool("update-digest", false, "rewrite testdata/bbc_tags.digest from the current code and model")

// digestPath records what the embedded model made of every BBC article
// when the digest was written: the model's hash and a hash of all spans.
const digestPath = "testdata/bbc_tags.digest"

// TestBBCDigest tags every BBC article (and eng.testa) and checks that the spans are
// exactly those recorded for the same model: speed work on the tagger must
// not change a single tag. A retrained model changes the spans on purpose;
// rewrite the digest then with -update-digest.
func TestBBCDigest(t *testing.T) {
	if testing.Short() {
		t.Skip("every BBC article: skipped in -short mode")
	}
	docs := bbcDocs(t, 1)
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	modelSum := sha256.Sum256(assets.NERModel)
	h := sha256.New()
	spans := 0
	for _, d := range docs {
		for i, found := range m.TagDocument(d) {
			for _, sp := range found {
				fmt.Fprintf(h, "%d %d %d %s\n", i, sp.Start, sp.End, sp.Type)
				spans++
			}
		}
		h.Write([]byte("--\n"))
	}
	// CoNLL text, pre-tokenised, goes the evaluation's way.
	if f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "ner", "conll2003", "eng.testa")); err == nil {
		conll, err := ReadCoNLL(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range conll {
			for _, tags := range m.TagSentences(d) {
				fmt.Fprintln(h, strings.Join(tags, " "))
			}
		}
	}
	got := fmt.Sprintf("model %s\nspans %d %s\n", hex.EncodeToString(modelSum[:]), spans, hex.EncodeToString(h.Sum(nil)))
	if *updateDigest {
		if err := os.WriteFile(digestPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(digestPath)
	if err != nil {
		t.Fatalf("no digest recorded (write one with -update-digest): %v", err)
	}
	wantModel, _, _ := strings.Cut(string(want), "\n")
	if gotModel, _, _ := strings.Cut(got, "\n"); gotModel != wantModel {
		t.Skipf("the embedded model is not the one the digest was recorded with; rewrite it with -update-digest")
	}
	if got != string(want) {
		t.Errorf("tags of the %d BBC articles changed with the same model:\n got %s\nwant %s", len(docs), got, want)
	}
}

// bbcDocs reads every every-th BBC article as fields, one per non-blank
// line, as the import hands a tagger an article.
func bbcDocs(tb testing.TB, every int) [][]string {
	dir := filepath.Join("..", "..", "..", "shared", "data", "articles", "bbc")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(paths) == 0 {
		tb.Skipf("BBC articles absent at %s; skipping", dir)
	}
	var docs [][]string
	for i, p := range paths {
		if i%every != 0 {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		var fields []string
		for _, line := range strings.Split(strings.ToValidUTF8(string(raw), " "), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fields = append(fields, line)
			}
		}
		docs = append(docs, fields)
	}
	return docs
}

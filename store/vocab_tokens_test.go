package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// bbcTexts returns the text of every article file of the BBC corpus, or
// skips the test when the shared data is absent.
func bbcTexts(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "articles", "bbc", "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("BBC corpus absent (../../shared/data/articles/bbc): skipping a test on real text")
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// ftsTerms indexes texts in the articles_fts table of a fresh store (the
// schema's own tokeniser) and returns the terms FTS5 stored, from
// fts5vocab, against the words appendWords reads from the same texts.
func ftsTerms(t *testing.T, texts []string) (fts, ours []string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "tokens.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.write(ctx, func(tx *sql.Tx) error {
		for i, text := range texts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, body) VALUES (?, '', ?)`, i+1, text); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `CREATE VIRTUAL TABLE terms USING fts5vocab(articles_fts, row)`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT term FROM terms ORDER BY term`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var term string
		if err := rows.Scan(&term); err != nil {
			t.Fatal(err)
		}
		fts = append(fts, term)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, text := range texts {
		for _, w := range wordsOf(text) {
			if !seen[w] {
				seen[w] = true
				ours = append(ours, w)
			}
		}
	}
	slices.Sort(ours)
	return fts, ours
}

// diffTerms describes the terms only one side has, at most a few of each.
func diffTerms(fts, ours []string) string {
	var onlyFTS, onlyOurs []string
	in := func(list []string, w string) bool { _, ok := slices.BinarySearch(list, w); return ok }
	for _, w := range fts {
		if !in(ours, w) {
			onlyFTS = append(onlyFTS, w)
		}
	}
	for _, w := range ours {
		if !in(fts, w) {
			onlyOurs = append(onlyOurs, w)
		}
	}
	if len(onlyFTS) == 0 && len(onlyOurs) == 0 {
		return ""
	}
	show := func(l []string) string {
		var b []string
		for _, w := range l[:min(len(l), 40)] {
			b = append(b, quoteRunes(w))
		}
		return strings.Join(b, " ")
	}
	return "only FTS5 (" + strconv.Itoa(len(onlyFTS)) + "): " + show(onlyFTS) + "\nonly ours (" + strconv.Itoa(len(onlyOurs)) + "): " + show(onlyOurs)
}

func quoteRunes(w string) string {
	var b strings.Builder
	b.WriteString(w + "[")
	for _, r := range w {
		if r >= utf8.RuneSelf {
			b.WriteString(" U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)))
		}
	}
	return b.String() + " ]"
}

// The words read from the BBC corpus are exactly the terms FTS5 stores
// for it.
func TestTokensMatchFTS5OnBBC(t *testing.T) {
	texts := bbcTexts(t)
	fts, ours := ftsTerms(t, texts)
	if d := diffTerms(fts, ours); d != "" {
		t.Errorf("the tokeniser and FTS5 read the BBC corpus differently:\n%s", d)
	}
	if len(fts) < 20000 {
		t.Errorf("only %d terms in the BBC corpus: the comparison compared little", len(fts))
	}
}

// Accented, non-Latin and odd text read the same, and so does every
// character of the blocks European text is written in (Latin-1 to the
// combining marks, and Latin Extended Additional), alone and between two
// letters, where a mark that continues a word shows. (Swept over the whole
// Basic Multilingual Plane, the two differ on about 460 characters Unicode
// assigned after 6.1, the version of SQLite's tables: ₽, ₿, new marks and
// scripts. Go's tables know no older version to read them by.)
func TestTokensMatchFTS5OnOddText(t *testing.T) {
	texts := []string{
		"Zürich Ærø Øresund São Paulo Ångström façade naïve coöperate Dvořák Łódź Ñandú",
		"ÀÉÎÕÜÇÑ àéîõüçñ ŁłØøÆæßĐđ ǅǆ Ǘǘ ẞ ệẫỹ ḁ ș ț Ș ȁ ơ ư ǿ ǣ ǽ ḉ ṓ ǖ ỗ ḯ ǚ ȫ ǻ Ǻ",
		"ςσΣ ſ µ ΐ ά Ё ё й Й İ ı ﬁ Ⅷ ② ¹ ½ ٣ 𐐀 𞤀 Ꭰ ꭰ Å K",
		"e\u0301cole и\u0306x a\u0332b Cafe\u0301 n\u0303",
		"don't e-mail U.S. 3.5 £10m 10,000 co-op a_b a·b a’b @handle #tag x/y",
		"日本語 한국어 עברית العربية ไทย हिन्दी Ελληνικά Русский ქართული",
		// (A skin tone after an emoji, U+1F3FB–F, is Unicode 8: SQLite
		// reads it as a letter, the tokeniser as a symbol.)
		"emoji 👍 flags 🇬🇧 zero\u200bwidth soft\u00adhyphen nbsp\u00a0space",
	}
	var every, between strings.Builder
	for r := rune(0x80); r < 0x1F00; r++ {
		if 0x370 <= r && r < 0x1E00 {
			continue
		}
		every.WriteRune(r)
		every.WriteByte(' ')
		between.WriteString("q")
		between.WriteRune(r)
		between.WriteString("q ")
	}
	texts = append(texts, every.String(), between.String())
	fts, ours := ftsTerms(t, texts)
	if d := diffTerms(fts, ours); d != "" {
		t.Errorf("the tokeniser and FTS5 read odd text differently:\n%s", d)
	}
}

// wordsOf returns the distinct words of text, in order of first use.
func wordsOf(text string) []string {
	var out []string
	seen := make(map[string]bool)
	appendWords(nil, text, func(w []byte) {
		if !seen[string(w)] {
			seen[string(w)] = true
			out = append(out, string(w))
		}
	})
	return out
}

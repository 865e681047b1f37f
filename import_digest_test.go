package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/store"
)

var updateImportDigest = flag.Bool("update-import-digest", false,
	"rewrite testdata/bbc_import.digest from what the current code stores")

// importDigestFile holds the digest of the store `byline import` makes of
// the BBC folder, before and after relinking. It moves when the tagger's
// output moves (entity/tagger's TestBBCDigest says so first): then rewrite
// it with -update-import-digest.
const importDigestFile = "testdata/bbc_import.digest"

// TestBBCImportDigest imports the BBC folder as `byline import` does and
// checks that every table a reader's results come from (articles, entities,
// identities, their links and counts, mentions, topics, acronyms, search)
// holds exactly what it held when the digest was written: the import's
// write path may change how it writes, never what.
func TestBBCImportDigest(t *testing.T) {
	if testing.Short() {
		t.Skip("tags the whole BBC folder")
	}
	dir := bbcDir(t)
	path := filepath.Join(t.TempDir(), "byline.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	rep, err := importPaths(ctx, st, entity.New(), []string{dir}, nil)
	if err != nil || len(rep.Failures) > 0 {
		t.Fatalf("import: %v %v", err, rep.Failures)
	}
	imported := storeDump(t, path, dir)
	if _, err := st.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	relinked := storeDump(t, path, dir)
	got := fmt.Sprintf("import %s\nrelink %s\n", digestOf(imported), digestOf(relinked))

	if *updateImportDigest {
		if err := os.WriteFile(importDigestFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(importDigestFile)
	if err != nil {
		t.Fatalf("%v (write it with -update-import-digest)", err)
	}
	if got != string(want) {
		// The dumps, to diff against ones written by the code the digest
		// came from.
		for name, dump := range map[string]string{"import": imported, "relink": relinked} {
			p := filepath.Join(os.TempDir(), "byline-bbc-"+name+".dump")
			os.WriteFile(p, []byte(dump), 0o644)
			t.Logf("%s dump in %s", name, p)
		}
		t.Fatalf("the store differs from %s:\ngot\n%swant\n%s", importDigestFile, got, want)
	}
}

func digestOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// storeDump is every row a reader's results come from, in a fixed order, as
// text. entity_generation is left out: it only has to move when entities do.
// Sources under dir are written relative to it, so the digest does not
// depend on where the checkout is.
func storeDump(t *testing.T, path, dir string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	queries := []string{
		`SELECT id, hex(hash), title, published, caption, credit, source, url, format, body, read, starred FROM articles ORDER BY id`,
		`SELECT id, name, key, type, articles, mentions FROM entities ORDER BY id`,
		`SELECT id, key, sense, name, type, articles, mentions FROM identities ORDER BY id`,
		`SELECT article_id, entity_id, position, mentions, identity_id FROM article_entities ORDER BY article_id, entity_id`,
		`SELECT article_id, identity_id, position, mentions FROM article_identities ORDER BY article_id, identity_id`,
		`SELECT identity_id, entity_id, articles, mentions FROM identity_names ORDER BY identity_id, entity_id`,
		`SELECT identity_id FROM identity_dirty ORDER BY identity_id`,
		`SELECT article_id, field, paragraph, start, "end", entity_id FROM mentions ORDER BY 1, 2, 3, 4, 5, 6`,
		`SELECT article_id, sport FROM article_topics ORDER BY article_id`,
		`SELECT key, expansion, name, articles FROM acronyms ORDER BY key, expansion`,
		`SELECT key FROM names_dirty ORDER BY key`,
		`SELECT name FROM pending_work ORDER BY name`,
		`SELECT count(*) FROM articles_fts`,
	}
	for _, term := range []string{"said", "government", "blair", "music", "film", "zurich", "chelsea", "economy", "election", "microsoft"} {
		queries = append(queries, fmt.Sprintf(`SELECT '%s', rowid FROM articles_fts WHERE articles_fts MATCH '%s' ORDER BY rowid`, term, term))
	}
	for _, q := range queries {
		fmt.Fprintf(&b, "== %s\n", q)
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if i > 0 {
					b.WriteByte('\t')
				}
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprint(&b, v)
			}
			b.WriteByte('\n')
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	// The bulk connection does not check foreign keys: nothing it wrote
	// may point nowhere.
	var dangling int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&dangling); err != nil || dangling != 0 {
		t.Errorf("foreign key check: %d rows point nowhere (%v)", dangling, err)
	}
	if _, err := db.Exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("search index: %v", err)
	}
	return strings.ReplaceAll(b.String(), dir+string(filepath.Separator), "BBC/")
}

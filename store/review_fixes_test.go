package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bylinehq/byline/model"
)

// An item given twice in one fetch, first saying "Bank of England (BoE)"
// and then rewritten without it: no stored text spells BoE out any more,
// so the store no longer takes BoE for the Bank of England.
func TestReplaceInOneBatchForgetsAcronym(t *testing.T) {
	ctx := context.Background()
	item := func(body string, bank bool) FeedItem {
		a := model.Article{Title: "Rates", GUID: "https://example.com/g1", Paragraphs: []string{body}, Source: "feed"}
		if bank {
			a.Entities = []model.Entity{{Name: "Bank of England", Type: model.ORG,
				Mentions: []model.Mention{{Field: model.FieldBody, Start: 4, End: 19, Text: "Bank of England"}}}}
		}
		return FeedItem{Article: a}
	}
	s, err := Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.UpsertFeedArticles(ctx, 0, []FeedItem{
		item("The Bank of England (BoE) raised rates today.", true),
		item("Rates rose today, and nobody explained why.", false),
	}); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT coalesce(sum(articles), 0) FROM acronyms WHERE key = ?`, foldName("BoE")).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("BoE is still learnt from %d articles after the only one that spelt it out was rewritten", n)
	}
}

// A failed or cancelled import drops its connection: its 64 MiB cache
// must not go back to the pool for the reader's queries.
func TestCancelledImportDropsBulkConnection(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(ctx, []model.Article{{Title: "one", Paragraphs: []string{"x"}, Source: "s"}}); err != nil {
		t.Fatal(err)
	}
	dead, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Import(dead, []model.Article{{Title: "two", Paragraphs: []string{"y"}, Source: "s"}}); err == nil {
		t.Fatal("an import with a cancelled context succeeded")
	}
	for i := range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var cache int
		if err := c.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
			t.Fatal(err)
		}
		if cache == -bulkCacheKiB {
			t.Errorf("pooled connection %d has the bulk writer's cache (%d KiB)", i, -cache)
		}
	}
}

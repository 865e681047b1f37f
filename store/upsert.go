package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bylinehq/byline/model"
)

// FeedItem is one article from a feed or a web page, to be stored under its
// identity.
type FeedItem struct {
	model.Article

	// Teaser is the item as the feed sent it when Article holds instead the
	// full text fetched from the item's page; nil when Article is the item
	// itself. The store remembers the teaser, so Unchanged recognises the
	// item next time without its page being fetched again.
	Teaser *model.Article

	// Retry says the item's full text was wanted but its page could not be
	// fetched this time (a timeout, a 5xx): the store keeps the teaser but
	// does not remember the item, so the next fetch tries the page again.
	Retry bool
}

// identity is the key an article from a source is stored under: "guid:"
// and its GUID, else "url:" and its link. It is "" for an article with
// neither, which is then known by its content hash alone, as an imported
// file is.
//
// A GUID that names itself globally (a URI such as a permalink, urn:uuid:
// or tag:, or a long opaque key) is the same article in every feed, so a
// story listed in two of a site's feeds is stored once. A short local GUID
// ("1", "post-12") is only unique within its feed, so it is keyed by the
// feed too ("guid:feed3:1"): two blogs' first posts stay two articles.
func identity(a *model.Article, feedID int64) string {
	if g := strings.TrimSpace(a.GUID); g != "" {
		if feedID != 0 && !globalGUID(g) {
			return "guid:feed" + strconv.FormatInt(feedID, 10) + ":" + g
		}
		return "guid:" + g
	}
	if u := strings.TrimSpace(a.URL); u != "" {
		return "url:" + u
	}
	return ""
}

// Unchanged reports, for each item as a feed sends it, whether the store
// already holds it exactly so: same identity and same text as last time. A
// fetch skips those items before fetching pages or finding entities, the
// costly steps.
func (s *Store) Unchanged(ctx context.Context, feedID int64, items []model.Article) ([]bool, error) {
	same := make([]bool, len(items))
	for i := range items {
		a := &items[i]
		h := contentHash(a)
		var err error
		var one int
		if id := identity(a, feedID); id != "" {
			err = s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE identity = ? AND item_hash = ?`, id, h[:]).Scan(&one)
		} else {
			err = s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE hash = ?`, h[:]).Scan(&one)
		}
		switch {
		case err == nil:
			same[i] = true
		case err != sql.ErrNoRows:
			return nil, fmt.Errorf("compare items: %w", err)
		}
	}
	return same, nil
}

// UpsertFeedArticles stores the items of one fetch of feed feedID (0 for an
// article that came from no feed, such as a page added by hand) in one
// transaction, so a batch lands whole or not at all. An item whose identity
// is stored (see identity) replaces the stored article when its text
// changed: same id, so it keeps its read and starred state, with its
// entities, mentions and search row rewritten. An item without identity, or
// one whose text is already stored under another article, counts as neither
// new nor updated. Items keep their Source, URL and GUID.
func (s *Store) UpsertFeedArticles(ctx context.Context, feedID int64, items []FeedItem) (added, updated int, err error) {
	if len(items) == 0 {
		return 0, 0, nil
	}
	err = s.write(ctx, func(tx *sql.Tx) (err error) {
		added, updated, err = upsertTx(ctx, tx, feedID, items)
		return err
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store feed items: %w", err)
	}
	return added, updated, nil
}

// upsertTx is one attempt of UpsertFeedArticles, in tx. Like Import, it
// records relinking as pending when it stored new or changed text.
func upsertTx(ctx context.Context, tx *sql.Tx, feedID int64, items []FeedItem) (added, updated int, err error) {
	up, err := newUpserter(ctx, tx, feedID)
	if err != nil {
		return 0, 0, err
	}
	defer up.close()
	for i := range items {
		isNew, isUpdated, err := up.item(ctx, &items[i])
		if err != nil {
			return 0, 0, fmt.Errorf("item %q: %w", items[i].Title, err)
		}
		if isNew {
			added++
		}
		if isUpdated {
			updated++
		}
	}
	if err := up.flush(ctx); err != nil {
		return 0, 0, err
	}
	if added+updated > 0 {
		if err := up.res.decideTypes(ctx); err != nil {
			return 0, 0, fmt.Errorf("decide entity types: %w", err)
		}
		if err := markPending(ctx, tx, workRelink); err != nil {
			return 0, 0, err
		}
	}
	if err := up.search(ctx); err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// upserter is an importer with the statements that find and replace an
// article by identity.
type upserter struct {
	*importer
	feed   any // the feed id, or NULL
	feedID int64

	findIdentity, insertItem, replaceItem, setItemHash, claim *sql.Stmt
	unlinkEntities, unlinkIdentities, dropMentions, unindex   *sql.Stmt
}

func newUpserter(ctx context.Context, tx *sql.Tx, feedID int64) (*upserter, error) {
	im, err := newImporter(ctx, tx)
	if err != nil {
		return nil, err
	}
	up := &upserter{importer: im, feedID: feedID}
	if feedID != 0 {
		up.feed = feedID
	}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&up.findIdentity, `SELECT id, hash FROM articles WHERE identity = ?`},
		{&up.insertItem, `INSERT INTO articles
			(hash, title, published, caption, credit, source, url, format, body, imported_at,
			 guid, identity, item_hash, feed_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?)`},
		{&up.replaceItem, `UPDATE articles SET hash = ?, title = ?, published = ?, caption = ?,
			credit = ?, source = ?, url = ?, format = ?, body = ?, guid = ?, item_hash = ?,
			feed_id = coalesce(feed_id, ?)
			WHERE id = ?`},
		{&up.setItemHash, `UPDATE articles SET item_hash = ? WHERE id = ? AND item_hash IS NOT ?`},
		// A copy stored without identity (an imported file, say) becomes
		// this item's, so the next fetch finds it unchanged.
		{&up.claim, `UPDATE articles SET identity = ?, guid = ?, item_hash = ?, feed_id = coalesce(feed_id, ?)
			WHERE id = ? AND identity IS NULL`},
		{&up.unlinkEntities, `DELETE FROM article_entities WHERE article_id = ?`},
		{&up.unlinkIdentities, `DELETE FROM article_identities WHERE article_id = ?`},
		{&up.dropMentions, `DELETE FROM mentions WHERE article_id = ?`},
		{&up.unindex, `DELETE FROM articles_fts WHERE rowid = ?`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			up.close()
			return nil, err
		}
		*st.dst = p
	}
	return up, nil
}

func (up *upserter) close() {
	up.importer.close()
	for _, st := range []*sql.Stmt{up.findIdentity, up.insertItem, up.replaceItem, up.setItemHash,
		up.claim, up.unlinkEntities, up.unlinkIdentities, up.dropMentions, up.unindex} {
		if st != nil {
			st.Close()
		}
	}
}

// item stores one item and says whether it was new or replaced a stored one.
func (up *upserter) item(ctx context.Context, it *FeedItem) (isNew, isUpdated bool, err error) {
	a := &it.Article
	ident := identity(a, up.feedID)
	h := contentHash(a)
	ih := h[:]
	if it.Teaser != nil {
		t := contentHash(it.Teaser)
		ih = t[:]
	}
	if it.Retry {
		ih = nil // NULL: Unchanged never matches it
	}
	fields, err := mentionFields(a)
	if err != nil {
		return false, false, err
	}

	var id int64
	var stored []byte
	if ident != "" {
		err = up.findIdentity.QueryRowContext(ctx, ident).Scan(&id, &stored)
		if err != nil && err != sql.ErrNoRows {
			return false, false, err
		}
	}
	var other int64 // an article already holding this text
	if err := up.findArticle.QueryRowContext(ctx, h[:]).Scan(&other); err != nil && err != sql.ErrNoRows {
		return false, false, err
	}

	switch {
	case id != 0 && (bytes.Equal(stored, h[:]) || other != 0):
		// Same text, or text another article holds: nothing to show anew.
		_, err = up.setItemHash.ExecContext(ctx, ih, id, ih)
		return false, false, err
	case id != 0:
		return false, true, up.replace(ctx, id, a, h[:], ih, fields)
	case other != 0:
		if ident != "" {
			_, err = up.claim.ExecContext(ctx, ident, a.GUID, ih, up.feed, other)
		}
		return false, false, err
	}
	body, err := json.Marshal(a.Paragraphs)
	if err != nil {
		return false, false, err
	}
	r, err := up.insertItem.ExecContext(ctx, h[:], a.Title, unixOrNull(a.Published), a.Caption,
		a.Credit, a.Source, a.URL, string(a.Format), string(body), up.now,
		a.GUID, ident, ih, up.feed)
	if err != nil {
		return false, false, err
	}
	if id, err = r.LastInsertId(); err != nil {
		return false, false, err
	}
	return true, false, up.index(ctx, id, a, fields)
}

// replace rewrites stored article id with a's text, entities and search
// row, keeping its id, import time and reading state.
func (up *upserter) replace(ctx context.Context, id int64, a *model.Article, h, ih []byte, fields [][]int) error {
	body, err := json.Marshal(a.Paragraphs)
	if err != nil {
		return err
	}
	// id's mentions and search row may still be waiting in this batch (an
	// item given twice in one fetch): written first, so the old text's
	// acronyms are found and taken back and its search row deleted.
	if err := up.flush(ctx); err != nil {
		return err
	}
	if err := up.search(ctx); err != nil {
		return err
	}
	if err := unlearn(ctx, up.res.tx, `?1`, id); err != nil { // the old text's acronyms
		return err
	}
	if _, err := up.replaceItem.ExecContext(ctx, h, a.Title, unixOrNull(a.Published), a.Caption,
		a.Credit, a.Source, a.URL, string(a.Format), string(body), a.GUID, ih, up.feed, id); err != nil {
		return err
	}
	for _, st := range []*sql.Stmt{up.unlinkEntities, up.unlinkIdentities, up.dropMentions, up.unindex} {
		if _, err := st.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("replace article %d: %w", id, err)
		}
	}
	return up.index(ctx, id, a, fields)
}

// globalGUID reports whether a GUID is unique beyond its feed: it holds a
// scheme's colon (a URL, urn:, tag:) or is 32 characters or longer (a hash,
// a UUID). Migration 4 applies the same rule in SQL.
func globalGUID(g string) bool {
	return strings.Contains(g, ":") || utf8.RuneCountInString(g) >= 32
}

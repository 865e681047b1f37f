package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// FullText says when byline fetches an item's page for the article's full
// text instead of storing what the feed sent.
type FullText string

// The full-text modes of a feed.
const (
	FullTextAuto   FullText = "auto"   // when the item is only a summary
	FullTextAlways FullText = "always" // for every item
	FullTextNever  FullText = "never"  // keep what the feed sends
)

// ParseFullText checks a mode given by a user; "" is FullTextAuto.
func ParseFullText(s string) (FullText, error) {
	switch m := FullText(s); m {
	case "":
		return FullTextAuto, nil
	case FullTextAuto, FullTextAlways, FullTextNever:
		return m, nil
	}
	return "", fmt.Errorf("full-text mode %q: want auto, always or never", s)
}

// Feed is one subscription with what its last fetch left behind.
type Feed struct {
	ID       int64
	URL      string
	Title    string   // the feed's own title once fetched, or the name it was added under
	Tags     []string // outermost folder first
	FullText FullText
	Created  time.Time

	// ETag and LastModified are the validators of the last good fetch, sent
	// as a conditional GET next time.
	ETag, LastModified string
	LastFetched        time.Time // the last attempt; zero before the first
	LastStatus         int       // its HTTP status; 0 when no response came back
	LastError          string    // why it failed; "" when it did not

	Articles int // articles in the store that came from this feed
	Unread   int // those of them not yet read
}

// ErrFeedExists is returned (wrapped) by AddFeed for a URL already
// subscribed to.
var ErrFeedExists = errors.New("already subscribed")

// AddFeed subscribes to f.URL with f's title, tags and full-text mode, and
// returns the stored feed. A URL already subscribed to gives an error
// wrapping ErrFeedExists and changes nothing.
func (s *Store) AddFeed(ctx context.Context, f Feed) (Feed, error) {
	mode, err := ParseFullText(string(f.FullText))
	if err != nil {
		return Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	tags, err := json.Marshal(cleanTags(f.Tags))
	if err != nil {
		return Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	var n int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, tags, full_text, created)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
			f.URL, f.Title, string(tags), string(mode), time.Now().Unix())
		if err == nil {
			n, err = r.RowsAffected()
		}
		return err
	})
	if err != nil {
		return Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	if n == 0 {
		return Feed{}, fmt.Errorf("add feed %s: %w", f.URL, ErrFeedExists)
	}
	return s.Feed(ctx, f.URL)
}

// cleanTags drops empty and repeated tags, keeping the order.
func cleanTags(tags []string) []string {
	out := []string{}
	for _, t := range tags {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

const feedColumns = `f.id, f.url, f.title, f.tags, f.full_text, f.created, f.etag, f.last_modified,
	f.last_fetched, f.last_status, f.last_error,
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id),
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0)`

// Feeds returns every subscription in the order they were added.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var feeds []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		feeds = append(feeds, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return feeds, nil
}

// Feed returns the subscription to url, or an error wrapping ErrNotFound.
func (s *Store) Feed(ctx context.Context, url string) (Feed, error) {
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.url = ?`, url))
	if err != nil {
		return Feed{}, fmt.Errorf("feed %s: %w", url, notFound(err))
	}
	return f, nil
}

// scanner is what *sql.Row and *sql.Rows share.
type scanner interface{ Scan(dst ...any) error }

func scanFeed(r scanner) (Feed, error) {
	var f Feed
	var tags, mode string
	var created int64
	var fetched sql.NullInt64
	if err := r.Scan(&f.ID, &f.URL, &f.Title, &tags, &mode, &created, &f.ETag, &f.LastModified,
		&fetched, &f.LastStatus, &f.LastError, &f.Articles, &f.Unread); err != nil {
		return Feed{}, err
	}
	if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
		return Feed{}, fmt.Errorf("feed %s: tags: %w", f.URL, err)
	}
	f.FullText = FullText(mode)
	f.Created = time.Unix(created, 0)
	if fetched.Valid {
		f.LastFetched = time.Unix(fetched.Int64, 0)
	}
	return f, nil
}

// RemoveFeed unsubscribes from url and reports how many of its articles
// stay in the store: removing a feed never removes what was read from it.
// A URL not subscribed to gives an error wrapping ErrNotFound.
func (s *Store) RemoveFeed(ctx context.Context, url string) (kept int, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, url).Scan(&id); err != nil {
			return notFound(err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE feed_id = ?`, id).Scan(&kept); err != nil {
			return err
		}
		// The foreign key sets the articles' feed_id to NULL.
		_, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("remove feed %s: %w", url, err)
	}
	return kept, nil
}

// FeedState is the outcome of one fetch of a feed.
type FeedState struct {
	Fetched time.Time // when the attempt was made
	Status  int       // HTTP status; 0 when no response came back
	Err     string    // why it failed; "" on success (a 304 included)

	// For a success only: the feed's title ("" keeps the stored one) and the
	// validators to send next time. A failure keeps the last good ones.
	Title, ETag, LastModified string
}

// UpdateFeedState records the outcome of a fetch of feed id. A failure
// records its error and status and keeps the feed's title and validators,
// so the next fetch is still conditional on the last good one.
func (s *Store) UpdateFeedState(ctx context.Context, id int64, st FeedState) error {
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		if st.Err != "" {
			_, err = tx.ExecContext(ctx, `UPDATE feeds SET last_fetched = ?, last_status = ?, last_error = ?
				WHERE id = ?`, st.Fetched.Unix(), st.Status, st.Err, id)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE feeds SET last_fetched = ?, last_status = ?, last_error = '',
				title = coalesce(nullif(?, ''), title), etag = ?, last_modified = ?
				WHERE id = ?`, st.Fetched.Unix(), st.Status, st.Title, st.ETag, st.LastModified, id)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("record fetch of feed %d: %w", id, err)
	}
	return nil
}

// feedConds adds the conditions of q's feed and tag filters to conds, on
// the articles table with its columns prefixed with prefix ("a."). Both go
// through the feed index, never the article rows.
func feedConds(q ListQuery, prefix string, conds []string, args []any) ([]string, []any) {
	if q.FeedID != 0 {
		conds = append(conds, prefix+`id IN (SELECT id FROM articles WHERE feed_id = ?)`)
		args = append(args, q.FeedID)
	}
	if q.FeedTag != "" {
		conds = append(conds, prefix+`id IN (SELECT id FROM articles WHERE feed_id IN
			(SELECT f.id FROM feeds f, json_each(f.tags) t WHERE t.value = ?))`)
		args = append(args, q.FeedTag)
	}
	return conds, args
}

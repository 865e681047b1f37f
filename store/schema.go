package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNewerSchema is returned by Open when the database was written by a newer
// byline than this one: reading it could silently drop what we do not know.
var ErrNewerSchema = errors.New("database schema is newer than this byline understands; upgrade byline")

// migrations are the schema steps, applied in order; PRAGMA user_version
// records how many have run. Never edit a step that has shipped: append one.
var migrations = []string{
	// 1: articles, entities, mentions and full-text search.
	`
CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	hash        BLOB    NOT NULL UNIQUE, -- sha256 of normalised title, caption, body
	title       TEXT    NOT NULL,
	published   INTEGER,                 -- unix seconds; NULL when unknown
	caption     TEXT    NOT NULL,
	credit      TEXT    NOT NULL,
	source      TEXT    NOT NULL,
	url         TEXT    NOT NULL,
	format      TEXT    NOT NULL,
	body        TEXT    NOT NULL,        -- JSON array of paragraphs, exact
	imported_at INTEGER NOT NULL,        -- unix seconds
	read        INTEGER NOT NULL DEFAULT 0,
	starred     INTEGER NOT NULL DEFAULT 0
);
-- The list order: newest first, unknown dates (NULL) last, import order within.
-- It also covers the list's columns, so listing never reads the wide article
-- rows (each holds a body): 10,000 rows list in about a third of the time.
CREATE INDEX articles_by_published ON articles (published DESC, id, title, source, url);

-- One row per entity across the whole store. An entity is its canonical name
-- (compared by folded key, so a shouted headline links to the body's name)
-- and its type: "Jordan" the person and "Jordan" the place stay apart.
-- articles and mentions are kept by triggers so ranking needs no GROUP BY.
CREATE TABLE entities (
	id       INTEGER PRIMARY KEY,
	name     TEXT    NOT NULL, -- as first seen
	key      TEXT    NOT NULL, -- folded name, the identity
	type     TEXT    NOT NULL,
	articles INTEGER NOT NULL DEFAULT 0,
	mentions INTEGER NOT NULL DEFAULT 0,
	UNIQUE (key, type)
);

-- Which entities an article names, in the article's order, with its count of
-- mentions: serves the sidebar and every by-entity lookup without touching
-- the (much larger) mentions table.
CREATE TABLE article_entities (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	entity_id  INTEGER NOT NULL REFERENCES entities (id),
	position   INTEGER NOT NULL,
	mentions   INTEGER NOT NULL,
	PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_entity ON article_entities (entity_id, article_id);

CREATE TRIGGER article_entities_counted AFTER INSERT ON article_entities BEGIN
	UPDATE entities SET articles = articles + 1, mentions = mentions + NEW.mentions
	WHERE id = NEW.entity_id;
END;
CREATE TRIGGER article_entities_uncounted AFTER DELETE ON article_entities BEGIN
	UPDATE entities SET articles = articles - 1, mentions = mentions - OLD.mentions
	WHERE id = OLD.entity_id;
END;

-- field: 0 title, 1 caption, 2 body, so ORDER BY gives document order.
CREATE TABLE mentions (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	entity_id  INTEGER NOT NULL REFERENCES entities (id),
	field      INTEGER NOT NULL,
	paragraph  INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	text       TEXT    NOT NULL
);
CREATE INDEX mentions_by_article ON mentions (article_id, field, paragraph, start);
CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);

-- Contentless: the body column of articles is JSON, so FTS5 is handed the
-- plain text at insert instead of reading the table. contentless_delete lets
-- a deleted article leave the index. remove_diacritics finds "Zürich" when
-- the user types "Zurich".
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, body,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_unindexed AFTER DELETE ON articles BEGIN
	DELETE FROM articles_fts WHERE rowid = OLD.id;
END;
`,
	// 2: reading by entity. The list index also carries read and starred, so
	// the unread and starred filters and the list's markers still never read
	// the wide article rows. entity_generation counts changes to entities
	// (their article and mention counts move with every link), so the fuzzy
	// entity finder can keep every entity in memory and know, with one
	// one-row read, when another process has imported since.
	`
DROP INDEX articles_by_published;
CREATE INDEX articles_by_published ON articles (published DESC, id, title, source, url, read, starred);

CREATE TABLE entity_generation (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	value INTEGER NOT NULL
);
INSERT INTO entity_generation (id, value) VALUES (1, 0);
CREATE TRIGGER entities_changed AFTER UPDATE ON entities BEGIN
	UPDATE entity_generation SET value = value + 1 WHERE id = 1;
END;
`,
	// 3: sources. A feed keeps the validators of its last good fetch (etag,
	// last_modified) apart from the outcome of its last attempt, so a failure
	// never costs the conditional GET. An article from a feed or a web page
	// carries its identity ("guid:…" or "url:…", as identity in upsert.go), unique,
	// so a re-sent item finds the row to update; item_hash is the item as the
	// feed sent it, which may differ from hash when the body is the full text
	// fetched from its page. feed_id goes NULL when the feed is removed: the
	// articles stay.
	`
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT    NOT NULL UNIQUE,
	title         TEXT    NOT NULL DEFAULT '',
	tags          TEXT    NOT NULL DEFAULT '[]', -- JSON array, outermost folder first
	full_text     TEXT    NOT NULL DEFAULT 'auto' CHECK (full_text IN ('auto', 'always', 'never')),
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	last_fetched  INTEGER,                       -- unix seconds of the last attempt; NULL before the first
	last_status   INTEGER NOT NULL DEFAULT 0,    -- HTTP status of the last attempt; 0 when none came back
	last_error    TEXT    NOT NULL DEFAULT '',   -- why the last attempt failed; '' when it did not
	created       INTEGER NOT NULL               -- unix seconds
);

ALTER TABLE articles ADD COLUMN guid TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN identity TEXT;
ALTER TABLE articles ADD COLUMN item_hash BLOB;
ALTER TABLE articles ADD COLUMN feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX articles_by_identity ON articles (identity) WHERE identity IS NOT NULL;
CREATE INDEX articles_by_feed ON articles (feed_id) WHERE feed_id IS NOT NULL;
`,
	// 4: a short local GUID is unique only within its feed (see identity in
	// upsert.go), so its identity names the feed.
	`
UPDATE articles SET identity = 'guid:feed' || feed_id || ':' || guid
	WHERE feed_id IS NOT NULL AND guid != '' AND identity = 'guid:' || guid
	AND instr(guid, ':') = 0 AND length(guid) < 32;
`,
	// 5: work a command must finish after its articles are committed, kept
	// in the store so a process killed in between leaves it to the next
	// (see pending.go). One row per kind of work, present while it is due.
	`
CREATE TABLE pending_work (
	name  TEXT PRIMARY KEY,
	since INTEGER NOT NULL -- unix seconds it was first recorded
) WITHOUT ROWID;
`,
	// 6: identities. An entity row is a name as the tagger typed it; an
	// identity is what a reader follows: one canonical name, one type, all
	// its names (see identity.go). Each article's entity row says which
	// identity it is there, so one name can be two identities in two
	// articles (Leicester the city, Leicester the club). article_identities
	// is article_entities grouped by identity, counted into identities by
	// triggers as entities are; identity_names counts each identity's names
	// and their tagger types, from which its type is decided. Rows of
	// names_dirty and identity_dirty are work for the next Relink:
	// articles to resolve again, identities whose type to decide again.
	// corrections are the user's rules, applied in id order after the
	// automatic resolution. The migration leaves every article to resolve.
	`
CREATE TABLE identities (
	id       INTEGER PRIMARY KEY,
	key      TEXT    NOT NULL,            -- folded canonical name
	sense    TEXT    NOT NULL DEFAULT '', -- '' or what tells it from a namesake: 'club', 'article:12'
	name     TEXT    NOT NULL,
	type     TEXT    NOT NULL,
	articles INTEGER NOT NULL DEFAULT 0,
	mentions INTEGER NOT NULL DEFAULT 0,
	UNIQUE (key, sense)
);
CREATE TRIGGER identities_changed AFTER UPDATE ON identities BEGIN
	UPDATE entity_generation SET value = value + 1 WHERE id = 1;
END;

ALTER TABLE article_entities ADD COLUMN identity_id INTEGER REFERENCES identities (id);
CREATE INDEX article_entities_by_identity ON article_entities (identity_id, article_id);
CREATE INDEX article_entities_unresolved ON article_entities (article_id) WHERE identity_id IS NULL;

CREATE TABLE article_identities (
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	identity_id INTEGER NOT NULL REFERENCES identities (id),
	position    INTEGER NOT NULL,
	mentions    INTEGER NOT NULL,
	PRIMARY KEY (article_id, identity_id)
) WITHOUT ROWID;
CREATE INDEX article_identities_by_identity ON article_identities (identity_id, article_id);
CREATE TRIGGER article_identities_counted AFTER INSERT ON article_identities BEGIN
	UPDATE identities SET articles = articles + 1, mentions = mentions + NEW.mentions
	WHERE id = NEW.identity_id;
END;
CREATE TRIGGER article_identities_uncounted AFTER DELETE ON article_identities BEGIN
	UPDATE identities SET articles = articles - 1, mentions = mentions - OLD.mentions
	WHERE id = OLD.identity_id;
END;

CREATE TABLE identity_names (
	identity_id INTEGER NOT NULL,
	entity_id   INTEGER NOT NULL,
	articles    INTEGER NOT NULL,
	mentions    INTEGER NOT NULL,
	PRIMARY KEY (identity_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX identity_names_by_entity ON identity_names (entity_id);
CREATE TABLE identity_dirty (identity_id INTEGER PRIMARY KEY);

CREATE TRIGGER identity_named AFTER INSERT ON article_entities WHEN NEW.identity_id IS NOT NULL BEGIN
	INSERT INTO identity_names (identity_id, entity_id, articles, mentions)
		VALUES (NEW.identity_id, NEW.entity_id, 1, NEW.mentions)
		ON CONFLICT DO UPDATE SET articles = articles + 1, mentions = mentions + NEW.mentions;
	INSERT OR IGNORE INTO identity_dirty (identity_id) VALUES (NEW.identity_id);
END;
CREATE TRIGGER identity_unnamed AFTER DELETE ON article_entities WHEN OLD.identity_id IS NOT NULL BEGIN
	UPDATE identity_names SET articles = articles - 1, mentions = mentions - OLD.mentions
		WHERE identity_id = OLD.identity_id AND entity_id = OLD.entity_id;
	INSERT OR IGNORE INTO identity_dirty (identity_id) VALUES (OLD.identity_id);
END;
CREATE TRIGGER identity_renamed AFTER UPDATE OF identity_id ON article_entities BEGIN
	UPDATE identity_names SET articles = articles - 1, mentions = mentions - OLD.mentions
		WHERE OLD.identity_id IS NOT NULL AND identity_id = OLD.identity_id AND entity_id = OLD.entity_id;
	INSERT OR IGNORE INTO identity_dirty (identity_id) SELECT OLD.identity_id WHERE OLD.identity_id IS NOT NULL;
	INSERT INTO identity_names (identity_id, entity_id, articles, mentions)
		SELECT NEW.identity_id, NEW.entity_id, 1, NEW.mentions WHERE NEW.identity_id IS NOT NULL
		ON CONFLICT DO UPDATE SET articles = articles + 1, mentions = mentions + NEW.mentions;
	INSERT OR IGNORE INTO identity_dirty (identity_id) SELECT NEW.identity_id WHERE NEW.identity_id IS NOT NULL;
END;

-- "Bank of England (BoE)" in one article: BoE is the Bank of England in all.
CREATE TABLE acronyms (
	key       TEXT    NOT NULL, -- folded acronym
	expansion TEXT    NOT NULL, -- folded long name
	name      TEXT    NOT NULL, -- long name as written
	articles  INTEGER NOT NULL,
	PRIMARY KEY (key, expansion)
) WITHOUT ROWID;
CREATE TABLE names_dirty (key TEXT PRIMARY KEY) WITHOUT ROWID;

-- What an article is about, as far as telling namesakes apart needs.
CREATE TABLE article_topics (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	sport      INTEGER NOT NULL
);

CREATE TABLE corrections (
	id      INTEGER PRIMARY KEY,
	kind    TEXT    NOT NULL CHECK (kind IN ('merge', 'rename', 'type', 'split')),
	args    TEXT    NOT NULL, -- JSON, see corrections.go
	created INTEGER NOT NULL  -- unix seconds
);

INSERT INTO pending_work (name, since) VALUES ('relink', unixepoch()) ON CONFLICT (name) DO NOTHING;
INSERT INTO pending_work (name, since) VALUES ('identities', unixepoch()) ON CONFLICT (name) DO NOTHING;
`,
	// 7: feed articles that hold only the feed's teaser: the full text was
	// wanted but not had (see summaryonly.go). A table of its own, not a
	// column, so the list index and the article rows stay as they are.
	summaryOnlyMigration,
	// 8: mentions, packed. A mention is found by its article and read in
	// document order, so the table is keyed that way (WITHOUT ROWID) and
	// needs no index of its own: the old rowid table and its two indexes
	// were more than a quarter of the store, and the by-entity index, with
	// rows scattered over the whole file, was most of an import's writes.
	// The by-entity reads go through article_entities instead. The text of
	// a mention is its article's text between start and end, so it is no
	// longer stored. A mention repeated exactly (same entity, same place)
	// is kept once. article_entities_by_identity served no query (an
	// article's identities are article_identities; identities are never
	// deleted, so no foreign key check needs it) and cost a random write
	// per link: it goes.
	`
DROP INDEX article_entities_by_identity;
CREATE TABLE mentions_packed (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	field      INTEGER NOT NULL, -- 0 title, 1 caption, 2 body
	paragraph  INTEGER NOT NULL,
	start      INTEGER NOT NULL, -- byte offsets in the field (paragraph)
	"end"      INTEGER NOT NULL,
	entity_id  INTEGER NOT NULL REFERENCES entities (id),
	PRIMARY KEY (article_id, field, paragraph, start, "end", entity_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO mentions_packed (article_id, field, paragraph, start, "end", entity_id)
	SELECT article_id, field, paragraph, start, "end", entity_id FROM mentions
	ORDER BY article_id, field, paragraph, start, "end", entity_id;
-- The counts the repeats were counted into lose them too, so the sidebar's
-- count is the number of mentions n/N can reach. (An UPDATE of these
-- columns fires no counting trigger: each total is put right here.)
CREATE TEMP TABLE repeated_mentions AS
	SELECT m.article_id, m.entity_id, ae.identity_id,
		count(*) - count(DISTINCT m.field || ',' || m.paragraph || ',' || m.start || ',' || m."end") AS extra
	FROM mentions m JOIN article_entities ae ON ae.article_id = m.article_id AND ae.entity_id = m.entity_id
	GROUP BY m.article_id, m.entity_id HAVING extra > 0;
UPDATE article_entities SET mentions = mentions - (SELECT r.extra FROM temp.repeated_mentions r
	WHERE r.article_id = article_entities.article_id AND r.entity_id = article_entities.entity_id)
	WHERE EXISTS (SELECT 1 FROM temp.repeated_mentions r
		WHERE r.article_id = article_entities.article_id AND r.entity_id = article_entities.entity_id);
UPDATE entities SET mentions = mentions - (SELECT sum(r.extra) FROM temp.repeated_mentions r WHERE r.entity_id = entities.id)
	WHERE id IN (SELECT entity_id FROM temp.repeated_mentions);
UPDATE identity_names SET mentions = mentions - (SELECT sum(r.extra) FROM temp.repeated_mentions r
	WHERE r.identity_id = identity_names.identity_id AND r.entity_id = identity_names.entity_id)
	WHERE EXISTS (SELECT 1 FROM temp.repeated_mentions r
		WHERE r.identity_id = identity_names.identity_id AND r.entity_id = identity_names.entity_id);
UPDATE article_identities SET mentions = mentions - (SELECT sum(r.extra) FROM temp.repeated_mentions r
	WHERE r.article_id = article_identities.article_id AND r.identity_id = article_identities.identity_id)
	WHERE EXISTS (SELECT 1 FROM temp.repeated_mentions r
		WHERE r.article_id = article_identities.article_id AND r.identity_id = article_identities.identity_id);
UPDATE identities SET mentions = mentions - (SELECT sum(r.extra) FROM temp.repeated_mentions r WHERE r.identity_id = identities.id)
	WHERE id IN (SELECT identity_id FROM temp.repeated_mentions);
DROP TABLE temp.repeated_mentions;
DROP TABLE mentions;
ALTER TABLE mentions_packed RENAME TO mentions;
`,
	// 9: the words of the full-text index, for expanding prefix searches
	// (see vocab.go). Its backfill reads the whole index: 6 s for a
	// million articles, once.
	searchWordsMigration,
	// 10: no index of article_entities by entity. Its rows, one per link,
	// keyed by entity, lay all over the file: an import batch names most
	// of the store's entities, so it dirtied, wrote to the WAL and, once
	// the store outgrew the cache, first read nearly every page of it (and
	// of article_identities_by_identity, which is much the same set of
	// keys). An entity's articles are found through its identities
	// instead (see entityArticles), and its unresolved rows, few and
	// short-lived, through the partial index, now keyed by entity. No
	// foreign key needs it: entities are never deleted.
	`
DROP INDEX IF EXISTS article_entities_by_entity;
DROP INDEX IF EXISTS article_entities_unresolved;
CREATE INDEX article_entities_unresolved ON article_entities (entity_id, article_id) WHERE identity_id IS NULL;
`,
	// 11: FTS5 merges its index segments 16 at a time instead of 4
	// (automerge): a batch's segment is merged into bigger ones less often,
	// which was a seventh of the writer's time at 100,000 articles. A
	// search reads up to 16 segments per level instead of 4.
	`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);`,
}

// migrate brings db up to the newest schema and reports how many steps it
// applied. The steps run in one IMMEDIATE transaction (the DSN's _txlock), so
// two processes opening a fresh file at once cannot both migrate it: the
// second waits, then finds the work done.
func migrate(ctx context.Context, db *sql.DB) (applied int, err error) {
	// A cheap read first: opening an up-to-date store takes no write lock.
	// A busy file (another process making it WAL) is left to writeTx's
	// retries below.
	version, err := userVersion(ctx, db)
	switch {
	case err != nil && !isBusy(err):
		return 0, err
	case err == nil && version > len(migrations):
		return 0, newerSchema(version)
	case err == nil && version == len(migrations):
		return 0, nil
	}
	err = writeTx(ctx, db, func(tx *sql.Tx) error {
		applied = 0
		version, err := userVersion(ctx, tx)
		if err != nil {
			return err
		}
		if version > len(migrations) {
			return newerSchema(version)
		}
		// Equal: another process migrated while we waited for the lock.
		for i := version; i < len(migrations); i++ {
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return fmt.Errorf("migrate to version %d: %w", i+1, err)
			}
			applied++
		}
		// PRAGMA takes no parameters; the value is our own integer.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
			return fmt.Errorf("migrate: set version: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	return applied, nil
}

func newerSchema(version int) error {
	return fmt.Errorf("%w (file has version %d, this byline knows %d)", ErrNewerSchema, version, len(migrations))
}

// queryer is what both *sql.DB and *sql.Tx offer.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func userVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

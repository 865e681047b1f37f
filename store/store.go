// Package store keeps byline's articles, entities and mentions in one SQLite
// file. It is the only package that touches the database, so the schema, the
// pragmas and every query live here, behind the Store type that ui and main
// use. Bodies load only when an article is opened; lists read list columns.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/adrg/xdg"

	// The pure-Go driver keeps byline a static binary and ships FTS5.
	_ "modernc.org/sqlite"
)

// ErrNotFound is returned (wrapped) when an article id names no article or
// an entity name or id names no entity, so callers can tell "gone" from
// "broken" with errors.Is.
var ErrNotFound = errors.New("not found")

// Store is an open byline database. It is safe for concurrent use by many
// goroutines, and other processes may open the same file at the same time.
type Store struct {
	db       *sql.DB
	readOnly bool // opened by OpenReadOnly: every write gives ErrReadOnly

	entities     atomic.Pointer[entityIndex] // for fuzzy matching; nil until asked
	entitiesLoad sync.Mutex                  // held while loading entities

	bulk bulkWriter // the connection imports write on (see writeBulk)
}

// DefaultPath is where byline keeps its database when the user names none:
// under the XDG data directory, because the store is data the user would
// miss, not a cache that may be thrown away.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "byline", "byline.db")
}

// Open opens the database at path, creating it and its parent directory when
// missing, and brings its schema up to date. A database written by a newer
// byline is refused (ErrNewerSchema) rather than misread.
func Open(path string) (*Store, error) {
	s, err := OpenLeavingPending(path)
	if err != nil {
		return nil, err
	}
	// Work a killed command left undone is finished by the next one. It is
	// a refinement: when it fails (a full disk), the store still opens and
	// the work stays recorded for the next time.
	s.FinishPending(context.Background())
	return s, nil
}

// OpenLeavingPending is Open without finishing the work a killed command
// left recorded, for the reader: relinking a big store can take seconds,
// and the first frame must not wait for it. The caller runs FinishPending
// when it can.
func OpenLeavingPending(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	ctx := context.Background()
	if _, err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close releases the database. Pending WAL frames are checkpointed by SQLite
// when the last connection to the file closes.
func (s *Store) Close() error {
	s.bulk.close()
	return s.db.Close()
}

// dsn builds the data source name for path. The pragmas ride in the DSN, not
// in one Exec after Open, because database/sql pools connections: only the
// DSN reaches every connection the pool opens later.
//
//   - busy_timeout (busyTimeout, 5 s): wait for another connection or
//     process instead of failing with "database is locked"; a write that
//     still finds the lock taken starts again (writeTx).
//   - page_size(16384): for a new file only (a store's page size is fixed
//     once it is WAL, so journal_mode rides in _journal_mode, which the
//     driver applies after the _pragma list, sorted by name). An article
//     row is about 2.4 KB: a 4 KB page holds one and leaves the rest
//     empty, a 16 KB page six.
//   - journal_mode(WAL): readers never block the writer and vice versa.
//   - synchronous(NORMAL): safe with WAL (a power cut can lose the last
//     commit, never corrupt the file), and much faster than FULL.
//   - foreign_keys(1): SQLite leaves them off per connection by default.
//   - _txlock=immediate: a write transaction takes the write lock at BEGIN, so
//     it waits in the busy handler instead of failing later when a read lock
//     cannot be upgraded (which no timeout can fix).
func dsn(path string) string {
	return fileURI(path) +
		fmt.Sprintf("?_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()) +
		"&_pragma=page_size(16384)" +
		"&_journal_mode=WAL" +
		"&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)" +
		"&_txlock=immediate"
}

// fileURI is path as a "file:" URI. A URI lets a path hold '?' or '#':
// escaped, SQLite decodes them and the driver does not mistake them for the
// start of the parameters.
func fileURI(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	p := filepath.ToSlash(filepath.Clean(path))
	if filepath.VolumeName(path) != "" {
		p = "/" + p // file:/C:/... on Windows
	}
	return "file:" + r.Replace(p)
}

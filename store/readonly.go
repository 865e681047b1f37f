package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNoStore is returned (wrapped) by OpenReadOnly when no file is at the
// path: reading never creates a store.
var ErrNoStore = errors.New("no store here")

// ErrOldSchema is returned (wrapped) by OpenReadOnly when the file was
// written by an older byline and must be upgraded, which takes a write.
var ErrOldSchema = errors.New("store written by an older byline: it must be upgraded, which needs a command that writes (byline import, fetch or the reader) and a writable file")

// ErrReadOnly is returned (wrapped) by every write to a store opened with
// OpenReadOnly.
var ErrReadOnly = errors.New("store opened read-only")

// OpenReadOnly opens the database at path for reading only: it creates
// nothing, migrates nothing and writes nothing, not even a WAL checkpoint
// on close, so it works on a file the user may not write, on a full disk,
// and beside writers in other processes. A path with no file gives
// ErrNoStore, an older schema ErrOldSchema, a newer one ErrNewerSchema.
//
// A WAL database read through SQLite needs its -shm index. When that cannot
// be made (a directory the user may not write, a full disk), the file is
// opened immutable instead: it is read as it stands, without the WAL, which
// is empty once the last writer has closed.
func OpenReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open store %s: %w", path, ErrNoStore)
	} else if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	ctx := context.Background()
	var db *sql.DB
	var version int
	var err error
	for _, immutable := range []bool{false, true} {
		if db, err = sql.Open("sqlite", readOnlyDSN(path, immutable)); err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		if version, err = userVersion(ctx, db); err == nil {
			break
		}
		db.Close()
		if !isUnwritable(err) {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	switch {
	case version > len(migrations):
		err = newerSchema(version)
	case version < len(migrations):
		err = fmt.Errorf("%w (file has version %d, this byline writes %d)", ErrOldSchema, version, len(migrations))
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db, readOnly: true}, nil
}

// ReadOnly reports whether s was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// readOnlyDSN is dsn for a reader: mode=ro opens the file without write
// access (SQLite honours it even for root, whom file modes do not stop),
// query_only refuses any write statement, and no journal_mode is set,
// since changing it would be a write. immutable=1 tells SQLite the file
// cannot change, so it takes no locks and needs no -shm.
func readOnlyDSN(path string, immutable bool) string {
	d := fileURI(path) + "?mode=ro" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds()) +
		"&_pragma=query_only(1)" +
		"&_pragma=foreign_keys(1)"
	if immutable {
		d += "&immutable=1"
	}
	return d
}

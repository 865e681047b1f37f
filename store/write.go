package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// busyTimeout is how long SQLite's own busy handler waits for a lock before
// a statement gives up with SQLITE_BUSY. It is not the limit of a write:
// writeTx then starts the transaction again (see stallLimit). A variable so
// the tests can make contention bite in milliseconds instead of seconds.
var busyTimeout = 5 * time.Second

// stallLimit is how long writeTx keeps retrying a write while no other
// connection commits anything. A writer that waits on one making progress
// (an import committing batch after batch) waits as long as that lasts; one
// stuck behind a lock that nobody releases (a process stopped in its
// transaction) gives up after this long and says so.
var stallLimit = 60 * time.Second

// maxBackoff caps the pause between two attempts of a write.
const maxBackoff = 250 * time.Millisecond

// write runs fn in one write transaction on s, retrying as writeTx does.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	return writeTx(ctx, s.db, fn)
}

// bulkCacheKiB is the page cache of the connection imports write on, in
// KiB, against SQLite's default of 2,000. A batch dirties pages all over
// the file (the hash index, the by-identity index); once
// they outgrow the cache SQLite writes them to the WAL in the middle of the
// transaction and again at commit, and the next batch reads them back: the
// import slows as the store grows.
const bulkCacheKiB = 64 << 10

// bulkWALKiB is how large the WAL may grow, in KiB, before a commit on the
// bulk connection copies it into the database (SQLite's default is 1,000
// pages). Many batches touch the same index pages; copied less often, each
// is written to the database once for several batches instead of once for
// each.
const bulkWALKiB = 64 << 10

// bulkWriter is one connection kept for bulk writes, so that its page cache
// stays warm from one batch to the next. It is opened by the first import
// of a process: a reader that never imports never holds the memory.
type bulkWriter struct {
	mu   sync.Mutex
	conn *sql.Conn
}

// writeBulk is write for a transaction that writes many rows (an import
// batch, or the relink after an import in the same process, which finds
// the pages it reads in this cache): it runs on the bulk connection, with
// a page cache of bulkCacheKiB.
//
// A statement with triggers copies each page it first touches to its
// statement journal. With temp_store in memory the journal is a list of
// 1 KiB blocks, each allocated and freed again at the end of the statement:
// 16 of each per 16 KiB page, through SQLite's allocator, which cost more
// than the inserts. In a file (temp_store FILE) the journal stays in memory
// up to 64 KiB and then takes a write call per page: at 100,000 articles
// stored, the two statements of a batch that fire triggers took half the
// time.
//
// Foreign keys are not checked on this connection: fn must only insert
// rows whose references it has just read or written in the same
// transaction (Import and Relink do), and delete only rows no foreign key
// points at (Relink deletes links of articles to entities and identities),
// since ON DELETE actions do not run either. Checking cost two lookups per mention and per link, a
// third of a batch's statements.
func (s *Store) writeBulk(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	b := &s.bulk
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.conn == nil {
		conn, err := connect(ctx, s.db)
		if err != nil {
			return err
		}
		// PRAGMA takes no parameters; the value is our own integer.
		var pageSize int
		if err := conn.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil || pageSize <= 0 {
			pageSize = 4096
		}
		for _, p := range []string{
			fmt.Sprintf("cache_size = %d", -bulkCacheKiB),
			"temp_store = FILE",
			"foreign_keys = OFF",
			fmt.Sprintf("wal_autocheckpoint = %d", bulkWALKiB*1024/pageSize),
		} {
			if _, err := conn.ExecContext(ctx, "PRAGMA "+p); err != nil {
				// Half set up (foreign keys perhaps off): never back to
				// the pool, where a delete would skip its cascades.
				b.conn = conn
				b.discard()
				return err
			}
		}
		b.conn = conn
	}
	err := writeOn(ctx, b.conn, fn)
	if err != nil {
		// A cancelled or failed write may leave the connection unusable:
		// the next import starts on a fresh one.
		b.discard()
	}
	return err
}

func (b *bulkWriter) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.conn != nil {
		b.discard()
	}
}

// discard closes the bulk connection for good. (*sql.Conn).Close alone
// would hand it back to the pool with its 64 MiB cache, for every later
// query to use; ErrBadConn from Raw makes database/sql drop it instead.
func (b *bulkWriter) discard() {
	b.conn.Raw(func(any) error { return driver.ErrBadConn })
	b.conn.Close()
	b.conn = nil
}

// writeTx runs fn in a transaction that takes the write lock at BEGIN
// (BEGIN IMMEDIATE, from the DSN's _txlock) and commits it. fn must do
// database work only: no tagging, no network, nothing slow that would hold
// every other writer out. When the lock cannot be had (SQLITE_BUSY, after
// SQLite's busy handler has waited busyTimeout), the transaction is rolled
// back and fn runs again from the start, after a short randomised pause,
// for as long as some other connection keeps committing (PRAGMA
// data_version moves) and at most stallLimit without that. So no writer
// fails because another is writing, and fn may run more than once: it must
// start from nothing each time.
func writeTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	// One connection throughout: data_version compares only on one.
	conn, err := connect(ctx, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	return writeOn(ctx, conn, fn)
}

// connect takes a connection from db's pool. Connecting runs the DSN's
// pragmas, which a fresh file being made WAL by another process can answer
// with SQLITE_BUSY: that is retried as writeTx retries.
func connect(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	progressed := time.Now()
	pause := 5 * time.Millisecond
	for {
		conn, err := db.Conn(ctx)
		if err == nil {
			return conn, nil
		}
		if !isBusy(err) || time.Since(progressed) > stallLimit {
			return nil, err
		}
		if err := sleep(ctx, &pause); err != nil {
			return nil, err
		}
	}
}

// writeOn is writeTx on conn.
func writeOn(ctx context.Context, conn *sql.Conn, fn func(tx *sql.Tx) error) error {
	progressed := time.Now()
	pause := 5 * time.Millisecond
	seen, _ := dataVersion(ctx, conn)
	for {
		err := attempt(ctx, conn, fn)
		if err == nil || !isBusy(err) {
			return err
		}
		// Make sure no half transaction is left on the connection: a
		// failed COMMIT leaves SQLite's transaction open.
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		if v, verr := dataVersion(ctx, conn); verr == nil && v != seen {
			seen, progressed = v, time.Now()
		}
		if time.Since(progressed) > stallLimit {
			return fmt.Errorf("%w (no other writer committed for %s)", err, stallLimit.Round(time.Second))
		}
		if err := sleep(ctx, &pause); err != nil {
			return err
		}
	}
}

// sleep waits about *pause, or until ctx ends, and doubles *pause up to
// maxBackoff. Jitter keeps two retrying writers from colliding in step.
func sleep(ctx context.Context, pause *time.Duration) error {
	t := time.NewTimer(*pause/2 + rand.N(*pause))
	defer t.Stop()
	*pause = min(2**pause, maxBackoff)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// attempt runs fn once in a transaction on conn.
func attempt(ctx context.Context, conn *sql.Conn, fn func(tx *sql.Tx) error) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// dataVersion changes whenever another connection, in this process or any
// other, has committed to the database since the last call on conn.
func dataVersion(ctx context.Context, conn *sql.Conn) (int64, error) {
	var v int64
	err := conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}

// isBusy reports whether err is SQLite's SQLITE_BUSY in any of its forms
// (a lock held too long, a snapshot gone stale, a recovery in progress):
// all of them mean "try again", never "this cannot be done".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// isUnwritable reports whether err says the file cannot be written
// (SQLITE_READONLY, SQLITE_CANTOPEN) or the disk is full or failing
// (SQLITE_FULL, SQLITE_IOERR): the cases where reading may still work.
func isUnwritable(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM:
		return true
	}
	return false
}

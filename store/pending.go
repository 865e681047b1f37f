package store

import (
	"context"
	"database/sql"
	"time"
)

// workRelink is the pending_work row that says articles were stored since
// the last Relink.
const workRelink = "relink"

// markPending records work as due, in the caller's transaction: the
// articles that need it and the record of it commit together, so no crash
// can keep one and lose the other.
func markPending(ctx context.Context, tx *sql.Tx, work string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO pending_work (name, since) VALUES (?, ?)
		ON CONFLICT (name) DO NOTHING`, work, time.Now().Unix())
	return err
}

// clearPending records work as done, in the transaction that did it.
func clearPending(ctx context.Context, tx *sql.Tx, work string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM pending_work WHERE name = ?`, work)
	return err
}

// Pending reports whether articles were stored since the last Relink: the
// command that stored them was stopped before it relinked. Open finishes
// such work; a store opened read-only cannot, and may show people not yet
// joined to their full names.
func (s *Store) Pending(ctx context.Context) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM pending_work WHERE name = ?`, workRelink).Scan(&one)
	switch err {
	case nil:
		return true, nil
	case sql.ErrNoRows:
		return false, nil
	}
	return false, err
}

// FinishPending does the work a killed command left recorded. Open runs it,
// so the next command of any kind finishes it; an error (or ctx ending)
// leaves the record for the one after.
func (s *Store) FinishPending(ctx context.Context) {
	if due, err := s.Pending(ctx); err == nil && due {
		s.Relink(ctx)
	}
}

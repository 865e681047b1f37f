package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// SetReadMany marks the articles ids read (or unread) in one statement, so
// marking a whole list read is one commit however long the list, and returns
// the ids whose state it changed: undoing is SetReadMany(changed, !read),
// which leaves alone the articles that were in that state already. Ids
// naming no article are skipped. Like every write it goes through s.write,
// so another writer holding the lock makes it wait, not fail.
func (s *Store) SetReadMany(ctx context.Context, ids []int64, read bool) (changed []int64, err error) {
	if len(ids) == 0 {
		return nil, nil
	}
	// One JSON array parameter, as States does: no limit on the number of
	// ids and one statement text for the statement cache.
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("mark %d articles read: %w", len(ids), err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		changed = changed[:0] // the transaction may run again after SQLITE_BUSY
		rows, err := tx.QueryContext(ctx, `UPDATE articles SET read = ?1
			WHERE id IN (SELECT value FROM json_each(?2)) AND read != ?1 RETURNING id`, read, string(list))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			changed = append(changed, id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("mark %d articles read: %w", len(ids), err)
	}
	return changed, nil
}

// maxParams is SQLite's limit on the parameters of one statement.
const maxParams = 32766

// multiInsert gathers rows for one table and writes them with
// INSERT statements of as many rows as maxParams allows, the rows as
// parameters: a statement that fires triggers copies each page it touches
// to its statement journal, so a page many statements touch (the hot
// entities', the counters') is copied once by each. It
// replaces a statement a row (each one a round trip through database/sql)
// and one statement reading the rows from a JSON array, where parsing the
// JSON again for every value cost more than the inserts.
type multiInsert struct {
	tx   *sql.Tx
	head string // "INSERT INTO t (a, b) VALUES ", or with OR REPLACE
	cols int

	perStmt int       // rows a statement
	rows    []any     // cols values a row, not yet written
	full    *sql.Stmt // perStmt rows, prepared on first use
}

func newMultiInsert(tx *sql.Tx, head string, cols int) *multiInsert {
	return &multiInsert{tx: tx, head: head, cols: cols, perStmt: maxParams / cols}
}

// add queues one row of m.cols values.
func (m *multiInsert) add(vals ...any) { m.rows = append(m.rows, vals...) }

// reserve makes room for n more rows.
func (m *multiInsert) reserve(n int) { m.rows = slices.Grow(m.rows, n*m.cols) }

// pending is how many rows are queued.
func (m *multiInsert) pending() int { return len(m.rows) / m.cols }

// flush writes the queued rows, in the order they were added.
func (m *multiInsert) flush(ctx context.Context) error {
	n := m.pending()
	for start := 0; start < n; start += m.perStmt {
		k := min(m.perStmt, n-start)
		args := m.rows[start*m.cols : (start+k)*m.cols]
		var err error
		switch {
		case k < m.perStmt:
			_, err = m.tx.ExecContext(ctx, m.sql(k), args...)
		case m.full == nil:
			if m.full, err = m.tx.PrepareContext(ctx, m.sql(k)); err == nil {
				_, err = m.full.ExecContext(ctx, args...)
			}
		default:
			_, err = m.full.ExecContext(ctx, args...)
		}
		if err != nil {
			return err
		}
	}
	m.rows = m.rows[:0]
	return nil
}

// sql is the statement that inserts k rows.
func (m *multiInsert) sql(k int) string {
	row := "(?" + strings.Repeat(", ?", m.cols-1) + ")"
	var b strings.Builder
	b.Grow(len(m.head) + k*(len(row)+2))
	b.WriteString(m.head)
	for i := range k {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}

// nextID is the rowid SQLite gives the next row inserted into table
// without one: one more than the largest (none are ever that large that
// it would pick another). A batch that names its new rows' ids itself, in
// the order it would have inserted them, gets the ids inserting them one
// by one would have given, and can insert them all in one statement.
func nextID(ctx context.Context, tx *sql.Tx, table string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM `+table).Scan(&id)
	return id, err
}

func (m *multiInsert) close() {
	if m != nil && m.full != nil {
		m.full.Close()
	}
}

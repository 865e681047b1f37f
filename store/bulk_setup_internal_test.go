package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bylinehq/byline/model"
)

// cancelAfter is a context that ends at its n-th look at Done: it cancels
// an import at each step in turn, the bulk connection's setup included.
type cancelAfter struct {
	context.Context
	left atomic.Int64
	once sync.Once
	done chan struct{}
}

func (c *cancelAfter) Done() <-chan struct{} {
	if c.left.Add(-1) < 0 {
		c.once.Do(func() { close(c.done) })
	}
	return c.done
}

func (c *cancelAfter) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

// However early an import is cancelled, no connection it set up for bulk
// writing (foreign keys off, a big cache) goes back to the pool: there a
// delete would skip its ON DELETE CASCADE and leave mentions of a gone
// article, which a reused article id would inherit.
func TestCancelledImportLeavesNoBulkConnection(t *testing.T) {
	for n := int64(0); n < 40; n++ {
		s, err := Open(filepath.Join(t.TempDir(), "byline.db"))
		if err != nil {
			t.Fatal(err)
		}
		ctx := &cancelAfter{Context: context.Background(), done: make(chan struct{})}
		ctx.left.Store(n)
		a := model.Article{Title: "Home", Format: model.FormatText, Paragraphs: []string{"Alice went home."}}
		s.Import(ctx, []model.Article{a})
		bg := context.Background()
		var conns []*sql.Conn
		for range 4 {
			c, err := s.db.Conn(bg)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
			var fk int
			if err := c.QueryRowContext(bg, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
				t.Fatal(err)
			}
			if fk == 0 {
				t.Errorf("cancelled at step %d: a pooled connection has foreign keys off", n)
			}
		}
		for _, c := range conns {
			c.Close()
		}
		s.Close()
	}
}

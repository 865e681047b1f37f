package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/bylinehq/byline/store"
)

// TestNextAndPreviousUnread: J and K move to the next and previous unread
// article, from the list or the reader, and say when there is none.
func TestNextAndPreviousUnread(t *testing.T) {
	m := newModel(t, openStore(t, fixtures()), 160, 45, Options{})
	press(t, m, "m") // 0 read
	press(t, m, "j")
	press(t, m, "m") // 1 read
	press(t, m, "j")
	press(t, m, "j")
	press(t, m, "m") // 3 read
	press(t, m, "g")
	if !strings.Contains(screen(m)[0], "3/6 unread") {
		t.Fatalf("header %q, want 3/6 unread", screen(m)[0])
	}
	for _, step := range []struct {
		key string
		row int
	}{{"J", 2}, {"J", 4}, {"J", 5}, {"K", 4}, {"K", 2}} {
		press(t, m, step.key)
		it, _ := m.list.Selected()
		if m.SelectedIndex() != step.row || it.Read || m.ReaderArticle().Title != it.Title {
			t.Fatalf("%s: row %d (read %v), reader %q; want unread row %d", step.key, m.SelectedIndex(), it.Read, m.ReaderArticle().Title, step.row)
		}
	}
	press(t, m, "K")
	if m.SelectedIndex() != 2 || !strings.Contains(status(m), "no unread article above") {
		t.Fatalf("K with none above: row %d, status %q", m.SelectedIndex(), status(m))
	}
	press(t, m, "tab") // J from the reader moves the list, and the reader follows
	press(t, m, "J")
	if m.Focus() != FocusReader || m.SelectedIndex() != 4 {
		t.Fatalf("J in the reader: focus %v, row %d", m.Focus(), m.SelectedIndex())
	}
}

// TestMarkAllReadAndUndo: A asks, y marks every listed article read in the
// store, U puts back exactly the ones it marked; any other key declines.
func TestMarkAllReadAndUndo(t *testing.T) {
	st := openStore(t, fixtures())
	m := newModel(t, st, 160, 45, Options{})
	press(t, m, "j")
	press(t, m, "m") // one read by hand: U must leave it read
	press(t, m, "A")
	if s := status(m); !strings.Contains(s, "mark 5 unread articles in this list read?") {
		t.Fatalf("A: status %q", s)
	}
	press(t, m, "n")
	if !strings.Contains(screen(m)[0], "5/6 unread") || !strings.Contains(status(m), "nothing marked") {
		t.Fatalf("A n: header %q, status %q", screen(m)[0], status(m))
	}
	press(t, m, "A")
	press(t, m, "y")
	if !strings.Contains(screen(m)[0], "0/6 unread") || !strings.Contains(status(m), "5 marked read · U undoes") {
		t.Fatalf("A y: header %q, status %q", screen(m)[0], status(m))
	}
	unread := func() int {
		t.Helper()
		rows, err := st.ListItems(context.Background(), store.ListQuery{Unread: true})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	if n := unread(); n != 0 {
		t.Fatalf("the store holds %d unread after A", n)
	}
	press(t, m, "U")
	if n := unread(); n != 5 || !strings.Contains(screen(m)[0], "5/6 unread") {
		t.Fatalf("U: store %d unread, header %q", n, screen(m)[0])
	}
	if a, _ := m.list.Selected(); !a.Read {
		t.Fatal("U made the article read by hand unread")
	}
	press(t, m, "U")
	if !strings.Contains(status(m), "nothing to undo") {
		t.Fatalf("second U: status %q", status(m))
	}
	// Within a filter, A marks only what is listed.
	press(t, m, "/")
	typeText(t, m, "saltholm")
	press(t, m, "enter")
	press(t, m, "A")
	press(t, m, "enter")
	if n := unread(); n != 4 {
		t.Fatalf("A within a search left %d unread, want 4", n)
	}
}

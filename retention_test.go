package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// retention = "180d": a fetch stores no item older than that, and drops the
// read, unstarred articles older than that; starred and unread ones stay.
func TestFetchKeepsToTheRetention(t *testing.T) {
	withConfig(t, "retention = \"180d\"\n")
	now := time.Now().UTC()
	old := now.AddDate(0, 0, -300).Format(time.RFC1123Z)
	recent := now.AddDate(0, 0, -2).Format(time.RFC1123Z)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Ancient item</title><guid>a</guid><pubDate>%s</pubDate><description>Long ago in Paris.</description></item>
<item><title>Fresh item</title><guid>b</guid><pubDate>%s</pubDate><description>Today in Rome.</description></item>
</channel></rss>`, old, recent)
	}))
	defer srv.Close()

	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	// Three old articles already stored: read, read and starred, unread.
	for i, name := range []string{"read", "starred", "unread"} {
		body := fmt.Sprintf("Old %s story\n\nIt happened in Berlin, story %d.\n\nPublish : %s\n", name, i, now.AddDate(-1, 0, 0).Format(time.DateTime))
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, db, 0, "import", dir)
	st := openStoreT(t, db)
	ctx := context.Background()
	for _, s := range mustList(t, st) {
		switch s.Title {
		case "Old read story":
			st.SetRead(ctx, s.ID, true)
		case "Old starred story":
			st.SetRead(ctx, s.ID, true)
			st.SetStarred(ctx, s.ID, true)
		}
	}
	mustRun(t, db, 0, "feed", "add", srv.URL+"/feed.xml", "--full-text", "never")
	out, _ := mustRun(t, db, 0, "fetch")
	if out != "1 feed ok, 0 failed; 1 new article\n" {
		t.Errorf("fetch said %q; want the fresh item alone", out)
	}
	var titles []string
	for _, s := range mustList(t, st) {
		titles = append(titles, s.Title)
	}
	got := strings.Join(titles, ", ")
	for _, want := range []string{"Fresh item", "Old starred story", "Old unread story"} {
		if !strings.Contains(got, want) {
			t.Errorf("after the fetch the store holds %s; want %s kept", got, want)
		}
	}
	for _, gone := range []string{"Ancient item", "Old read story"} {
		if strings.Contains(got, gone) {
			t.Errorf("after the fetch the store holds %s; want %s gone", got, gone)
		}
	}
}

func mustList(t *testing.T, st *store.Store) []model.Summary {
	t.Helper()
	list, err := st.List(context.Background(), store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

var words = strings.Fields(`harbour council ferry island budget vote minister school river
market bridge festival library station weather museum railway hospital garden factory
report season winter summer village coast mountain valley tunnel airport stadium`)

// synthetic returns n generated articles: one-line titles, a few short
// paragraphs and two entities each, enough to stand for a real store.
func synthetic(n int) []model.Article {
	r := rand.New(rand.NewPCG(1, 2))
	arts := make([]model.Article, n)
	for i := range arts {
		w := func(k int) string {
			out := make([]string, k)
			for j := range out {
				out[j] = words[r.IntN(len(words))]
			}
			return strings.Join(out, " ")
		}
		a := model.Article{
			Title:     fmt.Sprintf("Synthetic %d: %s", i, w(8)),
			Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
			Source:    fmt.Sprintf("synthetic/%s/%05d.txt", words[i%len(words)], i),
			Format:    model.FormatText,
			Paragraphs: []string{
				"Councillor Ada Quill said " + w(30) + ".",
				"The Lowmoor Trust " + w(40) + ".",
			},
		}
		mention(&a, "Ada Quill", model.PER)
		mention(&a, "Lowmoor Trust", model.ORG)
		arts[i] = a
	}
	return arts
}

var (
	bigStoreOnce sync.Once
	bigStoreDir  string
	bigStorePath string
)

// TestMain removes the benchmarks' shared store, which outlives any one
// benchmark's TempDir.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigStoreDir != "" {
		os.RemoveAll(bigStoreDir)
	}
	os.Exit(code)
}

// bigStore is a 10,000-article store, built once per test binary.
func bigStore(b *testing.B) *store.Store {
	b.Helper()
	bigStoreOnce.Do(func() {
		dir, err := os.MkdirTemp("", "byline-bench-")
		if err != nil {
			b.Fatal(err)
		}
		bigStoreDir, bigStorePath = dir, filepath.Join(dir, "big.db")
		s, err := store.Open(bigStorePath)
		if err != nil {
			b.Fatal(err)
		}
		arts := synthetic(10000)
		for i := 0; i < len(arts); i += 1000 {
			if _, err := s.Import(context.Background(), arts[i:i+1000]); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
	})
	s, err := store.Open(bigStorePath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkFirstFrame measures start-up on a 10,000-article store: New, the
// window size, the one list query, and the first View. The article body
// loads after the first frame, so it is not part of it.
func BenchmarkFirstFrame(b *testing.B) {
	s := bigStore(b)
	b.ResetTimer()
	for b.Loop() {
		m := New(s, Options{})
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		msg := m.loadList()()
		m.Update(msg)
		if m.list.Len() != 10000 {
			b.Fatalf("list has %d rows", m.list.Len())
		}
		_ = m.View()
	}
}

// BenchmarkSelectionMove is one `j` in the list and the frame after it at
// 160x45: what holding j down costs per row. It must stay well under 2 ms.
func BenchmarkSelectionMove(b *testing.B) {
	m := newModel(b, bigStore(b), 160, 45, Options{})
	j, g := keyMsg("j"), keyMsg("g")
	b.ResetTimer()
	for b.Loop() {
		k := j
		if m.SelectedIndex() == m.list.Len()-1 {
			k = g
		}
		m.Update(k)
		_ = m.View()
	}
}

// pinnedModel is the minister story open at 160x45 with its first person
// selected in the sidebar, ready to pin.
func pinnedModel(b *testing.B) *Model {
	m := newModel(b, openStore(b, []model.Article{ministerArticle()}), 160, 45, Options{})
	run(b, m, m.Update(keyMsg("e")))
	return m
}

// BenchmarkPin is one pin or unpin from the sidebar and the frame after it:
// the reader re-paints the cached render, it does not render again. It must
// stay under 10 ms.
func BenchmarkPin(b *testing.B) {
	m := pinnedModel(b)
	space := keyMsg("space")
	b.ResetTimer()
	for b.Loop() {
		m.Update(space)
		_ = m.View()
	}
}

// BenchmarkNextMention is one `n` with a pinned entity and the frame after
// it. It must stay under 2 ms.
func BenchmarkNextMention(b *testing.B) {
	m := pinnedModel(b)
	run(b, m, m.Update(keyMsg("enter")))
	n := keyMsg("n")
	b.ResetTimer()
	for b.Loop() {
		m.Update(n)
		_ = m.View()
	}
}

// BenchmarkFilterByEntity is `f` on an entity named in every article of the
// 10,000-article store: the list query and the frame. It must stay under
// 50 ms.
func BenchmarkFilterByEntity(b *testing.B) {
	m := newModel(b, bigStore(b), 160, 45, Options{})
	e := model.EntityCount{ID: 1, Name: "Ada Quill", Type: model.PER}
	b.ResetTimer()
	for b.Loop() {
		m.followEntity(e)
		msg := m.loadList()()
		m.Update(msg)
		if m.list.Len() == 0 {
			b.Fatal("no article names the entity")
		}
		_ = m.View()
	}
}

// BenchmarkSearchFirstPage is a search for a common word over the
// 10,000-article store: the ranked first page, the hit count, the rows'
// state and the frame. It must stay under 50 ms.
func BenchmarkSearchFirstPage(b *testing.B) {
	m := newModel(b, bigStore(b), 160, 45, Options{})
	b.ResetTimer()
	for b.Loop() {
		m.filter.search = "harbour"
		msg := m.loadList()()
		m.Update(msg)
		if m.filter.hits == 0 {
			b.Fatal("no hits")
		}
		_ = m.View()
	}
}

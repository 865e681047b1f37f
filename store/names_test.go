package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bylinehq/byline/model"
)

func TestNames(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	mustImport(t, s,
		story("Poll", "The Tories and the Conservatives and the Conservative Party are one.",
			named{"Tories", model.MISC, "Tories"}, named{"Conservatives", model.MISC, "Conservatives"},
			org("Conservative Party")),
		story("Poll two", "The Tories won; the Tories lost; the Tories drew.",
			named{"Tories", model.MISC, "Tories"}, org("Conservative Party")),
		story("Museum", "The Louvre opened.", org("Louvre")),
	)
	if _, err := s.Relink(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"Conservative Party", []string{"Tories", "Conservatives"}}, // Tories is named more
		{"Louvre", nil},
	} {
		e, err := s.EntityByName(ctx, tt.name, "")
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Names(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Names(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// A merge gives the names of both.
	if _, err := s.Merge(ctx, []string{"Louvre", "Conservative Party"}, "Conservative Party"); err != nil {
		t.Fatal(err)
	}
	e, err := s.EntityByName(ctx, "Conservative Party", "")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Names(ctx, e.ID)
	if !slices.Contains(got, "Louvre") {
		t.Errorf("after merge Names = %q, want Louvre among them", got)
	}
	if got, err := s.Names(ctx, 99999); err != nil || len(got) != 0 {
		t.Errorf("Names(unknown) = %q, %v", got, err)
	}
}

package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestEndToEnd runs the real program on a real store, as a user would:
// move down the list, switch to the reader, scroll, and quit.
func TestEndToEnd(t *testing.T) {
	m := New(openStore(t, fixtures()), Options{})
	tm := teatest.NewTestModel(t, m.TeaModel(), teatest.WithInitialTermSize(160, 45))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}

	wait("Saltholm") // the first article's body, rendered
	tm.Type("j")
	wait("Kenji") // the reader followed the list to the second article
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	wait("reader")
	tm.Type("jj")
	tm.Type("q") // from the reader: back to the list
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("q") // the reader again, and back
	tm.Type("q") // from the list: quit
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(program).m
	if final.Focus() != FocusList || final.SelectedIndex() != 1 {
		t.Fatalf("final focus %v, selection %d", final.Focus(), final.SelectedIndex())
	}
	if a := final.ReaderArticle(); a == nil || a.Title != fixtures()[1].Title {
		t.Fatalf("reader ends on %v", a)
	}
}

// TestEndToEndPin pins an entity in the real program and steps to its
// first mention.
func TestEndToEndPin(t *testing.T) {
	m := New(openStore(t, fixtures()), Options{ReadDelay: -1})
	tm := teatest.NewTestModel(t, m.TeaModel(), teatest.WithInitialTermSize(160, 45))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("Saltholm") // the article and its entities are in
	// Keys are handled in the order sent, so no wait is needed between
	// them; and waiting for a later frame's text in the output is unsafe,
	// since the renderer writes only the cells that change ("Pinned" can
	// go out as "inned" over the "P" of "People").
	tm.Type("e")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Type("n")
	tm.Type("qq") // back to the list, then quit
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(program).m
	if pins := final.Pins(); len(pins) != 1 || pins[0].Name != "Ansel Brook" {
		t.Fatalf("pins %+v", pins)
	}
	if s := status(final); !strings.Contains(s, "mention 1/2") {
		t.Fatalf("status after n: %q", s)
	}
	if !strings.Contains(stripANSI(final.View().Content), "Pinned") {
		t.Fatal("no pin legend on the final screen")
	}
}

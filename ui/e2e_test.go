package ui

import (
	"bytes"
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
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}

	wait("Saltholm") // the first article's body, rendered
	tm.Type("j")
	wait("Kenji") // the reader followed the list to the second article
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	wait("reader")
	tm.Type("jj")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(program).m
	if final.Focus() != FocusReader || final.SelectedIndex() != 1 {
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
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("Saltholm")
	tm.Type("e")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	wait("Pinned")
	tm.Type("n")
	wait("mention 1/2")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if pins := tm.FinalModel(t).(program).m.Pins(); len(pins) != 1 || pins[0].Name != "Ansel Brook" {
		t.Fatalf("pins %+v", pins)
	}
}

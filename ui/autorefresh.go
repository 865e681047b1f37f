package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// autoRefreshMsg is the tick of the config's refresh interval: time to fetch
// the feeds in the background, as r does.
type autoRefreshMsg struct{ Gen int }

// scheduleAutoRefresh asks for the next tick of Options.AutoRefresh, or
// nothing when it is off. A generation number drops ticks scheduled before
// the last one, so there is never more than one clock running.
func (m *Model) scheduleAutoRefresh() tea.Cmd {
	if m.opts.AutoRefresh <= 0 || m.opts.Refresh == nil {
		return nil
	}
	m.autoRefreshGen++
	gen := m.autoRefreshGen
	tick := m.tick
	if tick == nil {
		tick = tea.Tick
	}
	return tick(m.opts.AutoRefresh, func(time.Time) tea.Msg { return autoRefreshMsg{Gen: gen} })
}

// autoRefresh starts a background fetch on the tick, unless one is already
// running (then it waits for the next tick; it never queues a second), and
// schedules the next tick.
func (m *Model) autoRefresh(msg autoRefreshMsg) tea.Cmd {
	if msg.Gen != m.autoRefreshGen {
		return nil
	}
	next := m.scheduleAutoRefresh()
	if m.refresh != nil {
		return next
	}
	return tea.Batch(m.startRefresh(), next)
}

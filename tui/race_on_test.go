//go:build race

package tui

// raceEnabled: the race detector slows the monkey ten times; it runs fewer events.
const raceEnabled = true

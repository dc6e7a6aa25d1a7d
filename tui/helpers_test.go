package tui

import (
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/tui/styles"
)

var (
	sampleAnalysisOnce sync.Once
	sampleAnalysis     *analysis.Analysis
)

// loadSample is the city sample and its analysis, both built once per test
// binary and shared: tests must not modify them.
func loadSample(tb testing.TB) (*data.Result, *analysis.Analysis) {
	tb.Helper()
	res := datatest.Sample(tb, "city")
	sampleAnalysisOnce.Do(func() { sampleAnalysis = analysis.New(res.Dataset) })
	return res, sampleAnalysis
}

// newTestModel is the dashboard on the sample at w×h, dark theme.
func newTestModel(tb testing.TB, w, h int, noColor bool) *Model {
	res, a := loadSample(tb)
	m := New(Options{Result: res, Analysis: a, Theme: styles.Dark, NoColor: noColor, Dir: tb.TempDir(), Sources: []string{"city"}})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// press sends keys: single characters, or names like "enter", "down", "esc".
func press(m *Model, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		_, last = m.Update(keyMsg(k))
	}
	return last
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// typeText types a string into the model, one key per rune.
func typeText(m *Model, s string) {
	for _, r := range s {
		if r == ' ' {
			m.Update(keyMsg("space"))
			continue
		}
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// checkFrame asserts the frame is exactly w×h cells.
func checkFrame(tb testing.TB, out string, w, h int) {
	tb.Helper()
	if h <= 0 {
		if out != "" {
			tb.Fatalf("%dx%d: want empty frame, got %q", w, h, out)
		}
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		tb.Fatalf("%dx%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			tb.Fatalf("%dx%d: line %d is %d cells wide, want %d: %q", w, h, i, got, w, ansi.Strip(l))
		}
	}
}

// tabOf is the id of the tab the model shows.
func tabOf(m *Model) string { return tabSpecs[m.activeTab()].id }

func rankingOf(m *Model) *rankingView   { return m.tabView("ranking").(*rankingView) }
func briefingOf(m *Model) *briefingView { return m.tabView("briefing").(*briefingView) }

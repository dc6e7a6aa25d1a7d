package tui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var sweepSizes = [][2]int{
	{0, 0}, {1, 1}, {0, 10}, {10, 0}, {20, 5}, {40, 10}, {60, 20}, {79, 24}, {80, 23},
	{80, 24}, {81, 25}, {90, 30}, {100, 30}, {120, 40}, {133, 41}, {160, 50}, {200, 60}, {250, 80},
}

// TestFrameInvariants: for every view and size, and after scrolling to the
// end, the frame has exactly h lines of exactly w cells; tiny sizes give
// the "too small" notice and never panic.
func TestFrameInvariants(t *testing.T) {
	for _, vk := range viewKeys {
		m := newTestModel(t, 120, 40, false)
		press(m, vk.keys...)
		for _, sz := range sweepSizes {
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, m.View().Content, sz[0], sz[1])
			if (sz[0] < MinWidth || sz[1] < MinHeight) && sz[0] >= 30 && sz[1] >= 5 {
				if !strings.Contains(screen(m), "Cửa sổ quá nhỏ") {
					t.Fatalf("%s at %dx%d: no too-small notice:\n%s", vk.name, sz[0], sz[1], screen(m))
				}
			}
		}
		for _, sz := range sweepSizes {
			if sz[0] < MinWidth || sz[1] < MinHeight {
				continue
			}
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for _, k := range []string{"G", "pgdown", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l"} {
				press(m, k)
				checkFrame(t, m.View().Content, sz[0], sz[1])
			}
			press(m, "g")
			checkFrame(t, m.View().Content, sz[0], sz[1])
		}
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(38|48)[;:]`)

// TestNoColor: NO_COLOR output has no colour at all, and the selection is
// still visible (reverse video and a ▶ marker).
func TestNoColor(t *testing.T) {
	for _, vk := range viewKeys {
		m := newTestModel(t, 120, 40, true)
		press(m, vk.keys...)
		out := m.View().Content
		if colourSGR.MatchString(out) {
			t.Fatalf("%s: colour escape in NO_COLOR output: %q", vk.name, colourSGR.FindString(out))
		}
	}
	m := newTestModel(t, 120, 40, true)
	press(m, "2")
	out := m.View().Content
	if !strings.Contains(out, "\x1b[7m") {
		t.Fatal("NO_COLOR ranking: no reverse video for the cursor row")
	}
	if !strings.Contains(screen(m), "▶") {
		t.Fatal("NO_COLOR ranking: no ▶ marker")
	}
}

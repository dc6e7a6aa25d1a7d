package tui

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/words"
)

// TestCompareMarkedUnits: space in the ranking marks units (◆), c puts them
// side by side: every year's score, rank and grade from their histories; a
// second space unmarks; c with fewer than two says how to mark.
func TestCompareMarkedUnits(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "2", "tab", "tab", "c")
	if _, ok := m.top().(*compareView); ok || !strings.Contains(screen(m), words.CompareNeedTwo.In(words.VI)) {
		t.Fatalf("c with nothing marked:\n%s", screen(m))
	}
	rk := rankingOf(m)
	first := rk.rows[rk.g.CursorRow()]
	press(m, "space", "down", "space", "down", "space", "space")
	if len(m.c.compare) != 2 {
		t.Fatalf("marked %q, want two", m.c.compare)
	}
	if !strings.Contains(screen(m), "◆ "+first.name) {
		t.Errorf("the marked unit has no ◆:\n%s", screen(m))
	}
	press(m, "c")
	cv, ok := m.top().(*compareView)
	if !ok {
		t.Fatalf("c opened %T", m.top())
	}
	out := screen(m)
	for _, id := range m.c.compare {
		h, _ := m.c.a.IndexHistory(m.c.index, id)
		for _, pt := range h.Points {
			row := ""
			for _, l := range cv.sc.lines {
				if strings.HasPrefix(l, " "+itoa(pt.Year)) && strings.Contains(l, ",") {
					row = l
					break
				}
			}
			if s := markOf(words.VI).ScoreP(pt.Score, scorePad(m.c.ds)); !strings.Contains(row, s) {
				t.Errorf("%s %d: score %s not in %q", id, pt.Year, s, row)
			}
		}
	}
	if !strings.Contains(out, words.CompareTitle.In(words.VI)) {
		t.Errorf("no title:\n%s", out)
	}
	press(m, "L")
	if out := screen(m); !strings.Contains(out, "Compare") || !strings.Contains(out, "Grade") {
		t.Errorf("the comparison is not in English after L:\n%s", out)
	}
	checkFrame(t, m.View().Content, 120, 40)
}

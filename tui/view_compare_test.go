package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/text"
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

// TestCompareProfile: units marked in two blocs get their component
// scores side by side, each with its difference to its own bloc's mean
// (the numbers CompareComponents gives), one mean column per bloc, the
// maximum, and the bonus named as a bonus; in both languages.
func TestCompareProfile(t *testing.T) {
	for _, lang := range []words.Lang{words.VI, words.EN} {
		m := newTestModel(t, 200, 60, true)
		m.setLang(lang)
		nf := markOf(lang)
		var ids []string
		for _, b := range m.c.blocs[1:3] {
			tbl, _ := m.c.a.Table(m.c.slice().WithBloc(b))
			ids = append(ids, tbl.Rows[0].UnitID)
			m.c.toggleCompare(tbl.Rows[0].UnitID)
		}
		press(m, "c", "G")
		cv, ok := m.top().(*compareView)
		if !ok {
			t.Fatalf("c opened %T", m.top())
		}
		var lines []string
		for _, l := range cv.sc.lines {
			lines = append(lines, ansi.Strip(l))
		}
		head := -1
		for i, l := range lines {
			if strings.Contains(l, words.CompareProfile.F(lang, m.c.year)) {
				head = i + 1
			}
		}
		if head < 0 || head >= len(lines) {
			t.Fatalf("%s: no profile:\n%s", lang, strings.Join(lines, "\n"))
		}
		for _, b := range m.c.blocs[1:3] {
			if mean := words.ColBlocMeanOf.F(lang, b); !strings.Contains(lines[head], text.Truncate(mean, 17)) {
				t.Errorf("%s: no mean column for %s in %q", lang, b, lines[head])
			}
		}
		rows := m.c.a.CompareComponents(m.c.index, m.c.year, ids)
		if len(rows) == 0 {
			t.Fatal("no components in the sample")
		}
		sawBonus := false
		for i, r := range rows {
			l := lines[head+1+i]
			for _, cell := range r.Cells {
				want := nf.Score(*cell.Score, scorePad(m.c.ds)) + " " + nf.Change(*cell.VsMean, 2)
				if !strings.Contains(l, want) || !strings.Contains(l, nf.Fixed(*cell.BlocMean, 2)) {
					t.Errorf("%s %s: %q or the mean %v not in %q", lang, r.Key, want, *cell.BlocMean, l)
				}
			}
			if !strings.HasSuffix(strings.TrimSpace(l), nf.Score(*r.Max, 0)) {
				t.Errorf("%s %s: max %v not at the end of %q", lang, r.Key, *r.Max, l)
			}
			if r.Bonus {
				sawBonus = true
				if lang == words.EN && !strings.Contains(l, "(bonus)") {
					t.Errorf("the bonus is not named so: %q", l)
				}
			}
		}
		if !sawBonus {
			t.Error("the sample's bonus component is not in the profile")
		}
	}
}

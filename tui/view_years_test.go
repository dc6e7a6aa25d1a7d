package tui

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/numfmt"
)

// TestYearsPivotShowsEachYearAsPublished: one column per year up to the
// current one; each cell is the unit's score, rank or grade of that year
// (v cycles), as the unit's history has it; a year without a record is –.
func TestYearsPivotShowsEachYearAsPublished(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "9", "tab", "tab")
	v := m.tabView("years").(*yearsView)
	if len(v.years) != len(m.c.years) || len(v.g.Cols) != len(v.years)+yearsLead {
		t.Fatalf("years %v, columns %d, index years %v", v.years, len(v.g.Cols), m.c.years)
	}
	tbl, _ := m.c.a.Table(m.c.slice())
	if len(v.rows) != len(tbl.Rows) {
		t.Fatalf("%d rows, the bloc has %d units", len(v.rows), len(tbl.Rows))
	}
	for _, show := range []yearsShow{showScores, showRanks, showGrades} {
		for i, r := range v.rows {
			h, _ := m.c.a.IndexHistory(m.c.index, r.id)
			for k, y := range v.years {
				want := "–"
				for _, pt := range h.Points {
					if pt.Year != y {
						continue
					}
					switch show {
					case showScores:
						want = numfmt.Comma.ScoreP(pt.Score, scorePad(m.c.ds))
					case showRanks:
						if pt.Rank != nil {
							want = itoa(*pt.Rank)
						}
					case showGrades:
						if pt.Grade != nil {
							want = *pt.Grade
						}
					}
					if pt.Bloc != m.c.bloc {
						want += "*"
					}
				}
				if got := v.Cell(i, k+yearsLead).Text; got != want {
					t.Errorf("show %d, %s %d: %q, want %q", show, r.name, y, got, want)
				}
			}
		}
		press(m, "v")
	}
	if v.show != showScores {
		t.Errorf("three v did not come back to the scores: %d", v.show)
	}
	press(m, "1", "9", "[")
	if len(v.years) != len(m.c.years)-1 || !strings.Contains(screen(m), itoa(m.c.year)) {
		t.Errorf("a year back: columns for %v", v.years)
	}
}

// Sorted on its last year column, the years view keeps working when an
// earlier year (fewer year columns) is chosen: the sort falls back to the
// rows' own order instead of reading a column that is gone (found by the
// long monkey run).
func TestYearsSortSurvivesFewerYears(t *testing.T) {
	m := newTestModel(t, 200, 60, true)
	press(m, "9")
	for range 12 {
		press(m, "l")
	}
	press(m, "s")
	for range 4 {
		press(m, "[")
		if m.Panic != nil {
			t.Fatalf("panic after an earlier year: %v", m.Panic)
		}
	}
	if out := screen(m); !strings.Contains(out, "2020") || strings.Contains(out, "2022") {
		t.Errorf("the years view does not show 2019–2020 after four steps back:\n%s", out)
	}
}

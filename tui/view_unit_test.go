package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/tui/styles"
)

// unitLines opens the unit under the ranking's cursor after keys and
// returns its page's lines, escape codes stripped.
func unitLines(t *testing.T, m *Model, keys ...string) []string {
	t.Helper()
	press(m, keys...)
	press(m, "enter")
	u, ok := m.top().(*unitView)
	if !ok {
		t.Fatalf("enter opened %T", m.top())
	}
	u.build()
	out := make([]string, len(u.sc.lines))
	for i, l := range u.sc.lines {
		out[i] = ansi.Strip(l)
	}
	return out
}

// TestUnitBestIsBlocBest: the leader's page shows each component's best
// score in the bloc (no "(đầu)" on every line), a non-leader's the same
// numbers; the bonus is tagged and never the weakest; in both languages.
func TestUnitBestIsBlocBest(t *testing.T) {
	for _, lang := range []words.Lang{words.VI, words.EN} {
		for _, row := range []string{"g", "G"} { // the leader, the last
			m := newTestModel(t, 200, 60, true)
			m.setLang(lang)
			lines := unitLines(t, m, "2", "tab", row)
			page := strings.Join(lines, "\n")
			if strings.Contains(page, "(đầu)") || strings.Contains(page, "(top)") {
				t.Errorf("%s %s: the leader mark is back:\n%s", lang, row, page)
			}
			id := m.top().(*unitView).unitID
			uc, _ := m.c.a.UnitComponents(m.c.index, m.c.year, id)
			nf := markOf(lang)
			for _, cs := range uc.Components {
				var line string
				for _, l := range lines {
					if strings.Contains(l, nf.Score(*cs.Score, scorePad(m.c.ds))+"/"+nf.Score(*cs.Max, 0)) && strings.Contains(l, p(cs.Name)[:4]) {
						line = l
					}
				}
				if line == "" {
					t.Fatalf("%s %s: no line for %s", lang, row, cs.Name)
				}
				if best := nf.Score(*cs.BlocBest, scorePad(m.c.ds)); !strings.Contains(line, " "+best+" ") {
					t.Errorf("%s %s %s: bloc best %s not in %q", lang, row, cs.Key, best, line)
				}
				if cs.Bonus && uc.Weakest != nil && *uc.Weakest == cs.Name {
					t.Errorf("%s %s: the bonus is the weakest", lang, row)
				}
			}
		}
	}
}

// TestUnitRankChartRows: every distinct rank of the unit's history is a
// labelled row of the chart (4 → 2 → 1 takes three rows, not one), and a
// taller terminal gives a bloc-wide span more rows.
func TestUnitRankChartRows(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	lines := unitLines(t, m, "2", "tab", "g")
	id := m.top().(*unitView).unitID
	h, _ := m.c.a.IndexHistory(m.c.index, id)
	ranks := map[int]bool{}
	for _, pt := range h.Points {
		if pt.Rank != nil {
			ranks[*pt.Rank] = true
		}
	}
	if len(ranks) < 2 {
		t.Fatalf("the leader's history %v has no change to draw", ranks)
	}
	start := -1
	for i, l := range lines {
		if strings.Contains(l, strings.TrimSpace(words.RankChartTitle.In(words.VI))) {
			start = i
		}
	}
	if start < 0 {
		t.Fatal("no rank chart")
	}
	for rk := range ranks {
		found := false
		for _, l := range lines[start+1 : start+1+len(ranks)+2] {
			if strings.Contains(l, " "+itoa(rk)+" ") && strings.Contains(l, "●") {
				found = true
			}
		}
		if !found {
			t.Errorf("rank %d has no labelled row with a point:\n%s", rk, strings.Join(lines[start:start+len(ranks)+2], "\n"))
		}
	}
	if got := chartRoom(54); got <= chartRoom(18) || chartRoom(18) < 3 {
		t.Errorf("chart room %d at 54 rows, %d at 18", got, chartRoom(18))
	}
}

// TestUnitScoreChart: the score chart names the thresholds of the year's
// scheme; without a scheme it says so, naming the years.
func TestUnitScoreChart(t *testing.T) {
	m := newTestModel(t, 200, 60, true)
	page := strings.Join(unitLines(t, m, "2", "tab", "g"), "\n")
	for _, want := range []string{strings.TrimSpace(words.ScoreChartTitle.In(words.VI)), "Xuất sắc ≥90", "Tốt ≥80"} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "Không rõ thang") {
		t.Errorf("a scheme is known:\n%s", page)
	}

	for _, lang := range []words.Lang{words.VI, words.EN} {
		ds := datatest.Ungraded(
			datatest.R(2022, "Sở", "Sở Nội vụ", 90), datatest.R(2022, "Sở", "Sở Tư pháp", 85),
			datatest.R(2023, "Sở", "Sở Nội vụ", 84), datatest.R(2023, "Sở", "Sở Tư pháp", 86),
		)
		m := New(Options{Result: &data.Result{Dataset: ds}, Theme: styles.Dark, NoColor: true})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m.setLang(lang)
		page := strings.Join(unitLines(t, m, "2"), "\n")
		if want := words.ScoreChartNoScheme.F(lang, "2022, 2023"); !strings.Contains(page, strings.TrimSpace(want)) {
			t.Errorf("%s: no %q:\n%s", lang, want, page)
		}
		if !strings.Contains(page, "●") || !strings.Contains(page, "○") {
			t.Errorf("%s: no score or mean drawn:\n%s", lang, page)
		}
	}
}

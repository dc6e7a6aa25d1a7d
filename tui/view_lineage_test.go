package tui

import (
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/tui/chart"
	"github.com/parlens/parlens/tui/styles"
)

var (
	provincesOnce     sync.Once
	provincesAnalysis *analysis.Analysis
)

// newProvincesModel is the dashboard on the provinces-2025 sample (2025,
// the first year after the merger) at w×h, dark theme.
func newProvincesModel(tb testing.TB, w, h int, noColor bool) *Model {
	res := datatest.Sample(tb, "provinces-2025")
	provincesOnce.Do(func() { provincesAnalysis = analysis.New(res.Dataset) })
	m := New(Options{Result: res, Analysis: provincesAnalysis, Theme: styles.Dark, NoColor: noColor, Dir: tb.TempDir(), Sources: []string{"provinces-2025"}})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.c.brief = stubBrief
	return m
}

// lineageViews: the ranking (merged units marked), the unit view of a
// merged province (Tỉnh Ninh Bình, 4th) and of an unchanged one (Tỉnh
// Quảng Ninh, 2nd).
var lineageViews = []viewKey{
	{"ranking", []string{"2", "tab"}},
	{"unit-merged", []string{"2", "tab", "tab", "down", "down", "down", "enter"}},
	{"unit-unchanged", []string{"2", "tab", "tab", "down", "enter"}},
}

// TestGoldenLineage pins the sample's 2025 across the merger at every
// golden size, in Vietnamese and English.
func TestGoldenLineage(t *testing.T) {
	t.Run("vi", func(t *testing.T) { goldenMatrix(t, lineageViews, newProvincesModel) })
	t.Run("en", func(t *testing.T) {
		goldenMatrix(t, lineageViews, func(tb testing.TB, w, h int, noColor bool) *Model {
			m := newProvincesModel(tb, w, h, noColor)
			m.setLang(words.EN)
			return m
		})
	})
}

// TestUnitViewLineage: a merged unit's view lists its predecessors with
// their last results and shares; an unchanged one has no lineage section.
func TestUnitViewLineage(t *testing.T) {
	m := newProvincesModel(t, 200, 60, true)
	press(m, lineageViews[1].keys...)
	s := screen(m)
	for _, want := range []string{
		"Hợp nhất năm 2025 từ 3 đơn vị",
		"Tỉnh Ninh Bình (chính đơn vị)", "86,43", "37/63", "43% cuối",
		"Tỉnh Hà Nam", "86,11", "42/63",
		"Tỉnh Nam Định", "85,09", "48/63",
		"Năm 2025: thứ 4/34 (12% đứng đầu)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	m = newProvincesModel(t, 200, 60, true)
	press(m, lineageViews[2].keys...)
	if s := screen(m); strings.Contains(s, "Hợp nhất năm") || !strings.Contains(s, "Quảng Ninh") {
		t.Errorf("unchanged province:\n%s", s)
	}
}

// TestChartsNotJoinedAcrossMerger: on a merged unit's page no step of the
// rank chart (and no threshold line of the score chart) reaches the break
// glyph: ranks of 63 and of 34 provinces are never joined, at any size or
// language; the break is named under the chart. In the ranking a merged
// province's sparkline is cut at the merger, an unchanged one's is not.
func TestChartsNotJoinedAcrossMerger(t *testing.T) {
	connectors := "─╮╯╭╰┄"
	for _, lang := range []words.Lang{words.VI, words.EN} {
		for _, sz := range goldenSizes {
			m := newProvincesModel(t, sz[0], sz[1], true)
			m.setLang(lang)
			press(m, lineageViews[1].keys...)
			s := screen(m)
			breaks := 0
			for _, l := range strings.Split(s, "\n") {
				rs := []rune(l)
				for x, r := range rs {
					if r != chart.BreakGlyph {
						continue
					}
					breaks++
					for _, nb := range []int{x - 1, x + 1} {
						if nb >= 0 && nb < len(rs) && strings.ContainsRune(connectors, rs[nb]) {
							t.Errorf("%v %dx%d: a line reaches the break: %q", lang, sz[0], sz[1], l)
						}
					}
				}
			}
			named := strings.Contains(s, strings.TrimSpace(words.ChartBreakMerger.F(lang, 2025)))
			if breaks == 0 || (!named && sz[1] >= 40) { // at 24 rows the name is below the fold
				t.Errorf("%v %dx%d: no break drawn or named:\n%s", lang, sz[0], sz[1], s)
			}
		}
	}
	m := newProvincesModel(t, 200, 60, true)
	press(m, lineageViews[0].keys...)
	rs := screen(m)
	if !strings.Contains(rs, words.StatusMergedUnits.F(words.VI, 23)) || !strings.ContainsRune(words.StatusMergedUnits.In(words.VI), chart.BreakGlyph) {
		t.Errorf("the status line does not name the break glyph:\n%s", rs)
	}
	for _, l := range strings.Split(rs, "\n") {
		merged, unchanged := strings.Contains(l, "Tỉnh Ninh Bình ⊕"), strings.Contains(l, "Tỉnh Quảng Ninh")
		if (merged && !strings.ContainsRune(l, chart.BreakGlyph)) || (unchanged && strings.ContainsRune(l, chart.BreakGlyph)) {
			t.Errorf("ranking sparkline: %q", l)
		}
	}
}

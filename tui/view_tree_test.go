package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/grid"
	"github.com/parlens/parlens/tui/styles"
)

var (
	treeDataOnce sync.Once
	treeData     *data.Result
	treeAnalysis *analysis.Analysis
)

// newTreeModel is the dashboard on testdata/tree (areas, criteria,
// sub-criteria, KPS cells) at w×h, dark theme.
func newTreeModel(tb testing.TB, w, h int, noColor bool) *Model {
	tb.Helper()
	treeDataOnce.Do(func() {
		treeData = data.Read([]string{"testdata/tree"}, data.Options{})
		if treeData.Err() == nil {
			treeAnalysis = analysis.New(treeData.Dataset)
		}
	})
	if err := treeData.Err(); err != nil {
		tb.Fatal(err)
	}
	m := New(Options{Result: treeData, Analysis: treeAnalysis, Theme: styles.Dark, NoColor: noColor, Dir: tb.TempDir(), Sources: []string{"testdata/tree"}})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// treeViewKeys reach the drill-down screens on the tree data.
var treeViewKeys = []viewKey{
	{"5-components", []string{"5"}},
	// Sở Y tế (4th) opens area 1, where criterion 1.3 does not apply to it
	{"drill-area", []string{"5", "down", "down", "down", "right", "right", "right", "enter"}},
	{"drill-area-pct", []string{"5", "down", "down", "down", "right", "right", "right", "enter", "p"}},
	// area 2, then its criterion 2.3 into its sub-criteria
	{"drill-sub", []string{"5", "down", "down", "down", "right", "right", "right", "right", "enter", "down", "down", "enter"}},
	{"3-unit-tree", []string{"2", "down", "down", "down", "enter"}},
	{"3-unit-tree-down", []string{"2", "down", "down", "down", "enter", "pgdown"}},
}

// TestGoldenTree pins the drill-down screens at every golden size, in
// colour and with NO_COLOR, in Vietnamese and in English.
func TestGoldenTree(t *testing.T) {
	goldenMatrix(t, treeViewKeys, func(tb testing.TB, w, h int, noColor bool) *Model { return newTreeModel(tb, w, h, noColor) })
}

func TestGoldenTreeEnglish(t *testing.T) {
	goldenMatrix(t, treeViewKeys, func(tb testing.TB, w, h int, noColor bool) *Model {
		m := newTreeModel(tb, w, h, noColor)
		m.setLang(words.EN)
		return m
	})
}

// drillOf is the drill-down on top, or nil.
func drillOf(m *Model) *treeView {
	v, _ := m.top().(*treeView)
	return v
}

// partKeys are the keys of the parts a drill-down lists, in its order.
func partKeys(v *treeView) string {
	var out []string
	for _, i := range v.g.Rows() {
		out = append(out, v.rows[i].part.Key)
	}
	return strings.Join(out, ",")
}

// TestDrillDown: enter on an area column opens the area into its
// criteria for the cursor's unit, enter on a criterion with parts goes one
// level deeper, backspace comes back up level by level to the heatmap.
func TestDrillDown(t *testing.T) {
	m := newTreeModel(t, 120, 40, true)
	press(m, "5", "down", "down", "down", "right", "right", "right", "right", "enter")
	v := drillOf(m)
	if v == nil {
		t.Fatalf("enter on area 2 opened no drill-down:\n%s", screen(m))
	}
	if v.key != "2" || partKeys(v) != "2.1,2.2,2.3" || v.unitID != data.UnitID("SYT", "Sở Y tế") {
		t.Fatalf("opened %s (%s) for %s", v.key, partKeys(v), v.unitID)
	}
	press(m, "down", "down", "enter")
	if d := drillOf(m); d == nil || d.key != "2.3" || partKeys(d) != "2.3.1,2.3.2" || d.unitID != v.unitID {
		t.Fatalf("enter on 2.3 did not open its sub-criteria for the same unit:\n%s", screen(m))
	}
	if s := screen(m); !strings.Contains(s, "Lĩnh vực › 2 Cải cách thủ tục hành… › 2.3 Một cửa liên thông") {
		t.Errorf("no path beside the tabs:\n%s", s)
	}
	press(m, "backspace")
	if d := drillOf(m); d != v {
		t.Fatalf("backspace did not go back to area 2")
	}
	press(m, "backspace")
	if _, ok := m.top().(*componentsView); !ok {
		t.Fatalf("backspace did not go back to the heatmap:\n%s", screen(m))
	}
	// enter on a criterion without parts opens the unit's page
	press(m, "enter", "enter")
	if _, ok := m.top().(*unitView); !ok || tabOf(m) != "unit" {
		t.Fatalf("enter on 2.1 did not open the unit:\n%s", screen(m))
	}
}

// TestDrillDownCells: a unit's row shows its score of the applicable
// maximum (KPS where the criterion does not apply), points lost and its
// distance to the bloc's mean, beside the bloc's mean, best and the units
// at the best, all as package analysis computed them.
func TestDrillDownCells(t *testing.T) {
	m := newTreeModel(t, 200, 60, true)
	press(m, "5", "down", "down", "down", "right", "right", "right", "enter")
	v := drillOf(m)
	if v == nil {
		t.Fatal("no drill-down")
	}
	cells := func(c func(col int) grid.Cell) string {
		var out []string
		for col := range tcCount {
			out = append(out, c(col).Text)
		}
		return strings.Join(out, "|")
	}
	got := []string{cells(v.pinned)}
	for _, i := range v.g.Rows() {
		got = append(got, cells(func(col int) grid.Cell { return v.Cell(i, col) }))
	}
	want := []string{
		// Sở Y tế: 2 + 2.5 of the 6 points that apply to it (1.3 is KPS)
		"1|Công tác chỉ đạo điều hành CCHC|4,50/6|1,50|3,50|+0,50|8,00|9,50|Sở Nội vụ +1|1,20|",
		"1.1|Kế hoạch CCHC|2,00/3|1,00|0,60|0,00|2,60|3,00|Sở Nội vụ +1|0,40|",
		"1.2|Báo cáo CCHC|2,50/3|0,50|0,10|+0,50|2,60|3,00|Sở Nội vụ +1|0,40|",
		"1.3|Kiểm tra CCHC|KPS||||3,50|4,00|Sở Tài chính|0,50|1",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("cells\n%s\nwant\n%s", g, w)
	}
	// the same numbers as the unit's tree in package analysis
	ut, _ := v.c.a.UnitTree(v.c.index, v.c.year, v.unitID)
	for _, r := range ut.Rows {
		if r.Key == "1.1" && (*r.Lost != 1 || *r.BlocMean != 2.6 || *r.BlocBest != 3) {
			t.Errorf("analysis gives 1.1 lost %v mean %v best %v", *r.Lost, *r.BlocMean, *r.BlocBest)
		}
	}
}

// TestDrillDownOtherBloc: after a change of bloc the drill-down shows the
// new bloc, with its first unit when the chosen one is not in it.
func TestDrillDownOtherBloc(t *testing.T) {
	m := newTreeModel(t, 120, 40, true)
	press(m, "5", "right", "right", "right", "enter", "tab")
	v := drillOf(m)
	if v == nil {
		t.Fatal("no drill-down")
	}
	if v.br.Bloc != "Quận, huyện" || v.unitID != data.UnitID("QHC", "Quận Hải Châu") {
		t.Fatalf("bloc %s unit %s", v.br.Bloc, v.unitID)
	}
	if s := screen(m); !strings.Contains(s, "Quận Hải Châu · khối Quận, huyện · 2023 · 95,20 điểm") {
		t.Errorf("heading:\n%s", s)
	}
}

// TestNoTreeNoDrill: with flat components (the city sample) enter on a
// component still opens the unit, the help says so, and the unit page has
// no tree section; with a tree, an area without criteria opens the unit.
func TestNoTreeNoDrill(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "5", "tab", "right", "right", "right", "enter")
	if _, ok := m.top().(*unitView); !ok {
		t.Fatalf("enter on a flat component did not open the unit:\n%s", screen(m))
	}
	if s := screen(m); strings.Contains(s, words.UnitTreeName.In(words.VI)) {
		t.Errorf("a tree section without a tree:\n%s", s)
	}
	press(m, "q")
	if s := screen(m); strings.Contains(s, words.KeyOpenParts.In(words.VI)) {
		t.Errorf("the help offers criteria without a tree:\n%s", s)
	}

	m = newTreeModel(t, 120, 40, true)
	press(m, "5", "right", "right", "right", "right", "right", "right", "enter") // area 4: no criteria in the files
	if _, ok := m.top().(*unitView); !ok {
		t.Fatalf("enter on an area without criteria did not open the unit:\n%s", screen(m))
	}
	if s := screen(m); !strings.Contains(s, words.UnitTreeName.In(words.VI)) {
		t.Errorf("no tree section on the unit page:\n%s", s)
	}
}

// TestDrillDownExport: y and w write the opened area as shown, the area
// itself first, then its criteria in the screen's order.
func TestDrillDownExport(t *testing.T) {
	m := newTreeModel(t, 120, 40, true)
	press(m, "5", "down", "down", "down", "right", "right", "right", "enter", "right", "right", "right", "s")
	tb, name := drillOf(m).exportTable()
	if name != "tieu-chi-1" || tb == nil {
		t.Fatalf("export %q %v", name, tb)
	}
	var got []string
	for _, r := range tb.Rows {
		val := func(x any) any {
			if n, ok := x.(present.Num); ok {
				return n.V
			}
			return x
		}
		got = append(got, fmt.Sprint(val(r[tcCode]), " ", val(r[tcLost]), " ", val(r[tcVsMean])))
	}
	// sorted by the distance to the bloc mean, largest first; 1.3 does not apply: last
	if g, w := strings.Join(got, ";"), "1 1.5 3.5;1.1 1 0.6;1.2 0.5 0.1;1.3 <nil> <nil>"; g != w {
		t.Errorf("rows %s, want %s", g, w)
	}
}

package analysis

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data"
)

// loadTree loads files as the command line would.
func loadTree(t *testing.T, files map[string]string) *Analysis {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	ds, err := data.LoadFS(fsys, ".", data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return New(ds)
}

const treeComponents = "code,name,max\n1,Chỉ đạo,5\n1.1,Kế hoạch,2\n1.2,Báo cáo,3\n2,Thể chế,5\n"

// rowText writes a tree row as "code score/applicable_max share mean best lost vs change".
func rowText(r CriterionRow) string {
	return fmt.Sprintf("%s%s %s/%s %s mean=%s best=%s lost=%s vs=%s ch=%s", strings.Repeat(" ", r.Level), sp(r.Code), fp(r.Score), fp(r.ApplicableMax),
		fp(r.Share), fp(r.BlocMean), fp(r.BlocBest), fp(r.Lost), fp(r.VsBlocMean), fp(r.Change))
}

// TestUnitTree: scores, applicable maxima, shares, bloc mean and best,
// points lost and change, for an area rolled up from its criteria and a
// criterion not applicable to the unit.
func TestUnitTree(t *testing.T) {
	a := loadTree(t, map[string]string{"components.csv": treeComponents,
		"par-2022.csv": "unit,1.1,1.2,2\nSở A,1,1,3\nSở B,2,2,4\n",
		"par-2023.csv": "unit,1.1,1.2,2\nSở A,KPS,2.5,4\nSở B,2,1,5\nSở C,1,1,2\n"})
	if !a.HasTree() {
		t.Fatal("no tree")
	}
	u, ok := a.UnitTree(data.DefaultIndex, 2023, data.UnitID("", "Sở A"))
	if !ok {
		t.Fatal("no unit")
	}
	var got []string
	for _, r := range u.Rows {
		got = append(got, rowText(r))
	}
	want := []string{
		// Sở A's area 1 is 2.5 of the 3 points that apply (1.1 is KPS); the bloc's mean is over A, B, C
		"1 2.5000/3.0000 83.3333 mean=2.5000 best=3.0000 lost=0.5000 vs=0.0000 ch=0.5000",
		" 1.1 nil/0.0000 nil mean=1.5000 best=2.0000 lost=nil vs=nil ch=nil",
		" 1.2 2.5000/3.0000 83.3333 mean=1.5000 best=2.5000 lost=0.5000 vs=-1.0000 ch=1.5000",
		"2 4.0000/5.0000 80.0000 mean=3.6667 best=5.0000 lost=1.0000 vs=-0.3333 ch=1.0000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !u.Rows[1].NotApplicable {
		t.Error("1.1 not marked not applicable")
	}
	wantF(t, "applicable max", u.ApplicableMax, 8)
	wantF(t, "share", u.Share, 81.25)
	if l := u.AtLevel(LevelArea); len(l) != 2 {
		t.Errorf("%d areas", len(l))
	}
	c, _ := a.UnitTree(data.DefaultIndex, 2023, data.UnitID("", "Sở C"))
	var lost []string
	for _, r := range c.MostLost(LevelCriterion, 5) {
		lost = append(lost, sp(r.Code))
	}
	if got, want := strings.Join(lost, ","), "1.1,1.2"; got != want { // both 0.5 below the mean: tree order
		t.Errorf("most lost %s, want %s", got, want)
	}
}

// TestSelfGaps: the gap against the appraisal column when the
// self-assessed score is on its scale, else against the total; the units
// that over-claimed most first; narrowed against last year's gap.
func TestSelfGaps(t *testing.T) {
	cases := []struct {
		name, comps, y22, y23 string
		want                  string
	}{
		{"against the appraisal column",
			"component,max\nĐiểm thẩm định,68\nĐiểm điều tra XHH,32\n",
			"unit,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH\nSở A,66,60,25\nSở B,60,58,26\n",
			"unit,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH\nSở A,65,61,25\nSở B,64,58,26\nSở C,,50,20\n",
			"Sở B 64-58=6 by diem tham dinh prev 2 widened;Sở A 65-61=4 by diem tham dinh prev 6 narrowed"}, // over-claimed most first
		{"self-assessment on the total's scale",
			"component,max\nĐiểm thẩm định,68\nĐiểm điều tra XHH,32\n",
			"unit,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH\nSở A,90,60,25\n",
			"unit,Điểm tự đánh giá,Điểm thẩm định,Điểm điều tra XHH\nSở A,95.1,62.4,29.05\n",
			"Sở A 95.1-91.45=3.65 by total prev 5 narrowed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := loadTree(t, map[string]string{"components.csv": c.comps, "par-2022.csv": c.y22, "par-2023.csv": c.y23})
			var got []string
			for _, g := range a.SelfGaps(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Tất cả"}) {
				s := fmt.Sprintf("%s %v-%v=%v by %s", g.Unit, g.SelfAssessed, g.Appraised, numRound(g.Gap), g.AppraisedBy)
				if g.PrevGap != nil {
					s += fmt.Sprintf(" prev %v", numRound(*g.PrevGap))
					if *g.Narrowed {
						s += " narrowed"
					} else {
						s += " widened"
					}
				}
				got = append(got, s)
			}
			if g := strings.Join(got, ";"); g != c.want {
				t.Errorf("got  %s\nwant %s", g, c.want)
			}
		})
	}
}

func numRound(v float64) float64 { return float64(int64(v*100+0.5*sign(v))) / 100 }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// TestCriterionSelfGap: a criterion's self-assessed score and its gap sit
// on its tree row; the total stays the appraised criteria's sum.
func TestCriterionSelfGap(t *testing.T) {
	a := loadTree(t, map[string]string{"par-2023.csv": "Tên đơn vị,Tự chấm 1.1,Tự chấm 1.2,1.1,1.2\nSở A,2,3,1.5,3.25\n"})
	u, ok := a.UnitTree(data.DefaultIndex, 2023, data.UnitID("", "Sở A"))
	if !ok {
		t.Fatal("no unit")
	}
	wantF(t, "total", u.Score, 4.75)
	var got []string
	for _, r := range u.Rows {
		got = append(got, fmt.Sprintf("%s self=%s gap=%s", sp(r.Code), fp(r.SelfAssessed), fp(r.SelfGap)))
	}
	if want := "1 self=nil gap=nil;1.1 self=2.0000 gap=0.5000;1.2 self=3.0000 gap=-0.2500"; strings.Join(got, ";") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, ";"), want)
	}
}

// TestUnitTreePartialTable: a table that publishes ranks down to 5 but
// lists 2 units is partial: its units are not the bloc, so no row carries
// a bloc mean or best and nothing is "below the bloc's mean".
func TestUnitTreePartialTable(t *testing.T) {
	a := loadTree(t, map[string]string{"components.csv": treeComponents,
		"par-2023.csv": "unit,xếp hạng,1.1,1.2,2\nSở A,1,2,3,5\nSở B,5,1,1,2\n"})
	ut, ok := a.UnitTree(data.DefaultIndex, 2023, a.UnitIDs()[1])
	if !ok {
		t.Fatal("no tree")
	}
	if !ut.Partial {
		t.Error("a table listing 2 of 5 ranks is not marked partial")
	}
	for _, r := range ut.Rows {
		if r.BlocMean != nil || r.BlocBest != nil || r.VsBlocMean != nil {
			t.Errorf("partial table, row %s: %s", sp(r.Code), rowText(r))
		}
	}
	if lost := ut.MostLost(LevelCriterion, 5); len(lost) != 0 {
		t.Errorf("most lost on a partial table: %v", lost)
	}
	br, ok := a.TreeBranch(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: ut.Bloc}, ut.Rows[0].Key)
	if !ok {
		t.Fatal("no branch")
	}
	for _, p := range append([]TreePart{br.Node}, br.Parts...) {
		if p.Mean != nil || p.Best != nil || len(p.BestUnits) != 0 || p.LostMean != nil {
			t.Errorf("partial table, part %s: mean %v best %v at %v lost %v", sp(p.Code), p.Mean, p.Best, p.BestUnits, p.LostMean)
		}
	}
}

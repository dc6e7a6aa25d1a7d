package analysis

import (
	"testing"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// TestGapsOnApplicableShare: under a grade scheme on the share of
// applicable points, the points to the next grade are the band's
// percentage of the unit's applicable maximum less its score.
func TestGapsOnApplicableShare(t *testing.T) {
	files := map[string]string{
		"components.csv": "code,name,max\n1,Chỉ đạo,20\n1.1,Kế hoạch,10\n1.2,Kiểm tra,10\n2,Thủ tục,80\n",
		"grades.csv":     "grade,min,basis\nXuất sắc,90,percent_of_applicable\nTốt,80,percent_of_applicable\nKhá,,percent_of_applicable\n",
		"par-2023.csv":   "unit,1.1,1.2,2\nSở A,9,9,73\nSở B,9,KPS,73\nSở C,8,7,70\nSở D,KPS,7,65\nSở E,5,KPS,60\n",
	}
	a := loadTree(t, files)
	cases := []struct {
		unit, grade, next string
		amax, toNext      string
	}{
		{"Sở A", "Xuất sắc", "nil", "nil", "nil"},         // 91 of 100: top grade
		{"Sở B", "Xuất sắc", "nil", "nil", "nil"},         // 82 of 90 = 91.1%: top grade
		{"Sở C", "Tốt", "Xuất sắc", "100.0000", "5.0000"}, // 85 of 100: 90 − 85
		{"Sở D", "Tốt", "Xuất sắc", "90.0000", "9.0000"},  // 72 of 90 = 80%: 81 − 72
		{"Sở E", "Khá", "Tốt", "90.0000", "7.0000"},       // 65 of 90 = 72.2%: 72 − 65
	}
	for _, tc := range cases {
		t.Run(tc.unit, func(t *testing.T) {
			g, ok := a.UnitGap(data.DefaultIndex, 2023, data.UnitID("", tc.unit))
			if !ok {
				t.Fatal("no unit")
			}
			if got := sp(g.Grade); got != tc.grade {
				t.Errorf("grade %s, want %s", got, tc.grade)
			}
			if got := sp(g.NextGrade); got != tc.next {
				t.Errorf("next grade %s, want %s", got, tc.next)
			}
			if got := fp(g.ApplicableMax); got != tc.amax && tc.next != "nil" {
				t.Errorf("applicable max %s, want %s", got, tc.amax)
			}
			if got := fp(g.ToNextGrade); got != tc.toNext {
				t.Errorf("to next grade %s, want %s", got, tc.toNext)
			}
		})
	}
	// the bloc's gaps agree with the unit's
	gaps := a.Gaps(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Tất cả"})
	if len(gaps) != len(cases) {
		t.Fatalf("%d gaps, want %d", len(gaps), len(cases))
	}
	for _, g := range gaps {
		u, _ := a.UnitGap(data.DefaultIndex, 2023, g.UnitID)
		if fp(g.ToNextGrade) != fp(u.ToNextGrade) || fp(g.ApplicableMax) != fp(u.ApplicableMax) {
			t.Errorf("%s: bloc %s/%s, unit %s/%s", g.Unit, fp(g.ToNextGrade), fp(g.ApplicableMax), fp(u.ToNextGrade), fp(u.ApplicableMax))
		}
	}
}

// TestPointsForShare: the least total (in cents) whose share of the
// maximum reaches the percentage at 2 decimals, as grades are compared.
func TestPointsForShare(t *testing.T) {
	cases := []struct {
		pct  int64
		amax float64
		want int64 // -1: only the property is checked
	}{
		{9000, 100, 9000},
		{9000, 90, 8100},
		{8000, 94, 7520},
		{9000, 93, 8370},
		{9000, 97, 8730},
		{9000, 1000, -1}, // 899.95 of 1000 is 89.995%: rounds to 90.00 or not, as float has it
		{7000, 33.33, -1},
		{5000, 0.5, 25},
	}
	for _, tc := range cases {
		got := pointsForShare(tc.pct, tc.amax)
		share := func(c int64) int64 { return numfmt.Cents(fromCents(c) / tc.amax * 100) }
		if share(got) < tc.pct || got > 0 && share(got-1) >= tc.pct {
			t.Errorf("pointsForShare(%d, %v) = %d: not the least total reaching it", tc.pct, tc.amax, got)
		}
		if tc.want >= 0 && got != tc.want {
			t.Errorf("pointsForShare(%d, %v) = %d, want %d", tc.pct, tc.amax, got, tc.want)
		}
	}
}

package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// cellText writes a unit's component cell as
// "score/applicable_max (max) pct lost [KPS]".
func cellText(c ComponentScore) string {
	s := fmt.Sprintf("%s/%s (%s) pct=%s lost=%s", fp(c.Score), fp(c.ApplicableMax), fp(c.Max), fp(c.Pct), fp(c.Lost))
	if c.NotApplicable {
		s += " KPS"
	}
	return s
}

// statsText writes an area's bloc statistics.
func statsText(s ComponentStats) string {
	return fmt.Sprintf("units=%d kps=%d mean=%s amax=%s (max %s) pct=%s med=%s min=%s max=%s lost_mean=%s lost_total=%s",
		s.Units, s.NotApplicable, fp(s.Mean), fp(s.ApplicableMaxMean), fp(s.MaxPoints), fp(s.MeanPct), fp(s.MedianPct),
		fp(s.MinPct), fp(s.MaxPct), fp(s.LostMean), fp(s.LostTotal))
}

// TestComponentsApplicableMax: the flat component views measure shares and
// points lost against the maximum that applies to the unit, as its tree
// does, and leave a whole area marked not applicable out of the bloc's
// statistics while marking it on the unit.
func TestComponentsApplicableMax(t *testing.T) {
	cases := []struct {
		name       string
		components string
		year       string
		unit       string
		cells      []string // the unit's cells, area by area
		stats      []string // the bloc's statistics, area by area
		lost       string   // the unit's points lost
		strongest  string
		weakest    string
	}{{
		// Sở A's criterion 1.1 (2 points) does not apply: area 1 is 2.5 of 3
		// (83.33%), not of 5 (50%); the bloc's share of area 1 is its points
		// over the points that applied: 7.5 / (3 + 5 + 5) = 57.69%.
		name:       "criterion-kps",
		components: "code,name,max\n1,Chỉ đạo,5\n1.1,Kế hoạch,2\n1.2,Báo cáo,3\n2,Thể chế,5\n",
		year:       "unit,1.1,1.2,2\nSở A,KPS,2.5,4\nSở B,2,1,5\nSở C,1,1,2\n",
		unit:       "Sở A",
		cells: []string{
			"2.5000/3.0000 (5.0000) pct=83.3333 lost=0.5000",
			"4.0000/5.0000 (5.0000) pct=80.0000 lost=1.0000",
		},
		stats: []string{
			"units=3 kps=0 mean=2.5000 amax=4.3333 (max 5.0000) pct=57.6923 med=60.0000 min=40.0000 max=83.3333 lost_mean=1.8333 lost_total=5.5000",
			"units=3 kps=0 mean=3.6667 amax=5.0000 (max 5.0000) pct=73.3333 med=80.0000 min=40.0000 max=100.0000 lost_mean=1.3333 lost_total=4.0000",
		},
		lost: "1.5000",
		// area 1: 83.33 − 57.69 = +25.64 points; area 2: 80 − 73.33 = +6.67
		strongest: "Chỉ đạo", weakest: "Thể chế",
	}, {
		// a whole area marked not applicable: no score, applicable max 0,
		// out of the bloc's statistics and of the unit's points lost
		name:       "area-kps",
		components: "code,name,max\n1,Chỉ đạo,5\n2,Thể chế,5\n",
		year:       "unit,1,2\nSở A,KPS,4\nSở B,3,5\nSở C,2,2\n",
		unit:       "Sở A",
		cells: []string{
			"nil/0.0000 (5.0000) pct=nil lost=nil KPS",
			"4.0000/5.0000 (5.0000) pct=80.0000 lost=1.0000",
		},
		stats: []string{
			"units=2 kps=1 mean=2.5000 amax=5.0000 (max 5.0000) pct=50.0000 med=50.0000 min=40.0000 max=60.0000 lost_mean=2.5000 lost_total=5.0000",
			"units=3 kps=0 mean=3.6667 amax=5.0000 (max 5.0000) pct=73.3333 med=80.0000 min=40.0000 max=100.0000 lost_mean=1.3333 lost_total=4.0000",
		},
		lost:      "1.0000",
		strongest: "Thể chế", weakest: "Thể chế",
	}, {
		// nothing marked: the applicable maximum is the maximum
		name:       "no-kps",
		components: "code,name,max\n1,Chỉ đạo,5\n2,Thể chế,5\n",
		year:       "unit,1,2\nSở A,1,4\nSở B,3,5\n",
		unit:       "Sở A",
		cells: []string{
			"1.0000/5.0000 (5.0000) pct=20.0000 lost=4.0000",
			"4.0000/5.0000 (5.0000) pct=80.0000 lost=1.0000",
		},
		stats: []string{
			"units=2 kps=0 mean=2.0000 amax=5.0000 (max 5.0000) pct=40.0000 med=40.0000 min=20.0000 max=60.0000 lost_mean=3.0000 lost_total=6.0000",
			"units=2 kps=0 mean=4.5000 amax=5.0000 (max 5.0000) pct=90.0000 med=90.0000 min=80.0000 max=100.0000 lost_mean=0.5000 lost_total=1.0000",
		},
		lost:      "5.0000",
		strongest: "Thể chế", weakest: "Chỉ đạo",
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := loadTree(t, map[string]string{"components.csv": tc.components, "par-2023.csv": tc.year})
			u, ok := a.UnitComponents(data.DefaultIndex, 2023, data.UnitID("", tc.unit))
			if !ok {
				t.Fatal("no unit")
			}
			var cells []string
			for _, c := range u.Components {
				cells = append(cells, cellText(c))
			}
			if got, want := strings.Join(cells, "\n"), strings.Join(tc.cells, "\n"); got != want {
				t.Errorf("cells\n%s\nwant\n%s", got, want)
			}
			bc, _ := a.Components(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: u.Bloc})
			var stats []string
			for _, s := range bc.Components {
				stats = append(stats, statsText(s))
			}
			if got, want := strings.Join(stats, "\n"), strings.Join(tc.stats, "\n"); got != want {
				t.Errorf("stats\n%s\nwant\n%s", got, want)
			}
			if got := fp(u.Lost); got != tc.lost {
				t.Errorf("lost %s, want %s", got, tc.lost)
			}
			if got := sp(u.Strongest) + " / " + sp(u.Weakest); got != tc.strongest+" / "+tc.weakest {
				t.Errorf("strongest / weakest %s, want %s / %s", got, tc.strongest, tc.weakest)
			}
			// the bloc's profile of the unit is the one UnitComponents gives
			for _, bu := range bc.Units {
				if bu.UnitID == u.UnitID && fp(bu.Lost) != fp(u.Lost) {
					t.Errorf("bloc profile lost %s, unit %s", fp(bu.Lost), fp(u.Lost))
				}
			}
			if got, want := bc.NotApplicableAny(), tc.name != "no-kps"; got != want {
				t.Errorf("NotApplicableAny %v, want %v", got, want)
			}
			if got, want := a.AnyNotApplicable(), tc.name != "no-kps"; got != want {
				t.Errorf("AnyNotApplicable %v, want %v", got, want)
			}
		})
	}
}

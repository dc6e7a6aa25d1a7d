package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// TestSelfGapSummed: without a total self-assessed score, the self-assessed
// total is summed from the areas' (or their criteria's) self-assessments,
// said so, and only when every area that applies has one.
func TestSelfGapSummed(t *testing.T) {
	const comps = "code,name,max\n1,Chỉ đạo,10\n1.1,Kế hoạch,4\n1.2,Kiểm tra,6\n2,Thể chế,10\n"
	cases := []struct {
		name, year string
		want       string // per unit in league-table order: "unit self-appraised=gap by [summed]", or "unit none"
	}{{
		name: "criteria",
		year: "unit,1.1,Tự đánh giá / 1.1,1.2,Tự đánh giá / 1.2,2,Tự đánh giá / 2\n" +
			"Sở A,3,4,5,6,8,9\n" + // 4 + 6 + 9 = 19 against 16
			"Sở B,KPS,,5,5,7,7\n" + // 1.1 does not apply: 5 + 7 = 12 against 12
			"Sở C,3,4,5,,8,9\n", // 1.2 has no self-assessment: no partial sum
		want: "Sở A 19-16=3 by total summed;Sở C none;Sở B 12-12=0 by total summed", // A and C tie on 16
	}, {
		name: "areas",
		year: "unit,1.1,1.2,Tự đánh giá / 1,2,Tự đánh giá / 2\nSở A,3,5,9,8,9\n", // 9 + 9 against 16
		want: "Sở A 18-16=2 by total summed",
	}, {
		name: "total given",
		year: "unit,Điểm tự đánh giá,1.1,Tự đánh giá / 1.1,1.2,Tự đánh giá / 1.2,2,Tự đánh giá / 2\nSở A,20,3,4,5,6,8,9\n",
		want: "Sở A 20-16=4 by total", // the file's own total self-assessment, not the sum (19)
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := loadTree(t, map[string]string{"components.csv": comps, "par-2023.csv": tc.year})
			bt, ok := a.Tree(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Tất cả"})
			if !ok {
				t.Fatal("no bloc")
			}
			var got []string
			for _, u := range bt.Units {
				g, ok := a.SelfGapOf(data.DefaultIndex, 2023, u.UnitID)
				if !ok {
					got = append(got, u.Unit+" none")
					continue
				}
				s := fmt.Sprintf("%s %v-%v=%v by %s", g.Unit, g.SelfAssessed, g.Appraised, numRound(g.Gap), g.AppraisedBy)
				if g.Summed {
					s += " summed"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, ";"); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}

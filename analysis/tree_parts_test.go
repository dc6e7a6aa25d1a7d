package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// partText writes a branch part as "code has-parts n=units kps=n/a mean best [best units] lost".
func partText(p TreePart) string {
	return fmt.Sprintf("%s%s parts=%v max=%s n=%d kps=%d mean=%s best=%s %v lost=%s", strings.Repeat(" ", p.Level), sp(p.Code), p.HasParts,
		fp(p.Max), p.Units, p.NotApplicable, fp(p.Mean), fp(p.Best), p.BestUnits, fp(p.LostMean))
}

// TestTreeBranch: a component and its parts across a bloc: the bloc's mean
// and best, the units at the best (ties in league order), the mean points
// lost against each unit's applicable maximum, units for which a criterion
// does not apply, a unit marked not ranked left out of the statistics.
func TestTreeBranch(t *testing.T) {
	const comps = "code,name,max\n1,Chỉ đạo,6\n1.1,Kế hoạch,2\n1.2,Báo cáo,4\n1.2.1,Đúng hạn,2\n1.2.2,Đủ nội dung,2\n2,Thể chế,5\n3,Khảo sát,\nT,Điểm thưởng,3\n"
	id := func(u string) string { return data.UnitID("", u) }
	cases := []struct {
		name, y23, key string
		ok             bool
		want           []string // the node, then its parts
	}{
		{"an area and its criteria, one not applicable to a unit",
			"unit,1.1,1.2.1,1.2.2,2\nSở A,KPS,2,1.5,4\nSở B,2,1,1,5\nSở C,1,2,2,2\n", "1", true,
			[]string{
				// A's area is 3.5 of the 4 points that apply (1.1 is KPS): lost 0.5; B 4/6 lost 2; C 5/6 lost 1
				"1 parts=true max=6.0000 n=3 kps=0 mean=4.1667 best=5.0000 [" + id("Sở C") + "] lost=1.1667",
				" 1.1 parts=false max=2.0000 n=2 kps=1 mean=1.5000 best=2.0000 [" + id("Sở B") + "] lost=0.5000",
				" 1.2 parts=true max=4.0000 n=3 kps=0 mean=3.1667 best=4.0000 [" + id("Sở C") + "] lost=0.8333",
			}},
		{"a criterion and its sub-criteria; a tie at the best in league order",
			"unit,1.1,1.2.1,1.2.2,2\nSở A,2,2,1.5,4\nSở B,2,2,1,5\nSở C,1,1,2,2\n", "1.2", true,
			[]string{
				" 1.2 parts=true max=4.0000 n=3 kps=0 mean=3.1667 best=3.5000 [" + id("Sở A") + "] lost=0.8333",
				"  1.2.1 parts=false max=2.0000 n=3 kps=0 mean=1.6667 best=2.0000 [" + id("Sở B") + " " + id("Sở A") + "] lost=0.3333",
				"  1.2.2 parts=false max=2.0000 n=3 kps=0 mean=1.5000 best=2.0000 [" + id("Sở C") + "] lost=0.5000",
			}},
		{"a unit marked not ranked is out of the statistics",
			"unit,hạng,1.1,1.2.1,1.2.2,2\nSở A,KXH,2,2,2,5\nSở B,,1,1,1,3\nSở C,,2,1,2,4\n", "1.2", true,
			[]string{
				" 1.2 parts=true max=4.0000 n=2 kps=0 mean=2.5000 best=3.0000 [" + id("Sở C") + "] lost=1.5000",
				"  1.2.1 parts=false max=2.0000 n=2 kps=0 mean=1.0000 best=1.0000 [" + id("Sở C") + " " + id("Sở B") + "] lost=1.0000",
				"  1.2.2 parts=false max=2.0000 n=2 kps=0 mean=1.5000 best=2.0000 [" + id("Sở C") + "] lost=0.5000",
			}},
		{"an area without a maximum: no points lost",
			"unit,1.1,1.2.1,1.2.2,2,3\nSở A,2,2,2,5,30\nSở B,1,1,1,3,20\n", "3", true,
			[]string{"3 parts=false max=nil n=2 kps=0 mean=25.0000 best=30.0000 [" + id("Sở A") + "] lost=nil"}},
		{"bonus points are never lost", "unit,1.1,1.2.1,1.2.2,2,T\nSở A,2,2,2,5,1\nSở B,1,1,1,3,2\n", "T", true,
			[]string{"T parts=false max=3.0000 n=2 kps=0 mean=1.5000 best=2.0000 [" + id("Sở B") + "] lost=nil"}},
		{"an area with no parts", "unit,1.1,1.2.1,1.2.2,2\nSở A,2,2,2,5\n", "2", true,
			[]string{"2 parts=false max=5.0000 n=1 kps=0 mean=5.0000 best=5.0000 [" + id("Sở A") + "] lost=0.0000"}},
		{"a component without a score in the bloc", "unit,1.1,1.2.1,1.2.2,2\nSở A,2,2,2,5\n", "3", false, nil},
		{"no such component", "unit,1.1,1.2.1,1.2.2,2\nSở A,2,2,2,5\n", "9", false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := loadTree(t, map[string]string{"components.csv": comps, "par-2023.csv": c.y23})
			br, ok := a.TreeBranch(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Tất cả"}, c.key)
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			got := []string{partText(br.Node)}
			for _, p := range br.Parts {
				got = append(got, partText(p))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
	a := loadTree(t, map[string]string{"components.csv": comps, "par-2023.csv": "unit,1.1,2\nSở A,2,5\n"})
	if _, ok := a.TreeBranch(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "Tất cả"}, "1"); ok {
		t.Error("a year without results gave a branch")
	}
}

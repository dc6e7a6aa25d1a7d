package data

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// Settling the records in parts on several goroutines (the roll-up, the
// identities, the name changes) changes nothing: the same records and the
// same problems, in the same order, as one part gives — with more warnings
// than a file lists (the cap falls at the same place), rows repeated and
// units renamed, records to sort, over two files.
func TestSettleInPartsAsOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 7))
	comps := "code,name,max\n1,Chỉ đạo,6\n1.1,Kế hoạch,2\n1.2,Báo cáo,4\n2,Thể chế,5\n2.1,Ban hành,2\n2.2,Kiểm tra,1.5\n2.3,Theo dõi,1.5\n"
	blanks := 12 // one cell in blanks is empty, one KPS
	cell := func(v float64) string {
		switch rng.IntN(blanks) {
		case 0:
			return ""
		case 1:
			return "KPS"
		}
		return fmt.Sprintf("%.2f", v)
	}
	areas := 5 // an area is given in three rows of areas, the others leave it empty
	area := func(sum float64) string {
		switch rng.IntN(areas) {
		case 0:
			return fmt.Sprintf("%.2f", sum) // agrees, unless a part is not a number
		case 1:
			return fmt.Sprintf("%.2f", sum+0.5) // disagrees
		case 2:
			return "KPS"
		}
		return ""
	}
	blocs := []string{"Sở", "Huyện", "Xã"}
	file := func(rows int, firstYear int, codes string) string {
		var sb strings.Builder
		sb.WriteString("year,bloc,unit_code,unit,1,1.1,1.2,2,2.1,2.2,2.3\n")
		for i := range rows {
			year := firstYear + i/60
			code := fmt.Sprintf(codes, i%60)
			name := "Sở " + code
			if rng.IntN(40) == 0 {
				name = "Sở mới " + code // a rename, warned once per code and name
			}
			if rng.IntN(30) == 0 {
				code = "" // a row without a code: its identity comes from its name
			}
			v := [5]float64{rng.Float64() * 2, rng.Float64() * 4, rng.Float64() * 2, rng.Float64() * 1.5, rng.Float64() * 1.5}
			c := make([]string, 5)
			for k := range v {
				c[k] = cell(v[k])
			}
			line := fmt.Sprintf("%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", year, blocs[i%60%len(blocs)], code, name,
				area(v[0]+v[1]), c[0], c[1], area(v[2]+v[3]+v[4]), c[2], c[3], c[4])
			sb.WriteString(line)
			if rng.IntN(50) == 0 {
				sb.WriteString(line) // a row repeated: kept once
			}
		}
		return sb.String()
	}
	a := file(600, 2015, "U%03d")                                                                      // 2015–2024, blocs interleaved: the records are sorted
	blanks, areas = 400, 60                                                                            // b.csv: fewer warnings than its cap, the renames among them
	files := map[string]string{"components.csv": comps, "a.csv": a, "b.csv": file(240, 2021, "V%03d")} // other units, in years of a.csv
	read := func(procs, minRecords int) string {
		defer func(p, m int) { runtime.GOMAXPROCS(p); minParallelRecords = m }(runtime.GOMAXPROCS(procs), minParallelRecords)
		minParallelRecords = minRecords
		r := readFiles(t, files)
		return fmt.Sprintf("%v\n%+v", r.Issues, r.Dataset.Records)
	}
	one := read(1, 1<<30)
	for _, want := range []string{"sum to", "is marked not applicable but", "too many problems in this file", "is named", "appears twice"} {
		if !strings.Contains(one, want) {
			t.Fatalf("the data should give %q; the test proves nothing without it:\n%s", want, one)
		}
	}
	for _, procs := range []int{2, 3, 7} {
		if got := read(procs, 1); got != one {
			t.Errorf("%d parts differ from one:\none:   %.1500s\nparts: %.1500s", procs, one, got)
		}
	}
}

// Renames are reported in year order, then in file order within a year,
// once per code and new name, however many parts look for them; a rename
// units.csv records is not reported.
func TestNameChangesInOrder(t *testing.T) {
	files := map[string]string{
		"units.csv": "unit_code,unit,aliases\nD,Sở D,Sở D cũ\n",
		"par.csv": "year,unit_code,unit,total\n" +
			"2022,B,Sở B mới,1\n" + // line 2
			"2020,A,Sở A,1\n2020,B,Sở B,1\n2020,C,Sở C,1\n2020,D,Sở D cũ,1\n" +
			"2022,A,Sở A mới,1\n" + // line 7
			"2021,C,Sở C mới,1\n" + // line 8
			"2021,A,SỞ A,1\n" + // case only: no warning
			"2023,C,Sở C mới,1\n" + // the same rename again: reported once
			"2023,D,Sở D,1\n", // units.csv records it
	}
	want := strings.Join([]string{
		`par.csv:8: warning: unit C is named "Sở C" in 2020 and "Sở C mới" in 2021 (hint: fine if the unit was renamed; list old names as aliases in units.csv)`,
		`par.csv:2: warning: unit B is named "Sở B" in 2020 and "Sở B mới" in 2022 (hint: fine if the unit was renamed; list old names as aliases in units.csv)`,
		`par.csv:7: warning: unit A is named "Sở A" in 2020 and "Sở A mới" in 2022 (hint: fine if the unit was renamed; list old names as aliases in units.csv)`,
	}, "\n")
	for _, procs := range []int{1, 2, 3} {
		func() {
			defer func(p, m int) { runtime.GOMAXPROCS(p); minParallelRecords = m }(runtime.GOMAXPROCS(procs), minParallelRecords)
			minParallelRecords = 1
			r := readFiles(t, files)
			var got []string
			for _, w := range r.Dataset.Warnings {
				if strings.Contains(w.Msg, "is named") {
					got = append(got, w.String())
				}
			}
			if g := strings.Join(got, "\n"); g != want {
				t.Errorf("%d parts:\n%s\nwant\n%s", procs, g, want)
			}
		}()
	}
}

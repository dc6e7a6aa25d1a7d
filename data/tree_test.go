package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// treeShape writes a dataset's tree as "code<parent code" lines, in order.
func treeShape(d *Dataset) string {
	t := d.Tree()
	var out []string
	for i, c := range d.Components {
		line := c.Code
		if line == "" {
			line = c.Name
		}
		if p := t.Parent[i]; p >= 0 {
			line += "<" + d.Components[p].Key
		}
		out = append(out, line)
	}
	return strings.Join(out, " ")
}

// scoresOf writes a record's scores by component key ("-" missing, "KPS"
// not applicable).
func scoresOf(d *Dataset, unit string) string {
	for i := range d.Records {
		r := &d.Records[i]
		if r.Unit != unit {
			continue
		}
		var out []string
		for j, c := range d.Components {
			v := r.Score(j)
			s := formatNum(v)
			switch {
			case IsNotApplicable(v):
				s = "KPS"
			case IsMissing(v):
				s = "-"
			}
			out = append(out, c.Key+"="+s)
		}
		return fmt.Sprintf("%s total=%s", strings.Join(out, " "), formatNum(r.Total))
	}
	return "no record"
}

func TestCodePath(t *testing.T) {
	cases := []struct {
		code, path string
		ok         bool
	}{
		{"1", "1", true}, {"1.2", "1.2", true}, {"1.2.3", "1.2.3", true}, {"TC1.2", "1.2", true},
		{"tc 1.2.", "1.2", true}, {"LV1", "1", true}, {"Tiêu chí 3.1", "3.1", true}, {"01.02", "1.2", true},
		{"", "", false}, {"2021", "", false}, {"Sở Nội vụ", "", false}, {"1.2.3.4.5", "", false},
	}
	for _, c := range cases {
		p, ok := codePath(c.code)
		if p != c.path || ok != c.ok {
			t.Errorf("codePath(%q) = %q, %v; want %q, %v", c.code, p, ok, c.path, c.ok)
		}
	}
}

func TestHeaderCode(t *testing.T) {
	cases := []struct {
		header, code, path, areaName, areaPath string
		ok                                     bool
	}{
		{"1.2", "1.2", "1.2", "", "", true},
		{"1.2. Ban hành kế hoạch", "1.2", "1.2", "", "", true},
		{"TC3.1", "TC3.1", "3.1", "", "", true},
		{"Lĩnh vực 1: Chỉ đạo (10 điểm) / 1.1", "1.1", "1.1", "Lĩnh vực 1: Chỉ đạo (10 điểm)", "1", true},
		{"Lĩnh vực 2 / 1.1", "1.1", "1.1", "", "", true}, // the merged cell above is not its area
		{"1", "", "", "", "", false}, // a bare number is not known to be an area
		{"Tổng điểm", "", "", "", "", false},
	}
	for _, c := range cases {
		code, path, an, ap, ok := headerCode(c.header)
		if code != c.code || path != c.path || an != c.areaName || ap != c.areaPath || ok != c.ok {
			t.Errorf("headerCode(%q) = %q %q %q %q %v", c.header, code, path, an, ap, ok)
		}
	}
}

// TestTreeInference: the tree comes from components.csv's parent column,
// from codes, and from a data file's headers.
func TestTreeInference(t *testing.T) {
	cases := []struct {
		name       string
		components string // "" = none
		data       string
		want       string
	}{
		{"codes in components.csv",
			"code,name,max\n1,Chỉ đạo,5\n1.1,Kế hoạch,2\n1.2,Báo cáo,3\n2,Thể chế,5\n",
			"year,unit,1.1,1.2,2\n2023,Sở A,2,3,5\n",
			"1 1.1<1 1.2<1 2"},
		{"prefixed codes find their area",
			"code,name,max\nLV1,Chỉ đạo,5\nTC1.1,Kế hoạch,2\nTC1.2,Báo cáo,3\n",
			"year,unit,Kế hoạch,Báo cáo\n2023,Sở A,2,3\n",
			"LV1 TC1.1<LV1 TC1.2<LV1"},
		{"parent column over codes, parent listed after its parts",
			"code,name,max,parent\nA,Kế hoạch,2,X\nB,Báo cáo,3,X\nX,Chỉ đạo,5,\n",
			"year,unit,Kế hoạch,Báo cáo\n2023,Sở A,2,3\n",
			"A<X B<X X"},
		{"parent by name",
			"code,name,max,parent\n1,Chỉ đạo,5,\n9,Kế hoạch,5,Chỉ đạo\n",
			"year,unit,Kế hoạch\n2023,Sở A,2\n",
			"1 9<1"},
		{"criterion headers without components.csv add their area",
			"",
			"year,unit,1.1,1.2,2.1\n2023,Sở A,2,3,4\n",
			"1 1.1<1 1.2<1 2 2.1<2"},
		{"sub-criteria under a criterion column",
			"",
			"year,unit,1.1,1.1.1,1.1.2\n2023,Sở A,3,1,2\n",
			"1 1.1<1 1.1.1<1.1 1.1.2<1.1"},
		{"codes of a flat file stay flat",
			"code,name,max\nTC1.1,Tiêu chí 1.1,50\nTC1.2,Tiêu chí 1.2,50\n",
			"year,unit,Tiêu chí 1.1,Tiêu chí 1.2\n2023,Sở A,20,30\n",
			"TC1.1 TC1.2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"par.csv": c.data}
			if c.components != "" {
				files["components.csv"] = c.components
			}
			d := mustLoad(t, files)
			if got := treeShape(d); got != c.want {
				t.Errorf("tree %q, want %q", got, c.want)
			}
		})
	}
}

// TestMergedHeaderTree: two header rows, the area merged over its criteria.
func TestMergedHeaderTree(t *testing.T) {
	data := "Năm,Tên đơn vị,Lĩnh vực 1: Chỉ đạo (5 điểm),,Lĩnh vực 2: Thể chế,\n" +
		",,1.1,1.2,2.1,2.2\n" +
		"2023,Sở A,2,3,1,4\n"
	d := mustLoad(t, map[string]string{"par.csv": data})
	if got, want := treeShape(d), "1 1.1<1 1.2<1 2 2.1<2 2.2<2"; got != want {
		t.Fatalf("tree %q, want %q", got, want)
	}
	if got := d.Components[0].Name; got != "Lĩnh vực 1: Chỉ đạo (5 điểm)" {
		t.Errorf("area named %q", got)
	}
	if got, want := scoresOf(d, "Sở A"), "1=5 1.1=2 1.2=3 2=5 2.1=1 2.2=4 total=10"; got != want {
		t.Errorf("scores %s, want %s", got, want)
	}
}

// TestRollUp: an area is the sum of its criteria when the file gives only
// criteria; both given must agree; totals never count twice; a missing
// criterion leaves the area and the total missing, never a partial sum.
func TestRollUp(t *testing.T) {
	comps := "code,name,max\n1,Chỉ đạo,5\n1.1,Kế hoạch,2\n1.2,Báo cáo,3\n2,Thể chế,5\n"
	cases := []struct {
		name, data, unit, want string
		warn                   string // a warning that must be there ("" = no warning)
	}{
		{"only criteria: the area is their sum", "year,unit,1.1,1.2,2\n2023,Sở A,1.5,2.25,4\n", "Sở A",
			"1=3.75 1.1=1.5 1.2=2.25 2=4 total=7.75", ""},
		{"area and criteria agree: summed once", "year,unit,1,1.1,1.2,2\n2023,Sở A,3.75,1.5,2.25,4\n", "Sở A",
			"1=3.75 1.1=1.5 1.2=2.25 2=4 total=7.75", ""},
		{"area and criteria disagree: the area kept, both named", "year,unit,1,1.1,1.2,2\n2023,Sở A,4,1.5,2.25,4\n", "Sở A",
			"1=4 1.1=1.5 1.2=2.25 2=4 total=8",
			`par.csv:2:3: warning: Sở A 2023: area "Chỉ đạo" is 4, its 2 criteria sum to 3.75`},
		{"a criterion missing: no partial sum", "year,unit,1.1,1.2,2\n2023,Sở A,1.5,,4\n2023,Sở B,1,2,3\n", "Sở A",
			"1=- 1.1=1.5 1.2=- 2=4 total=NaN", "Sở A 2023 is not ranked"},
		{"a criterion not applicable: the area is the sum of the others", "year,unit,1.1,1.2,2\n2023,Sở A,KPS,2.25,4\n2023,Sở B,1,2,3\n", "Sở A",
			"1=2.25 1.1=KPS 1.2=2.25 2=4 total=6.25", ""},
		{"long format by criterion code", "year,unit,component,score\n2023,Sở A,1.1,1.5\n2023,Sở A,1.2,2\n2023,Sở A,2,4\n", "Sở A",
			"1=3.5 1.1=1.5 1.2=2 2=4 total=7.5", ""},
		{"long format, area and criteria disagree", "year,unit,component,score\n2023,Sở A,1,3\n2023,Sở A,1.1,1.5\n2023,Sở A,1.2,2\n2023,Sở A,2,4\n", "Sở A",
			"1=3 1.1=1.5 1.2=2 2=4 total=7", `area "Chỉ đạo" is 3, its 2 criteria sum to 3.5`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{"components.csv": comps, "par.csv": c.data})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			if got := scoresOf(r.Dataset, c.unit); got != c.want {
				t.Errorf("scores\n  %s\nwant\n  %s", got, c.want)
			}
			var warns []string
			for _, w := range r.Dataset.Warnings {
				warns = append(warns, w.String())
			}
			all := strings.Join(warns, "\n")
			if c.warn != "" && !strings.Contains(all, c.warn) {
				t.Errorf("want warning %q in\n%s", c.warn, all)
			}
			if c.warn == "" && strings.Contains(all, "sum to") {
				t.Errorf("unexpected roll-up warning:\n%s", all)
			}
		})
	}
}

// TestRollUpMaxima: an area without a maximum gets its criteria's; one that
// differs from theirs is reported.
func TestRollUpMaxima(t *testing.T) {
	data := "year,unit,1.1,1.2\n2023,Sở A,1,2\n"
	r := readFiles(t, map[string]string{"par.csv": data, "components.csv": "code,name,max\n1,Chỉ đạo,\n1.1,A,2\n1.2,B,3\n"})
	if m, ok := r.Dataset.Components[0].Max(2023); !ok || m != 5 {
		t.Errorf("area max %v %v, want 5", m, ok)
	}
	r = readFiles(t, map[string]string{"par.csv": data, "components.csv": "code,name,max\n1,Chỉ đạo,6\n1.1,A,2\n1.2,B,3\n"})
	want := `components.csv:2: warning: 2023: the maximum of area "Chỉ đạo" is 6, its parts' maxima sum to 5`
	if !slices.ContainsFunc(r.Dataset.Warnings, func(i Issue) bool { return strings.HasPrefix(i.String(), want) }) {
		t.Errorf("want %q in %v", want, r.Dataset.Warnings)
	}
}

// TestApplicableMax: a criterion marked not applicable leaves the unit's
// maximum, of its area and of its total.
func TestApplicableMax(t *testing.T) {
	comps := "code,name,max\n1,Chỉ đạo,5\n1.1,Kế hoạch,2\n1.2,Báo cáo,3\n2,Thể chế,5\n"
	data := "year,unit,1.1,1.2,2\n2023,Sở A,1,2,4\n2023,Sở B,KPS,2,4\n2023,Sở C,Không phát sinh,KPS,5\n"
	d := mustLoad(t, map[string]string{"components.csv": comps, "par.csv": data})
	tr := d.Tree()
	cases := []struct {
		unit       string
		area, tot  float64
		crit11     float64
		totalScore float64
	}{
		{"Sở A", 5, 10, 2, 7},
		{"Sở B", 3, 8, 0, 6},
		{"Sở C", 0, 5, 0, 5},
	}
	for _, c := range cases {
		for i := range d.Records {
			r := &d.Records[i]
			if r.Unit != c.unit {
				continue
			}
			area, _ := d.ApplicableMax(tr, r, 0)
			crit, _ := d.ApplicableMax(tr, r, 1)
			tot, ok := d.ApplicableTotalMax(tr, r)
			if area != c.area || crit != c.crit11 || tot != c.tot || !ok || r.Total != c.totalScore {
				t.Errorf("%s: area %v crit %v total max %v (%v) total %v; want %v %v %v %v", c.unit, area, crit, tot, ok, r.Total, c.area, c.crit11, c.tot, c.totalScore)
			}
		}
	}
}

// TestTreeRefusals: a parent that names nothing, or two components that
// are each other's parents, are refused at the cell.
func TestTreeRefusals(t *testing.T) {
	cases := []struct{ name, comps, want string }{
		{"unknown parent", "code,name,max,parent\n1,A,5,\n1.1,B,2,9\n", `components.csv:3:4: error: parent "9" of "B" names no component`},
		{"cycle", "code,name,max,parent\nX,A,5,Y\nY,B,2,X\n", `components.csv:2: error: components "A" and "B" are each other's parents`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{"components.csv": c.comps, "par.csv": "year,unit,A\n2023,Sở A,1\n"})
			if r.Err() == nil {
				t.Fatal("accepted")
			}
			if !slices.ContainsFunc(r.Issues, func(i Issue) bool { return strings.HasPrefix(i.String(), c.want) }) {
				t.Errorf("want %q in %v", c.want, r.Issues)
			}
		})
	}
}

// TestRenamedCriterion: a criterion renamed across years (two rows of one
// code with year spans) stays one component under its area.
func TestRenamedCriterion(t *testing.T) {
	comps := "code,name,max,from_year,to_year\n1,Chỉ đạo,5,,\n1.1,Kế hoạch CCHC,2,,2022\n1.1,Kế hoạch và báo cáo,2,2023,\n1.2,Tuyên truyền,3,,\n"
	d := mustLoad(t, map[string]string{"components.csv": comps,
		"par-2022.csv": "unit,Kế hoạch CCHC,Tuyên truyền\nSở A,1,3\n",
		"par-2023.csv": "unit,Kế hoạch và báo cáo,Tuyên truyền\nSở A,2,2\n"})
	if got, want := treeShape(d), "1 1.1<1 1.2<1"; got != want {
		t.Fatalf("tree %q, want %q", got, want)
	}
	var got []string
	for i := range d.Records {
		r := &d.Records[i]
		got = append(got, fmt.Sprintf("%d %s=%s %s", r.Year, d.Components[1].NameIn(r.Year), formatNum(r.Score(1)), formatNum(r.Score(0))))
	}
	if want := "2022 Kế hoạch CCHC=1 4,2023 Kế hoạch và báo cáo=2 4"; strings.Join(got, ",") != want {
		t.Errorf("got %q, want %q", strings.Join(got, ","), want)
	}
}

// TestPercentOfApplicableScheme: a scheme declared on the share of
// applicable points grades a unit whose KPS criterion left its maximum on
// its share, not its points; an unknown basis is refused at the cell.
func TestPercentOfApplicableScheme(t *testing.T) {
	comps := "code,name,max\n1,Chỉ đạo,50\n1.1,Kế hoạch,20\n1.2,Báo cáo,30\n2,Thể chế,50\n"
	data := "year,unit,1.1,1.2,2\n2023,Sở A,18,27,40\n2023,Sở B,KPS,28,44\n"
	grades := "grade,min,basis\nXuất sắc,90,percent_of_applicable\nTốt,80,percent_of_applicable\nKhá,,percent_of_applicable\n"
	d := mustLoad(t, map[string]string{"components.csv": comps, "par.csv": data, "grades.csv": grades})
	s := &d.Schemes[0]
	if s.Basis != BasisApplicable {
		t.Fatalf("basis %q", s.Basis)
	}
	tr := d.Tree()
	cases := []struct {
		unit  string
		value float64
		grade string
	}{
		{"Sở A", 85, "Tốt"},      // 85 of 100 points
		{"Sở B", 90, "Xuất sắc"}, // 72 of the 80 points that apply: 90%, though only 72 points
	}
	for _, c := range cases {
		for i := range d.Records {
			r := &d.Records[i]
			if r.Unit != c.unit {
				continue
			}
			v, ok := d.GradeValue(s, tr, r)
			if !ok || v != c.value || s.GradeFor(v) != c.grade {
				t.Errorf("%s: %v %v → %q; want %v → %q", c.unit, v, ok, s.GradeFor(v), c.value, c.grade)
			}
		}
	}
	r := readFiles(t, map[string]string{"par.csv": data, "grades.csv": "grade,min,basis\nTốt,80,per cent\n"})
	want := `grades.csv:2:3: error: unknown basis "per cent"`
	if !slices.ContainsFunc(r.Issues, func(i Issue) bool { return strings.HasPrefix(i.String(), want) }) {
		t.Errorf("want %q in %v", want, r.Issues)
	}
	r = readFiles(t, map[string]string{"par.csv": data, "grades.csv": "grade,min,basis\nTốt,80,percent_of_applicable\nKhá,,\n"})
	want = `grades.csv:3:3: error: a scheme's rows disagree on its basis`
	if !slices.ContainsFunc(r.Issues, func(i Issue) bool { return strings.HasPrefix(i.String(), want) }) {
		t.Errorf("want %q in %v", want, r.Issues)
	}
}

// TestApplicableSchemeWithoutMaxima: a scheme on the share of applicable
// points cannot grade a unit whose maximum is unknown, and says so once;
// the same scheme on points grades it and says nothing.
func TestApplicableSchemeWithoutMaxima(t *testing.T) {
	data := "year,unit,total\n2023,Sở A,85\n2023,Sở B,91\n"
	const want = "has no known maximum: such units are not graded"
	for _, c := range []struct {
		basis string
		warns int
	}{{"percent_of_applicable", 1}, {"points", 0}} {
		grades := "grade,min,basis\nTốt,80," + c.basis + "\nKhá,," + c.basis + "\n"
		r := readFiles(t, map[string]string{"par.csv": data, "grades.csv": grades})
		if r.Err() != nil {
			t.Fatalf("%s: %v", c.basis, r.Issues)
		}
		n := 0
		for _, is := range r.Issues {
			if strings.Contains(is.String(), want) {
				n++
			}
		}
		if n != c.warns {
			t.Errorf("basis %s: %d warnings %q, want %d (%v)", c.basis, n, want, c.warns, r.Issues)
		}
	}
}

// TestScaleCountsAreasOnce: the plausible total is the areas' maxima, not
// the areas' and their criteria's summed (which would double it).
func TestScaleCountsAreasOnce(t *testing.T) {
	comps := "code,name,max\n1,Chỉ đạo,60\n1.1,A,30\n1.2,B,30\n2,Thể chế,40\n"
	r := readFiles(t, map[string]string{"components.csv": comps, "par.csv": "year,unit,1.1,1.2,2,total\n2023,Sở A,30,30,40,100\n2023,Sở B,30,30,40,160\n"})
	want := `par.csv:3:6: error: total 160 is far above the scale: a total is at most 150 (100 points plus 50 for bonus points, components.csv giving no bonus maximum)`
	if !slices.ContainsFunc(r.Issues, func(i Issue) bool { return strings.HasPrefix(i.String(), want) }) {
		t.Errorf("want %q in %v", want, r.Issues)
	}
}

// TestDeclaredNotApplicable: "N/A" is missing unless the file declares it
// not applicable in a note above or below its table; KPS always is.
func TestDeclaredNotApplicable(t *testing.T) {
	comps := "code,name,max\n1,Chỉ đạo,5\n1.1,Kế hoạch,2\n1.2,Báo cáo,3\n"
	rows := "unit,1.1,1.2\nSở A,N/A,2.5\nSở B,2,1\n"
	cases := []struct {
		name, data, want, note string
	}{
		{"no declaration: missing", rows, "1=- 1.1=- 1.2=2.5 total=NaN", ""},
		{"declared above the table", "Ghi chú: N/A: không phát sinh\n" + rows, "1=2.5 1.1=KPS 1.2=2.5 total=2.5",
			`line 1 declares "N/A" not applicable`},
		{"declared with an equals sign", "Bảng 2\n(*) N/A = Không áp dụng\n" + rows, "1=2.5 1.1=KPS 1.2=2.5 total=2.5",
			`line 2 declares "N/A" not applicable`},
		{"long format", "Chú thích: x - tiêu chí không phát sinh\nyear,unit,component,score\n2023,Sở A,1.1,x\n2023,Sở A,1.2,2.5\n2023,Sở B,1.1,2\n2023,Sở B,1.2,1\n",
			"1=2.5 1.1=KPS 1.2=2.5 total=2.5", `line 1 declares "x" not applicable`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{"components.csv": comps, "par-2023.csv": c.data})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			if got := scoresOf(r.Dataset, "Sở A"); got != c.want {
				t.Errorf("scores %s, want %s", got, c.want)
			}
			var notes []string
			for _, f := range r.Dataset.Files {
				notes = append(notes, f.Notes...)
			}
			if c.note != "" && !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, c.note) }) {
				t.Errorf("notes %q lack %q", notes, c.note)
			}
		})
	}
}

// TestSelfAssessedCriteria: columns of self-assessed scores per criterion
// (merged "Điểm tự đánh giá" over 1.1, 1.2, or "Tự chấm 1.1") are kept
// beside the appraised ones, never summed and never mistaken for them.
func TestSelfAssessedCriteria(t *testing.T) {
	cases := []struct{ name, data string }{
		{"merged header", "Năm,Tên đơn vị,Điểm tự đánh giá,,Điểm thẩm định,\n,,1.1,1.2,1.1,1.2\n2023,Sở A,2,3,1.5,2.5\n"},
		{"prefixed headers", "Năm,Tên đơn vị,Tự chấm 1.1,Tự chấm 1.2,1.1,1.2\n2023,Sở A,2,3,1.5,2.5\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustLoad(t, map[string]string{"par.csv": c.data})
			tr := d.Tree()
			r := &d.Records[0]
			if r.Total != 4 {
				t.Errorf("total %v, want 4 (the appraised criteria only)", r.Total)
			}
			var got []string
			for i, comp := range d.Components {
				if tr.IsSelf(i) {
					continue
				}
				s := fmt.Sprintf("%s=%s", comp.Key, formatNum(r.Score(i)))
				if j := tr.SelfOf[i]; j >= 0 {
					s += " self " + formatNum(r.Score(j))
				}
				got = append(got, s)
			}
			if want := "1=4,1.1=1.5 self 2,1.2=2.5 self 3"; strings.Join(got, ",") != want {
				t.Errorf("got %s, want %s", strings.Join(got, ","), want)
			}
		})
	}
}

// A maximum rolled up from the parts in a year keeps the component's name
// in that year: a renamed area is not shown under its old name.
func TestRolledUpMaxKeepsYearName(t *testing.T) {
	c := Component{Name: "Old name", Terms: []ComponentTerm{{Name: "Old name", FromYear: 2020, ToYear: 2022}, {Name: "New name", FromYear: 2023}}}
	c.setMaxIn(2023, 7)
	if got := c.NameIn(2023); got != "New name" {
		t.Errorf("NameIn(2023) = %q after a maximum was set, want %q", got, "New name")
	}
	if m, ok := c.Max(2023); !ok || m != 7 {
		t.Errorf("Max(2023) = %v, %v", m, ok)
	}
	if got := c.NameIn(2021); got != "Old name" {
		t.Errorf("NameIn(2021) = %q", got)
	}
}

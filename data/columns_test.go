package data

import (
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Every spelling offices and the press use for a role is recognised; a
// header alone decides nothing it cannot ("Chỉ số" stays the index).
func TestHeaderRole(t *testing.T) {
	tests := []struct {
		header string
		want   role
	}{
		{"Tỉnh, thành phố", roleUnit},
		{"Tỉnh/thành phố", roleUnit},
		{"Địa phương", roleUnit},
		{"Bộ, ngành", roleUnit},
		{"Các bộ, cơ quan ngang bộ", roleUnit},
		{"Tên cơ quan", roleUnit},
		{"Cơ quan, đơn vị", roleUnit},
		{"Tên cơ quan, đơn vị", roleUnit},
		{"Chỉ số PAR INDEX", roleTotal},
		{"Chỉ số PAR INDEX 2022", roleTotal},
		{"PAR INDEX 2019", roleTotal},
		{"Chỉ số CCHC", roleTotal},
		{"Chỉ số CCHC 2023", roleTotal},
		{"Tổng điểm đạt được", roleTotal},
		{"Điểm đạt được", roleTotal},
		{"Kết quả", roleTotal},
		{"Chỉ số (%)", roleTotal},
		{"Chỉ số", roleIndex},
		{"chỉ số 2022", roleOther}, // an index name with a year is no role
		{"Số thứ tự", roleRowNumber},
		{"Thứ tự", roleRowNumber},
		{"S.T.T", roleRowNumber},
		{"STT", roleRowNumber},
		{"N°", roleRowNumber},
		{"#", roleRowNumber},
		{"No.", roleRowNumber},
		{"Điểm tối đa", roleMaximum},
		{"Điểm chuẩn", roleMaximum},
		{"Thang điểm", roleMaximum},
		{"Điểm tự đánh giá", roleSelfAssessed},
		{"Điểm thẩm định", roleOther},
		{"Lĩnh vực 1", roleOther},
		{"Tổng điểm 2021 2022", roleOther},
	}
	for _, tc := range tests {
		if got := headerRole(tc.header); got != tc.want {
			t.Errorf("headerRole(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

// --column wins over recognition; the column it displaces is a duplicate,
// and a wide file's "component" mapping marks a score column.
func TestParseHeaderMapping(t *testing.T) {
	names := []string{"STT", "Tên đơn vị được đánh giá", "Điểm", "Tổng điểm", "Mã định danh"}
	h := parseHeader(names, map[string]string{"unit": "ten don vi duoc danh gia", "total": "TỔNG ĐIỂM", "component": "Mã định danh"})
	want := []role{roleRowNumber, roleUnit, roleDuplicate, roleTotal, roleOther}
	if !slices.Equal(h.roles, want) {
		t.Errorf("roles %v, want %v", h.roles, want)
	}
	if h.col[roleTotal] != 3 || !h.mapped[1] || !h.mapped[3] || !h.mapped[4] || h.mapped[2] {
		t.Errorf("col %v mapped %v", h.col, h.mapped)
	}
	if got := unmatchedColumns(map[string]string{"unit": "Tên đơn vị được đánh giá", "total": "Điểm cuối"}, names); !slices.Equal(got, []string{"total"}) {
		t.Errorf("unmatched %v", got)
	}
	if h := parseHeader([]string{"Đơn vị", "Chỉ số PAR INDEX 2022"}, nil); h.year != 2022 {
		t.Errorf("year from the total's header: %d", h.year)
	}
}

// The missing marks and Excel error values are one set, read one way.
func TestMissingValue(t *testing.T) {
	for _, s := range []string{"-", " — ", "–", "N/A", "x", "X", "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"} {
		if missing, marked := missingValue(s); !missing || !marked {
			t.Errorf("%q: missing %v, marked %v; want both", s, missing, marked)
		}
	}
	for _, s := range []string{"", "  ", "\u00a0"} {
		if missing, marked := missingValue(s); !missing || marked {
			t.Errorf("%q: missing %v, marked %v; want missing, unmarked", s, missing, marked)
		}
	}
	for _, s := range []string{"0", "97.31", "97,31", "abc", "xx", "#", "-5"} {
		if missing, _ := missingValue(s); missing {
			t.Errorf("%q read as missing", s)
		}
	}
}

// Columns of identifiers or row numbers are not components; a mapping
// makes one a component again.
func TestIDLikeColumns(t *testing.T) {
	tests := []struct {
		name   string
		csv    string
		opt    Options
		comps  []string
		totals []float64
		warn   string
	}{
		{"long integers", "Mã định danh,Tên đơn vị,A,B\n1234567,Sở A,40,40\n7654321,Sở B,40,39.5\n",
			Options{}, []string{"A", "B"}, []float64{80, 79.5}, `column "Mã định danh" holds identifiers`},
		{"1..n", "Số,Tên đơn vị,A,B\n1,Sở A,40,40\n2,Sở B,40,39.5\n3,Sở C,30,30\n",
			Options{}, []string{"A", "B"}, []float64{80, 79.5, 60}, `column "Số" holds row numbers`},
		{"1..n restarting per section", "Số,Khối,Tên đơn vị,A\n1,Sở,Sở A,40\n2,Sở,Sở B,41\n1,Huyện,Huyện C,30\n2,Huyện,Huyện D,31\n3,Huyện,Huyện E,32\n",
			Options{}, []string{"A"}, []float64{40, 41, 30, 31, 32}, "holds row numbers"},
		{"small whole scores are scores", "Tên đơn vị,A,B\nSở A,1,40\nSở B,2,39\nSở C,2,38\n",
			Options{}, []string{"A", "B"}, []float64{41, 41, 40}, ""},
		{"a column of ones is no numbering", "Tên đơn vị,A,B\nSở A,1,40\nSở B,1,39\nSở C,1,38\n",
			Options{}, []string{"A", "B"}, []float64{41, 40, 39}, ""},
		{"mapped back", "Số,Tên đơn vị,A\n1,Sở A,40\n2,Sở B,40\n3,Sở C,30\n",
			Options{Columns: map[string]string{"component": "Số"}}, []string{"Số", "A"}, []float64{41, 42, 33}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ReadFS(fstest.MapFS{"par-2023.csv": {Data: []byte(tc.csv)}}, ".", tc.opt)
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			var comps []string
			for _, c := range r.Dataset.Components {
				comps = append(comps, c.Name)
			}
			if !slices.Equal(comps, tc.comps) {
				t.Errorf("components %v, want %v", comps, tc.comps)
			}
			var totals []float64
			for _, rec := range r.Dataset.Records {
				totals = append(totals, rec.Total)
			}
			if !slices.Equal(totals, tc.totals) {
				t.Errorf("totals %v, want %v", totals, tc.totals)
			}
			warned := ""
			for _, w := range r.Dataset.Warnings {
				warned += w.String() + "\n"
			}
			if tc.warn == "" && strings.Contains(warned, "not a component") || tc.warn != "" && !strings.Contains(warned, tc.warn) {
				t.Errorf("warnings:\n%s\nwant %q", warned, tc.warn)
			}
		})
	}
}

// A total is never a partial sum; a component nobody has in a year does
// not apply to it (and that is said); the published total stands.
func TestMissingComponents(t *testing.T) {
	ds := mustLoad(t, map[string]string{
		"par.csv": "năm,đơn vị,A,B,C\n" +
			"2021,Sở X,40,40,\n2021,Sở Y,41,,\n" + // C empty in all of 2021: does not apply
			"2022,Sở X,40,40,5\n2022,Sở Y,41,38,\n", // Y lacks C, which X has in 2022
	})
	want := []struct {
		total   float64
		missing []string
	}{{80, nil}, {math.NaN(), []string{"B"}}, {85, nil}, {math.NaN(), []string{"C"}}}
	for i, w := range want {
		r := ds.Records[i]
		if !sameFloat(r.Total, w.total) || !slices.Equal(r.MissingParts(), w.missing) || r.TotalDerived == IsMissing(w.total) {
			t.Errorf("%s %d: total %v derived %v missing %v; want %v %v", r.Unit, r.Year, r.Total, r.TotalDerived, r.MissingParts(), w.total, w.missing)
		}
	}
	var warned []string
	for _, w := range ds.Warnings {
		warned = append(warned, w.String())
	}
	all := strings.Join(warned, "\n")
	for _, s := range []string{
		`par.csv:1:5: warning: column "C" is empty in every PAR Index 2021 row: those totals are the sum of the other columns`,
		"par.csv:3: warning: Sở Y 2021 is not ranked: its total is the sum of its components, and 1 is missing (B)",
		"par.csv:5: warning: Sở Y 2022 is not ranked",
	} {
		if !strings.Contains(all, s) {
			t.Errorf("warnings lack %q:\n%s", s, all)
		}
	}
}

// components.csv's year spans decide where a component applies: a column
// empty for a whole year still counts as missing in a year its span covers.
func TestMissingComponentsBySpan(t *testing.T) {
	files := map[string]string{
		"par.csv": "năm,đơn vị,A,B\n2021,Sở X,40,\n2021,Sở Y,41,\n2022,Sở X,40,40\n",
	}
	ds := mustLoad(t, files)
	if r := ds.Records[0]; r.Total != 40 || r.MissingParts() != nil {
		t.Errorf("without components.csv B does not apply to 2021: %v %v", r.Total, r.MissingParts())
	}
	files["components.csv"] = "code,name,max,from_year\nA,A,50,\nB,B,50,2021\n"
	ds = mustLoad(t, files)
	if r := ds.Records[0]; !IsMissing(r.Total) || !slices.Equal(r.MissingParts(), []string{"B"}) {
		t.Errorf("B applies from 2021 by components.csv: %v %v", r.Total, r.MissingParts())
	}
	// components.csv names no index: an index that never fills a column
	// does not use it
	ds = mustLoad(t, map[string]string{
		"components.csv": "code,name,max\nA,A,50\nB,B,50\nS,S,100\n",
		"par.csv":        "năm,chỉ số,đơn vị,A,B,S\n2022,PAR Index,Sở X,40,40,\n2022,SIPAS,Sở X,,,85.5\n",
	})
	for _, r := range ds.Records {
		if r.MissingParts() != nil || IsMissing(r.Total) {
			t.Errorf("%s: total %v, missing %v", r.Index, r.Total, r.MissingParts())
		}
	}
}

// Totals and derived sums beyond the scale are refused at their cell.
func TestPlausibleTotals(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // "" = loads
	}{
		{"150 is the bound without components.csv", map[string]string{"par-2023.csv": "đơn vị,tổng điểm\nA,150\n"}, ""},
		{"above it", map[string]string{"par-2023.csv": "đơn vị,tổng điểm\nA,150.5\n"},
			"par-2023.csv:2:2: error: total 150.5 is far above the scale: a total is at most 150"},
		{"derived", map[string]string{"par-2023.csv": "đơn vị,A,B\nX,100.5,60\n"},
			"par-2023.csv:2:2: error: the sum of 2 columns, 160.5, is far above the scale"},
		{"components.csv scale", map[string]string{"components.csv": "code,name,max\nA,A,150\nB,B,50\n", "par-2023.csv": "đơn vị,A,B\nX,140,50\n"}, ""},
		{"components.csv scale exceeded", map[string]string{"components.csv": "code,name,max,bonus\nA,A,150,\nB,B,50,\nT,Thưởng,2,1\n", "par-2023.csv": "đơn vị,tổng điểm\nX,202.5\n"},
			"a total is at most 202 (200 points by components.csv plus 2 bonus points by components.csv)"},
		{"long", map[string]string{"long.csv": "year,unit,component,score\n2023,X,A,99\n2023,X,B,99\n"},
			"long.csv:2:4: error: X 2023: the sum of 2 components, 198, is far above the scale"},
		{"a component beyond the scale, a plausible total beside it", map[string]string{"par-2023.csv": "đơn vị,A,B,tổng điểm\nX,40,40,80\nY,40,151,80\n"},
			`par-2023.csv:3:3: error: score 151 in column "B" is far above the scale`},
		{"long component beyond the scale", map[string]string{"long.csv": "year,unit,component,score\n2023,X,A,40\n2023,X,B,200\n2023,X,Tổng điểm,80\n"},
			`long.csv:3:4: error: X 2023 "B": score 200 is far above the scale`},
		{"long total row", map[string]string{"long.csv": "year,unit,component,score\n2023,X,Tổng điểm,9300000000000000000\n"},
			"long.csv:2:4: error: total 9300000000000000000 is far above the scale"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := readFiles(t, tc.files)
			err := r.Err()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// The self-assessed score is kept on the record and never summed; the
// maximum column is neither.
func TestSelfAssessedAndMaximum(t *testing.T) {
	ds := mustLoad(t, map[string]string{"par-2023.csv": "Đơn vị,Điểm tự đánh giá,Điểm tối đa,A,B\nX,95,100,40,45.5\nY,,100,30,30\n"})
	if len(ds.Components) != 2 {
		t.Errorf("components %v", ds.Components)
	}
	x, y := ds.Records[0], ds.Records[1]
	xs, xok := x.SelfAssessed()
	_, yok := y.SelfAssessed()
	if x.Total != 85.5 || xs != 95 || !xok || y.Total != 60 || yok {
		t.Errorf("X %v/%v, Y %v/%v", x.Total, xs, y.Total, yok)
	}
	var roles []string
	for _, c := range ds.Files[0].Columns {
		roles = append(roles, c.Role)
	}
	want := []string{"unit", "self-assessed: kept, never summed", "maximum: not a component, never summed", "component", "component"}
	if !slices.Equal(roles, want) {
		t.Errorf("roles %q, want %q", roles, want)
	}
}

package sample

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parlens/parlens/data/sample/internal/citygen"
)

type table struct {
	header []string
	rows   [][]string
}

func readTable(t *testing.T, name string) table {
	t.Helper()
	b, err := FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s: no data rows", name)
	}
	return table{rows[0], rows[1:]}
}

// hundredths parses a non-negative decimal with at most two decimals into
// hundredths of a point, exactly ("28.1" → 2810, "97.31" → 9731).
func hundredths(s string) (int, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || strings.Trim(whole+frac, "0123456789") != "" {
		return 0, fmt.Errorf("not a decimal with at most two places: %q", s)
	}
	frac += "00"[len(frac):]
	w, err := strconv.Atoi(whole)
	if err != nil {
		return 0, err
	}
	f, _ := strconv.Atoi(frac)
	return w*100 + f, nil
}

func mustCents(t *testing.T, where, s string, exactTwo bool) int {
	t.Helper()
	if exactTwo && (len(s) < 4 || s[len(s)-3] != '.') {
		t.Errorf("%s: %q does not have exactly two decimals", where, s)
	}
	v, err := hundredths(s)
	if err != nil {
		t.Errorf("%s: %v", where, err)
	}
	return v
}

// competitionRanks ranks totals descending: 1, 2, 2, 4.
func competitionRanks(totals []int) []int {
	ranks := make([]int, len(totals))
	for i, a := range totals {
		ranks[i] = 1
		for _, b := range totals {
			if b > a {
				ranks[i]++
			}
		}
	}
	return ranks
}

type grade struct {
	label string
	min   int
}

// gradeSchemes reads city/grades.csv: index → bands, highest first.
func gradeSchemes(t *testing.T) map[string][]grade {
	tb := readTable(t, "city/grades.csv")
	if want := "grade,min,index,bloc,from_year,to_year"; strings.Join(tb.header, ",") != want {
		t.Fatalf("grades.csv header %q, want %q", strings.Join(tb.header, ","), want)
	}
	out := map[string][]grade{}
	for _, r := range tb.rows {
		out[r[2]] = append(out[r[2]], grade{r[0], mustCents(t, "grades.csv", r[1], false)})
	}
	for _, g := range out {
		slices.SortFunc(g, func(a, b grade) int { return b.min - a.min })
	}
	return out
}

func gradeFor(scheme []grade, cents int) string {
	for _, g := range scheme {
		if cents >= g.min {
			return g.label
		}
	}
	return ""
}

type component struct {
	code, name     string
	max            int
	fromYr, toYear int
}

func components(t *testing.T, file string) []component {
	tb := readTable(t, file)
	var out []component
	for _, r := range tb.rows {
		c := component{code: r[0], name: r[1], max: mustCents(t, file, r[2], false)}
		if len(r) > 3 {
			c.fromYr, _ = strconv.Atoi(r[3])
			c.toYear, _ = strconv.Atoi(r[4])
		}
		out = append(out, c)
	}
	return out
}

// cityRow is one row of a city PAR file.
type cityRow struct {
	year               int
	bloc, code, name   string
	bonus, total, rank int // rank 0 = KXH
	grade              string
}

const (
	central  = "Cơ quan Trung ương"
	dept     = "Sở, ban, ngành"
	district = "Quận, huyện"
)

// cityPAR reads and checks every city/par-YYYY.csv: header, arithmetic,
// bounds, ranks and grades. It returns the rows of all years.
func cityPAR(t *testing.T) []cityRow {
	t.Helper()
	comps := components(t, "city/components.csv")
	scheme := gradeSchemes(t)["PAR Index"]
	if len(scheme) != 5 {
		t.Fatalf("PAR Index grade scheme: %v", scheme)
	}
	var all []cityRow
	for year := 2019; year <= 2024; year++ {
		file := fmt.Sprintf("city/par-%d.csv", year)
		tb := readTable(t, file)

		// Header: the component names of that year, in code order.
		want := []string{"STT", "Khối", "Mã đơn vị", "Tên đơn vị"}
		var maxima []int
		for _, c := range comps {
			inYear := (c.fromYr == 0 || year >= c.fromYr) && (c.toYear == 0 || year <= c.toYear)
			if c.code != "BONUS" && inYear {
				want = append(want, c.name)
				maxima = append(maxima, c.max)
			}
		}
		want = append(want, "Điểm thưởng", "Tổng điểm", "Xếp hạng", "Xếp loại")
		if !slices.Equal(tb.header, want) {
			t.Fatalf("%s header\n got %q\nwant %q", file, tb.header, want)
		}
		sum := 0
		for _, m := range maxima {
			sum += m
		}
		if len(maxima) != 8 || sum != 10000 {
			t.Fatalf("%s: %d components with maxima summing to %d, want 8 and 100", file, len(maxima), sum)
		}

		var rows []cityRow
		for i, r := range tb.rows {
			where := fmt.Sprintf("%s:%d", file, i+2)
			if r[0] != strconv.Itoa(i+1) {
				t.Errorf("%s: STT %q, want %d", where, r[0], i+1)
			}
			row := cityRow{year: year, bloc: r[1], code: r[2], name: r[3], grade: r[15]}
			parts := 0
			for j, m := range maxima {
				c := mustCents(t, where, r[4+j], true)
				if c < 0 || c > m {
					t.Errorf("%s: %s = %s outside [0, %d]", where, want[4+j], r[4+j], m/100)
				}
				parts += c
			}
			row.bonus = mustCents(t, where, r[12], true)
			if row.bonus > 300 {
				t.Errorf("%s: bonus %s > 3", where, r[12])
			}
			row.total = mustCents(t, where, r[13], true)
			if parts+row.bonus != row.total {
				t.Errorf("%s: components+bonus = %d hundredths, Tổng điểm %s", where, parts+row.bonus, r[13])
			}
			if r[14] != "KXH" {
				rank, err := strconv.Atoi(r[14])
				if err != nil || rank < 1 {
					t.Errorf("%s: Xếp hạng %q", where, r[14])
				}
				row.rank = rank
			}
			if g := gradeFor(scheme, row.total); g != row.grade {
				t.Errorf("%s: Xếp loại %q for %s, want %q", where, row.grade, r[13], g)
			}
			rows = append(rows, row)
		}

		// Ranks: competition rank within the bloc, units not ranked left out.
		for _, bloc := range []string{central, dept, district} {
			var idx, totals []int
			for i, r := range rows {
				if r.bloc == bloc && r.rank != 0 {
					idx = append(idx, i)
					totals = append(totals, r.total)
				}
			}
			for k, want := range competitionRanks(totals) {
				if r := rows[idx[k]]; r.rank != want {
					t.Errorf("%s %s %s: Xếp hạng %d, recomputed %d", file, bloc, r.name, r.rank, want)
				}
			}
		}
		all = append(all, rows...)
	}
	return all
}

func find(t *testing.T, rows []cityRow, code string, year int) cityRow {
	t.Helper()
	for _, r := range rows {
		if r.code == code && r.year == year {
			return r
		}
	}
	t.Fatalf("no row %s %d", code, year)
	return cityRow{}
}

func TestLookup(t *testing.T) {
	if Samples[0].Name != "city" || Samples[0].Label != "Dữ liệu minh họa — illustrative" {
		t.Errorf("default sample = %+v", Samples[0])
	}
	for _, s := range Samples {
		got, ok := Lookup(s.Name)
		if !ok || got != s {
			t.Errorf("Lookup(%q) = %+v, %v", s.Name, got, ok)
		}
		entries, err := fs.ReadDir(FS, s.Dir)
		if err != nil || len(entries) == 0 {
			t.Errorf("%s: no embedded files (%v)", s.Dir, err)
		}
		if s.Label == "" || s.Source == "" {
			t.Errorf("%s: empty label or source", s.Name)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup(nope) found something")
	}
}

func TestCityArithmeticRanksGrades(t *testing.T) {
	rows := cityPAR(t)
	if len(rows) != 6*32 {
		t.Errorf("%d rows, want 192", len(rows))
	}
	blocs := map[string]int{}
	over100, weak := 0, 0
	for _, r := range rows {
		if r.year == 2021 {
			blocs[r.bloc]++
		}
		if r.total > 10000 {
			over100++
		}
		if r.grade == "Yếu" {
			weak++
			if r.year > 2020 {
				t.Errorf("Yếu in %d (%s): want it only in an early year", r.year, r.name)
			}
		}
	}
	if blocs[central] != 5 || blocs[dept] != 20 || blocs[district] != 7 {
		t.Errorf("units per bloc in 2021: %v", blocs)
	}
	if over100 == 0 || weak != 1 {
		t.Errorf("%d totals above 100 (want ≥1), %d Yếu (want 1)", over100, weak)
	}
}

func TestCityFeatures(t *testing.T) {
	rows := cityPAR(t)

	// (a) Rename under the same code, with the old name as an alias.
	for year := 2019; year <= 2024; year++ {
		want := "Ban Quản lý các Khu công nghiệp"
		if year >= 2023 {
			want = "Ban Quản lý Khu công nghệ cao và các khu công nghiệp"
		}
		if got := find(t, rows, "BQL-KCN", year).name; got != want {
			t.Errorf("BQL-KCN %d: %q, want %q", year, got, want)
		}
	}
	units := readTable(t, "city/units.csv")
	if want := "unit_code,unit,aliases,successor_code,from_year,to_year"; strings.Join(units.header, ",") != want {
		t.Errorf("units.csv header %q", strings.Join(units.header, ","))
	}
	codes := map[string][]string{}
	for _, u := range units.rows {
		codes[u[0]] = u
	}
	if u := codes["BQL-KCN"]; u == nil || u[1] != "Ban Quản lý Khu công nghệ cao và các khu công nghiệp" ||
		!slices.Contains(strings.Split(u[2], ";"), "Ban Quản lý các Khu công nghiệp") {
		t.Errorf("units.csv BQL-KCN = %q", u)
	}
	for _, r := range rows {
		if codes[r.code] == nil {
			t.Errorf("%s (%s) missing from units.csv", r.code, r.name)
		}
	}
	if len(codes) != 32 {
		t.Errorf("units.csv has %d units, want 32", len(codes))
	}

	// (b) The tie: shared rank, next rank skipped; no other tie.
	xd, ct := find(t, rows, "SO-XD", 2022), find(t, rows, "SO-CT", 2022)
	if xd.total != ct.total || xd.rank != ct.rank {
		t.Errorf("tie 2022: %+v vs %+v", xd, ct)
	}
	next := 0
	for _, r := range rows {
		if r.year == 2022 && r.bloc == dept && r.rank == xd.rank+1 {
			t.Errorf("rank %d not skipped after the tie: %s", xd.rank+1, r.name)
		}
		if r.year == 2022 && r.bloc == dept && r.rank == xd.rank+2 {
			next++
		}
	}
	if next != 1 {
		t.Errorf("no unit ranked %d after the tie", xd.rank+2)
	}
	ties := 0
	for i, a := range rows {
		for _, b := range rows[i+1:] {
			if a.year == b.year && a.bloc == b.bloc && a.rank != 0 && a.rank == b.rank {
				ties++
			}
		}
	}
	if ties != 1 {
		t.Errorf("%d ties, want exactly 1", ties)
	}

	// (c) KXH: Sở Ngoại vụ in 2023 only, scored and graded, others ranked 1..19.
	var kxh []cityRow
	for _, r := range rows {
		if r.rank == 0 {
			kxh = append(kxh, r)
		}
	}
	if len(kxh) != 1 || kxh[0].name != "Sở Ngoại vụ" || kxh[0].year != 2023 || kxh[0].total == 0 || kxh[0].grade == "" {
		t.Errorf("not ranked rows: %+v", kxh)
	}
	maxRank, below := 0, 0
	for _, r := range rows {
		if r.year == 2023 && r.bloc == dept && r.rank != 0 {
			maxRank = max(maxRank, r.rank)
			if r.total < kxh[0].total {
				below++
			}
		}
	}
	if maxRank != 19 || below == 0 {
		t.Errorf("2023 departments: last rank %d (want 19), %d ranked below the KXH unit (want >0)", maxRank, below)
	}

	// (d) C7 renamed, one code.
	comps := components(t, "city/components.csv")
	var c7 []string
	for _, c := range comps {
		if c.code == "C7" {
			c7 = append(c7, fmt.Sprintf("%s|%d|%d", c.name, c.fromYr, c.toYear))
		}
	}
	if want := []string{"Hiện đại hóa hành chính|0|2021", "Chính phủ điện tử, chính phủ số|2022|0"}; !slices.Equal(c7, want) {
		t.Errorf("C7 rows %q, want %q", c7, want)
	}

	// (e) The 2021 storyline.
	ca := find(t, rows, "TW-CA", 2021)
	if ca.name != "Công an thành phố" || ca.total != 9731 || ca.rank != 1 {
		t.Errorf("Công an thành phố 2021: %+v", ca)
	}
	for _, y := range []int{2019, 2020} {
		if r := find(t, rows, "TW-CA", y); r.rank == 1 {
			t.Errorf("Công an thành phố already first in %d", y)
		}
	}
	nv := find(t, rows, "SO-NV", 2021)
	if nv.name != "Sở Nội vụ" || nv.total != 10169 || nv.rank != 1 {
		t.Errorf("Sở Nội vụ 2021: %+v", nv)
	}
	for _, y := range []int{2021, 2022} {
		yt := find(t, rows, "SO-YT", y)
		for _, r := range rows {
			if r.year == y && r.bloc == dept && r.rank != 0 && r.code != "SO-YT" && r.rank >= yt.rank {
				t.Errorf("Sở Y tế %d (rank %d) not last: %s rank %d", y, yt.rank, r.name, r.rank)
			}
		}
		if y == 2021 && yt.total != 7022 {
			t.Errorf("Sở Y tế 2021: %d", yt.total)
		}
	}
	for y := 2019; y <= 2023; y++ {
		first := find(t, rows, "QH-TK", y).rank == 1
		if want := y >= 2020 && y <= 2022; first != want {
			t.Errorf("quận Thanh Khê first in %d: %v, want %v", y, first, want)
		}
	}
	for _, r := range rows {
		if r.year == 2021 && r.bloc == district && (r.grade == "Xuất sắc") != (r.name == "quận Thanh Khê") {
			t.Errorf("2021 districts: %s is %s; quận Thanh Khê must be the only Xuất sắc", r.name, r.grade)
		}
	}
	if tk := find(t, rows, "QH-TK", 2021); tk.total != 9039 {
		t.Errorf("quận Thanh Khê 2021: %d", tk.total)
	}
	up, down := false, false
	for _, r := range rows {
		if r.year != 2024 {
			continue
		}
		g0 := slices.Index([]string{"Yếu", "Trung bình", "Khá", "Tốt", "Xuất sắc"}, find(t, rows, r.code, 2023).grade)
		g1 := slices.Index([]string{"Yếu", "Trung bình", "Khá", "Tốt", "Xuất sắc"}, r.grade)
		up = up || g1 > g0
		down = down || g1 < g0
	}
	if !up || !down {
		t.Errorf("2024 vs 2023: a grade up %v, a grade down %v; want both", up, down)
	}

	// (f) huyện Hoà Vang / huyện Hòa Vang, same code.
	for year := 2019; year <= 2024; year++ {
		want := "huyện Hòa Vang"
		if year <= 2020 {
			want = "huyện Hoà Vang"
		}
		if got := find(t, rows, "QH-HV", year).name; got != want {
			t.Errorf("QH-HV %d: %q, want %q", year, got, want)
		}
	}
}

func TestCityRecordsManagement(t *testing.T) {
	tb := readTable(t, "city/van-thu-luu-tru.csv")
	if want := "Năm,Chỉ số,Khối,Mã đơn vị,Tên đơn vị,Xếp loại"; strings.Join(tb.header, ",") != want {
		t.Fatalf("header %q", strings.Join(tb.header, ","))
	}
	labels := map[string]bool{}
	for _, g := range gradeSchemes(t)["Văn thư, lưu trữ"] {
		labels[g.label] = true
	}
	if len(labels) != 4 {
		t.Fatalf("Văn thư, lưu trữ scheme: %v", labels)
	}
	perYear := map[string]int{}
	failing := map[string]int{}
	for _, r := range tb.rows {
		if r[1] != "Văn thư, lưu trữ" || !labels[r[5]] {
			t.Errorf("row %q", r)
		}
		perYear[r[0]]++
		if r[5] == "Chưa đạt" {
			failing[r[0]]++
		}
	}
	for y := 2020; y <= 2024; y++ {
		if n := perYear[strconv.Itoa(y)]; n != 32 {
			t.Errorf("%d: %d units, want 32", y, n)
		}
	}
	if failing["2020"] != 11 || failing["2021"] != 2 {
		t.Errorf("Chưa đạt: %d in 2020, %d in 2021; want 11 and 2", failing["2020"], failing["2021"])
	}
}

func TestCityIsGenerated(t *testing.T) {
	files, err := citygen.Generate(citygen.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	again, err := citygen.Generate(citygen.DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, f := range files {
		names = append(names, f.Name)
		if again[i].Name != f.Name || !bytes.Equal(again[i].Data, f.Data) {
			t.Errorf("%s: two runs differ", f.Name)
		}
		embedded, err := FS.ReadFile(path.Join("city", f.Name))
		if err != nil {
			t.Errorf("%s generated but not embedded: %v", f.Name, err)
			continue
		}
		if !bytes.Equal(embedded, f.Data) {
			t.Errorf("city/%s differs from the generator's output; run go generate ./data/sample", f.Name)
		}
	}
	entries, _ := fs.ReadDir(FS, "city")
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("city/%s is embedded but not generated", e.Name())
		}
	}
}

func TestMinistries2023(t *testing.T) {
	tb := readTable(t, "ministries-2023/par-2023-ministries.csv")
	want := "Năm,Khối,Mã đơn vị,Tên đơn vị,Điểm thẩm định,Điểm điều tra xã hội học,Tổng điểm,Xếp hạng"
	if got := strings.Join(tb.header, ","); got != want {
		t.Fatalf("header %q", got)
	}
	if len(tb.rows) != 17 {
		t.Fatalf("%d ministries, want 17", len(tb.rows))
	}
	maxima := map[string]int{}
	for _, c := range components(t, "ministries-2023/components.csv") {
		maxima[c.name] = c.max
	}
	if maxima["Điểm thẩm định"] != 6850 || maxima["Điểm điều tra xã hội học"] != 3150 {
		t.Errorf("components.csv maxima %v", maxima)
	}
	var totals, ranks []int
	sum := 0
	for i, r := range tb.rows {
		where := fmt.Sprintf("ministries:%d", i+2)
		if r[0] != "2023" || r[1] != "Bộ, cơ quan ngang bộ" || r[2] == "" {
			t.Errorf("%s: %q", where, r[:3])
		}
		td := mustCents(t, where, r[4], false)
		dt := mustCents(t, where, r[5], false)
		total := mustCents(t, where, r[6], false)
		if td > 6850 || dt > 3150 {
			t.Errorf("%s: component above its maximum", where)
		}
		if d := td + dt - total; d < -1 || d > 1 {
			t.Errorf("%s: %s + %s vs %s: off by more than 0.01", where, r[4], r[5], r[6])
		}
		rank, _ := strconv.Atoi(r[7])
		totals, ranks = append(totals, total), append(ranks, rank)
		sum += total
	}
	if !slices.Equal(ranks, competitionRanks(totals)) {
		t.Errorf("published ranks %v, recomputed %v", ranks, competitionRanks(totals))
	}
	if mean := (sum*10/17 + 5) / 10; mean != 8438 { // round half up, in hundredths
		t.Errorf("mean %d hundredths, published 84.38", mean)
	}
	// As published, not reformatted.
	first, moh := tb.rows[0], tb.rows[14]
	if first[3] != "Bộ Tư pháp" || first[5] != "28.1" || moh[3] != "Bộ Y Tế" || moh[6] != "79.8" {
		t.Errorf("rows not copied as published: %q, %q", first, moh)
	}
}

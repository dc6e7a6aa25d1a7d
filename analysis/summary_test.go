package analysis

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// The 17 ministries' totals of the 2023 PAR Index, in published rank order.
// Bộ Tư pháp leads and Bộ Công Thương is last; the names in between are
// placeholders (the test asserts ranks by position).
var ministries2023 = []struct {
	name  string
	total float64
}{
	{"Bộ Tư pháp", 89.95},
	{"Ngân hàng Nhà nước Việt Nam", 89.89},
	{"Bộ Tài chính", 89.18},
	{"Bộ Nội vụ", 87.04},
	{"Bộ Kế hoạch và Đầu tư", 87.01},
	{"Bộ Tài nguyên và Môi trường", 86.41},
	{"Bộ Thông tin và Truyền thông", 86.28},
	{"Bộ Khoa học và Công nghệ", 86.18},
	{"Bộ Giao thông vận tải", 85.83},
	{"Bộ Lao động - Thương binh và Xã hội", 85.81},
	{"Bộ Nông nghiệp và Phát triển nông thôn", 83.56},
	{"Bộ Xây dựng", 80.53},
	{"Bộ Ngoại giao", 80.38},
	{"Bộ Y tế", 80.07},
	{"Bộ Văn hóa, Thể thao và Du lịch", 79.8},
	{"Bộ Giáo dục và Đào tạo", 78.48},
	{"Bộ Công Thương", 78.03},
}

const bo = "Bộ, cơ quan ngang bộ"

func ministriesDataset() *data.Dataset {
	var recs []data.Record
	for _, m := range ministries2023 {
		recs = append(recs, R(2023, bo, m.name, m.total))
	}
	return mk(recs...)
}

func TestMinistries2023(t *testing.T) {
	a := New(ministriesDataset())
	tb, _ := a.Table(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: bo})
	for i, m := range ministries2023 {
		r := tb.Rows[i]
		if r.Unit != m.name || r.Rank == nil || *r.Rank != i+1 || *r.Score != m.total {
			t.Errorf("row %d = %s rank %s score %s, want %s rank %d", i, r.Unit, ip(r.Rank), fp(r.Score), m.name, i+1)
		}
	}
	s, ok := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: bo})
	if !ok {
		t.Fatal("no summary")
	}
	if s.Mean == nil || math.Round(*s.Mean*100)/100 != 84.38 {
		t.Errorf("mean = %s, want 84.38 when rounded", fp(s.Mean))
	}
	wantF(t, "mean", s.Mean, 1434.43/17)
	wantF(t, "median", s.Median, 85.83)
	wantF(t, "stdev (population)", s.Stdev, 3.908630323202774)
	wantF(t, "min", s.Min, 78.03)
	wantF(t, "max", s.Max, 89.95)
	wantF(t, "spread", s.Spread, 11.92)
	wantI(t, "above_mean", s.AboveMean, 10)
	wantI(t, "below_mean", s.BelowMean, 7)
	if s.Units != 17 || s.Ranked != 17 {
		t.Errorf("units %d ranked %d", s.Units, s.Ranked)
	}
	if len(s.Leader) != 1 || s.Leader[0].Unit != "Bộ Tư pháp" || fp(s.Leader[0].Score) != "89.9500" || s.Leader[0].Rank != 1 {
		t.Errorf("leader = %+v", s.Leader)
	}
	if len(s.Bottom) != 1 || s.Bottom[0].Unit != "Bộ Công Thương" || fp(s.Bottom[0].Score) != "78.0300" || s.Bottom[0].Rank != 17 {
		t.Errorf("bottom = %+v", s.Bottom)
	}
	// first year: nothing to compare with
	if s.PrevYear != nil || s.PrevMean != nil || s.Up != nil || s.Down != nil || s.Same != nil {
		t.Errorf("first year has previous-year values: %+v", s)
	}
	// built-in scheme: no Xuất sắc (89.95 < 90), 14 Tốt (≥ 80), 3 Khá
	if len(s.Grades) != 2 || s.Grades[0].Grade != "Tốt" || s.Grades[0].Count != 14 || s.Grades[1].Grade != "Khá" || s.Grades[1].Count != 3 {
		t.Errorf("grades = %+v", s.Grades)
	}
	ms := a.Movers(data.DefaultIndex, 2023)
	if got := moverLines(ms); len(got) < 2 || got[0] != "top Bộ Tư pháp" || got[1] != "bottom Bộ Công Thương" {
		t.Errorf("movers = %v", got)
	}
}

func TestSummaryYearOverYear(t *testing.T) {
	ds := mk(
		R(2021, "B", "A", 91), // Xuất sắc
		R(2021, "B", "B", 85), // Tốt
		R(2021, "B", "C", 65), // Trung bình (absent in 2022)
		R(2021, "B", "D", 75), // Khá
		R(2021, "B", "NR", 60, notRanked),
		R(2022, "B", "A", 92.5), // up
		R(2022, "B", "B", 85),   // same
		R(2022, "B", "D", 74),   // down
		R(2022, "B", "E", 88),   // new, not compared
		R(2022, "B", "NR", 99, notRanked),
	)
	a := New(ds)
	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	wantI(t, "prev_year", s.PrevYear, 2021)
	wantI(t, "up", s.Up, 1)
	wantI(t, "down", s.Down, 1)
	wantI(t, "same", s.Same, 1)
	wantI(t, "compared", s.Compared, 3)
	wantF(t, "mean (ranked only)", s.Mean, (92.5+85+74+88)/4)
	wantF(t, "prev_mean", s.PrevMean, (91+85+65+75)/4.0)
	wantF(t, "mean_change", s.MeanChg, (92.5+85+74+88)/4-(91+85+65+75)/4.0)
	wantF(t, "median", s.Median, (85+88)/2.0)
	if s.Units != 5 || s.Ranked != 4 || s.NotRanked != 1 || s.Scored != 5 {
		t.Errorf("counts: units %d ranked %d not_ranked %d scored %d", s.Units, s.Ranked, s.NotRanked, s.Scored)
	}
	// grades in either year, best first; NR (Xuất sắc 99 in 2022, Trung bình 60 in 2021) counts
	type gc struct {
		g       string
		n, prev int
	}
	want := []gc{{"Xuất sắc", 2, 1}, {"Tốt", 2, 1}, {"Khá", 1, 1}, {"Trung bình", 0, 2}}
	if len(s.Grades) != len(want) {
		t.Fatalf("grades = %+v", s.Grades)
	}
	for i, w := range want {
		g := s.Grades[i]
		if g.Grade != w.g || g.Count != w.n || g.PrevCount == nil || *g.PrevCount != w.prev || *g.Change != w.n-w.prev {
			t.Errorf("grades[%d] = %s %d prev %s, want %+v", i, g.Grade, g.Count, ip(g.PrevCount), w)
		}
	}
	ys, _ := a.Summary(data.DefaultIndex, 2022)
	if ys.PrevYear == nil || *ys.PrevYear != 2021 || len(ys.Blocs) != 1 {
		t.Errorf("year summary = %+v", ys)
	}
	if all := a.Summaries(); len(all) != 2 || all[0].Year != 2021 || all[1].Year != 2022 || all[0].PrevYear != nil {
		t.Errorf("summaries = %+v", all)
	}
}

// The CLI marshals summaries directly: check the JSON shape and nulls.
func TestSummaryJSON(t *testing.T) {
	a := New(mk(
		R(2022, "B", "A", 90, code("01")),
		R(2022, "B", "B", 80),
		R(2023, "B", "A", 91, code("01")),
		R(2023, "B", "B", 79),
	))
	b, err := json.Marshal(a.Summaries())
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 {
		t.Fatalf("%d summaries", len(out))
	}
	first := out[0]
	if first["index"] != data.DefaultIndex || first["year"] != 2022.0 || first["prev_year"] != nil {
		t.Errorf("first = %v", first)
	}
	bloc := first["blocs"].([]any)[0].(map[string]any)
	for _, k := range []string{"bloc", "units", "ranked", "grades", "leader", "bottom", "mean", "median", "stdev", "min", "max", "prev_mean", "up", "down", "same"} {
		if _, ok := bloc[k]; !ok {
			t.Errorf("bloc JSON lacks %q", k)
		}
	}
	if bloc["prev_mean"] != nil || bloc["up"] != nil {
		t.Errorf("first year prev_mean/up not null: %v %v", bloc["prev_mean"], bloc["up"])
	}
	g := bloc["grades"].([]any)[0].(map[string]any)
	if g["grade"] != "Xuất sắc" || g["count"] != 1.0 || g["prev_count"] != nil {
		t.Errorf("grade JSON = %v", g)
	}
	l := bloc["leader"].([]any)[0].(map[string]any)
	if l["unit"] != "A" || l["unit_code"] != "01" || l["score"] != 90.0 {
		t.Errorf("leader JSON = %v", l)
	}
	second := out[1]["blocs"].([]any)[0].(map[string]any)
	if second["up"] != 1.0 || second["down"] != 1.0 || second["same"] != 0.0 || second["prev_mean"] != 85.0 {
		t.Errorf("second year = %v", second)
	}
	if !strings.Contains(string(b), `"bottom":[{"unit_id":"~b","unit":"B","unit_code":null,"score":80,"rank":2,"rank_published":false}]`) {
		t.Errorf("bottom JSON: %s", b)
	}
}

// Records of a grade-only index have no rank and no statistics; grades count.
func TestSummaryGradeOnly(t *testing.T) {
	a := New(mk(
		G(2021, "B", "A", "Tốt"),
		G(2021, "B", "B", "Khá"),
		G(2022, "B", "A", "Xuất sắc"),
		G(2022, "B", "B", "Khá"),
	))
	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	if s.Ranked != 0 || s.Mean != nil || s.Stdev != nil || len(s.Leader) != 0 || len(s.Bottom) != 0 || s.AboveMean != nil {
		t.Errorf("grade-only stats: %+v", s)
	}
	wantI(t, "up (nothing scored)", s.Up, 0)
	if len(s.Grades) != 3 || s.Grades[0].Grade != "Xuất sắc" || *s.Grades[0].PrevCount != 0 || s.Grades[1].Grade != "Tốt" || s.Grades[1].Count != 0 || s.Grades[2].Count != 1 {
		t.Errorf("grades = %+v", s.Grades)
	}
}

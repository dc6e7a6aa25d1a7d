package brief

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

// The 2021 announcement of a city's results (see the issue): the figures it
// quotes, with plausible values for the rest.
//
//	Khối sở, ban, ngành, có 4/21 đơn vị xếp loại xuất sắc, 12/21 đơn vị xếp loại
//	tốt, 5/21 đơn vị xếp loại khá, không có đơn vị xếp loại trung bình và yếu.
//	Sở Nội vụ đứng vị trí thứ nhất, với 101,69 điểm. Tiếp theo Sở Thông tin và
//	Truyền thông, Sở Du lịch và Sở Tư pháp. Sở Y tế có điểm số thấp nhất, với
//	70,22 điểm, đứng ở vị trí cuối cùng.
//	Ở khối quận, huyện, quận Thanh Khê tiếp tục duy trì vị trí dẫn đầu, với 90,39
//	điểm, xếp loại xuất sắc (duy nhất khối quận, huyện).
//	Công an thành phố lần đầu vươn lên vị trí thứ nhất (xuất sắc), với số điểm 97,31.
//	So với năm 2020, kết quả xếp loại năm 2021: giảm số cơ quan xếp loại tốt, khá,
//	tăng số cơ quan xếp loại trung bình, giảm đáng kể số cơ quan chưa đạt (từ 11
//	cơ quan năm 2020 xuống còn 2).
const (
	exCentral = "Cơ quan Trung ương"
	exDept    = "Sở, ban, ngành"
	exDist    = "Quận, huyện"
	exRecords = "Văn thư, lưu trữ"
)

var exDepts = []string{
	"Sở Nội vụ", "Sở Thông tin và Truyền thông", "Sở Du lịch", "Sở Tư pháp", // xuất sắc
	"Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Công Thương", "Sở Giáo dục và Đào tạo",
	"Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường",
	"Sở Khoa học và Công nghệ", "Sở Văn hóa và Thể thao", "Sở Ngoại vụ", "Thanh tra thành phố", // tốt
	"Văn phòng UBND thành phố", "Ban Quản lý Khu công nghệ cao và các khu công nghiệp", "Sở Giao thông vận tải",
	"Ban Quản lý An toàn thực phẩm", "Sở Y tế", // khá
}

var exDept2021 = []float64{
	101.69, 95.31, 93.70, 91.95,
	89.52, 88.74, 87.90, 87.15, 86.43, 85.61, 84.80, 83.96, 83.12, 82.35, 81.47, 80.62,
	78.44, 76.90, 74.51, 72.86, 70.22,
}

var exDists = []string{"quận Thanh Khê", "quận Hải Châu", "quận Ngũ Hành Sơn", "quận Sơn Trà", "quận Liên Chiểu", "huyện Hòa Vang", "quận Cẩm Lệ"}

func exampleDataset() *data.Dataset {
	var recs []data.Record
	// Cơ quan Trung ương: Công an thành phố second in 2019 and 2020, first in 2021.
	central := []struct {
		unit string
		v    [3]float64 // 2019, 2020, 2021
	}{
		{"Công an thành phố", [3]float64{92.40, 93.64, 97.31}},
		{"Kho bạc Nhà nước thành phố", [3]float64{94.46, 95.11, 93.26}},
		{"Cục Hải quan thành phố", [3]float64{84.10, 85.02, 85.51}},
		{"Bảo hiểm xã hội thành phố", [3]float64{82.75, 83.40, 83.88}},
		{"Cục Thuế thành phố", [3]float64{66.64, 65.88, 67.92}},
	}
	for _, c := range central {
		for i, y := range []int{2019, 2020, 2021} {
			recs = append(recs, R(y, exCentral, c.unit, c.v[i]))
		}
	}
	// Sở, ban, ngành: 2021 as published; 2020 a little lower for most.
	for i, u := range exDepts {
		v := exDept2021[i]
		recs = append(recs, R(2021, exDept, u, v))
		prev := v - 1.25 + float64(i%4)*0.5
		if u == "Sở Nội vụ" {
			prev = 97.80
		}
		recs = append(recs, R(2020, exDept, u, math.Round(prev*100)/100))
	}
	// Quận, huyện: quận Thanh Khê first in 2020 and 2021.
	dists := [][2]float64{{91.08, 90.39}, {88.50, 88.10}, {85.12, 85.63}, {86.32, 84.50}, {75.11, 77.83}, {77.75, 77.17}, {75.93, 75.39}}
	for i, u := range exDists {
		recs = append(recs, R(2020, exDist, u, dists[i][0]), R(2021, exDist, u, dists[i][1]))
	}
	// Văn thư, lưu trữ: grades only; chưa đạt falls from 11 to 2.
	counts := map[int][]struct {
		grade string
		n     int
	}{
		2020: {{"Xuất sắc", 7}, {"Tốt", 13}, {"Khá", 12}, {"Trung bình", 9}, {"Chưa đạt", 11}},
		2021: {{"Xuất sắc", 7}, {"Tốt", 11}, {"Khá", 10}, {"Trung bình", 15}, {"Chưa đạt", 2}},
	}
	for _, y := range []int{2020, 2021} {
		k := 0
		for _, c := range counts[y] {
			for j := 0; j < c.n; j++ {
				k++
				bloc := "Cơ quan, đơn vị"
				if k%5 == 0 {
					bloc = exDist
				}
				recs = append(recs, G(y, bloc, fmt.Sprintf("Cơ quan số %02d", k), c.grade, index(exRecords)))
			}
		}
	}
	ds := mk(recs...)
	// The central agencies are graded on their own scheme, with Trung bình khá.
	ds.Schemes = append(ds.Schemes, data.GradeScheme{
		Index: data.DefaultIndex, Bloc: exCentral,
		Bands:  bands("Xuất sắc", 90, "Tốt", 80, "Khá", 70, "Trung bình khá", 65, "Trung bình", 50, "Yếu", math.Inf(-1)),
		Source: "grades.csv",
	})
	return ds
}

// TestExampleAnnouncement: one brief of the year covers both indices, the
// PAR Index first, and says every statement of the announcement, subject
// first.
func TestExampleAnnouncement(t *testing.T) {
	ds := exampleDataset()
	b := brief(t, ds, Options{Year: 2021})
	par := data.DefaultIndex
	if len(b.Indices) != 2 || b.Indices[0] != par || b.Indices[1] != exRecords {
		t.Fatalf("indices %q, want the PAR Index then %q", b.Indices, exRecords)
	}
	if b.Sections[0].Index != par || b.Sections[0].Kind != SectionLead {
		t.Errorf("first section %q of %q, want the PAR Index's lead", b.Sections[0].Kind, b.Sections[0].Index)
	}
	has(t, b.Title, "Chỉ số cải cách hành chính (PAR Index) và công tác văn thư, lưu trữ năm 2021")

	// Cơ quan Trung ương: «Công an thành phố lần đầu vươn lên vị trí thứ nhất
	// (xuất sắc), với số điểm 97,31. Cục thuế thành phố ở vị trí cuối cùng với
	// 67,92 điểm, đạt trung bình khá.»
	has(t, oneIn(t, b, par, "grade_counts", exCentral).Text,
		"2/5 đơn vị xếp loại xuất sắc, 2/5 đơn vị xếp loại tốt, 1/5 đơn vị xếp loại trung bình khá")
	has(t, oneIn(t, b, par, "leader", exCentral).Text,
		"Công an thành phố lần đầu vươn lên vị trí thứ nhất (năm 2020 xếp thứ 2), với 97,31 điểm, xếp loại xuất sắc.")
	has(t, oneIn(t, b, par, "bottom", exCentral).Text,
		"Cục Thuế thành phố có điểm số thấp nhất, với 67,92 điểm, đứng ở vị trí cuối cùng", "xếp loại trung bình khá")

	// Khối sở, ban, ngành: «… không có đơn vị xếp loại trung bình và yếu. Sở Nội
	// vụ đứng vị trí thứ nhất, với 101,69 điểm. Tiếp theo … Sở Y tế có điểm số
	// thấp nhất, với 70,22 điểm, đứng ở vị trí cuối cùng.»
	has(t, oneIn(t, b, par, "grade_counts", exDept).Text,
		"4/21 đơn vị xếp loại xuất sắc, 12/21 đơn vị xếp loại tốt, 5/21 đơn vị xếp loại khá, không có đơn vị xếp loại trung bình và yếu")
	has(t, oneIn(t, b, par, "leader", exDept).Text, "Sở Nội vụ tiếp tục duy trì vị trí dẫn đầu, với 101,69 điểm (gồm điểm thưởng)")
	has(t, oneIn(t, b, par, "next", exDept).Text, "Tiếp theo là Sở Thông tin và Truyền thông (95,31 điểm), Sở Du lịch (93,70 điểm) và Sở Tư pháp (91,95 điểm).")
	has(t, oneIn(t, b, par, "bottom", exDept).Text, "Sở Y tế có điểm số thấp nhất, với 70,22 điểm, đứng ở vị trí cuối cùng")

	// Khối quận, huyện: «quận Thanh Khê tiếp tục duy trì vị trí dẫn đầu, với
	// 90,39 điểm, xếp loại xuất sắc (duy nhất khối quận, huyện). Có 3 đơn vị
	// xếp loại tốt và 3 đơn vị xếp loại khá. Quận Cẩm Lệ đứng vị trí cuối cùng,
	// với 75,39 điểm.»
	has(t, oneIn(t, b, par, "leader", exDist).Text,
		"Quận Thanh Khê tiếp tục duy trì vị trí dẫn đầu, với 90,39 điểm, xếp loại xuất sắc (duy nhất trong khối Quận, huyện).")
	has(t, oneIn(t, b, par, "grade_counts", exDist).Text, "1/7 đơn vị xếp loại xuất sắc, 3/7 đơn vị xếp loại tốt, 3/7 đơn vị xếp loại khá")
	has(t, oneIn(t, b, par, "bottom", exDist).Text, "Quận Cẩm Lệ có điểm số thấp nhất, với 75,39 điểm, đứng ở vị trí cuối cùng")

	// Văn thư, lưu trữ, compared with 2020, in the same brief
	has(t, oneIn(t, b, exRecords, "overview", "").Text, "được đánh giá, xếp loại công tác văn thư, lưu trữ")
	has(t, oneIn(t, b, exRecords, "lead_grades", "").Text,
		"7/45 đơn vị xếp loại xuất sắc, 11/45 đơn vị xếp loại tốt, 10/45 đơn vị xếp loại khá, 15/45 đơn vị xếp loại trung bình và 2/45 đơn vị xếp loại chưa đạt")
	has(t, oneIn(t, b, exRecords, "lead_grade_change", "").Text,
		"So với năm 2020: giảm số đơn vị xếp loại tốt (từ 13 xuống 11) và khá (từ 12 xuống 10); "+
			"tăng số đơn vị xếp loại trung bình (từ 9 lên 15); "+
			"giảm đáng kể số đơn vị xếp loại chưa đạt (từ 11 năm 2020 xuống còn 2).")
	r := brief(t, ds, Options{Index: exRecords, Year: 2021})
	hasNot(t, allText(r), "điểm trung bình", "vị trí thứ nhất", "cuối cùng")
	if len(r.Indices) != 1 {
		t.Errorf("--index gave %q, want one index", r.Indices)
	}

	// the English brief mirrors it, names as published with a gloss at first mention
	e := brief(t, ds, Options{Year: 2021, Lang: "en"})
	has(t, oneIn(t, e, par, "grade_counts", exDept).Text, "4/21 units are graded Xuất sắc, 12/21 Tốt and 5/21 Khá; none is graded Trung bình or Yếu")
	has(t, oneIn(t, e, par, "leader", exDist).Text, "Quận Thanh Khê keeps first place, with 90.39 points, graded Xuất sắc (the only one in the Quận, huyện bloc).")
	has(t, oneIn(t, e, par, "leader", exCentral).Text, "Công an thành phố rises to first place for the first time (2nd in 2020), with 97.31 points")
	has(t, oneIn(t, e, par, "lead_grades", "").Text, "Xuất sắc (Excellent)", "Tốt (Good)", "Khá (Fair)")
	has(t, oneIn(t, e, exRecords, "lead_grade_change", "").Text, "markedly fewer units graded Chưa đạt (down from 11 in 2020 to 2)")

	if t.Failed() {
		t.Log(b.Markdown())
	}
}

// TestExampleRetainedStreak: a third year at the top reads "năm thứ 3 liên tiếp".
func TestExampleRetainedStreak(t *testing.T) {
	ds := exampleDataset()
	var recs []data.Record
	for _, r := range ds.Records {
		if r.Index == data.DefaultIndex && r.Bloc == exDist && r.Year == 2021 {
			r.Year = 2019
			recs = append(recs, r)
		}
	}
	ds = mk(append(recs, ds.Records...)...)
	b := brief(t, ds, Options{Year: 2021, Blocs: []string{exDist}})
	has(t, one(t, b, "leader", exDist).Text, "Quận Thanh Khê dẫn đầu khối năm thứ 3 liên tiếp, với 90,39 điểm")
	if strings.Contains(b.Markdown(), exDept) {
		t.Error("bloc filter ignored")
	}
}

// bands builds grade bands from label, min pairs.
func bands(kv ...any) []data.GradeBand {
	var out []data.GradeBand
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, data.GradeBand{Label: kv[i].(string), Min: toF(kv[i+1])})
	}
	return out
}

func toF(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	panic("not a number")
}

// TestExampleIndexWithoutTheYear: an index without data for the year is
// left out, and the notes say so with the years it has.
func TestExampleIndexWithoutTheYear(t *testing.T) {
	b := brief(t, exampleDataset(), Options{Year: 2019})
	if len(b.Indices) != 1 || b.Indices[0] != data.DefaultIndex {
		t.Errorf("indices %q, want the PAR Index alone", b.Indices)
	}
	has(t, one(t, b, "index_no_data", "").Text,
		"Công tác văn thư, lưu trữ không có dữ liệu năm 2019 (dữ liệu có từ năm 2020 đến năm 2021), nên không có trong bản này.")
	if _, err := Generate(analysis.New(exampleDataset()), Options{Index: exRecords, Year: 2019}); !errors.Is(err, ErrUnknownYear) {
		t.Errorf("--index of an index without the year: %v, want ErrUnknownYear", err)
	}
}

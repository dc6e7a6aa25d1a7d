package brief

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
)

// TestGolden compares whole briefs with the files in testdata. Run
// go test ./analysis/brief -run Golden -update to rewrite them, then read
// them: they must read naturally and every number must be right.
func TestGolden(t *testing.T) {
	city := loadSample(t, "city")
	ministries := loadSample(t, "ministries-2023")
	provinces := loadSample(t, "provinces-2025")
	example := analysis.New(exampleDataset())
	cases := []struct {
		file string
		a    *analysis.Analysis
		o    Options
	}{
		{"city-2021.vi.md", city, Options{Year: 2021}}, // both indices, the PAR Index first
		{"city-2021.en.md", city, Options{Year: 2021, Lang: "en"}},
		{"city-2021.vi.txt", city, Options{Year: 2021}},
		{"city-par-2021.vi.md", city, Options{Index: data.DefaultIndex, Year: 2021}},
		{"city-par-2021.en.md", city, Options{Index: data.DefaultIndex, Year: 2021, Lang: "en"}},
		{"city-par-2021-annex.vi.md", city, Options{Index: data.DefaultIndex, Year: 2021, Annex: true}},
		{"city-par-2021-annex.en.md", city, Options{Index: data.DefaultIndex, Year: 2021, Annex: true, Lang: "en"}},
		{"city-par-2021.vi.txt", city, Options{Index: data.DefaultIndex, Year: 2021}},
		{"city-par-2021.en.json", city, Options{Index: data.DefaultIndex, Year: 2021, Lang: "en"}},
		{"city-vtlt-2021.vi.md", city, Options{Index: "Văn thư, lưu trữ", Year: 2021}},
		{"city-vtlt-2021.en.md", city, Options{Index: "Văn thư, lưu trữ", Year: 2021, Lang: "en"}},
		{"city-2023.vi.md", city, Options{Year: 2023}},
		{"city-2024.en.md", city, Options{Lang: "en"}}, // the latest year: both indices
		{"city-par-2019-districts.vi.md", city, Options{Year: 2019, Blocs: []string{"Quận, huyện"}}},
		{"ministries-2023.vi.md", ministries, Options{}},
		{"provinces-2025.vi.md", provinces, Options{}}, // the first year after the merger
		{"provinces-2025.en.md", provinces, Options{Lang: "en"}},
		{"provinces-2025-baseline.en.json", provinces, Options{Lang: "en", Baseline: "mean"}},
		{"example-2021.vi.md", example, Options{Year: 2021}},
		{"example-vtlt-2021.vi.md", example, Options{Index: exRecords, Year: 2021}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := Generate(c.a, c.o)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, b)
			var got string
			switch filepath.Ext(c.file) {
			case ".md":
				got = b.Markdown()
			case ".txt":
				got = b.Text()
			case ".json":
				js, err := json.MarshalIndent(b.Statements(), "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = string(js) + "\n"
			}
			datatest.Golden(t, filepath.Join("testdata", c.file), got)
		})
	}
}

// TestSampleStory checks the storyline the sample's README promises.
func TestSampleStory(t *testing.T) {
	city := loadSample(t, "city")
	b, err := Generate(city, Options{Index: data.DefaultIndex, Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	has(t, one(t, b, "leader", "Cơ quan Trung ương").Text, "Công an thành phố lần đầu vươn lên vị trí thứ nhất (năm 2020 xếp thứ 2), với 97,31 điểm")
	has(t, one(t, b, "bottom", "Cơ quan Trung ương").Text, "Cục Thuế thành phố có điểm số thấp nhất, với 67,92 điểm, đứng ở vị trí cuối cùng năm thứ 3 liên tiếp, xếp loại trung bình")
	has(t, one(t, b, "leader", "Sở, ban, ngành").Text, "Sở Nội vụ tiếp tục duy trì vị trí dẫn đầu, với 101,69 điểm (gồm điểm thưởng)")
	has(t, one(t, b, "next", "Sở, ban, ngành").Text, "Sở Thông tin và Truyền thông (95,31 điểm), Sở Du lịch (93,70 điểm) và Sở Tư pháp (91,95 điểm)")
	has(t, one(t, b, "bottom", "Sở, ban, ngành").Text, "Sở Y tế", "70,22 điểm")
	has(t, one(t, b, "grade_counts", "Sở, ban, ngành").Text, "4/20 đơn vị xếp loại xuất sắc, 12/20 đơn vị xếp loại tốt, 4/20 đơn vị xếp loại khá")
	has(t, one(t, b, "leader", "Quận, huyện").Text, "Quận Thanh Khê tiếp tục duy trì vị trí dẫn đầu, với 90,39 điểm, xếp loại xuất sắc (duy nhất trong khối Quận, huyện)")
	has(t, one(t, b, "bottom", "Quận, huyện").Text, "Quận Cẩm Lệ", "75,39 điểm")
	has(t, one(t, b, "grade_up", "Sở, ban, ngành").Text, "Sở Giao thông vận tải (từ trung bình lên khá)")
	// 2019 had a Yếu, 2020 a Trung bình: 2021 is the first year all are Khá or better (S11)
	has(t, one(t, b, "all_graded_first_time", "Sở, ban, ngành").Text, "Tất cả 20 đơn vị của khối lần đầu tiên cùng đạt xếp loại khá trở lên.")

	// 2022: quận Thanh Khê first for the 3rd year in a row; Sở Y tế last again
	b, err = Generate(city, Options{Index: data.DefaultIndex, Year: 2022})
	if err != nil {
		t.Fatal(err)
	}
	has(t, one(t, b, "leader", "Quận, huyện").Text, "Quận Thanh Khê dẫn đầu khối năm thứ 3 liên tiếp, với 92,25 điểm")
	has(t, one(t, b, "bottom", "Sở, ban, ngành").Text, "Sở Y tế có điểm số thấp nhất, với 71,07 điểm, đứng ở vị trí cuối cùng năm thứ 2 liên tiếp")

	// 2023: Sở Ngoại vụ assessed but not ranked; BQL renamed
	b, err = Generate(city, Options{Index: data.DefaultIndex, Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	has(t, one(t, b, "not_ranked", "Sở, ban, ngành").Text, "Sở Ngoại vụ (87,86 điểm, xếp loại tốt)")
	has(t, one(t, b, "renamed", "Sở, ban, ngành").Text, "Ban Quản lý các Khu công nghiệp nay là Ban Quản lý Khu công nghệ cao và các khu công nghiệp")

	// 2024: the grade moves the README lists
	b, err = Generate(city, Options{Index: data.DefaultIndex, Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	has(t, one(t, b, "grade_up", "Quận, huyện").Text, "quận Liên Chiểu", "huyện Hòa Vang", "từ khá lên tốt")
	has(t, one(t, b, "grade_down", "Sở, ban, ngành").Text, "Sở Kế hoạch và Đầu tư (từ tốt xuống khá)")

	// Văn thư, lưu trữ: chưa đạt from 11 to 2
	b, err = Generate(city, Options{Index: "Văn thư, lưu trữ", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	has(t, one(t, b, "lead_grade_change", "").Text, "giảm đáng kể số đơn vị xếp loại chưa đạt (từ 11 năm 2020 xuống còn 2)")
}

package data

import (
	"slices"
	"testing"
)

func TestSortIndicesMainFirst(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{[]string{"Văn thư, lưu trữ", "PAR Index"}, []string{"PAR Index", "Văn thư, lưu trữ"}},
		{[]string{"archives", "Chỉ số Cải cách hành chính"}, []string{"Chỉ số Cải cách hành chính", "archives"}},
		{[]string{"Văn thư", "chỉ số CCHC", "An toàn thông tin"}, []string{"chỉ số CCHC", "An toàn thông tin", "Văn thư"}},
		{[]string{"SIPAS", "Par-Index 2021", "Đánh giá"}, []string{"Par-Index 2021", "Đánh giá", "SIPAS"}},
		// "parlens" or "sparse" only contain the letters p-a-r: not the PAR Index
		{[]string{"sparse", "parlens", "Ánh sáng"}, []string{"Ánh sáng", "parlens", "sparse"}},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		SortIndices(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("SortIndices(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDatasetIndicesMainFirst(t *testing.T) {
	d := &Dataset{Records: []Record{
		{Index: "Văn thư, lưu trữ", Year: 2021, Bloc: "A"},
		{Index: DefaultIndex, Year: 2021, Bloc: "A"},
		{Index: "Văn thư, lưu trữ", Year: 2022, Bloc: "A"},
	}}
	if got, want := d.Indices(), []string{DefaultIndex, "Văn thư, lưu trữ"}; !slices.Equal(got, want) {
		t.Errorf("Indices() = %q, want %q", got, want)
	}
}

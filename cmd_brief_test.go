package main

import (
	"strings"
	"testing"
)

// `parlens brief` drafts one announcement for every index, the PAR Index
// first; --index narrows it, --annex adds the analyst's annex.
func TestBriefIndicesAndAnnex(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		has, lack []string
	}{
		{"every index, PAR first", []string{"--sample", "city", "--year", "2021"},
			[]string{"# Kết quả đánh giá, xếp hạng Chỉ số cải cách hành chính (PAR Index) và công tác văn thư, lưu trữ năm 2021",
				"\n## Chỉ số cải cách hành chính (PAR Index)\n", "\n## Công tác văn thư, lưu trữ\n"},
			[]string{"Phụ lục phân tích", "Nếu giữ nguyên số điểm"}},
		{"--index narrows", []string{"--sample", "city", "--year", "2021", "--index", "van thu"},
			[]string{"# Kết quả đánh giá, xếp loại công tác văn thư, lưu trữ năm 2021", "\n## Tổng quan\n"},
			[]string{"PAR Index"}},
		{"--annex", []string{"--sample", "city", "--year", "2021", "--index", "PAR", "--annex"},
			[]string{"\n## Phụ lục phân tích\n", "Nếu giữ nguyên số điểm năm 2020", "Lĩnh vực mà khối bị mất nhiều điểm nhất"},
			nil},
		{"--annex in English", []string{"--sample", "city", "--year", "2021", "--index", "PAR", "--annex", "--lang", "en"},
			[]string{"\n## Analyst's annex\n", "Had Kho bạc Nhà nước thành phố kept its 2020 score"},
			nil},
		{"--bloc across the indices", []string{"--sample", "city", "--year", "2021", "--bloc", "Quận, huyện"},
			[]string{"\n## Chỉ số cải cách hành chính (PAR Index)\n", "\n## Công tác văn thư, lưu trữ\n", "### Khối Quận, huyện"},
			[]string{"Khối Sở, ban, ngành"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, append([]string{"brief"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("missing %q in:\n%s", s, out)
				}
			}
			for _, s := range tt.lack {
				if strings.Contains(out, s) {
					t.Errorf("unexpected %q in:\n%s", s, out)
				}
			}
		})
	}
	if _, errs, code := runCLI(t, "brief", "--sample", "city", "--bloc", "nowhere"); code != 1 || !strings.Contains(errs, `unknown bloc "nowhere"`) {
		t.Errorf("an unknown bloc: exit %d, %q", code, errs)
	}
}

package data

import "testing"

// Columns that sit beside the scores without being one are never summed
// into a total; a component's own name is not caught by the rule.
func TestNotScoreHeaders(t *testing.T) {
	for _, c := range []struct {
		header string
		want   role
	}{
		{"Hạng trước", roleNotScore},
		{"Điểm trước", roleNotScore},
		{"Điểm năm trước", roleNotScore},
		{"Hạng công bố", roleNotScore},
		{"prev_score", roleNotScore},
		{"published_rank", roleNotScore},
		{"Tăng/giảm", roleNotScore},
		{"Thay đổi so với năm 2022", roleNotScore},
		{"Chênh lệch", roleNotScore},
		{"Xếp hạng 2022", roleRank},
		{"Xếp hạng", roleRank},
		{"Cải cách thủ tục hành chính", roleOther},
		{"Tác động của cải cách hành chính", roleOther},
		{"Chính phủ điện tử, chính phủ số", roleOther},
		{"Điểm thưởng", roleOther},
		{"Hiện đại hóa hành chính", roleOther},
	} {
		if got := headerRole(c.header); got != c.want {
			t.Errorf("%q: role %d, want %d", c.header, got, c.want)
		}
	}
}

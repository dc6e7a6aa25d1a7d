package num

import "testing"

func TestFormats(t *testing.T) {
	three, minus := 3, -1
	zero := 0
	cases := []struct{ got, want string }{
		{Score(97.31), "97,31"},
		{Score(-0.001), "0,00"},
		{Signed(1.234, 2), "+1,23"},
		{Signed(-0.5, 2), "-0,50"},
		{Signed(0.001, 2), "0,00"},
		{Int(10000), "10.000"},
		{Int(-1234567), "-1.234.567"},
		{Int(999), "999"},
		{RankDelta(&three, false), "▲3"},
		{RankDelta(&minus, false), "▼1"},
		{RankDelta(&zero, false), "="},
		{RankDelta(nil, true), "mới"},
		{RankDelta(nil, false), ""},
		{Pct(92.4), "92%"},
		{Ratio(3, 5), "3/5"},
		{Fixed(9, -1), "9"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("%d: got %q, want %q", i, c.got, c.want)
		}
	}
}

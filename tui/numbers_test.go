package tui

import (
	"testing"

	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

func TestRankDeltaAndScorePad(t *testing.T) {
	three, minus, zero := 3, -1, 0
	for _, c := range []struct{ got, want string }{
		{rankDelta(&three, false, words.VI), "▲3"},
		{rankDelta(&minus, false, words.VI), "▼1"},
		{rankDelta(&zero, false, words.VI), "="},
		{rankDelta(nil, true, words.VI), "mới"},
		{rankDelta(&three, true, words.VI), "mới"},
		{rankDelta(nil, false, words.VI), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for _, c := range []struct {
		ds         *data.Dataset
		pad, width int
	}{
		{nil, 2, 6},
		{&data.Dataset{Decimals: 0}, 2, 6},
		{&data.Dataset{Decimals: 2}, 2, 6},
		{&data.Dataset{Decimals: 4}, 4, 8}, // "100,0000"
	} {
		if got := scorePad(c.ds); got != c.pad {
			t.Errorf("scorePad(%v) = %d, want %d", c.ds, got, c.pad)
		}
		if got := scoreWidth(c.ds); got != c.width {
			t.Errorf("scoreWidth(%v) = %d, want %d", c.ds, got, c.width)
		}
	}
}

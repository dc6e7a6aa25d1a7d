package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
)

// TestTopMoversCounts: two facts per bloc and kind are shown; the others
// are counted on the last one shown, and the facts past the limit are
// counted apart, so the overview can say how many more there are.
func TestTopMoversCounts(t *testing.T) {
	mv := func(k analysis.MoverKind, bloc, unit string) analysis.Mover {
		return analysis.Mover{Kind: k, Bloc: bloc, Unit: unit}
	}
	up, gain := analysis.GradeUp, analysis.BiggestGain
	all := []analysis.Mover{
		mv(up, "Q", "a"), mv(up, "Q", "b"), mv(up, "Q", "c"), mv(up, "S", "d"),
		mv(gain, "Q", "e"), mv(up, "Q", "f"),
	}
	tests := []struct {
		limit int
		shown string // unit+more, in order
		left  int
	}{
		{24, "e0 a0 b2 d0", 0}, // gains come first; c and f counted on b
		{3, "e0 a0 b2", 1},     // d is past the limit
		{1, "e0", 5},           // every grade-up is past the limit: a, b, c, d, f
	}
	for _, tc := range tests {
		out, left := topMovers(all, tc.limit)
		var got []string
		for _, o := range out {
			got = append(got, fmt.Sprintf("%s%d", o.Unit, o.more))
		}
		if strings.Join(got, " ") != tc.shown || left != tc.left {
			t.Errorf("limit %d: %v, %d left; want %s, %d left", tc.limit, got, left, tc.shown, tc.left)
		}
	}
}

// TestOverviewSaysMore: the overview writes "+N more" under a fact when it
// leaves out others of its kind and bloc, in both languages.
func TestOverviewSaysMore(t *testing.T) {
	for _, lang := range []words.Lang{words.VI, words.EN} {
		m := newTestModel(t, 120, 40, true)
		m.setLang(lang)
		top, _ := topMovers(m.c.a.Movers(m.c.index, m.c.year), 24)
		more := 0
		for _, tm := range top {
			more += tm.more
		}
		if more == 0 {
			t.Fatal("the sample has no fact left out: the test needs one")
		}
		press(m, "1")
		ov := m.top().(*overviewView)
		got := 0
		for _, l := range ov.sc.lines {
			for n := 1; n < 10; n++ {
				if strings.HasSuffix(strings.TrimSpace(ansi.Strip(l)), words.MoreOfKind.F(lang, n)) {
					got += n
				}
			}
		}
		if got != more {
			t.Errorf("%s: the overview says %d more, want %d", lang, got, more)
		}
	}
}

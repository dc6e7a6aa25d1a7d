package tui

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/tui/styles"

	tea "charm.land/bubbletea/v2"
)

// A table nobody graded (the real 2023 ministry table: scores and ranks, no
// grade column, no scheme) is told by its score bands, never by grades the
// built-in scheme would invent; its bottom unit in the first year of data is
// no "first time".
func TestOverviewUngradedSaysBands(t *testing.T) {
	res := datatest.Sample(t, "ministries-2023")
	a := analysis.New(res.Dataset)
	var b strings.Builder
	if err := WriteOverview(&b, a, words.VI); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Mức điểm:   không xếp loại · từ 90 điểm 0/17 · từ 80 điểm 14/17", "Cuối bảng:  Bộ Công Thương 78,03"} {
		if !strings.Contains(out, want) {
			t.Errorf("overview lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"Xếp loại", "Tốt", "lần đầu"} {
		if strings.Contains(out, bad) {
			t.Errorf("overview says %q of an ungraded first year:\n%s", bad, out)
		}
	}

	m := New(Options{Result: res, Analysis: a, Theme: styles.Dark, NoColor: true, Dir: t.TempDir()})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	scr := screen(m)
	if !strings.Contains(scr, "từ 80 điểm 14/17") || strings.Contains(scr, "lần đầu") {
		t.Errorf("dashboard overview:\n%s", scr)
	}
}

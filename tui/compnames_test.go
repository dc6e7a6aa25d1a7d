package tui

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/text"
)

func TestAbbrevName(t *testing.T) {
	tests := []struct {
		name string
		w    int
		want string
	}{
		{"Cải cách thể chế", 20, "Cải cách thể chế"},
		{"Cải cách thể chế", 10, "CC thể chế"},
		{"Cải cách thể chế", 7, "CCT chế"},
		{"Cải cách thể chế", 5, "CCTC"},
		{"Công tác chỉ đạo, điều hành", 10, "CTCĐĐ hành"},
		{"Công tác chỉ đạo, điều hành", 6, "CTCĐĐH"},
		{"Lĩnh vực 12 - Khảo sát", 6, "LV12KS"},
		{"Lĩnh vực 12 - Khảo sát", 4, "LV12"},
		{"Tác động của cải cách hành chính", 6, "TĐCCHC"},
		{"Chính phủ điện tử, chính phủ số", 6, "CPĐTCP"},
		{"Điểm thưởng", 8, "ĐT"},
		// thousands of words (the hostile corpus): the initials, cut
		{strings.Repeat("Lĩnh vực ", 2000) + "cuối", 11, "LVLVLVLVLVL"},
		{"Lĩnh vực " + strings.Repeat("x ", 3000) + "thể chế", 4, "LVXX"},
	}
	for _, tc := range tests {
		got := abbrevName(tc.name, tc.w)
		if got != tc.want || text.Width(got) > tc.w {
			t.Errorf("abbrevName(%q, %d) = %q, want %q", tc.name, tc.w, got, tc.want)
		}
	}
}

// TestCompTitles: headings leave a cell for the sort arrow; two alike are
// told apart by their codes, else their positions.
func TestCompTitles(t *testing.T) {
	c1, c2 := "C1", "C2"
	got := compTitles([]*string{&c1, &c2, nil}, []string{"Cải cách tài chính", "Cải cách tổ chức", "Khảo sát"}, 5)
	if strings.Join(got, "|") != "C1|C2|KS" {
		t.Errorf("with codes: %q", got)
	}
	got = compTitles([]*string{nil, nil}, []string{"Cải cách tài chính", "Cải cách tổ chức"}, 5)
	if strings.Join(got, "|") != "CCT1|CCT2" {
		t.Errorf("without codes: %q", got)
	}
}

func TestCompLayout(t *testing.T) {
	tests := []struct {
		w, fixed, longest, capW, n, minW, keep int
		unitW, compW                           int
	}{
		{200, 48, 52, 48, 9, 6, 0, 52, 10}, // everything fits: the unit column passes its cap
		{120, 48, 52, 48, 9, 6, 0, 48, 6},  // not all fit: capped, components scroll
		{80, 48, 52, 48, 9, 6, 0, 31, 6},   // the room left
		{80, 14, 52, 40, 9, 6, 3, 40, 6},   // three components kept in sight
		{300, 48, 20, 48, 3, 6, 0, 20, 12}, // short names: components widen to their cap
		{60, 48, 52, 48, 9, 6, 0, 12, 6},   // never under 12
		{0, 48, 30, 48, 9, 6, 0, 30, 6},    // no width yet
		{200, 48, 30, 48, 0, 6, 0, 30, 6},  // no components
	}
	for _, tc := range tests {
		u, c := compLayout(tc.w, tc.fixed, tc.longest, tc.capW, tc.n, tc.minW, tc.keep)
		if u != tc.unitW || c != tc.compW {
			t.Errorf("compLayout(%+v) = %d, %d; want %d, %d", tc, u, c, tc.unitW, tc.compW)
		}
	}
}

// TestComponentColumnNames: the component columns are headed by names,
// not codes; the focused column's full name is in the status line and
// first in the legend; the legend shows at 80 columns; in both languages.
func TestComponentColumnNames(t *testing.T) {
	for _, lang := range []words.Lang{words.VI, words.EN} {
		m := newTestModel(t, 80, 24, true)
		m.setLang(lang)
		press(m, "5", "tab", "right", "right", "right", "right")
		cv := m.top().(*componentsView)
		out := screen(m)
		for _, t0 := range cv.titles {
			if strings.HasPrefix(t0, "C") && len(t0) == 2 {
				t.Errorf("%s: a code heading %q", lang, t0)
			}
		}
		focus := cv.g.Col() - ccComps
		if focus < 0 {
			t.Fatalf("%s: the focus is not on a component (col %d)", lang, cv.g.Col())
		}
		name := cv.compNames[focus]
		if st := cv.Status(); !strings.Contains(st, words.FocusedComponent.F(lang, cv.titles[focus], name)) {
			t.Errorf("%s: status %q lacks the focused column's name %q", lang, st, name)
		}
		if !strings.Contains(out, "▸ "+cv.titles[focus]+": "+name) {
			t.Errorf("%s: the legend does not start with the focused column:\n%s", lang, out)
		}
		checkFrame(t, m.View().Content, 80, 24)
	}
}

// TestUnitColumnWidens: on a wide terminal the ranking's unit column takes
// the longest name whole (it stopped at 48 cells) and every component
// column is in sight.
func TestUnitColumnWidens(t *testing.T) {
	m := newTestModel(t, 200, 60, true)
	press(m, "2", "tab")
	rk := rankingOf(m)
	longest := 0
	for _, r := range rk.rows {
		longest = max(longest, text.Width(r.name))
	}
	if longest <= 48 {
		t.Fatalf("the sample's longest name is %d cells: the test needs one over 48", longest)
	}
	if w := rk.g.Cols[rcUnit].Width; w < longest {
		t.Errorf("unit column %d cells, longest name %d", w, longest)
	}
	if l, r := rk.g.Hidden(); l || r {
		t.Errorf("columns hidden at 200 cells: visible %v of %d", rk.g.Visible(), len(rk.g.Cols))
	}
	m = newTestModel(t, 120, 40, true)
	press(m, "2", "tab")
	if w := rankingOf(m).g.Cols[rcUnit].Width; w > 48 {
		t.Errorf("at 120 cells the unit column takes %d", w)
	}
}

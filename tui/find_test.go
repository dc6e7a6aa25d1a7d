package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/tui/styles"
)

// TestFilterMeansTheDiacriticsTyped: the ranking's filter folds accents
// only for a query without them: "quan" keeps "Cục Hải quan", "quận" does
// not.
func TestFilterMeansTheDiacriticsTyped(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "2")
	if !strings.Contains(m.c.bloc, "Trung") {
		t.Fatalf("opened on bloc %q", m.c.bloc)
	}
	rk := rankingOf(m)
	for _, tc := range []struct {
		query string
		rows  int
	}{{"quan", 1}, {"quận", 0}, {"QUAN", 1}, {"hải quan", 1}, {"hai quận", 0}} {
		rk.SetFilter(tc.query)
		if rk.g.Len() != tc.rows {
			t.Errorf("filter %q: %d rows, want %d", tc.query, rk.g.Len(), tc.rows)
		}
	}
}

// TestNextMatchSpansTheBlocs: n steps through the filter's matches and on
// into the next bloc with one; N goes back; a bloc without a match is
// skipped, and "Sở" skips "quận Sơn Trà".
func TestNextMatchSpansTheBlocs(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "2", "/")
	typeText(m, "Sở")
	press(m, "enter")
	rk := rankingOf(m)
	if rk.g.Len() != 0 {
		t.Fatalf("%d rows match Sở in %q", rk.g.Len(), m.c.bloc)
	}
	press(m, "n")
	if !strings.HasPrefix(m.c.bloc, "Sở") || rk.g.Len() == 0 || rk.g.Cursor() != 0 {
		t.Fatalf("n went to bloc %q, %d rows, cursor %d", m.c.bloc, rk.g.Len(), rk.g.Cursor())
	}
	sbn, n := m.c.bloc, rk.g.Len()
	for i := 0; i < n; i++ {
		if r := rk.g.CursorRow(); !strings.Contains(strings.ToLower(rk.rows[r].text), "sở") {
			t.Errorf("match %d is %q", i, rk.rows[r].text)
		}
		if rk.g.Cursor() != i {
			t.Fatalf("after %d n: cursor %d", i, rk.g.Cursor())
		}
		press(m, "n")
	}
	// no other bloc has "Sở" (quận Sơn Trà has no diacritics to match): back to the first match
	if m.c.bloc != sbn || rk.g.Cursor() != 0 {
		t.Errorf("past the last match: bloc %q cursor %d, want %q 0", m.c.bloc, rk.g.Cursor(), sbn)
	}
	press(m, "N")
	if m.c.bloc != sbn || rk.g.Cursor() != n-1 {
		t.Errorf("N before the first match: bloc %q cursor %d, want %q %d", m.c.bloc, rk.g.Cursor(), sbn, n-1)
	}
	rk.SetFilter("zzzz")
	press(m, "n")
	if m.c.bloc != sbn || !strings.Contains(screen(m), words.NoMatchAnywhere.In(words.VI)) {
		t.Errorf("no match anywhere: bloc %q, screen:\n%s", m.c.bloc, screen(m))
	}
}

// TestFindOpensAUnitFromEveryView: f opens the picker over any view; a
// name, a code, a fuzzy abbreviation or a name with diacritics finds the
// unit; enter opens its page on its bloc; esc comes back unchanged.
func TestFindOpensAUnitFromEveryView(t *testing.T) {
	for i, ts := range tabSpecs {
		for _, tc := range []struct{ query, want, bloc string }{
			{"cam le", "quận Cẩm Lệ", "Quận, huyện"},
			{"QH-ST", "quận Sơn Trà", "Quận, huyện"},
			{"hchau", "quận Hải Châu", "Quận, huyện"},
			{"tư pháp", "Sở Tư pháp", "Sở, ban, ngành"},
		} {
			m := newTestModel(t, 120, 40, true)
			press(m, string(rune('1'+i)), "f")
			if _, ok := m.top().(*findView); !ok {
				t.Fatalf("tab %s: f opened %T", ts.id, m.top())
			}
			typeText(m, tc.query)
			press(m, "enter")
			u, ok := m.top().(*unitView)
			if !ok || u.name != tc.want || m.c.bloc != tc.bloc {
				t.Errorf("tab %s, %q: top %T %q on bloc %q; want %q on %q", ts.id, tc.query, m.top(), u.name, m.c.bloc, tc.want, tc.bloc)
			}
		}
		m := newTestModel(t, 120, 40, true)
		press(m, string(rune('1'+i)))
		before, depth := m.top(), len(m.stack)
		press(m, "f")
		typeText(m, "son")
		press(m, "esc")
		if m.top() != before || len(m.stack) != depth || m.ask != nil {
			t.Errorf("tab %s: esc left %T, stack %d (was %d)", ts.id, m.top(), len(m.stack), depth)
		}
	}
}

// TestFindMeansTheDiacriticsTyped: "Sở" lists the Sở units and not quận
// Sơn Trà; the arrows choose among the hits while the query is typed.
func TestFindMeansTheDiacriticsTyped(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "f")
	typeText(m, "Sở")
	v := m.top().(*findView)
	if len(v.hits) == 0 {
		t.Fatal("no hit for Sở")
	}
	for _, h := range v.hits {
		if it := v.items[h]; !strings.Contains(strings.ToLower(it.text), "sở") {
			t.Errorf("Sở found %q", it.text)
		}
	}
	second := v.items[v.hits[1]].u.Unit
	press(m, "down", "enter")
	if u, ok := m.top().(*unitView); !ok || u.name != second {
		t.Errorf("down, enter opened %T %q, want %q", m.top(), u.name, second)
	}
}

// TestFindCrossesIndices: a unit only in the other index is found, and
// enter switches to that index and to the unit's latest year and bloc.
func TestFindCrossesIndices(t *testing.T) {
	ds := datatest.Graded(
		datatest.R(2022, "Sở", "Sở Nội vụ", 90),
		datatest.R(2023, "Sở", "Sở Nội vụ", 91),
		datatest.R(2022, "Sở", "Sở Tư pháp", 85),
		datatest.R(2023, "Sở", "Sở Tư pháp", 86),
		datatest.G(2021, "Huyện", "huyện Hòa Vang", "Tốt", datatest.Index("Văn thư, lưu trữ")),
		datatest.G(2021, "Huyện", "huyện Cẩm Lệ", "Khá", datatest.Index("Văn thư, lưu trữ")),
	)
	res := &data.Result{Dataset: ds}
	m := New(Options{Result: res, Theme: styles.Dark, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if m.c.index != data.DefaultIndex {
		t.Fatalf("opened on %q", m.c.index)
	}
	press(m, "2", "f")
	typeText(m, "hoa vang")
	press(m, "enter")
	u, ok := m.top().(*unitView)
	if !ok || u.name != "huyện Hòa Vang" || m.c.index != "Văn thư, lưu trữ" || m.c.year != 2021 || m.c.bloc != "Huyện" {
		t.Fatalf("opened %T on %q %d %q", m.top(), m.c.index, m.c.year, m.c.bloc)
	}
	if out := screen(m); !strings.Contains(out, "huyện Hòa Vang") || !strings.Contains(out, "chỉ số 2/2 · i") {
		t.Errorf("the unit page:\n%s", out)
	}
}

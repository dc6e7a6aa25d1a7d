package analysis

import (
	"strings"
	"sync"
	"testing"

	"github.com/parlens/parlens/data"
)

func lookupDataset() *data.Dataset {
	return mk(
		R(2021, "Khối sở, ban, ngành", "Sở Nội vụ", 95, code("SNV")),
		R(2021, "Khối sở, ban, ngành", "Sở Y tế", 70, code("SYT")),
		R(2021, "Khối quận, huyện", "Quận Cẩm Lệ", 75),
		R(2021, "Khối quận, huyện", "Quận Thanh Khê", 90),
		R(2021, "Khối cơ quan Trung ương", "Cục Thuế", 68),
		R(2022, "Khối sở, ban, ngành", "Sở Nội vụ thành phố", 96, code("SNV")), // renamed
		R(2022, "Khối sở, ban, ngành", "Phòng Nội vụ", 80),
		R(2022, "Khối quận, huyện", "Quận Cẩm Lệ", 76),
	)
}

func TestFindUnit(t *testing.T) {
	a := New(lookupDataset())
	tests := []struct {
		query string
		want  []string // unit ids
	}{
		{"SNV", []string{"SNV"}},                        // code
		{"Sở Nội vụ", []string{"SNV"}},                  // exact old name beats substring matches
		{"sở nội vụ thành phố", []string{"SNV"}},        // folded equality
		{"so noi vu", []string{"SNV"}},                  // folded equality with the old name
		{"noi vu", []string{"~phong noi vu", "SNV"}},    // folded substring: ambiguous, by name
		{"cam le", []string{"~quan cam le"}},            // accents ignored
		{"QUẬN THANH KHÊ", []string{"~quan thanh khe"}}, // case ignored
		{"snv", []string{"SNV"}},                        // folded code
		{"Bộ Ngoại giao", []string{}},                   // unknown
		{"  ", []string{}},
	}
	for _, tc := range tests {
		got := a.FindUnit(tc.query)
		var ids []string
		for _, u := range got {
			ids = append(ids, u.UnitID)
		}
		if !equal(ids, tc.want) {
			t.Errorf("FindUnit(%q) = %v, want %v", tc.query, ids, tc.want)
		}
	}
	u, _ := a.UnitByID("SNV")
	if u.Unit != "Sở Nội vụ thành phố" || !equal(u.Names, []string{"Sở Nội vụ", "Sở Nội vụ thành phố"}) || sp(u.UnitCode) != "SNV" {
		t.Errorf("unit = %+v", u)
	}
	if h := a.History("SNV"); len(h) != 1 || h[0].Points[0].Unit != "Sở Nội vụ" || h[0].Points[1].Unit != "Sở Nội vụ thành phố" || *h[0].Points[1].Rank != 1 {
		t.Errorf("history = %+v", h)
	}
	if n := len(a.Units()); n != 6 {
		t.Errorf("%d units, want 6", n)
	}
}

func TestSuggest(t *testing.T) {
	districts := []string{"Quận Cẩm Lệ", "Quận Hải Châu", "Quận Thanh Khê", "Huyện Hòa Vang"}
	tests := []struct {
		query      string
		candidates []string
		want       []string
	}{
		{"Cam Le", districts, []string{"Quận Cẩm Lệ"}},
		{"thanh khw", districts, []string{"Quận Thanh Khê"}}, // typo: edit distance
		{"Quan Hai Chau", districts, []string{"Quận Hải Châu"}},
		{"quận", districts, []string{"Quận Cẩm Lệ", "Quận Hải Châu", "Quận Thanh Khê"}},
		{"Hoa Vagn", districts, []string{"Huyện Hòa Vang"}},
		{"2032", []string{"2021", "2022", "2023"}, []string{"2022"}},
		{"2003", []string{"2021", "2022", "2023"}, []string{"2023"}},
		{"xyz", districts, []string{}},
		{"", districts, []string{}},
		{"a", []string{"a", "a", "b"}, []string{"a"}},
	}
	for _, tc := range tests {
		if got := Suggest(tc.query, tc.candidates); !equal(got, tc.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	many := []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7"}
	if got := Suggest("a", many); len(got) != MaxSuggestions {
		t.Errorf("Suggest caps at %d: %v", MaxSuggestions, got)
	}
}

func TestMatchBloc(t *testing.T) {
	blocs := []string{"Khối sở, ban, ngành", "Khối quận, huyện", "Khối cơ quan Trung ương"}
	tests := []struct {
		query string
		want  []string
	}{
		{"Khối quận, huyện", []string{"Khối quận, huyện"}},
		{"khoi quan huyen", []string{"Khối quận, huyện"}},
		{"huyện", []string{"Khối quận, huyện"}},
		{"quan", []string{"Khối quận, huyện", "Khối cơ quan Trung ương"}}, // ambiguous
		{"trung uong", []string{"Khối cơ quan Trung ương"}},
		{"bộ", []string{}},
	}
	for _, tc := range tests {
		if got := MatchBloc(tc.query, blocs); !equal(got, tc.want) {
			t.Errorf("MatchBloc(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	a := New(lookupDataset())
	if got := a.FindBloc(data.DefaultIndex, "so ban nganh"); !equal(got, []string{"Khối sở, ban, ngành"}) {
		t.Errorf("FindBloc = %q", got)
	}
	if got := a.BlocsIn(data.DefaultIndex, 2022); len(got) != 2 {
		t.Errorf("blocs in 2022 = %q", got)
	}
	if y, ok := a.PrevYear(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "Khối cơ quan Trung ương"}); !ok || y != 2021 {
		t.Errorf("prev year of a bloc without 2022 data = %d %v", y, ok)
	}
	if _, ok := a.PrevYear(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: "Khối quận, huyện"}); ok {
		t.Error("first year has a previous year")
	}
}

// Every method may be called from many goroutines at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	ds := componentsDataset()
	a := New(ds)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, y := range a.Years(data.DefaultIndex) {
				a.Summary(data.DefaultIndex, y)
				a.Movers(data.DefaultIndex, y)
				a.Components(data.Slice{Index: data.DefaultIndex, Year: y, Bloc: "B"})
				a.Gaps(data.Slice{Index: data.DefaultIndex, Year: y, Bloc: "B"})
				a.Table(data.Slice{Index: data.DefaultIndex, Year: y, Bloc: "B"})
				a.Transitions(data.DefaultIndex, y-1, y)
			}
			a.FindUnit("a")
			a.History("~a")
		}()
	}
	wg.Wait()
	s, _ := a.BlocSummary(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	wantF(t, "mean", s.Mean, (54+53+51)/3.0)
}

// cmpName orders as data.Fold does, then exactly.
func TestCmpName(t *testing.T) {
	names := []string{
		"Đà Nẵng", "Da Nang", "da nang", "Đắk Lắk", "Dak Nong", "Hà Nội", "Hà Giang", "Hòa Vang", "Hoà Vang",
		"Sở Y tế", "Sở Xây dựng", "Sở  Y-tế", " Sở Y tế ", "Ủy ban", "Uy ban", "Quận 1", "Quận 10", "Quận 2",
		"Bộ Công Thương", "Bộ Công an", "Cẩm Lệ", "Cam Le", "ǅemal", "Straße", "日本", "Ω", "a\u0301b", "áb", "",
		"Trung tâm (CNTT)", "Trung tâm CNTT", "Ngân hàng Nhà nước", "Ngân hàng nhà nước",
	}
	for _, a := range names {
		for _, b := range names {
			want := strings.Compare(data.Fold(a), data.Fold(b))
			if want == 0 {
				want = strings.Compare(a, b)
			}
			if got := cmpName(a, b); got != want {
				t.Errorf("cmpName(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

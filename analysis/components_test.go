package analysis

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/parlens/parlens/data"
)

var nan = data.Missing

// componentsDataset has a component renamed in 2022 that the loader kept as
// two columns with one key (chi-dao), one with a known max (tthc) and one
// without (khao-sat).
func componentsDataset() *data.Dataset {
	ds := mk(
		R(2021, "B", "A", 53, scores(8, 15, 30, nan)),
		R(2021, "B", "B", 52, scores(9, 18, 25, nan)),
		R(2021, "B", "C", 38, scores(6, 12, 20, nan)),
		R(2021, "B", "NR", 65, notRanked, scores(10, 20, 35, nan)),
		R(2022, "B", "A", 54, scores(nan, 16, 28, 10)),
		R(2022, "B", "B", 53, scores(nan, 18, 26, 9)),
		R(2022, "B", "C", 51, scores(nan, 19, 20, 12)),
		R(2022, "B", "NR", 67, notRanked, scores(nan, 20, 35, 12)),
	)
	ds.Components = []data.Component{
		{Key: "chi-dao", Name: "Công tác chỉ đạo", Code: "C1", Terms: []data.ComponentTerm{{Name: "Công tác chỉ đạo", Max: 10, ToYear: 2021}}},
		{Key: "tthc", Name: "Cải cách TTHC", Terms: []data.ComponentTerm{{Name: "Cải cách TTHC", Max: 20}}},
		{Key: "khao-sat", Name: "Khảo sát"},
		{Key: "chi-dao", Name: "Chỉ đạo, điều hành", Code: "C1", Terms: []data.ComponentTerm{{Name: "Chỉ đạo, điều hành", Max: 12, FromYear: 2022}}},
	}
	return ds
}

func TestComponentsBloc(t *testing.T) {
	a := New(componentsDataset())
	bc, ok := a.Components(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	if !ok {
		t.Fatal("no components")
	}
	if len(bc.Components) != 3 {
		t.Fatalf("components = %+v", bc.Components)
	}
	tests := []struct {
		key, name                    string
		max                          float64 // 0 = unknown
		mean, median, min, maxScore  float64
		meanPct, lostMean, lostTotal float64 // when max known
		prevMean                     float64
	}{
		{"chi-dao", "Chỉ đạo, điều hành", 12, 31.0 / 3, 10, 9, 12, 31.0 / 3 / 12 * 100, 12 - 31.0/3, 5, 23.0 / 3},
		{"tthc", "Cải cách TTHC", 20, 53.0 / 3, 18, 16, 19, 53.0 / 3 / 20 * 100, 20 - 53.0/3, 7, 45.0 / 3},
		{"khao-sat", "Khảo sát", 0, 74.0 / 3, 26, 20, 28, 0, 0, 0, 75.0 / 3},
	}
	for i, tc := range tests {
		c := bc.Components[i]
		if c.Key != tc.key || c.Name != tc.name || c.Units != 3 {
			t.Errorf("component %d = %s %q units %d", i, c.Key, c.Name, c.Units)
		}
		wantF(t, tc.key+" mean", c.Mean, tc.mean)
		wantF(t, tc.key+" median", c.Median, tc.median)
		wantF(t, tc.key+" min", c.Min, tc.min)
		wantF(t, tc.key+" max", c.Max, tc.maxScore)
		wantF(t, tc.key+" prev_mean", c.PrevMean, tc.prevMean)
		if tc.max == 0 {
			wantNilF(t, tc.key+" max_points", c.MaxPoints)
			wantNilF(t, tc.key+" mean_pct", c.MeanPct)
			wantNilF(t, tc.key+" lost_mean", c.LostMean)
			continue
		}
		wantF(t, tc.key+" max_points", c.MaxPoints, tc.max)
		wantF(t, tc.key+" mean_pct", c.MeanPct, tc.meanPct)
		wantF(t, tc.key+" lost_mean", c.LostMean, tc.lostMean)
		wantF(t, tc.key+" lost_total", c.LostTotal, tc.lostTotal)
	}
	if sp(bc.MostLost) != "tthc" || sp(bc.MostLostName) != "Cải cách TTHC" {
		t.Errorf("most lost = %s", sp(bc.MostLost))
	}
	if sp(bc.Components[0].Code) != "C1" {
		t.Errorf("code = %s", sp(bc.Components[0].Code))
	}
	// the 2021 name and max of the renamed component
	old, _ := a.Components(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: "B"})
	if c := old.Components[0]; c.Name != "Công tác chỉ đạo" || *c.MaxPoints != 10 {
		t.Errorf("2021 component = %q max %s", c.Name, fp(c.MaxPoints))
	}
	if old.PrevYear != nil || old.Components[0].PrevMean != nil {
		t.Errorf("first year has previous values")
	}
}

func TestUnitComponents(t *testing.T) {
	a := New(componentsDataset())
	u, ok := a.UnitComponents(data.DefaultIndex, 2022, "~a")
	if !ok {
		t.Fatal("no unit")
	}
	type cs struct {
		key                        string
		score, max, pct, prev, chg float64
		blocMean, blocPct, vs      float64
		rank                       int
		lost                       float64
	}
	cdMean, ttMean, ksMean := 31.0/3, 53.0/3, 74.0/3
	want := []cs{
		{"chi-dao", 10, 12, 1000.0 / 12, 8, 2, cdMean, cdMean / 12 * 100, 1000.0/12 - cdMean/12*100, 2, 2},
		{"tthc", 16, 20, 80, 15, 1, ttMean, ttMean / 20 * 100, 80 - ttMean/20*100, 3, 4},
		{"khao-sat", 28, 0, 0, 30, -2, ksMean, 0, 28 - ksMean, 1, 0},
	}
	for i, w := range want {
		c := u.Components[i]
		if c.Key != w.key || c.RankedOf != 3 {
			t.Errorf("component %d = %s of %d", i, c.Key, c.RankedOf)
		}
		wantF(t, w.key+" score", c.Score, w.score)
		wantF(t, w.key+" change (vs prev "+fmt.Sprint(w.prev)+")", c.Change, w.chg)
		wantF(t, w.key+" bloc_mean", c.BlocMean, w.blocMean)
		if vs, ok := VsBloc(&c); !ok || !near(vs, w.vs) {
			t.Errorf("%s VsBloc = %v %v, want %v", w.key, vs, ok, w.vs)
		}
		wantI(t, w.key+" rank", c.Rank, w.rank)
		if w.max == 0 {
			wantNilF(t, w.key+" max", c.Max)
			wantNilF(t, w.key+" pct", c.Pct)
			wantNilF(t, w.key+" lost", c.Lost)
			wantNilF(t, w.key+" bloc_pct", c.BlocPct)
			continue
		}
		wantF(t, w.key+" max", c.Max, w.max)
		wantF(t, w.key+" pct", c.Pct, w.pct)
		wantF(t, w.key+" bloc_pct", c.BlocPct, w.blocPct)
		wantF(t, w.key+" lost", c.Lost, w.lost)
	}
	if sp(u.Strongest) != "Khảo sát" || sp(u.StrongestKey) != "khao-sat" || sp(u.Weakest) != "Cải cách TTHC" {
		t.Errorf("strongest %s weakest %s", sp(u.Strongest), sp(u.Weakest))
	}
	wantI(t, "fell", u.Fell, 1)
	wantI(t, "rose", u.Rose, 2)
	wantI(t, "comparable", u.Comparable, 3)
	wantF(t, "lost", u.Lost, 6)
	wantI(t, "rank", u.Rank, 1) // 54 vs B 53, C 51; NR (67) is not ranked

	// a not-ranked unit has component scores but no component ranks
	nr, _ := a.UnitComponents(data.DefaultIndex, 2022, "~nr")
	wantF(t, "NR chi-dao", nr.Components[0].Score, 12)
	wantNilI(t, "NR chi-dao rank", nr.Components[0].Rank)
	// C ties NR on chi-dao (12) but NR is outside the ranking: C is first alone
	c, _ := a.UnitComponents(data.DefaultIndex, 2022, "~c")
	wantI(t, "C chi-dao rank", c.Components[0].Rank, 1)
	// first year: no comparison
	first, _ := a.UnitComponents(data.DefaultIndex, 2021, "~a")
	wantNilI(t, "2021 fell", first.Fell)
	wantNilF(t, "2021 change", first.Components[0].Change)
}

// Component ranks are competition ranks at 2 decimals.
func TestComponentRankTies(t *testing.T) {
	ds := mk(
		R(2022, "B", "A", 1, scores(9.004)),
		R(2022, "B", "B", 1, scores(9)),
		R(2022, "B", "C", 1, scores(8.5)),
		R(2022, "B", "D", 1, scores(9.5)),
	)
	ds.Components = []data.Component{{Key: "x", Name: "X"}}
	bc, _ := New(ds).Components(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	got := map[string]int{}
	for _, u := range bc.Units {
		got[u.Unit] = *u.Components[0].Rank
	}
	want := map[string]int{"D": 1, "A": 2, "B": 2, "C": 4}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s rank %d, want %d", k, got[k], v)
		}
	}
}

// The CLI marshals component views directly: check the JSON of a unit's
// profile (detailed components shadow the compact cells) and of a bloc row.
func TestComponentsJSON(t *testing.T) {
	a := New(componentsDataset())
	p, _ := a.UnitComponents(data.DefaultIndex, 2022, "~a")
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["index"] != data.DefaultIndex || m["year"] != 2022.0 || m["unit"] != "A" || m["fell"] != 1.0 || m["strongest"] != "Khảo sát" {
		t.Errorf("profile JSON = %s", b)
	}
	c0 := m["components"].([]any)[0].(map[string]any)
	for k, want := range map[string]any{"key": "chi-dao", "name": "Chỉ đạo, điều hành", "code": "C1", "score": 10.0, "max": 12.0,
		"change": 2.0, "rank": 2.0, "lost": 2.0, "ranked_of": 3.0} {
		if c0[k] != want {
			t.Errorf("component JSON %q = %v, want %v (%s)", k, c0[k], want, b)
		}
	}
	c2 := m["components"].([]any)[2].(map[string]any)
	if v, ok := c2["max"]; !ok || v != nil {
		t.Errorf("unknown max should be null: %v", c2)
	}
	bc, _ := a.Components(data.Slice{Index: data.DefaultIndex, Year: 2021, Bloc: "B"})
	b, _ = json.Marshal(bc.Units[0])
	var row map[string]any
	if err := json.Unmarshal(b, &row); err != nil {
		t.Fatal(err)
	}
	if row["unit"] != "A" || row["year"] != 2021.0 || row["fell"] != nil || row["lost"] != 7.0 || row["weakest_key"] != "tthc" {
		t.Errorf("row JSON = %s", b)
	}
	cells := row["components"].([]any)
	want := []map[string]any{
		{"key": "chi-dao", "name": "Công tác chỉ đạo", "score": 8.0, "max": 10.0, "pct": 80.0, "change": nil, "rank": 2.0, "lost": 2.0},
		{"key": "tthc", "code": nil, "score": 15.0, "pct": 75.0, "bloc_mean": 15.0, "bloc_pct": 75.0, "rank": 2.0},
		{"key": "khao-sat", "score": 30.0, "max": nil, "pct": nil, "bloc_pct": nil, "bloc_mean": 25.0, "rank": 1.0, "lost": nil},
	}
	for i, w := range want {
		c := cells[i].(map[string]any)
		for k, v := range w {
			if got, ok := c[k]; !ok || got != v {
				t.Errorf("cell %d %q = %v, want %v", i, k, got, v)
			}
		}
	}
}

// Bonus points count in the total but are not an area: a unit that earned
// none has not "lost" them, and they are never its weakest component or the
// bloc's most-lost one.
func TestBonusComponentIsNotAnArea(t *testing.T) {
	ds := mk(
		R(2021, "B", "A", 19, scores(9, 10, 0)),
		R(2021, "B", "B", 18, scores(8, 9, 1)),
		R(2022, "B", "A", 20, scores(8, 12, 0)),
		R(2022, "B", "B", 18.5, scores(8.5, 10, 0)),
	)
	ds.Components = []data.Component{
		{Key: "c1", Name: "Chỉ đạo", Terms: []data.ComponentTerm{{Max: 10}}},
		{Key: "c2", Name: "Thể chế", Terms: []data.ComponentTerm{{Max: 15}}},
		{Key: "bonus", Name: "Điểm thưởng", Bonus: true, Terms: []data.ComponentTerm{{Max: 3}}},
	}
	a := New(ds)
	bc, ok := a.Components(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"})
	if !ok {
		t.Fatal("no components")
	}
	if sp(bc.MostLostName) != "Thể chế" {
		t.Errorf("most lost %s, want Thể chế (the bonus lost 3 points a unit, more than any area)", sp(bc.MostLostName))
	}
	if !bc.Components[2].Bonus {
		t.Error("bonus flag not reported")
	}
	u, _ := a.UnitComponents(data.DefaultIndex, 2022, "~b")
	if sp(u.Weakest) == "Điểm thưởng" || sp(u.Strongest) == "Điểm thưởng" {
		t.Errorf("strongest %s weakest %s: bonus must not count", sp(u.Strongest), sp(u.Weakest))
	}
	if fp(u.Lost) != "6.5000" {
		t.Errorf("lost %s, want 6.5 (1.5 + 5, the bonus left out)", fp(u.Lost))
	}
	if ip(u.Fell) != "0" || ip(u.Rose) != "2" || ip(u.Comparable) != "2" {
		t.Errorf("fell %s rose %s of %s; the bonus going 1 → 0 is not a fall", ip(u.Fell), ip(u.Rose), ip(u.Comparable))
	}
	if c := u.Components[2]; c.Lost != nil || c.Change == nil || *c.Change != -1 {
		t.Errorf("bonus cell: lost %s change %s", fp(c.Lost), fp(c.Change))
	}
}

// TestComponentBlocBest: "best" beside a unit's score is the best score on
// that component in its bloc, over the units the mean is over (a
// not-ranked unit's higher score is not it), the same for every unit.
func TestComponentBlocBest(t *testing.T) {
	a := New(componentsDataset())
	tests := []struct {
		year int
		unit string
		best map[string]float64 // key → best; absent = component not scored that year
	}{
		{2021, "A", map[string]float64{"chi-dao": 9, "tthc": 18, "khao-sat": 30}},
		{2021, "C", map[string]float64{"chi-dao": 9, "tthc": 18, "khao-sat": 30}},
		{2022, "A", map[string]float64{"chi-dao": 12, "tthc": 19, "khao-sat": 28}},
		{2022, "NR", map[string]float64{"chi-dao": 12, "tthc": 19, "khao-sat": 28}}, // its own 35 is not in the bloc's statistics
	}
	for _, tc := range tests {
		uc, ok := a.UnitComponents(data.DefaultIndex, tc.year, data.UnitID("", tc.unit))
		if !ok {
			t.Fatalf("%d %s: no profile", tc.year, tc.unit)
		}
		if len(uc.Components) != len(tc.best) {
			t.Fatalf("%d %s: %d components, want %d", tc.year, tc.unit, len(uc.Components), len(tc.best))
		}
		for _, cs := range uc.Components {
			wantF(t, fmt.Sprintf("%d %s %s best", tc.year, tc.unit, cs.Key), cs.BlocBest, tc.best[cs.Key])
		}
	}
}

// profileDataset has two blocs scoring different components: X scores a
// component and a bonus, Y only the component.
func profileDataset() *data.Dataset {
	ds := mk(
		R(2023, "X", "A", 6, scores(5, 1)),
		R(2023, "X", "B", 7, scores(7, 0)),
		R(2023, "Y", "C", 9, scores(9, nan)),
		R(2023, "Y", "D", 8, scores(8, nan)),
	)
	ds.Components = []data.Component{
		{Key: "k1", Name: "Thể chế", Terms: []data.ComponentTerm{{Name: "Thể chế", Max: 10}}},
		{Key: "bonus", Name: "Điểm thưởng", Bonus: true, Terms: []data.ComponentTerm{{Name: "Điểm thưởng", Max: 2}}},
	}
	return ds
}

// TestCompareComponents: one row per component, one cell per unit asked
// for, each against its own bloc's mean; a unit without the component or
// without a result has an empty cell.
func TestCompareComponents(t *testing.T) {
	a := New(profileDataset())
	id := func(u string) string { return data.UnitID("", u) }
	rows := a.CompareComponents(data.DefaultIndex, 2023, []string{id("A"), id("C"), id("nobody")})
	type cell struct {
		bloc         string
		score, vs    float64 // nan = nil
		mean         float64
		hasScoreMean bool
	}
	tests := []struct {
		key   string
		bonus bool
		max   float64
		cells []cell
	}{
		{"k1", false, 10, []cell{{"X", 5, -1, 6, true}, {"Y", 9, 0.5, 8.5, true}, {}}},
		{"bonus", true, 2, []cell{{"X", 1, 0.5, 0.5, true}, {}, {}}},
	}
	if len(rows) != len(tests) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(tests), rows)
	}
	for i, tc := range tests {
		r := rows[i]
		if r.Key != tc.key || r.Bonus != tc.bonus || len(r.Cells) != 3 {
			t.Fatalf("row %d = %s bonus %v, %d cells", i, r.Key, r.Bonus, len(r.Cells))
		}
		wantF(t, tc.key+" max", r.Max, tc.max)
		for j, w := range tc.cells {
			c := r.Cells[j]
			what := fmt.Sprintf("%s cell %d", tc.key, j)
			if c.Bloc != w.bloc {
				t.Errorf("%s bloc %q, want %q", what, c.Bloc, w.bloc)
			}
			if !w.hasScoreMean {
				wantNilF(t, what+" score", c.Score)
				wantNilF(t, what+" vs", c.VsMean)
				continue
			}
			wantF(t, what+" score", c.Score, w.score)
			wantF(t, what+" mean", c.BlocMean, w.mean)
			wantF(t, what+" vs", c.VsMean, w.vs)
		}
	}
	if rows := a.CompareComponents(data.DefaultIndex, 2019, []string{id("A")}); len(rows) != 0 {
		t.Errorf("a year without results: %+v", rows)
	}
}

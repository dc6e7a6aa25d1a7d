package analysis

import (
	"math"
	"testing"

	"github.com/parlens/parlens/data"
)

func TestKendallTauB(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		tau  float64
		ok   bool
	}{
		// one discordant pair of 6: (5 − 1) / 6
		{"one swap", []float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}, 4.0 / 6, true},
		{"identical", []float64{1, 2, 3}, []float64{1, 2, 3}, 1, true},
		{"reversed", []float64{1, 2, 3}, []float64{3, 2, 1}, -1, true},
		// x ties b and c: C = 5, D = 0, n0 = 6, n1 = 1, n2 = 0 → 5 / √(5·6)
		{"tie in x", []float64{1, 2, 2, 4}, []float64{1, 2, 3, 4}, 5 / math.Sqrt(30), true},
		// ties in both: pairs (ab: x tie), (cd: y tie), others: ac C, ad C, bc C, bd C
		// → C = 4, D = 0, n1 = 1, n2 = 1 → 4 / √(5·5)
		{"ties in both", []float64{1, 1, 3, 4}, []float64{1, 2, 3, 3}, 4.0 / 5, true},
		{"all tied", []float64{1, 1, 1}, []float64{1, 2, 3}, 0, false},
		{"one pair", []float64{1}, []float64{1}, 0, false},
		{"lengths differ", []float64{1, 2}, []float64{1}, 0, false},
	}
	for _, tc := range tests {
		tau, ok := KendallTauB(tc.x, tc.y)
		if ok != tc.ok || (ok && !near(tau, tc.tau)) {
			t.Errorf("%s: τ = %v %v, want %v %v", tc.name, tau, ok, tc.tau, tc.ok)
		}
	}
}

func TestTransition(t *testing.T) {
	ds := mk(
		R(2022, "B", "A", 90), R(2022, "B", "B", 85), R(2022, "B", "C", 75), R(2022, "B", "D", 70),
		R(2023, "B", "A", 88), R(2023, "B", "B", 91), R(2023, "B", "C", 78), R(2023, "B", "E", 60),
	)
	a := New(ds)
	tr, ok := a.Transition(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"}, 2023)
	if !ok {
		t.Fatal("no transition")
	}
	if !equal(tr.Grades, []string{"Xuất sắc", "Tốt", "Khá", "Trung bình"}) {
		t.Fatalf("grades = %v", tr.Grades)
	}
	cell := func(from, to int) []string {
		var out []string
		for _, u := range tr.Matrix[from][to].Units {
			out = append(out, u.Unit)
		}
		if len(out) != tr.Matrix[from][to].Count {
			t.Errorf("cell %d,%d count %d for %v", from, to, tr.Matrix[from][to].Count, out)
		}
		return out
	}
	total := 0
	for i := range tr.Matrix {
		for j := range tr.Matrix[i] {
			total += tr.Matrix[i][j].Count
		}
	}
	if total != 3 {
		t.Errorf("matrix holds %d units, want 3", total)
	}
	if !equal(cell(0, 1), []string{"A"}) || !equal(cell(1, 0), []string{"B"}) || !equal(cell(2, 2), []string{"C"}) {
		t.Errorf("matrix = %+v", tr.Matrix)
	}
	if tr.Up != 1 || tr.Down != 1 || tr.Same != 1 {
		t.Errorf("up %d down %d same %d", tr.Up, tr.Down, tr.Same)
	}
	if len(tr.OnlyFrom) != 1 || tr.OnlyFrom[0].Unit != "D" || len(tr.OnlyTo) != 1 || tr.OnlyTo[0].Unit != "E" {
		t.Errorf("only from %v, only to %v", tr.OnlyFrom, tr.OnlyTo)
	}
	// ranks A 1→2, B 2→1, C 3→3: AB discordant, AC and BC concordant → 1/3
	if tr.KendallN != 3 || tr.KendallTau == nil || !near(*tr.KendallTau, 1.0/3) {
		t.Errorf("τ = %s over %d", fp(tr.KendallTau), tr.KendallN)
	}
	if all := a.Transitions(data.DefaultIndex, 2022, 2023); len(all) != 1 {
		t.Errorf("transitions = %d", len(all))
	}
	if _, ok := a.Transition(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "nope"}, 2023); ok {
		t.Error("unknown bloc gave a transition")
	}
}

// A successor is matched with its predecessor's grade of the earlier year.
func TestTransitionLineage(t *testing.T) {
	ds := mk(
		R(2022, "B", "Old", 90, code("P")), R(2022, "B", "X", 80, code("X")),
		R(2023, "B", "New", 85, code("S")), R(2023, "B", "X", 81, code("X")),
	)
	ds.Units = []data.UnitInfo{{Code: "P", Successor: "S"}}
	tr, _ := New(ds).Transition(data.Slice{Index: data.DefaultIndex, Year: 2022, Bloc: "B"}, 2023)
	if len(tr.OnlyFrom) != 0 || len(tr.OnlyTo) != 0 {
		t.Errorf("only from %v, only to %v", tr.OnlyFrom, tr.OnlyTo)
	}
	if c := tr.Matrix[0][1]; c.Count != 1 || c.Units[0].Unit != "New" {
		t.Errorf("Xuất sắc → Tốt = %+v", c)
	}
	if tr.KendallTau == nil || *tr.KendallTau != 1 {
		t.Errorf("τ = %s", fp(tr.KendallTau))
	}
}

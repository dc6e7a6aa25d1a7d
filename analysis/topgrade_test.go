package analysis

import (
	"testing"

	"github.com/parlens/parlens/data"
)

// "Already at the top grade" is said only when it is known: the scheme's
// top band, or the best level of the grades' order — never because no next
// grade could be found (a grade-only index, no scheme, no grade).
func TestTopGradeOnlyWhenKnown(t *testing.T) {
	sl := data.Slice{Index: data.DefaultIndex, Year: 2023, Bloc: "Sở"}
	for _, c := range []struct {
		name string
		ds   *data.Dataset
		unit string
		want bool
	}{
		{"scored, top band of --grades default", mk(R(2023, "Sở", "A", 95), R(2023, "Sở", "B", 85)), "A", true},
		{"scored, second band", mk(R(2023, "Sở", "A", 95), R(2023, "Sở", "B", 85)), "B", false},
		{"grade-only, Tốt", mk(G(2023, "Sở", "A", "Xuất sắc"), G(2023, "Sở", "B", "Tốt")), "B", false},
		{"grade-only, Xuất sắc", mk(G(2023, "Sở", "A", "Xuất sắc"), G(2023, "Sở", "B", "Tốt")), "A", true},
		{"no scheme, no grade", mkUngraded(R(2023, "Sở", "A", 95), R(2023, "Sở", "B", 85)), "A", false},
	} {
		a := New(c.ds)
		var got *Gap
		for _, g := range a.Gaps(sl) {
			if g.Unit == c.unit {
				got = &g
			}
		}
		if got == nil {
			t.Fatalf("%s: no gap for %s", c.name, c.unit)
		}
		if got.TopGrade != c.want {
			t.Errorf("%s: top_grade %v, want %v (grade %v, next %v)", c.name, got.TopGrade, c.want, got.Grade, got.NextGrade)
		}
	}
}

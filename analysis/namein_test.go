package analysis

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/synth"
)

// TestNameInMatchesHistory: NameIn answers what IndexHistory's points say
// (the bloc's point that year, else the year's last point in another bloc),
// for every unit, year and bloc of a generated dataset with renamed units,
// missing years and units.csv lineage.
func TestNameInMatchesHistory(t *testing.T) {
	spec := synth.Realistic(300, 4, 3, 7)
	var wide, units bytes.Buffer
	if err := synth.Wide(&wide, spec); err != nil {
		t.Fatal(err)
	}
	if err := synth.Units(&units, spec); err != nil {
		t.Fatal(err)
	}
	r := data.ReadFS(fstest.MapFS{"wide.csv": {Data: wide.Bytes()}, "units.csv": {Data: units.Bytes()}}, ".", data.Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	a := New(r.Dataset)
	checked, renamed := 0, 0
	for _, ix := range a.Indices() {
		for _, id := range a.unitOrder {
			h, ok := a.IndexHistory(ix, id)
			for _, y := range append(a.Years(ix), 1900) {
				for _, b := range append(a.Blocs(ix), "no such bloc") {
					name, via, got := a.NameIn(ix, id, y, b)
					var want *HistoryPoint
					if ok {
						for i := range h.Points {
							if p := &h.Points[i]; p.Year == y && (want == nil || want.Bloc != b) {
								want = p
							}
						}
					}
					switch {
					case want == nil && got:
						t.Fatalf("%s %d %s: NameIn gives %q, the history nothing", id, y, b, name)
					case want != nil && (!got || name != want.Unit || via != want.UnitID):
						t.Fatalf("%s %d %s: NameIn gives %q %q %v, the history %q %q", id, y, b, name, via, got, want.Unit, want.UnitID)
					}
					if got {
						checked++
						if prev, _, _ := a.NameIn(ix, id, y-1, b); prev != "" && prev != name {
							renamed++
						}
					}
				}
			}
		}
	}
	if checked < 1000 || renamed == 0 {
		t.Fatalf("checked %d answers, %d renames: the dataset does not exercise NameIn", checked, renamed)
	}
}

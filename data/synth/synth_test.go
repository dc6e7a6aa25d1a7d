package synth_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/synth"
)

func write(t *testing.T, fn func(io.Writer, synth.Spec) error, s synth.Spec) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The same Spec gives the same bytes; another seed gives others.
func TestDeterministic(t *testing.T) {
	s := synth.Realistic(300, 5, 9, 7)
	for _, fn := range []func(io.Writer, synth.Spec) error{synth.Wide, synth.Long, synth.Components, synth.Units} {
		a, b := write(t, fn, s), write(t, fn, s)
		if !bytes.Equal(a, b) {
			t.Fatal("two runs differ")
		}
	}
	s2 := s
	s2.Seed = 8
	if bytes.Equal(write(t, synth.Wide, s), write(t, synth.Wide, s2)) {
		t.Fatal("seed has no effect")
	}
}

// A realistic dataset loads cleanly with its sidecars, wide and long alike,
// and has what it promises: three blocs, Vietnamese names, unequal maxima,
// renamed units, ties and missing years.
func TestRealistic(t *testing.T) {
	s := synth.Realistic(3000, 6, 12, 1)
	comps, units := write(t, synth.Components, s), write(t, synth.Units, s)
	load := func(name string, text []byte) *data.Dataset {
		r := data.ReadFS(fstest.MapFS{name: {Data: text}, "components.csv": {Data: comps}, "units.csv": {Data: units}}, ".", data.Options{})
		if len(r.Issues) > 0 {
			t.Fatalf("%s: %d problems, first: %v", name, len(r.Issues), r.Issues[0])
		}
		return r.Dataset
	}
	wide := load("wide.csv", write(t, synth.Wide, s))
	long := load("long.csv", write(t, synth.Long, s))
	if len(wide.Records) != len(long.Records) {
		t.Fatalf("wide %d records, long %d", len(wide.Records), len(long.Records))
	}
	if n := len(wide.Records); n >= 3000*6 || n < 3000*6*9/10 {
		t.Errorf("%d records: want a few unit-years missing", n)
	}
	blocs := map[string]bool{}
	ties := 0
	type key struct {
		year int
		bloc string
	}
	totals := map[key]map[float64]int{}
	for _, r := range wide.Records {
		blocs[r.Bloc] = true
		k := key{r.Year, r.Bloc}
		if totals[k] == nil {
			totals[k] = map[float64]int{}
		}
		totals[k][r.Total]++
		if totals[k][r.Total] == 2 {
			ties++
		}
		if r.Grade != synth.Grade(r.Total) {
			t.Fatalf("%s %d: grade %q for %v", r.Unit, r.Year, r.Grade, r.Total)
		}
	}
	if len(blocs) != 3 || ties < 10 {
		t.Errorf("%d blocs, %d ties", len(blocs), ties)
	}
	maxima := map[float64]bool{}
	sum := 0.0
	for i := range wide.Components {
		if wide.Components[i].Parent == "" {
			continue // an area: its maximum is its criteria's, summed
		}
		m, ok := wide.Components[i].Max(2015)
		if !ok {
			t.Fatalf("component %q has no maximum", wide.Components[i].Name)
		}
		maxima[m] = true
		sum += m
	}
	if len(maxima) < 3 || sum < 99.99 || sum > 100.01 {
		t.Errorf("maxima %v sum to %v", maxima, sum)
	}
	renamed := synth.Renamed(s)
	if len(renamed) < 20 {
		t.Fatalf("%d units renamed", len(renamed))
	}
	names := map[string]map[string]bool{}
	for _, r := range wide.Records {
		if names[r.UnitID] == nil {
			names[r.UnitID] = map[string]bool{}
		}
		names[r.UnitID][r.Unit] = true
	}
	two := 0 // a renamed unit missing the years before or after shows one name
	for _, code := range renamed {
		switch len(names[code]) {
		case 1:
		case 2:
			two++
		default:
			t.Errorf("%s has names %v", code, names[code])
		}
	}
	if two < len(renamed)*3/4 {
		t.Errorf("%d of %d renamed units show two names", two, len(renamed))
	}
	if !strings.ContainsAny(wide.Records[0].Unit, "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ") && !strings.ContainsAny(wide.Records[1].Unit, "ăâđêôơưàáạảãòóọỏõ") {
		t.Errorf("names without diacritics: %q, %q", wide.Records[0].Unit, wide.Records[1].Unit)
	}
}

// With the knobs off every unit has every year and no rename.
func TestPlain(t *testing.T) {
	s := synth.Spec{Units: 90, Years: 4, Components: 5, Seed: 3}
	r := data.ReadFS(fstest.MapFS{"w.csv": {Data: write(t, synth.Wide, s)}}, ".", data.Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if n := len(r.Dataset.Records); n != 360 {
		t.Errorf("%d records", n)
	}
	if len(synth.Renamed(s)) != 0 {
		t.Error("renames with Renamed = 0")
	}
}

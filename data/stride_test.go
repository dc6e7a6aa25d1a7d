package data

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data/synth"
)

// TestScoresInTheirSlots: the wide loader sizes each record's slot for the
// components the columns become (areas rolled up from criteria, declared
// or inferred from the codes; self-assessed columns), so the scores are
// put in place, and a guess that falls short gives the same dataset
// through a copy.
func TestScoresInTheirSlots(t *testing.T) {
	criteria := synth.Realistic(60, 3, 30, 1)
	var wide, comps, flat strings.Builder
	if err := synth.Wide(&wide, criteria); err != nil {
		t.Fatal(err)
	}
	if err := synth.Components(&comps, criteria); err != nil {
		t.Fatal(err)
	}
	if err := synth.Wide(&flat, synth.Spec{Units: 40, Years: 2, Components: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		files fstest.MapFS
		exact bool // the guess is the count (else it may be above: room to spare)
	}{
		{"criteria under declared areas", fstest.MapFS{"wide.csv": {Data: []byte(wide.String())}, "components.csv": {Data: []byte(comps.String())}}, true},
		{"areas inferred from the codes", fstest.MapFS{"wide.csv": {Data: []byte(wide.String())}}, true},
		{"flat components", fstest.MapFS{"wide.csv": {Data: []byte(flat.String())}}, true},
		{"self-assessed criteria", fstest.MapFS{"par.csv": {Data: []byte("Năm,Tên đơn vị,Tự chấm 1.1,Tự chấm 1.2,1.1,1.2\n2023,Sở A,2,3,1.5,2.5\n2023,Sở B,1,3,1,2\n")}}, false},
		{"a text column among the scores", fstest.MapFS{"par.csv": {Data: []byte("Năm,Tên đơn vị,Ghi chú,1.1,1.2\n2023,Sở A,tốt,1.5,2.5\n2023,Sở B,,1,2\n")}}, false},
	}
	defer func(old func(*builder, header, []int) int) { strideGuess = old }(strideGuess)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			guessed := -1
			strideGuess = func(b *builder, h header, candidates []int) int {
				guessed = b.scoreStride(h, candidates)
				return guessed
			}
			r := ReadFS(c.files, ".", Options{})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			if n := len(r.Dataset.Components); guessed < n || c.exact && guessed != n {
				t.Errorf("guessed %d components, the dataset has %d", guessed, n)
			}
			for i, rec := range r.Dataset.Records {
				if cap(rec.scores) != len(rec.scores) {
					t.Fatalf("record %d: scores %d long with room for %d: an append would write into a neighbour", i, len(rec.scores), cap(rec.scores))
				}
			}
			inPlace := fmt.Sprintf("%v\n%+v\n%+v", r.Issues, r.Dataset.Components, r.Dataset.Records)
			strideGuess = func(*builder, header, []int) int { return 0 }
			r = ReadFS(c.files, ".", Options{})
			if copied := fmt.Sprintf("%v\n%+v\n%+v", r.Issues, r.Dataset.Components, r.Dataset.Records); copied != inPlace {
				t.Errorf("a short guess (a copy) and the slots give different datasets")
			}
		})
	}
}

// TestColumnsAllSummed: criteria columns under areas no column holds are
// summed in every row, as a flat file's; a column with parts, or a
// self-assessed one, takes the per-cell path.
func TestColumnsAllSummed(t *testing.T) {
	d := mustLoad(t, map[string]string{"par.csv": "Năm,Tên đơn vị,Tự chấm 1.1,1,1.1,1.2,2.1\n2023,Sở A,2,4,1.5,2.5,3\n"})
	tree := d.Tree()
	index := func(key string) int {
		for i, c := range d.Components {
			if c.Key == key {
				return i
			}
		}
		t.Fatalf("no component %q", key)
		return -1
	}
	self := -1
	for i := range d.Components {
		if tree.IsSelf(i) {
			self = i
		}
	}
	cases := []struct {
		name  string
		comps []int
		want  bool
	}{
		{"criteria only", []int{index("1.1"), -1, index("1.2"), index("2.1")}, true},
		{"an area beside its criteria", []int{index("1"), index("1.1"), index("1.2")}, false},
		{"a self-assessed criterion", []int{self, index("1.1"), index("1.2")}, false},
		{"no tree", nil, true},
	}
	for _, c := range cases {
		tr := tree
		if c.comps == nil {
			tr = nil
		}
		if got := columnsAllSummed(tr, c.comps); got != c.want {
			t.Errorf("%s: columnsAllSummed %v, want %v", c.name, got, c.want)
		}
	}
}

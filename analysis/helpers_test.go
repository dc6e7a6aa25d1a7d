package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// opt modifies a test record.
type opt func(*data.Record)

func grade(g string) opt      { return func(r *data.Record) { r.Grade = g } }
func code(c string) opt       { return func(r *data.Record) { r.UnitCode, r.UnitID = c, c } }
func pub(n int) opt           { return func(r *data.Record) { r.PublishedRank = n } }
func index(s string) opt      { return func(r *data.Record) { r.Index = s } }
func scores(v ...float64) opt { return func(r *data.Record) { r.Scores = v } }
func line(file string, n int) opt {
	return func(r *data.Record) { r.Pos = data.Pos{File: file, Line: n, Col: 3} }
}

var notRanked opt = func(r *data.Record) { r.NotRanked = true }

// R builds a record of the default index; its UnitID is the folded name
// unless code says otherwise.
func R(year int, bloc, unit string, total float64, opts ...opt) data.Record {
	r := data.Record{Index: data.DefaultIndex, Year: year, Bloc: bloc, Unit: unit, UnitID: "~" + data.Fold(unit), Total: total}
	for _, o := range opts {
		o(&r)
	}
	return r
}

// G builds a grade-only record (no total).
func G(year int, bloc, unit, g string, opts ...opt) data.Record {
	return R(year, bloc, unit, data.Missing, append([]opt{grade(g)}, opts...)...)
}

// mk returns a dataset with its records sorted by index, year, bloc
// (stable), graded by the built-in scheme as --grades default selects it.
func mk(recs ...data.Record) *data.Dataset {
	ds := mkUngraded(recs...)
	ds.Schemes = []data.GradeScheme{data.DefaultScheme}
	return ds
}

// mkUngraded is mk without a grade scheme: only grades in the records count.
func mkUngraded(recs ...data.Record) *data.Dataset {
	slices.SortStableFunc(recs, func(a, b data.Record) int {
		if c := strings.Compare(a.Index, b.Index); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Year, b.Year); c != 0 {
			return c
		}
		return strings.Compare(a.Bloc, b.Bloc)
	})
	return &data.Dataset{Records: recs}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func fp(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprintf("%.4f", *p)
}

func ip(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func sp(p *string) string {
	if p == nil {
		return "nil"
	}
	return *p
}

func wantF(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil || !near(*got, want) {
		t.Errorf("%s = %s, want %.4f", what, fp(got), want)
	}
}

func wantNilF(t *testing.T, what string, got *float64) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %.4f, want nil", what, *got)
	}
}

func wantI(t *testing.T, what string, got *int, want int) {
	t.Helper()
	if got == nil || *got != want {
		t.Errorf("%s = %s, want %d", what, ip(got), want)
	}
}

func wantNilI(t *testing.T, what string, got *int) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %d, want nil", what, *got)
	}
}

// moverLines renders movers as "kind unit" lines for whole-list comparisons.
func moverLines(ms []Mover) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m.Kind) + " " + m.Unit
	}
	return out
}

func find(ms []Mover, kind MoverKind, unit string) *Mover {
	for i := range ms {
		if ms[i].Kind == kind && ms[i].Unit == unit {
			return &ms[i]
		}
	}
	return nil
}

func rowOf(t *testing.T, tb Table, unit string) Row {
	t.Helper()
	for _, r := range tb.Rows {
		if r.Unit == unit {
			return r
		}
	}
	t.Fatalf("no row for %s in %s %d %s", unit, tb.Index, tb.Year, tb.Bloc)
	return Row{}
}

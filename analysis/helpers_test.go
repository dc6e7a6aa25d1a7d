package analysis

import (
	"fmt"
	"math"
	"testing"

	"github.com/parlens/parlens/data/datatest"
)

// The record and dataset builders are datatest's; the short names keep the
// tables of records readable.
type opt = datatest.Opt

var (
	R          = datatest.R
	G          = datatest.G
	P          = datatest.P
	mk         = datatest.Graded
	mkUngraded = datatest.Ungraded
	grade      = datatest.Grade
	code       = datatest.Code
	pub        = datatest.Pub
	index      = datatest.Index
	scores     = datatest.Scores
	line       = datatest.Line
	notRanked  = datatest.NotRanked
)

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

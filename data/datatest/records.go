package datatest

import (
	"cmp"
	"slices"

	"github.com/parlens/parlens/data"
)

// Opt changes a record R builds.
type Opt func(*data.Record)

// Grade sets the published grade.
func Grade(g string) Opt { return func(r *data.Record) { r.Grade = g } }

// Code gives the unit a code, and with it the identity the loader gives a
// coded unit.
func Code(c string) Opt {
	return func(r *data.Record) { r.UnitCode, r.UnitID = c, data.UnitID(c, r.Unit) }
}

// Pub sets the published rank.
func Pub(n int) Opt { return func(r *data.Record) { r.PublishedRank = n } }

// Index puts the record in another index than data.DefaultIndex.
func Index(s string) Opt { return func(r *data.Record) { r.Index = s } }

// Scores sets the component scores.
func Scores(v ...float64) Opt { return func(r *data.Record) { r.SetScores(v) } }

// Line sets where the record was read (column 3, where totals stand in the
// tests' tables).
func Line(file string, n int) Opt {
	return func(r *data.Record) { r.Pos = data.Pos{File: file, Line: n, Col: 3} }
}

// NotRanked marks the record assessed but not ranked.
var NotRanked Opt = func(r *data.Record) { r.NotRanked = true }

// R builds a record of data.DefaultIndex with a total (data.Missing for
// none); the unit's identity is the loader's rule for a unit without a code
// (data.UnitID) unless Code gives one.
func R(year int, bloc, unit string, total float64, opts ...Opt) data.Record {
	r := data.Record{Index: data.DefaultIndex, Year: year, Bloc: bloc, Unit: unit, UnitID: data.UnitID("", unit), Total: total}
	for _, o := range opts {
		o(&r)
	}
	return r
}

// G builds a grade-only record (no total).
func G(year int, bloc, unit, grade string, opts ...Opt) data.Record {
	return R(year, bloc, unit, data.Missing, append([]Opt{Grade(grade)}, opts...)...)
}

// P builds a ranks-only record: a published rank and no score, as press
// tables give for the years they print no scores.
func P(year int, bloc, unit string, rank int, opts ...Opt) data.Record {
	return R(year, bloc, unit, data.Missing, append([]Opt{Pub(rank)}, opts...)...)
}

// Graded is a dataset of the records, ordered as the loader orders them,
// graded by the built-in scheme as --grades default selects it.
func Graded(recs ...data.Record) *data.Dataset {
	ds := Ungraded(recs...)
	ds.Schemes = []data.GradeScheme{data.DefaultScheme}
	return ds
}

// Ungraded is Graded without a grade scheme: only grades in the records
// count.
func Ungraded(recs ...data.Record) *data.Dataset {
	return &data.Dataset{Records: Sorted(recs)}
}

// Sorted orders records in place as a loaded dataset holds them
// (data.Dataset.Records): by index (data.CompareIndices: the PAR Index
// first), by year, by bloc as first seen in its index, and in input order
// within one (index, year, bloc).
func Sorted(recs []data.Record) []data.Record {
	blocOrder := map[[2]string]int{}
	for _, r := range recs {
		k := [2]string{r.Index, r.Bloc}
		if _, ok := blocOrder[k]; !ok {
			blocOrder[k] = len(blocOrder)
		}
	}
	slices.SortStableFunc(recs, func(a, b data.Record) int {
		return cmp.Or(
			data.CompareIndices(a.Index, b.Index),
			cmp.Compare(a.Year, b.Year),
			cmp.Compare(blocOrder[[2]string{a.Index, a.Bloc}], blocOrder[[2]string{b.Index, b.Bloc}]),
		)
	})
	return recs
}

package data

import "strconv"

// Slice addresses one table of the data: an index, a year and a bloc. Every
// API that addresses one such table takes a Slice, and go vet refuses an
// unkeyed Slice literal outside this package, so an index and a bloc (both
// strings) cannot trade places without a field name saying so. Slice is
// comparable: use it as a map key. Bloc "" is an index's unnamed bloc.
type Slice struct {
	Index string
	Year  int
	Bloc  string
}

// SliceOf returns the slice a record belongs to.
func SliceOf(r *Record) Slice {
	return Slice{Index: r.Index, Year: r.Year, Bloc: r.Bloc}
}

// String names the slice for a reader: "PAR Index 2023, Sở", or
// "PAR Index 2023" when the bloc is unnamed.
func (s Slice) String() string {
	out := s.Index + " " + strconv.Itoa(s.Year)
	if s.Bloc != "" {
		out += ", " + s.Bloc
	}
	return out
}

// WithYear returns the same index and bloc in another year.
func (s Slice) WithYear(year int) Slice {
	s.Year = year
	return s
}

// WithBloc returns the same index and year in another bloc.
func (s Slice) WithBloc(bloc string) Slice {
	s.Bloc = bloc
	return s
}

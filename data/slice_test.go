package data

import "testing"

// TestSliceString pins the reader's name of a slice: index, year, then
// bloc, so an index and a bloc that traded places show in every message.
func TestSliceString(t *testing.T) {
	for _, tc := range []struct {
		s    Slice
		want string
	}{
		{Slice{Index: "PAR Index", Year: 2023, Bloc: "Sở"}, "PAR Index 2023, Sở"},
		{Slice{Index: "Sở", Year: 2023, Bloc: "PAR Index"}, "Sở 2023, PAR Index"},
		{Slice{Index: "SIPAS", Year: 2021}, "SIPAS 2021"},
		{Slice{Year: 2020, Bloc: "Huyện"}, " 2020, Huyện"},
		{Slice{}, " 0"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.s, got, tc.want)
		}
	}
}

// TestSliceKey checks that a slice is a map key that tells index from bloc
// and year from year, and that WithYear and WithBloc change only their field.
func TestSliceKey(t *testing.T) {
	base := Slice{Index: "PAR Index", Year: 2023, Bloc: "Sở"}
	m := map[Slice]string{base: "base"}
	for _, tc := range []struct {
		name string
		key  Slice
		want string // "" = not in the map
	}{
		{"same fields", Slice{Index: "PAR Index", Year: 2023, Bloc: "Sở"}, "base"},
		{"index and bloc swapped", Slice{Index: "Sở", Year: 2023, Bloc: "PAR Index"}, ""},
		{"other year", base.WithYear(2022), ""},
		{"other bloc", base.WithBloc("Huyện"), ""},
		{"back to the year", base.WithYear(2022).WithYear(2023), "base"},
		{"back to the bloc", base.WithBloc("").WithBloc("Sở"), "base"},
		{"of a record", SliceOf(&Record{Index: "PAR Index", Year: 2023, Bloc: "Sở", Unit: "A"}), "base"},
		{"no bloc", Slice{Index: "PAR Index", Year: 2023}, ""},
	} {
		if got := m[tc.key]; got != tc.want {
			t.Errorf("%s: m[%v] = %q, want %q", tc.name, tc.key, got, tc.want)
		}
	}
	if y := base.WithYear(2022); y.Index != base.Index || y.Bloc != base.Bloc || y.Year != 2022 {
		t.Errorf("WithYear(2022) = %#v", y)
	}
	if b := base.WithBloc("Huyện"); b.Index != base.Index || b.Year != base.Year || b.Bloc != "Huyện" {
		t.Errorf("WithBloc(Huyện) = %#v", b)
	}
}

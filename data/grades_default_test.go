package data

import (
	"os"
	"path/filepath"
	"testing"
)

// Grades come from a scheme the user gave: grades.csv next to the data or
// named, or --grades default for the built-in one. Without either, no
// scheme: HasScheme is false and nothing is graded by score.
func TestGradesDefaultOption(t *testing.T) {
	write := func(dir, name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plain, withSidecar := t.TempDir(), t.TempDir()
	for _, dir := range []string{plain, withSidecar} {
		write(dir, "par-2023.csv", "Khối,Tên đơn vị,Tổng điểm\nBộ,Bộ A,85\nBộ,Bộ B,79.5\n")
	}
	write(withSidecar, "grades.csv", "grade,min\nĐạt,75\nChưa đạt,\n")
	tests := []struct {
		name   string
		dir    string
		grades string
		has    bool
		source string // the scheme in use
		grade  string // what 79.5 earns
	}{
		{"no scheme", plain, "", false, "built-in", ""}, // SchemeFor falls back to the built-in scheme to order labels, not to grade
		{"--grades default", plain, "default", true, "built-in", "Khá"},
		{"--grades DEFAULT", plain, "DEFAULT", true, "built-in", "Khá"},
		{"grades.csv next to the data", withSidecar, "", true, filepath.Join(withSidecar, "grades.csv"), "Đạt"},
		{"--grades default wins over grades.csv next to the data", withSidecar, "default", true, "built-in", "Khá"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := Load([]string{tc.dir}, Options{Grades: tc.grades})
			if err != nil {
				t.Fatal(err)
			}
			if got := ds.HasScheme(Slice{Index: DefaultIndex, Year: 2023, Bloc: "Bộ"}); got != tc.has {
				t.Errorf("HasScheme = %v, want %v", got, tc.has)
			}
			s := ds.SchemeFor(Slice{Index: DefaultIndex, Year: 2023, Bloc: "Bộ"})
			if s.Source != tc.source {
				t.Errorf("scheme source = %q, want %q", s.Source, tc.source)
			}
			if tc.has {
				if got := s.GradeFor(79.5); got != tc.grade {
					t.Errorf("79.5 earns %q, want %q", got, tc.grade)
				}
			}
			// the built-in scheme orders labels by the vocabulary either way
			if lvl, ok := ds.GradeLevel(Slice{Index: DefaultIndex, Year: 2023, Bloc: "Bộ"}, "Trung bình khá"); tc.source == "built-in" && (!ok || lvl != 3) {
				t.Errorf("Trung bình khá level = %d, %v; want 3 (between Khá and Trung bình)", lvl, ok)
			}
		})
	}
}

package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestSuccessionsFromUnits: what units.csv rows become (From→To@Year×Weight),
// for every shape of reorganisation.
func TestSuccessionsFromUnits(t *testing.T) {
	cases := []struct{ name, units, want string }{
		{"merger", "unit_code,unit,successor_code,effective_year\nA,Sở A,C,2025\nB,Sở B,C,2025\n",
			"A→C@2025×1 B→C@2025×1"},
		{"split with shares", "unit_code;unit;successor_code;effective_year;weight\nA;Sở A;B;2025;0,25\nA;Sở A;C;2025;0,75\n",
			"A→B@2025×0.25 A→C@2025×0.75"},
		{"split in hundredths", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2025,30\nA,Sở A,C,2025,70\n",
			"A→B@2025×0.3 A→C@2025×0.7"},
		{"rename then merger", "unit_code,unit,successor_code,effective_year\nA,Sở A,A2,2020\nA2,Sở A mới,C,2025\nB,Sở B,C,2025\n",
			"A→A2@2020×1 A2→C@2025×1 B→C@2025×1"},
		{"chain across two reorganisations", "unit_code,unit,successor_code,to_year\nA,Sở A,C,2019\nB,Sở B,C,2019\nC,Sở C,E,2024\nD,Sở D,E,2024\n",
			"A→C@2020×1 B→C@2020×1 C→E@2025×1 D→E@2025×1"},
		{"undated, as before", "unit_code,unit,successor_code\nA,Sở A,B\n", "A→B@0×1"},
		{"old file without successors", "unit_code,unit,aliases\nA,Sở A,Sở A cũ\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{"units.csv": c.units, "par.csv": sidecarData})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range r.Dataset.Successions() {
				got = append(got, fmt.Sprintf("%s→%s@%d×%v", s.From, s.To, s.Year, s.Weight))
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// TestUnitNumbers: numeric columns of units.csv that parlens does not read
// itself are kept for a weighted baseline; text cells are not numbers.
func TestUnitNumbers(t *testing.T) {
	units := "unit_code;unit;successor_code;effective_year;Dân số;note\nA;Sở A;C;2025;1234,5;x\nB;Sở B;C;2025;;y\n"
	r := readFiles(t, map[string]string{"units.csv": units, "par.csv": sidecarData})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Dataset.UnitNumber("A", "dân số"); !ok || v != 1234.5 {
		t.Errorf("A's population %v %v, want 1234.5", v, ok)
	}
	for _, c := range []struct{ id, col string }{{"B", "Dân số"}, {"A", "note"}, {"A", "area"}} {
		if v, ok := r.Dataset.UnitNumber(c.id, c.col); ok {
			t.Errorf("%s %s = %v, want none", c.id, c.col, v)
		}
	}
}

// TestUndatedMergerWarned: two units passing into one without an
// effective_year load as before, with a warning at the later row.
func TestUndatedMergerWarned(t *testing.T) {
	r := readFiles(t, map[string]string{"units.csv": "unit_code,unit,successor_code\nA,Sở A,C\nB,Sở B,C\n", "par.csv": sidecarData})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	want := "units.csv:3: warning: A, B pass into C without an effective_year: the merger is not marked, so a year may compare C with one of them alone (hint: give the merger's effective_year (the successor's first year) so that comparisons across it are marked)"
	var got []string
	for _, w := range r.Dataset.Warnings {
		got = append(got, w.String())
	}
	if !slices.Contains(got, want) {
		t.Errorf("want\n  %s\ngot\n  %s", want, strings.Join(got, "\n  "))
	}
	r = readFiles(t, map[string]string{"units.csv": "unit_code,unit,successor_code,effective_year\nA,Sở A,C,2025\nB,Sở B,C,2025\n", "par.csv": sidecarData})
	if len(r.Dataset.Warnings) != 0 {
		t.Errorf("a dated merger warned: %v", r.Dataset.Warnings)
	}
}

// TestSuccessionRefusedThenNamedAgain: a unit whose succession was refused
// (the same successor twice with other years) and that names a successor
// once more is reported, never a crash (the refused mark was read as a row).
func TestSuccessionRefusedThenNamedAgain(t *testing.T) {
	units := "unit_code,unit,successor_code,effective_year\nA,Sở A,B,2020\nA,Sở A,B,2021\nA,Sở A,C,2021\n"
	r := readFiles(t, map[string]string{"units.csv": units, "par.csv": sidecarData})
	err := r.Err()
	if err == nil || !strings.Contains(err.Error(), "another effective_year or weight") {
		t.Fatalf("got %v", err)
	}
	for _, s := range r.Dataset.Successions() {
		if s.From == "A" {
			t.Errorf("a refused succession was kept: %+v", s)
		}
	}
}

package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

const sidecarData = "year,unit_code,unit,total\n2023,A,Sở A,92\n2023,B,Sở B,75\n2023,C,Sở C,45\n"

// TestSidecarRefusals: grades.csv and units.csv rows that cannot be right
// are refused at the cell, naming the other row where there is one.
func TestSidecarRefusals(t *testing.T) {
	cases := []struct {
		name, file, body string
		want             string // the whole issue
	}{
		{"inverted thresholds", "grades.csv", "grade,min\nKhá,70\nTốt,80\nYếu,\n",
			"grades.csv:3:2: error: the min of Tốt (80) is above the min of Khá (70) at line 2: thresholds must fall from the best grade down (hint: list a scheme's grades best first, each with a lower min than the row above)"},
		{"equal thresholds", "grades.csv", "grade,min\nTốt,80\nKhá,80\n",
			"grades.csv:3:2: error: the min of Khá (80) is the same as the min of Tốt (80) at line 2: thresholds must fall from the best grade down (hint: list a scheme's grades best first, each with a lower min than the row above)"},
		{"two empty mins", "grades.csv", "grade,min\nĐạt,\nKhông đạt,\n",
			"grades.csv:3:2: error: the min of Không đạt (none) is the same as the min of Đạt (none) at line 2: thresholds must fall from the best grade down (hint: list a scheme's grades best first, each with a lower min than the row above)"},
		{"duplicated label", "grades.csv", "min,grade\n90,Tốt\n80,tốt\n",
			"grades.csv:3:2: error: grade \"tốt\" appears twice in one scheme (also at line 2) (hint: give each grade of a scheme one row)"},
		{"labels inverted against the vocabulary", "grades.csv", "grade,min\nYếu,90\nXuất sắc,50\n",
			"grades.csv:3:2: error: Xuất sắc (min 50) is a better grade than Yếu (min 90, line 2) but has the lower threshold (hint: swap the two thresholds, or the two labels)"},
		{"overlapping spans", "grades.csv", "grade,min,bloc,from_year,to_year\nTốt,80,Sở,2018,2021\nKhá,0,Sở,2018,2021\nTốt,85,sở,2021,\n",
			"grades.csv:4: error: the grade scheme for any index, bloc sở (from 2021) overlaps the one at line 2 (2018–2021) (hint: a year can have one scheme per index and bloc; make the from_year–to_year spans meet without overlapping)"},
		{"two schemes without years", "grades.csv", "grade,min,index\nTốt,80,PAR Index\nTốt,85,par index\n",
			// one scheme: the index is matched folded, so the label repeats
			"grades.csv:3:1: error: grade \"Tốt\" appears twice in one scheme (also at line 2) (hint: give each grade of a scheme one row)"},
		{"span backwards", "grades.csv", "grade,min,from_year,to_year\nTốt,80,2022,2020\n",
			"grades.csv:2:4: error: to_year 2020 is before from_year 2022 (hint: from_year is the first year the row applies to, to_year the last)"},
		{"two successors", "units.csv", "unit_code,unit,successor_code\nA,Sở A,B\nC,Sở C,\nA,Sở A,C\n",
			"units.csv:4:3: error: unit A has two successors: C here and B at line 2 (hint: a unit split in two gives each of its rows a weight (the shares add up to 1 or 100%) and one effective_year)"},
		{"split weights that do not add up", "units.csv", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2025,0.6\nA,Sở A,C,2025,0.3\n",
			"units.csv:3:5: error: the weights of unit A's split add up to 0.9 (rows at line 2, line 3) (hint: the shares of a split add up to the whole unit: 1, or 100%)"},
		{"split over two years", "units.csv", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2025,50%\nA,Sở A,C,2024,50%\n",
			"units.csv:3:4: error: unit A passes to C from 2024 here but to B from 2025 at line 2 (hint: a unit has one succession at a time: a split lists its successors with one effective_year)"},
		{"a part of a unit with one successor", "units.csv", "unit_code,unit,successor_code,weight\nA,Sở A,B,0.5\n",
			"units.csv:2:4: error: unit A passes only 0.5 of itself to B, its one successor (hint: a weight below the whole declares a split: list the unit's other successors with their shares)"},
		{"a weight of zero", "units.csv", "unit_code,unit,successor_code,weight\nA,Sở A,B,0\n",
			"units.csv:2:4: error: weight 0 is not above 0 (hint: a weight is the share of the unit that passes to this successor, above 0)"},
		{"an effective year without a successor", "units.csv", "unit_code,unit,successor_code,effective_year\nA,Sở A,,2025\n",
			"units.csv:2:4: error: unit A has an effective_year but no successor_code (hint: effective_year and weight describe a succession; give the successor_code)"},
		{"effective before the unit ends", "units.csv", "unit_code,unit,successor_code,to_year,effective_year\nA,Sở A,B,2025,2025\n",
			"units.csv:2:5: error: effective_year 2025 is not after to_year 2025 (hint: to_year is the unit's last year, effective_year its successor's first)"},
		{"one succession listed twice with two years", "units.csv", "unit_code,unit,successor_code,effective_year\nA,Sở A,B,2025\nA,Sở A,B,2024\n",
			"units.csv:3:4: error: unit A passes to B here and at line 2 with another effective_year or weight (hint: list a succession once, or give both rows the same effective_year and weight)"},
		{"a cycle through a split", "units.csv", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2020,0.5\nA,Sở A,C,2020,0.5\nC,Sở C,A,2025,\n",
			"units.csv:3:3: error: successor codes form a cycle: A → C → A (rows at line 3, line 4) (hint: a successor is the unit that continues another; one of these rows is wrong)"},
		{"self successor", "units.csv", "unit_code,unit,successor_code\nA,Sở A,A\n",
			"units.csv:2:3: error: unit A names itself as its successor (hint: leave successor_code empty for a unit that continues under its own code)"},
		{"cycle", "units.csv", "unit_code,unit,successor_code\nA,Sở A,B\nB,Sở B,C\nC,Sở C,A\n",
			"units.csv:2:3: error: successor codes form a cycle: A → B → C → A (rows at line 2, line 3, line 4) (hint: a successor is the unit that continues another; one of these rows is wrong)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{c.file: c.body, "par.csv": sidecarData})
			if r.Err() == nil {
				t.Fatalf("accepted; issues %v", r.Issues)
			}
			var got []string
			for _, i := range r.Issues {
				got = append(got, i.String())
			}
			if !slices.Contains(got, c.want) {
				t.Errorf("want\n  %s\ngot\n  %s", c.want, strings.Join(got, "\n  "))
			}
		})
	}
}

// TestSidecarsAccepted: what grades.csv and units.csv may say.
func TestSidecarsAccepted(t *testing.T) {
	cases := []struct{ name, file, body string }{
		{"spans that meet", "grades.csv", "grade,min,from_year,to_year\nTốt,80,2018,2020\nKhá,0,2018,2020\nTốt,85,2021,\n"},
		{"a dated scheme and a fallback", "grades.csv", "grade,min,from_year\nTốt,80,\nTốt,85,2021\n"},
		{"same bloc in two indices", "grades.csv", "grade,min,index,bloc\nTốt,80,PAR Index,Sở\nTốt,85,SIPAS,Sở\n"},
		{"rows of two schemes interleaved", "grades.csv", "grade,min,bloc\nTốt,80,Sở\nTốt,85,Huyện\nKhá,60,Sở\nKhá,65,Huyện\n"},
		{"a unit listed twice with one successor", "units.csv", "unit_code,unit,successor_code\nA,Sở A,B\nA,Sở A cũ,B\n"},
		{"a chain of successors", "units.csv", "unit_code,unit,successor_code\nA,Sở A,B\nB,Sở B,C\n"},
		{"a split with shares", "units.csv", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2025,0.4\nA,Sở A,C,2025,0.6\n"},
		{"a split in percent", "units.csv", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2025,40%\nA,Sở A,C,2025,60%\n"},
		{"a split in hundredths", "units.csv", "unit_code,unit,successor_code,effective_year,weight\nA,Sở A,B,2025,40\nA,Sở A,C,2025,60\n"},
		{"a merger with its year", "units.csv", "unit_code,unit,successor_code,effective_year\nA,Sở A,C,2025\nB,Sở B,C,2025\n"},
		{"the year from to_year", "units.csv", "unit_code,unit,successor_code,to_year\nA,Sở A,C,2024\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{c.file: c.body, "par.csv": sidecarData})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestBelowLowestBandUngraded: a band's min is honoured. A total under the
// lowest band gets no grade and a warning naming the unit and the score;
// a band with an empty min takes every lower total.
func TestBelowLowestBandUngraded(t *testing.T) {
	cases := []struct {
		name, grades string
		want         map[float64]string // total → grade
		warned       []string           // units warned of
	}{
		{"lowest band has a min", "grade,min\nXuất sắc,90\nKhá,70\nTrung bình,50\n",
			map[float64]string{92: "Xuất sắc", 75: "Khá", 50: "Trung bình", 49.99: "", 45: ""}, []string{"Sở C scores 45 in PAR Index 2023"}},
		{"one row", "grade,min\nXuất sắc,90\n",
			map[float64]string{92: "Xuất sắc", 89.999: "Xuất sắc", 75: "", 45: ""}, []string{"Sở B scores 75", "Sở C scores 45"}},
		{"lowest band without a min", "grade,min\nĐạt,50\nKhông đạt,\n",
			map[float64]string{92: "Đạt", 45: "Không đạt", -3: "Không đạt"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{"grades.csv": c.grades, "par.csv": sidecarData})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			s := r.Dataset.SchemeFor(Slice{Index: DefaultIndex, Year: 2023, Bloc: ""})
			for total, want := range c.want {
				if got := s.GradeFor(total); got != want {
					t.Errorf("GradeFor(%v) = %q, want %q", total, got, want)
				}
			}
			var warned []string
			for _, w := range r.Dataset.Warnings {
				if strings.Contains(w.Msg, "left ungraded") {
					warned = append(warned, w.String())
				}
			}
			if len(warned) != len(c.warned) {
				t.Fatalf("warnings %q, want %d", warned, len(c.warned))
			}
			for i, w := range c.warned {
				if !strings.Contains(warned[i], w) || !strings.HasPrefix(warned[i], "par.csv:") {
					t.Errorf("warning %q lacks %q", warned[i], w)
				}
			}
		})
	}
}

// TestUngradedWarningExact pins the whole message once.
func TestUngradedWarningExact(t *testing.T) {
	r := readFiles(t, map[string]string{"grades.csv": "grade,min,bloc\nTốt,80,Sở\nKhá,50,Sở\n",
		"par.csv": "year,bloc,unit,total\n2023,Sở,Sở A,81\n2023,Sở,Sở C,49.5\n2023,Sở,Sở D,30\n2023,Sở,Sở E,\n"})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"par.csv:3: warning: Sở C scores 49.5 in PAR Index 2023, Sở, below the lowest grade of the scheme from grades.csv (Khá from 50): left ungraded (hint: a total below every band's min gets no grade; give the lowest band an empty min to grade every total)",
		"par.csv:4: warning: Sở D scores 30 in PAR Index 2023, Sở, below the lowest grade of the scheme from grades.csv (Khá from 50): left ungraded (hint: a total below every band's min gets no grade; give the lowest band an empty min to grade every total)",
	}
	var got []string
	for _, w := range r.Dataset.Warnings {
		got = append(got, w.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s", strings.Join(got, "\n  "))
	}
}

// TestUnitsOrderCannotFlipLineage: every order of the same units.csv rows
// gives the same successors and unit identities, or the same refusal.
func TestUnitsOrderCannotFlipLineage(t *testing.T) {
	data := "year,unit_code,unit,total\n2022,A,Sở A,80\n2022,B,Sở B,70\n2023,,Sở Mới,90\n2023,C,Sở C,60\n"
	sets := map[string][]string{
		"merged into two": {"A,Sở A,,B", "B,Sở B,,C", "A,Sở A,,C"},
		"chain":           {"A,Sở A,,B", "B,Sở B,Sở Mới,C", "C,Sở C,,"},
		"alias for two":   {"A,Sở A,Sở Mới,", "B,Sở B,Sở Mới,", "C,Sở C,,"},
		"cycle":           {"A,Sở A,,B", "B,Sở B,,C", "C,Sở C,,A"},
	}
	for name, rows := range sets {
		t.Run(name, func(t *testing.T) {
			outcome := func(rows []string) string {
				body := "unit_code,unit,aliases,successor_code\n" + strings.Join(rows, "\n") + "\n"
				r := readFiles(t, map[string]string{"units.csv": body, "par.csv": data})
				if r.Err() != nil {
					return "refused"
				}
				var b strings.Builder
				for _, c := range []string{"A", "B", "C"} {
					s, _ := r.Dataset.Successor(c)
					b.WriteString(c + "→" + s + " ")
				}
				for _, rec := range r.Dataset.Records {
					b.WriteString(rec.Unit + "=" + rec.UnitID + " ")
				}
				return b.String()
			}
			first := outcome(rows)
			for _, p := range permutations(rows) {
				if got := outcome(p); got != first {
					t.Errorf("order %q gives %s; order %q gave %s", p, got, rows, first)
				}
			}
		})
	}
}

func permutations(s []string) [][]string {
	if len(s) <= 1 {
		return [][]string{slices.Clone(s)}
	}
	var out [][]string
	for i := range s {
		rest := slices.Concat(s[:i:i], s[i+1:])
		for _, p := range permutations(rest) {
			out = append(out, append([]string{s[i]}, p...))
		}
	}
	return out
}

// checkSidecarRules asserts what a successful load guarantees of its
// schemes and lineage (FuzzSidecars calls it).
func checkSidecarRules(t *testing.T, ds *Dataset) {
	t.Helper()
	for i, s := range ds.Schemes {
		labels := map[string]bool{}
		for k, b := range s.Bands {
			if k > 0 && !(b.Min < s.Bands[k-1].Min) {
				t.Errorf("scheme %d: band %q (min %v) not below %q (min %v)", i, b.Label, b.Min, s.Bands[k-1].Label, s.Bands[k-1].Min)
			}
			if labels[Fold(b.Label)] {
				t.Errorf("scheme %d: label %q twice", i, b.Label)
			}
			labels[Fold(b.Label)] = true
		}
		for _, o := range ds.Schemes[:i] {
			dated, odated := s.FromYear != 0 || s.ToYear != 0, o.FromYear != 0 || o.ToYear != 0
			if Fold(o.Index) == Fold(s.Index) && Fold(o.Bloc) == Fold(s.Bloc) && dated == odated &&
				spansOverlap(o.FromYear, o.ToYear, s.FromYear, s.ToYear) {
				t.Errorf("schemes %+v and %+v overlap", o, s)
			}
		}
	}
	shares := map[string]float64{} // a unit's successions pass on the whole unit
	for _, sc := range ds.Successions() {
		shares[sc.From] += sc.Weight
	}
	for from, w := range shares {
		if !near(w, 1) {
			t.Errorf("unit %s passes on %v of itself", from, w)
		}
	}
	for _, u := range ds.Units {
		seen := map[string]bool{u.Code: true}
		for c := u.Code; ; {
			next, ok := ds.Successor(c)
			if !ok || next == "" {
				break
			}
			if seen[next] {
				t.Fatalf("successors from %s come back to %s", u.Code, next)
			}
			seen[next] = true
			c = next
		}
	}
}

// TestUngradedWarningsCounted: past maxUngradedWarnings in one bloc and
// year, one warning counts the rest, so a scheme that misses a whole table
// does not bury the other problems.
func TestUngradedWarningsCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("year,unit,total\n")
	for i := range maxUngradedWarnings + 7 {
		fmt.Fprintf(&b, "2023,Sở %d,%d\n", i, 40+i%5)
	}
	r := readFiles(t, map[string]string{"grades.csv": "grade,min\nĐạt,50\n", "par.csv": b.String()})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	var each, counted []string
	for _, w := range r.Dataset.Warnings {
		switch {
		case strings.Contains(w.Msg, " scores "):
			each = append(each, w.String())
		case strings.Contains(w.Msg, "more units"):
			counted = append(counted, w.String())
		}
	}
	want := "par.csv: warning: 7 more units of PAR Index 2023, Tất cả score below the lowest grade of the scheme from grades.csv: left ungraded"
	if len(each) != maxUngradedWarnings || len(counted) != 1 || counted[0] != want {
		t.Errorf("%d one by one, then %q", len(each), counted)
	}
}

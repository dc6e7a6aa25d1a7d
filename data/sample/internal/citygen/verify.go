package citygen

import (
	"errors"
	"fmt"
)

func (d *dataset) cell(code string, year int) (total, rank int, grade string) {
	u, y := unitIndex(code), yi(year)
	return d.total[u][y], d.rank[u][y], GradeOf(PARGrades, d.total[u][y])
}

// ranked returns the number of ranked units in a bloc and year.
func (d *dataset) ranked(bloc string, y int) int {
	n := 0
	for u, uu := range Units {
		if uu.Bloc == bloc && !d.notRanked[u][y] {
			n++
		}
	}
	return n
}

// gradeCount counts the units of a bloc with a PAR grade in a year.
func (d *dataset) gradeCount(bloc string, year int, grade string) int {
	n := 0
	for u, uu := range Units {
		if uu.Bloc == bloc && GradeOf(PARGrades, d.total[u][yi(year)]) == grade {
			n++
		}
	}
	return n
}

// verify checks the arithmetic and every deliberate feature on the generated numbers.
func (d *dataset) verify() error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	want := func(code string, year, total, rank int) {
		t, r, _ := d.cell(code, year)
		if (total != 0 && t != total) || r != rank {
			fail("%s %d: total %s rank %d, want %s rank %d", code, year, cents(t), r, cents(total), rank)
		}
	}
	last := func(code string, year int) {
		u := unitIndex(code)
		y := yi(year)
		for v, vv := range Units {
			if v != u && vv.Bloc == Units[u].Bloc && !d.notRanked[v][y] && d.total[v][y] <= d.total[u][y] {
				fail("%s %d: not strictly last (%s has %s)", code, year, vv.Code, cents(d.total[v][y]))
			}
		}
	}
	counts := func(bloc string, year int, want map[string]int) {
		for _, g := range PARGrades {
			if got := d.gradeCount(bloc, year, g.Label); got != want[g.Label] {
				fail("%s %d: %d units %s, want %d", bloc, year, got, g.Label, want[g.Label])
			}
		}
	}

	// Arithmetic and bounds.
	for u, uu := range Units {
		for y := range nYears {
			sum := d.bonus[u][y]
			for i, c := range d.comps[u][y] {
				if c < 0 || c > Components[i].Max {
					fail("%s %d: %s = %s out of [0, %s]", uu.Code, firstYear+y, Components[i].Code, cents(c), cents(Components[i].Max))
				}
				sum += c
			}
			if b := d.bonus[u][y]; b < 0 || b > BonusMax {
				fail("%s %d: bonus %s out of range", uu.Code, firstYear+y, cents(b))
			}
			if sum != d.total[u][y] {
				fail("%s %d: parts sum to %s, total %s", uu.Code, firstYear+y, cents(sum), cents(d.total[u][y]))
			}
			if d.total[u][y] < 6000 && !(uu.Code == weakUnit && firstYear+y == 2019) {
				fail("%s %d: unexpected Yếu (%s)", uu.Code, firstYear+y, cents(d.total[u][y]))
			}
			if d.notRanked[u][y] != (uu.Code == kxhUnit && firstYear+y == kxhYear) {
				fail("%s %d: unexpected not-ranked flag", uu.Code, firstYear+y)
			}
		}
	}

	// (b) The only tie, not at the bottom of the table.
	for y := range nYears {
		for u := range Units {
			for v := u + 1; v < len(Units); v++ {
				if Units[u].Bloc != Units[v].Bloc || d.notRanked[u][y] || d.notRanked[v][y] || d.total[u][y] != d.total[v][y] {
					continue
				}
				if !(firstYear+y == tieYear && isPair(Units[u].Code, Units[v].Code, tieA, tieB)) {
					fail("accidental tie %s/%s in %d", Units[u].Code, Units[v].Code, firstYear+y)
				}
			}
		}
	}
	ta, ra, _ := d.cell(tieA, tieYear)
	tb, rb, _ := d.cell(tieB, tieYear)
	if ta != tb || ra != rb || ra+1 >= d.ranked(BlocDept, yi(tieYear)) {
		fail("tie %s/%s %d: %s #%d vs %s #%d", tieA, tieB, tieYear, cents(ta), ra, cents(tb), rb)
	}

	// (c) The unit not ranked sits inside the table, so leaving it out matters.
	{
		t, _, _ := d.cell(kxhUnit, kxhYear)
		above, below := false, false
		for v, vv := range Units {
			if vv.Bloc == Units[unitIndex(kxhUnit)].Bloc && !d.notRanked[v][yi(kxhYear)] {
				above = above || d.total[v][yi(kxhYear)] > t
				below = below || d.total[v][yi(kxhYear)] < t
			}
		}
		if !above || !below {
			fail("%s %d: not ranked unit at the edge of the table", kxhUnit, kxhYear)
		}
	}

	// (e) Central agencies.
	want("TW-CA", 2021, 9731, 1)
	for _, y := range []int{2019, 2020} {
		if _, r, _ := d.cell("TW-CA", y); r == 1 {
			fail("TW-CA first already in %d", y)
		}
	}
	want("TW-THUE", 2021, 6792, 5)
	counts(BlocCentral, 2021, map[string]int{"Xuất sắc": 2, "Tốt": 2, "Trung bình": 1})

	// (e) Departments.
	want("SO-NV", 2021, 10169, 1)
	want("SO-TTTT", 2021, 0, 2)
	want("SO-DL", 2021, 0, 3)
	want("SO-TP", 2021, 0, 4)
	want("SO-YT", 2021, 7022, 20)
	last("SO-YT", 2021)
	last("SO-YT", 2022)
	counts(BlocDept, 2021, map[string]int{"Xuất sắc": 4, "Tốt": 12, "Khá": 4})
	want(weakUnit, 2019, 5847, d.ranked(BlocDept, yi(2019)))
	want(weakUnit, 2020, 6635, d.rank[unitIndex(weakUnit)][yi(2020)])
	if _, _, g := d.cell(weakUnit, 2021); g != "Khá" {
		fail("%s 2021: %s, want Khá", weakUnit, g)
	}

	// (e) Districts.
	for _, y := range []int{2020, 2021, 2022} {
		if _, r, _ := d.cell("QH-TK", y); r != 1 {
			fail("QH-TK %d: rank %d, want 1", y, r)
		}
	}
	for _, y := range []int{2019, 2023} {
		if _, r, _ := d.cell("QH-TK", y); r == 1 {
			fail("QH-TK %d: first, but the streak is 2020–2022", y)
		}
	}
	want("QH-TK", 2021, 9039, 1)
	want("QH-CL", 2021, 7539, 7)
	counts(BlocDistrict, 2021, map[string]int{"Xuất sắc": 1, "Tốt": 3, "Khá": 3})

	// (e) Grade moves 2024 vs 2023.
	for _, m := range []struct{ code, from, to string }{{upUnit, "Khá", "Tốt"}, {downUnit, "Tốt", "Khá"}} {
		_, _, g23 := d.cell(m.code, 2023)
		_, _, g24 := d.cell(m.code, 2024)
		if g23 != m.from || g24 != m.to {
			fail("%s: %s → %s, want %s → %s", m.code, g23, g24, m.from, m.to)
		}
	}

	// Văn thư, lưu trữ: Chưa đạt from 11 (2020) to 2 (2021).
	for y, want := range map[int]int{2020: 11, 2021: 2} {
		n := 0
		for u := range Units {
			if d.vtlt[u][y-vtltFirstYear] == "Chưa đạt" {
				n++
			}
		}
		if n != want {
			fail("Văn thư, lưu trữ %d: %d Chưa đạt, want %d", y, n, want)
		}
	}
	return errors.Join(errs...)
}

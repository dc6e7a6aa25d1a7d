// Package citygen generates the illustrative city sample ("Dữ liệu minh họa —
// illustrative"): a PAR Index for 32 units of a fictional city modelled on Đà
// Nẵng, 2019–2024, plus a grade-only records-management index (Văn thư, lưu
// trữ), 2020–2024. The numbers are invented. The output depends only on the
// seed: all arithmetic is on integers (hundredths of a point) drawn from a
// math/rand/v2 PCG source, so it is byte-identical across runs and platforms.
//
// Scores follow a smooth random walk per unit, anchored on 2021 (the year of
// the city's published announcement that the storyline mirrors). On top of the
// walk the generator places these deliberate features, which the tests of
// package sample and city/README.md rely on:
//
//	(a) Rename under the same code: BQL-KCN "Ban Quản lý các Khu công nghiệp"
//	    is "Ban Quản lý Khu công nghệ cao và các khu công nghiệp" from 2023;
//	    units.csv lists the old name as an alias.
//	(b) Exact tie: in 2022 "Sở Xây dựng" and "Sở Công Thương" have the same
//	    Tổng điểm and share a rank; the next rank is skipped. No other tie.
//	(c) Not ranked: "Sở Ngoại vụ" is KXH in 2023; it keeps its scores and grade
//	    and the other departments are ranked as if it were absent.
//	(d) Component rename: C7 "Hiện đại hóa hành chính" (≤2021) becomes
//	    "Chính phủ điện tử, chính phủ số" (≥2022); components.csv has both rows.
//	(e) Storyline:
//	    - "Công an thành phố" is first of the central agencies for the first
//	      time in 2021 with 97.31; "Cục Thuế thành phố" is last with 67.92;
//	    - "Sở Nội vụ" is first of the departments in 2021 with 101.69 (2.75
//	      bonus points), then Sở Thông tin và Truyền thông, Sở Du lịch, Sở Tư
//	      pháp; "Sở Y tế" is last in 2021 (70.22) and again in 2022;
//	    - "quận Thanh Khê" is first of the districts in 2020, 2021 (90.39, the
//	      bloc's only Xuất sắc) and 2022, but not in 2019 or 2023;
//	      "quận Cẩm Lệ" is last of the districts in 2021 with 75.39;
//	    - 2024 vs 2023: "quận Liên Chiểu" moves up from Khá to Tốt and "Sở Kế
//	      hoạch và Đầu tư" moves down from Tốt to Khá;
//	    - the only Yếu is "Sở Giao thông vận tải" in 2019 (58.47); it is Trung
//	      bình in 2020 (66.35) and Khá in 2021;
//	    - Văn thư, lưu trữ: 11 units Chưa đạt in 2020, 2 in 2021.
//	(f) "huyện Hoà Vang" (old accent placement) in 2019–2020, "huyện Hòa Vang"
//	    from 2021, same code QH-HV.
//
// Generate checks every feature on its own output and fails rather than
// write data that does not show them.
package citygen

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// File is one generated file: a name inside the output directory and its bytes.
type File struct {
	Name string
	Data []byte
}

// DefaultSeed is the seed of the committed sample.
const DefaultSeed = 2021

// Write generates the dataset and writes its files into dir.
func Write(dir string, seed uint64) error {
	files, err := Generate(seed)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Generate builds the dataset for a seed and renders its files, in a fixed order.
func Generate(seed uint64) ([]File, error) {
	d := build(seed)
	if err := d.verify(); err != nil {
		return nil, fmt.Errorf("citygen: seed %d: %w", seed, err)
	}
	var files []File
	for y := firstYear; y <= lastYear; y++ {
		files = append(files, File{fmt.Sprintf("par-%d.csv", y), d.parCSV(y)})
	}
	files = append(files,
		File{"components.csv", componentsCSV()},
		File{"grades.csv", gradesCSV()},
		File{"units.csv", unitsCSV()},
		File{"van-thu-luu-tru.csv", d.vtltCSV()},
		File{"README.md", d.readme(seed)},
	)
	return files, nil
}

// The deliberate features (see the package comment).
const (
	announceYear = 2021 // anchor of the walk; the storyline year

	tieYear  = 2022 // (b)
	tieA     = "SO-XD"
	tieB     = "SO-CT"
	kxhUnit  = "SO-NGV" // (c)
	kxhYear  = 2023
	upUnit   = "QH-LC"   // (e) Khá 2023 → Tốt 2024
	downUnit = "SO-KHDT" // (e) Tốt 2023 → Khá 2024
	weakUnit = "SO-GTVT" // (e) the only Yếu (2019)
)

// vtltQuota gives, per year from 2020, how many units get each Văn thư, lưu
// trữ grade (Xuất sắc, Tốt, Khá, Chưa đạt); each row sums to the 32 units.
var vtltQuota = [][4]int{
	{4, 10, 7, 11}, // 2020
	{6, 9, 15, 2},  // 2021: Chưa đạt falls from 11 to 2, Tốt falls, Khá rises
	{7, 11, 12, 2}, // 2022
	{8, 13, 10, 1}, // 2023
	{9, 14, 9, 0},  // 2024
}

// rng draws integers from a PCG source with arithmetic of its own, so that
// the output never depends on how a Go release implements IntN or NormFloat64.
type rng struct{ src *rand.PCG }

func newRNG(seed uint64) *rng { return &rng{rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)} }

// between returns a uniform integer in [lo, hi].
func (r *rng) between(lo, hi int) int {
	if hi < lo {
		panic(fmt.Sprintf("citygen: empty range [%d, %d]", lo, hi))
	}
	n := uint64(hi - lo + 1)
	limit := math.MaxUint64 - math.MaxUint64%n
	for {
		if v := r.src.Uint64(); v < limit {
			return lo + int(v%n)
		}
	}
}

// noise returns the sum of k uniform integers in [-w, w]: bell-shaped, mean 0.
func (r *rng) noise(k, w int) int {
	s := 0
	for range k {
		s += r.between(-w, w)
	}
	return s
}

// into keeps v if it lies in [lo, hi], else draws a value in the quarter of
// the range nearest to v.
func (r *rng) into(v, lo, hi int) int {
	q := (hi - lo) / 4
	switch {
	case v > hi:
		return hi - r.between(0, q)
	case v < lo:
		return lo + r.between(0, q)
	}
	return v
}

// dataset holds every generated number, indexed [unit][year-firstYear].
type dataset struct {
	total     [][]int
	bonus     [][]int
	comps     [][][]int
	notRanked [][]bool
	rank      [][]int    // 0 when not ranked
	vtlt      [][]string // [unit][year-vtltFirstYear]
}

func unitIndex(code string) int {
	for i, u := range Units {
		if u.Code == code {
			return i
		}
	}
	panic("citygen: unknown unit " + code)
}

func yi(year int) int { return year - firstYear }

// reflect folds v back into [lo, hi], as a walk bouncing off the walls.
func reflect(v, lo, hi int) int {
	for v < lo || v > hi {
		if v > hi {
			v = 2*hi - v
		}
		if v < lo {
			v = 2*lo - v
		}
	}
	return v
}

const (
	walkLo = 6150 // the walk never reaches Yếu on its own
	walkHi = 9880 // nor 100 points
)

func build(seed uint64) *dataset {
	r := newRNG(seed)
	n := len(Units)
	d := &dataset{
		total:     make([][]int, n),
		bonus:     make([][]int, n),
		comps:     make([][][]int, n),
		notRanked: make([][]bool, n),
		rank:      make([][]int, n),
		vtlt:      make([][]string, n),
	}
	for u := range n {
		d.total[u] = make([]int, nYears)
		d.bonus[u] = make([]int, nYears)
		d.comps[u] = make([][]int, nYears)
		d.notRanked[u] = make([]bool, nYears)
		d.rank[u] = make([]int, nYears)
	}
	at := func(code string, year int) *int { return &d.total[unitIndex(code)][yi(year)] }
	protected := map[[2]int]bool{} // cells the tie breaker must not move
	pin := func(code string, year, v int) {
		*at(code, year) = v
		protected[[2]int{unitIndex(code), yi(year)}] = true
	}

	// 2021 anchors, mirroring the shape of the city's 2021 announcement.
	anchor := make([]int, n)
	set := func(code string, v int) { anchor[unitIndex(code)] = v }
	draw := func(code string, lo, hi int) int { v := r.between(lo, hi); set(code, v); return v }
	// Central agencies: 2 Xuất sắc, 2 Tốt, 1 Trung bình.
	set("TW-CA", 9731)
	draw("TW-KBNN", 9050, 9480)
	draw("TW-HQ", 8300, 8950)
	draw("TW-BHXH", 8050, 8700)
	set("TW-THUE", 6792)
	// Departments: 4 Xuất sắc (in this order), 12 Tốt, 4 Khá with Sở Y tế last.
	set("SO-NV", 10169)
	tttt := draw("SO-TTTT", 9450, 9780)
	dl := draw("SO-DL", 9200, tttt-30)
	draw("SO-TP", 9000, dl-30)
	set("SO-YT", 7022)
	draw(weakUnit, 7400, 7800)
	draw("SO-TNMT", 7100, 7950)
	draw("SO-LDTBXH", 7100, 7950)
	for _, u := range Units {
		if u.Bloc == BlocDept && anchor[unitIndex(u.Code)] == 0 {
			draw(u.Code, 8050, 8950)
		}
	}
	// Districts: quận Thanh Khê the only Xuất sắc, 3 Tốt, 3 Khá, quận Cẩm Lệ last.
	set("QH-TK", 9039)
	for _, c := range []string{"QH-HC", "QH-ST", "QH-NHS"} {
		draw(c, 8100, 8900)
	}
	for _, c := range []string{upUnit, "QH-HV"} {
		draw(c, 7600, 7950)
	}
	set("QH-CL", 7539)

	// The walk starts from the anchor, except where 2021 was exceptional:
	// Sở Nội vụ's 101.69 includes 2.75 bonus points.
	latent := slices.Clone(anchor)
	latent[unitIndex("SO-NV")] = 9720

	// Each unit drifts upwards a little every year (PAR scores rose nationally);
	// a few have a trend of their own.
	drift := make([]int, n)
	for u := range n {
		drift[u] = r.between(20, 110)
	}
	drift[unitIndex("TW-CA")] = 260   // climbs to first place in 2021
	drift[unitIndex("TW-THUE")] = 230 // recovers from its 2021 low
	drift[unitIndex("SO-YT")] = 120

	a := yi(announceYear)
	for u := range n {
		t := d.total[u]
		t[a] = latent[u]
		for y := a + 1; y < nYears; y++ {
			t[y] = reflect(t[y-1]+drift[u]+r.noise(3, 140), walkLo, walkHi)
		}
		for y := a - 1; y >= 0; y-- {
			t[y] = reflect(t[y+1]-drift[u]-r.noise(3, 140), walkLo, walkHi)
		}
		t[a] = anchor[u]
	}
	for _, u := range []string{"TW-CA", "TW-THUE", "SO-NV", "SO-YT", "QH-TK", "QH-CL"} {
		protected[[2]int{unitIndex(u), a}] = true
	}
	// The only Yếu, recovering through Trung bình to Khá in 2021.
	pin(weakUnit, 2019, 5847)
	pin(weakUnit, 2020, 6635)

	// (c) Not ranked.
	d.notRanked[unitIndex(kxhUnit)][yi(kxhYear)] = true

	others := func(code string, year int) []int { // totals of the ranked rest of the bloc
		var out []int
		bloc := Units[unitIndex(code)].Bloc
		for v, w := range Units {
			if w.Bloc == bloc && w.Code != code && !d.notRanked[v][yi(year)] {
				out = append(out, d.total[v][yi(year)])
			}
		}
		return out
	}
	// move sets a cell and carries the change along the rest of the unit's
	// walk, away from the anchor year, so the path stays smooth: only the step
	// into the moved cell changes.
	move := func(u, y, v int) {
		delta := v - d.total[u][y]
		for z := range nYears {
			if (y > a && z >= y) || (y < a && z <= y) {
				d.total[u][z] = reflect(d.total[u][z]+delta, walkLo, walkHi)
			}
		}
		d.total[u][y] = v
		protected[[2]int{u, y}] = true
	}
	// Công an thành phố was never first before 2021.
	ca := unitIndex("TW-CA")
	for _, y := range []int{2020, 2019} {
		if top := slices.Max(others("TW-CA", y)); d.total[ca][yi(y)] >= top {
			move(ca, yi(y), top-r.between(40, 180))
		}
	}
	// quận Thanh Khê: first in 2020 and 2022 (with 2021, a streak of three),
	// not first in 2019 or 2023.
	tk := unitIndex("QH-TK")
	for _, y := range []int{2020, 2022} {
		lead := d.total[tk][yi(y)]
		for v, w := range Units {
			if w.Bloc == BlocDistrict && v != tk && d.total[v][yi(y)] >= lead {
				move(v, yi(y), lead-r.between(40, 260))
			}
		}
		protected[[2]int{tk, yi(y)}] = true
	}
	for _, y := range []int{2019, 2023} {
		if top := slices.Max(others("QH-TK", y)); d.total[tk][yi(y)] >= top {
			move(tk, yi(y), top-r.between(30, 200))
		}
	}
	// (b) The tie.
	move(unitIndex(tieB), yi(tieYear), *at(tieA, tieYear))
	protected[[2]int{unitIndex(tieA), yi(tieYear)}] = true
	// Sở Y tế last again in 2022.
	yt := unitIndex("SO-YT")
	if low := slices.Min(others("SO-YT", 2022)); d.total[yt][yi(2022)] >= low {
		move(yt, yi(2022), low-r.between(30, 250))
	}
	protected[[2]int{yt, yi(2022)}] = true
	// (e) Grade moves 2024 vs 2023, kept as close to the walk as the grades allow.
	for _, m := range []struct {
		code       string
		lo23, hi23 int
		lo24, hi24 int
	}{
		{upUnit, 7600, 7900, 8150, 8500},   // Khá → Tốt
		{downUnit, 8200, 8700, 7650, 7900}, // Tốt → Khá
	} {
		u := unitIndex(m.code)
		move(u, yi(2023), r.into(d.total[u][yi(2023)], m.lo23, m.hi23))
		move(u, yi(2024), r.into(d.total[u][yi(2024)], m.lo24, m.hi24))
	}

	d.breakAccidentalTies(protected)

	for u := range n {
		for y := range nYears {
			d.split(r, u, y)
		}
	}
	d.computeRanks()
	d.buildVTLT(r)
	return d
}

// breakAccidentalTies moves, one hundredth at a time, any unprotected unit
// whose total equals another's in the same year and bloc, so that the only
// tie is the deliberate one.
func (d *dataset) breakAccidentalTies(protected map[[2]int]bool) {
	for y := range nYears {
		for changed := true; changed; {
			changed = false
			for u := range Units {
				for v := u + 1; v < len(Units); v++ {
					if Units[u].Bloc != Units[v].Bloc || d.total[u][y] != d.total[v][y] {
						continue
					}
					if y == yi(tieYear) && isPair(Units[u].Code, Units[v].Code, tieA, tieB) {
						continue
					}
					switch {
					case !protected[[2]int{v, y}]:
						d.total[v][y]--
					case !protected[[2]int{u, y}]:
						d.total[u][y]--
					default:
						panic(fmt.Sprintf("citygen: protected tie %s/%s in %d", Units[u].Code, Units[v].Code, firstYear+y))
					}
					changed = true
				}
			}
		}
	}
}

func isPair(a, b, x, y string) bool { return (a == x && b == y) || (a == y && b == x) }

// bonusSteps are the bonus amounts units receive (hundredths).
var bonusSteps = []int{25, 50, 50, 75, 100, 100, 125, 150, 200}

// split divides a total into a bonus and eight component scores that add up
// to it exactly, each within [0, max].
func (d *dataset) split(r *rng, u, y int) {
	total := d.total[u][y]
	bonus := 0
	switch {
	case Units[u].Code == "SO-NV" && y == yi(announceYear):
		bonus = 275
	case r.between(0, 99) < 28:
		bonus = bonusSteps[r.between(0, len(bonusSteps)-1)]
	}
	if total-bonus > 10000 { // never happens with the walk's ceiling; keeps the invariant anyway
		bonus = total - 10000
	}
	s := total - bonus
	c := make([]int, len(Components))
	sum := 0
	for i, comp := range Components {
		permille := max(0, min(1000, s/10+r.noise(2, 45)))
		c[i] = comp.Max * permille / 1000
		sum += c[i]
	}
	// Water-fill the difference in proportion to the room each component has.
	diff := s - sum
	room := func(i int) int {
		if diff > 0 {
			return Components[i].Max - c[i]
		}
		return c[i]
	}
	sign, need := 1, diff
	if diff < 0 {
		sign, need = -1, -diff
	}
	if need > 0 {
		totalRoom := 0
		for i := range c {
			totalRoom += room(i)
		}
		moved := 0
		for i := range c {
			m := need * room(i) / totalRoom
			c[i] += sign * m
			moved += m
		}
		for i := 0; moved < need; i = (i + 1) % len(c) {
			if room(i) > 0 {
				c[i] += sign
				moved++
			}
		}
	}
	d.bonus[u][y] = bonus
	d.comps[u][y] = c
}

// computeRanks sets competition ranks (1, 2, 2, 4) within each year and bloc,
// leaving out units that are not ranked.
func (d *dataset) computeRanks() {
	for y := range nYears {
		for u, uu := range Units {
			if d.notRanked[u][y] {
				continue
			}
			rank := 1
			for v, vv := range Units {
				if vv.Bloc == uu.Bloc && !d.notRanked[v][y] && d.total[v][y] > d.total[u][y] {
					rank++
				}
			}
			d.rank[u][y] = rank
		}
	}
}

// buildVTLT gives every unit a hidden records-management level that walks
// upwards, and grades each year by the quotas, best level first.
func (d *dataset) buildVTLT(r *rng) {
	n := len(Units)
	level := make([]int, n)
	for u := range n {
		level[u] = r.between(5000, 9500)
		d.vtlt[u] = make([]string, len(vtltQuota))
	}
	order := make([]int, n)
	for y := range vtltQuota {
		if y > 0 {
			for u := range n {
				level[u] = reflect(level[u]+150+r.noise(2, 500), 3000, 9900)
			}
		}
		for u := range order {
			order[u] = u
		}
		slices.SortStableFunc(order, func(a, b int) int { return level[b] - level[a] })
		k := 0
		for g, q := range vtltQuota[y] {
			for range q {
				d.vtlt[order[k]][y] = VTLTGrades[g].Label
				k++
			}
		}
	}
}

// cents renders hundredths as a decimal with two places: 9731 → "97.31".
func cents(v int) string {
	if v < 0 {
		return "-" + cents(-v)
	}
	return fmt.Sprintf("%d.%02d", v/100, v%100)
}

// points renders a maximum: whole points without decimals (9, 15), else two places.
func points(v int) string {
	if v%100 == 0 {
		return strconv.Itoa(v / 100)
	}
	return cents(v)
}

func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		panic(err) // writing to a bytes.Buffer cannot fail
	}
	return b.Bytes()
}

// tableOrder lists a bloc's units as the official table prints them: by rank,
// then in the customary order; units not ranked come last.
func (d *dataset) tableOrder(bloc string, y int) []int {
	var us []int
	for u, uu := range Units {
		if uu.Bloc == bloc {
			us = append(us, u)
		}
	}
	key := func(u int) int {
		if d.notRanked[u][y] {
			return math.MaxInt
		}
		return d.rank[u][y]
	}
	slices.SortStableFunc(us, func(a, b int) int { return key(a) - key(b) })
	return us
}

func (d *dataset) parCSV(year int) []byte {
	y := yi(year)
	header := []string{"STT", "Khối", "Mã đơn vị", "Tên đơn vị"}
	for _, c := range Components {
		header = append(header, c.NameIn(year))
	}
	header = append(header, BonusName, TotalName, RankName, GradeName)
	rows := [][]string{header}
	for _, bloc := range Blocs {
		for _, u := range d.tableOrder(bloc, y) {
			row := []string{strconv.Itoa(len(rows)), bloc, Units[u].Code, Units[u].NameIn(year)}
			for _, c := range d.comps[u][y] {
				row = append(row, cents(c))
			}
			rank := NotRankedMark
			if !d.notRanked[u][y] {
				rank = strconv.Itoa(d.rank[u][y])
			}
			row = append(row, cents(d.bonus[u][y]), cents(d.total[u][y]), rank,
				GradeOf(PARGrades, d.total[u][y]))
			rows = append(rows, row)
		}
	}
	return writeCSV(rows)
}

func componentsCSV() []byte {
	rows := [][]string{{"code", "component", "max", "from_year", "to_year"}}
	for _, c := range Components {
		if c.NewName == "" {
			rows = append(rows, []string{c.Code, c.Name, points(c.Max), "", ""})
			continue
		}
		rows = append(rows,
			[]string{c.Code, c.Name, points(c.Max), "", strconv.Itoa(c.RenamedIn - 1)},
			[]string{c.Code, c.NewName, points(c.Max), strconv.Itoa(c.RenamedIn), ""})
	}
	rows = append(rows, []string{BonusCode, BonusName, points(BonusMax), "", ""})
	return writeCSV(rows)
}

func gradesCSV() []byte {
	rows := [][]string{{"grade", "min", "index", "bloc", "from_year", "to_year"}}
	for _, s := range []struct {
		index  string
		grades []Grade
	}{{IndexPAR, PARGrades}, {IndexVTLT, VTLTGrades}} {
		for _, g := range s.grades {
			rows = append(rows, []string{g.Label, points(g.Min), s.index, "", "", ""})
		}
	}
	return writeCSV(rows)
}

func unitsCSV() []byte {
	rows := [][]string{{"unit_code", "unit", "aliases", "successor_code", "from_year", "to_year"}}
	for _, u := range Units {
		alias := ""
		if u.OldIsAlias {
			alias = u.OldName
		}
		rows = append(rows, []string{u.Code, u.Name, alias, "", "", ""})
	}
	return writeCSV(rows)
}

func (d *dataset) vtltCSV() []byte {
	rows := [][]string{{"Năm", "Chỉ số", "Khối", "Mã đơn vị", "Tên đơn vị", "Xếp loại"}}
	for y := range vtltQuota {
		year := vtltFirstYear + y
		for _, bloc := range Blocs {
			for u, uu := range Units {
				if uu.Bloc == bloc {
					rows = append(rows, []string{strconv.Itoa(year), IndexVTLT, bloc, uu.Code, uu.NameIn(year), d.vtlt[u][y]})
				}
			}
		}
	}
	return writeCSV(rows)
}

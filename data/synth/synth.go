// Package synth writes deterministic synthetic PAR Index tables for
// benchmarks and scale tests: Vietnamese unit names in three blocs, component
// maxima, grades, and, when asked, renamed units, tied totals and units
// missing from some years. The same Spec gives the same records in the wide
// and the long format, so either file loads to the same dataset.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Spec sizes a synthetic dataset. The realism knobs (Renamed, Missing, Ties,
// Maxima) are off at their zero values: every unit in every year, equal
// maxima, no renames.
type Spec struct {
	Units      int
	Years      int
	Components int
	FirstYear  int // default 2015
	Seed       uint64

	// Renamed is the share of units renamed once during the span (same code:
	// "Xã" becomes "Phường", a department gets its new name).
	Renamed float64
	// Missing is roughly the share of unit-years absent: units that join late,
	// leave early (merged) or skip a year.
	Missing float64
	// Ties is the share of records that repeat a bloc neighbour's scores
	// exactly, so totals tie (beyond the ties that 2-decimal scores give).
	Ties float64
	// Maxima gives components unequal maxima (halves of a point, summing to
	// 100) as published tables have; false gives 100/Components each.
	Maxima bool
}

// Realistic is a Spec with the realism knobs at the rates seen in published
// tables: 2% of units renamed, about 3% of unit-years missing, 1% exact ties,
// unequal component maxima.
func Realistic(units, years, components int, seed uint64) Spec {
	return Spec{Units: units, Years: years, Components: components, Seed: seed,
		Renamed: 0.02, Missing: 0.03, Ties: 0.01, Maxima: true}
}

// Blocs are the three blocs units are spread over (unit i is in bloc i mod 3).
var Blocs = []string{"Sở, ban, ngành", "Quận, huyện", "Xã, phường, thị trấn"}

var departments = []string{"Nội vụ", "Tư pháp", "Tài chính", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Công Thương",
	"Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Dân tộc và Tôn giáo",
	"Ngoại vụ", "Thông tin và Truyền thông", "Lao động, Thương binh và Xã hội", "Giao thông vận tải", "Kế hoạch và Đầu tư"}

var deptKinds = []string{"Sở", "Ban Quản lý", "Văn phòng", "Thanh tra", "Trung tâm"}

var syllables = []string{"Hòa", "Bình", "An", "Phước", "Thạnh", "Tân", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc",
	"Sơn", "Thủy", "Hưng", "Phú", "Quý", "Lộc", "Xuân", "Thành", "Trung", "Hải", "Cẩm", "Lệ", "Ngũ", "Khê", "Châu",
	"Đức", "Nghĩa", "Lợi", "Thắng", "Hiệp", "Vĩnh", "Quang", "Diên", "Điện", "Yên", "Đại", "Hồng", "Khánh", "Liên",
	"Chiểu", "Hội", "Kỳ", "Ngọc", "Thuận", "Định", "Triệu"}

// kinds per bloc for districts and communes; the second of each pair is the
// name after an upgrade (a rename).
var districtKinds = [][2]string{{"Huyện", "Thị xã"}, {"Quận", "Quận"}, {"Thị xã", "Thành phố"}}
var communeKinds = [][2]string{{"Xã", "Phường"}, {"Phường", "Phường"}, {"Thị trấn", "Phường"}, {"Xã", "Thị trấn"}}

// areas are the eight PAR Index areas (lĩnh vực) of a province.
var areas = []string{
	"Công tác chỉ đạo, điều hành CCHC",
	"Xây dựng và tổ chức thực hiện văn bản QPPL",
	"Cải cách thủ tục hành chính",
	"Cải cách tổ chức bộ máy hành chính",
	"Xây dựng và nâng cao chất lượng đội ngũ CBCCVC",
	"Cải cách tài chính công",
	"Xây dựng, phát triển Chính phủ điện tử, Chính phủ số",
	"Tác động của CCHC đến người dân, tổ chức",
}

// gen holds what is fixed before any score is drawn: components, names,
// renames and absences. Scores are drawn year by year from their own stream.
type gen struct {
	s        Spec
	names    []string // component names (columns)
	codes    []string // component codes
	maxima   []int    // component maxima in hundredths
	units    []unit
	rng      *rand.Rand
	skill    []float64
	prevRow  [][]int // per bloc: the last record's scores, for ties
	scoreBuf []int
}

type unit struct {
	code     string
	bloc     int
	name     string // current name
	oldName  string // name before renameAt ("" when never renamed)
	renameAt int    // first year index with the current name
	absent   []bool // per year index (nil when present every year)
}

func newGen(s Spec) *gen {
	if s.FirstYear == 0 {
		s.FirstYear = 2015
	}
	s.Units, s.Years, s.Components = max(s.Units, 0), max(s.Years, 0), max(s.Components, 0)
	g := &gen{s: s}
	// separate streams, so the sidecars agree with the data whatever else the Spec says
	g.components(rand.New(rand.NewPCG(s.Seed, 0xc0393e7)))
	g.unitNames(rand.New(rand.NewPCG(s.Seed, 0x5eed0f5e7)))
	g.rng = rand.New(rand.NewPCG(s.Seed, 0x9e3779b97f4a7c15))
	g.skill = make([]float64, s.Units)
	for u := range g.skill {
		g.skill[u] = 0.6 + 0.35*g.rng.Float64()
	}
	g.prevRow = make([][]int, len(Blocs))
	g.scoreBuf = make([]int, s.Components)
	return g
}

func (g *gen) components(rng *rand.Rand) {
	c := g.s.Components
	g.names, g.codes, g.maxima = make([]string, c), make([]string, c), make([]int, c)
	switch {
	case c <= len(areas):
		for i := range c {
			g.names[i] = areas[i]
			g.codes[i] = "LV" + strconv.Itoa(i+1)
		}
	default: // criteria (tiêu chí) numbered within the eight areas
		per := make([]int, len(areas))
		for i := range c {
			a := i * len(areas) / c
			per[a]++
			g.names[i] = fmt.Sprintf("Tiêu chí %d.%d", a+1, per[a])
			g.codes[i] = fmt.Sprintf("TC%d.%d", a+1, per[a])
		}
	}
	if c == 0 {
		return
	}
	if !g.s.Maxima {
		for i := range g.maxima {
			g.maxima[i] = int(100.0 / float64(c) * 100)
		}
		return
	}
	// weights in [0.5, 1.5], scaled to 100 points, in halves of a point
	w := make([]float64, c)
	sum := 0.0
	for i := range w {
		w[i] = 0.5 + rng.Float64()
		sum += w[i]
	}
	halves, total := make([]int, c), 0
	for i := range w {
		halves[i] = max(1, int(math.Round(w[i]/sum*200)))
		total += halves[i]
	}
	for total != 200 { // put the rounding on the largest (or take it from it)
		big := 0
		for i := range halves {
			if halves[i] > halves[big] {
				big = i
			}
		}
		if total < 200 {
			halves[big]++
			total++
		} else {
			halves[big]--
			total--
		}
	}
	for i, h := range halves {
		g.maxima[i] = h * 50
	}
}

func (g *gen) unitNames(rng *rand.Rand) {
	s := g.s
	g.units = make([]unit, s.Units)
	// names are unique without regard to accents ("Diên" and "Điện" are one
	// name to a loader that folds), so a rename never takes another's name
	taken := map[string]bool{}
	unique := func(name string) string {
		out := name
		for n := 2; taken[fold(out)]; n++ {
			out = name + " " + strconv.Itoa(n)
		}
		taken[fold(out)] = true
		return out
	}
	for i := range g.units {
		u := &g.units[i]
		u.code = fmt.Sprintf("U%05d", i)
		u.bloc = i % len(Blocs)
		place := syllables[rng.IntN(len(syllables))] + " " + syllables[rng.IntN(len(syllables))]
		var before, after string
		switch u.bloc {
		case 0:
			k, d := deptKinds[rng.IntN(len(deptKinds))], departments[rng.IntN(len(departments))]
			before = k + " " + d
			if k != "Sở" {
				before += " " + place
			}
			after = "Sở " + departments[rng.IntN(len(departments))] + " " + place
		case 1:
			k := districtKinds[rng.IntN(len(districtKinds))]
			before, after = k[0]+" "+place, k[1]+" "+place
		default:
			k := communeKinds[rng.IntN(len(communeKinds))]
			before, after = k[0]+" "+place, k[1]+" "+place
		}
		u.name = unique(before)
		if s.Years > 1 && rng.Float64() < s.Renamed {
			if after == before {
				after += " mới"
			}
			u.oldName, u.name = u.name, unique(after)
			u.renameAt = 1 + rng.IntN(s.Years-1)
		}
		if s.Years > 1 && rng.Float64() < 3*s.Missing {
			u.absent = make([]bool, s.Years)
			k := 1 + rng.IntN(s.Years/2) // 1 … half the years
			switch rng.IntN(3) {
			case 0: // joins late
				for y := range k {
					u.absent[y] = true
				}
			case 1: // leaves early (merged away)
				for y := s.Years - k; y < s.Years; y++ {
					u.absent[y] = true
				}
			default: // skips a year
				u.absent[rng.IntN(s.Years)] = true
			}
		}
	}
}

// record is one unit's result in one year.
type record struct {
	year   string
	u      *unit
	name   string
	scores []int // hundredths
	total  int
	grade  string
}

// each calls fn for every record, year by year, units in order.
func (g *gen) each(fn func(r *record) error) error {
	var r record
	for y := 0; y < g.s.Years; y++ {
		r.year = strconv.Itoa(g.s.FirstYear + y)
		for i := range g.units {
			u := &g.units[i]
			// the skill drifts every year, present or not, so the stream of
			// draws does not depend on absences
			g.skill[i] = min(0.99, max(0.4, g.skill[i]+0.03*(g.rng.Float64()-0.5)))
			tie := g.s.Ties > 0 && g.rng.Float64() < g.s.Ties
			if u.absent != nil && u.absent[y] {
				continue
			}
			r.u = u
			r.name = u.name
			if u.oldName != "" && y < u.renameAt {
				r.name = u.oldName
			}
			sc := g.scoreBuf
			if prev := g.prevRow[u.bloc]; tie && prev != nil {
				copy(sc, prev)
			} else {
				for c, m := range g.maxima {
					v := int(g.skill[i] * float64(m) * (0.9 + 0.2*g.rng.Float64()))
					sc[c] = min(v, m)
				}
			}
			if g.prevRow[u.bloc] == nil {
				g.prevRow[u.bloc] = make([]int, len(sc))
			}
			copy(g.prevRow[u.bloc], sc)
			r.scores = sc
			r.total = 0
			for _, v := range sc {
				r.total += v
			}
			r.grade = Grade(float64(r.total) / 100)
			if err := fn(&r); err != nil {
				return err
			}
		}
		for b := range g.prevRow {
			g.prevRow[b] = nil // ties are within a year
		}
	}
	return nil
}

// Wide writes a wide table: one row per unit and year, with a total that is
// the exact sum of the components and a grade.
func Wide(w io.Writer, s Spec) error {
	g := newGen(s)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("year,bloc,unit_code,unit")
	for _, n := range g.names {
		bw.WriteByte(',')
		writeCell(bw, n)
	}
	bw.WriteString(",total,grade\n")
	buf := make([]byte, 0, 64)
	err := g.each(func(r *record) error {
		bw.WriteString(r.year)
		bw.WriteByte(',')
		writeCell(bw, Blocs[r.u.bloc])
		bw.WriteByte(',')
		bw.WriteString(r.u.code)
		bw.WriteByte(',')
		writeCell(bw, r.name)
		for _, v := range r.scores {
			bw.WriteByte(',')
			bw.Write(appendHundredths(buf[:0], v))
		}
		bw.WriteByte(',')
		bw.Write(appendHundredths(buf[:0], r.total))
		bw.WriteByte(',')
		bw.WriteString(r.grade)
		_, err := bw.Write([]byte{'\n'})
		return err
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// Long writes the same records in the long format: one row per unit, year
// and component (year, bloc, unit_code, unit, grade, component, score). The
// total is the sum of the components.
func Long(w io.Writer, s Spec) error {
	g := newGen(s)
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("year,bloc,unit_code,unit,grade,component,score\n")
	quoted := make([]string, len(g.names))
	for i, n := range g.names {
		var sb strings.Builder
		writeCell(&sb, n)
		quoted[i] = sb.String()
	}
	buf := make([]byte, 0, 256)
	err := g.each(func(r *record) error {
		// the part every row of the record shares
		var sb strings.Builder
		sb.WriteString(r.year)
		sb.WriteByte(',')
		writeCell(&sb, Blocs[r.u.bloc])
		sb.WriteByte(',')
		sb.WriteString(r.u.code)
		sb.WriteByte(',')
		writeCell(&sb, r.name)
		sb.WriteByte(',')
		sb.WriteString(r.grade)
		sb.WriteByte(',')
		head := sb.String()
		for c, v := range r.scores {
			buf = append(buf[:0], head...)
			buf = append(buf, quoted[c]...)
			buf = append(buf, ',')
			buf = appendHundredths(buf, v)
			buf = append(buf, '\n')
			if _, err := bw.Write(buf); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// Components writes the components.csv sidecar: code, name and maximum of
// each component. Criteria (more components than areas) come after their
// eight areas (LV1…LV8, each the sum of its criteria's maxima), so the
// codes TC1.1… place each criterion under its area.
func Components(w io.Writer, s Spec) error {
	g := newGen(Spec{Components: s.Components, Seed: s.Seed, Maxima: s.Maxima})
	bw := bufio.NewWriter(w)
	bw.WriteString("code,name,max\n")
	if len(g.names) > len(areas) {
		sums := make([]int, len(areas))
		for i := range g.names {
			sums[i*len(areas)/len(g.names)] += g.maxima[i]
		}
		for a, n := range areas {
			bw.WriteString("LV" + strconv.Itoa(a+1) + ",")
			writeCell(bw, n)
			bw.WriteByte(',')
			bw.Write(appendHundredths(nil, sums[a]))
			bw.WriteByte('\n')
		}
	}
	for i, n := range g.names {
		bw.WriteString(g.codes[i])
		bw.WriteByte(',')
		writeCell(bw, n)
		bw.WriteByte(',')
		bw.Write(appendHundredths(nil, g.maxima[i]))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Units writes the units.csv sidecar: the renamed units with their old names
// as aliases (a header only when no unit is renamed).
func Units(w io.Writer, s Spec) error {
	g := newGen(Spec{Units: s.Units, Years: s.Years, Seed: s.Seed, Renamed: s.Renamed, Missing: s.Missing})
	bw := bufio.NewWriter(w)
	bw.WriteString("unit_code,unit,aliases\n")
	for i := range g.units {
		u := &g.units[i]
		if u.oldName == "" {
			continue
		}
		bw.WriteString(u.code)
		bw.WriteByte(',')
		writeCell(bw, u.name)
		bw.WriteByte(',')
		writeCell(bw, u.oldName)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Renamed lists the codes of the units a Spec renames, in order.
func Renamed(s Spec) []string {
	g := newGen(Spec{Units: s.Units, Years: s.Years, Seed: s.Seed, Renamed: s.Renamed, Missing: s.Missing})
	var out []string
	for i := range g.units {
		if g.units[i].oldName != "" {
			out = append(out, g.units[i].code)
		}
	}
	return out
}

// Grade is the built-in grade of a total: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70,
// Trung bình ≥ 60, else Yếu.
func Grade(t float64) string {
	switch {
	case t >= 90:
		return "Xuất sắc"
	case t >= 80:
		return "Tốt"
	case t >= 70:
		return "Khá"
	case t >= 60:
		return "Trung bình"
	}
	return "Yếu"
}

// fold is enough of data.Fold for telling names apart: lower case, accents
// dropped, đ as d.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// appendHundredths writes v/100 with two decimals.
func appendHundredths(buf []byte, v int) []byte {
	if v < 0 {
		buf = append(buf, '-')
		v = -v
	}
	buf = strconv.AppendInt(buf, int64(v/100), 10)
	buf = append(buf, '.', byte('0'+v%100/10), byte('0'+v%10))
	return buf
}

type stringWriter interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// writeCell writes a CSV cell, quoted when it holds a comma or a quote.
func writeCell(w stringWriter, s string) {
	if !strings.ContainsAny(s, ",\"\n\r") {
		w.WriteString(s)
		return
	}
	w.WriteByte('"')
	w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.WriteByte('"')
}

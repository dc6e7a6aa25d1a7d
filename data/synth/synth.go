// Package synth writes deterministic synthetic PAR Index tables for
// benchmarks and scale tests: Vietnamese unit names, blocs, components.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// Spec sizes a synthetic dataset.
type Spec struct {
	Units      int
	Years      int
	Components int
	FirstYear  int // default 2015
	Seed       uint64
}

var blocs = []string{"Sở, ban, ngành", "Quận, huyện", "Xã, phường, thị trấn"}

var places = []string{"Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ", "Hòa Vang",
	"Đà Nẵng", "Quảng Nam", "Thừa Thiên Huế", "Hội An", "Điện Bàn", "Tam Kỳ", "Núi Thành", "Đại Lộc"}

var kinds = []string{"Phường", "Xã", "Sở", "Ban", "Trung tâm"}

// Wide writes a wide table: one row per unit and year, with a total that is
// the exact sum of the components, a rank column and a grade.
func Wide(w io.Writer, s Spec) error {
	if s.FirstYear == 0 {
		s.FirstYear = 2015
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("year,bloc,unit_code,unit")
	for c := 0; c < s.Components; c++ {
		fmt.Fprintf(bw, ",Lĩnh vực %d", c+1)
	}
	bw.WriteString(",total,grade\n")
	maxPer := 100.0 / float64(max(s.Components, 1))
	base := make([]float64, s.Units)
	for u := range base {
		base[u] = 0.6 + 0.35*rng.Float64()
	}
	buf := make([]byte, 0, 64)
	for y := 0; y < s.Years; y++ {
		year := strconv.Itoa(s.FirstYear + y)
		for u := 0; u < s.Units; u++ {
			base[u] = min(0.99, max(0.4, base[u]+0.03*(rng.Float64()-0.5)))
			bw.WriteString(year)
			bw.WriteByte(',')
			bw.WriteString(`"` + blocs[u%len(blocs)] + `"`)
			fmt.Fprintf(bw, ",U%05d,%s %s %d", u, kinds[u%len(kinds)], places[u%len(places)], u)
			total := 0 // hundredths, so the total is the exact sum
			for c := 0; c < s.Components; c++ {
				v := int(base[u] * maxPer * (0.9 + 0.2*rng.Float64()) * 100)
				v = min(v, int(maxPer*100))
				total += v
				buf = strconv.AppendFloat(buf[:0], float64(v)/100, 'f', 2, 64)
				bw.WriteByte(',')
				bw.Write(buf)
			}
			buf = strconv.AppendFloat(buf[:0], float64(total)/100, 'f', 2, 64)
			bw.WriteByte(',')
			bw.Write(buf)
			bw.WriteByte(',')
			bw.WriteString(grade(float64(total) / 100))
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

func grade(t float64) string {
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

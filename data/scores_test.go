package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// Every score comes back from its code bit for bit: those of at most four
// decimals as codes, the rest kept exactly beside them.
func TestScoreCodesKeepEveryScore(t *testing.T) {
	nan := math.Float64frombits(0x7ff8_0000_0000_0bad)
	values := []float64{0, math.Copysign(0, -1), 97.31, 8.5, 100, 0.0001, 0.00005, 1.23456, -3.25, 0.1 + 0.2,
		214748.3647, 214748.3648, -214748.3645, -214748.3646, -214748.3647, -214748.3648, 1e300, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), Missing, NotApplicable, nan, math.MaxFloat64}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 { // decimals as a parser reads them: m/10^d
		d := rng.IntN(7)
		m := rng.Int64N(1 << uint(1+rng.IntN(40)))
		v, err := strconv.ParseFloat(strconv.FormatInt(m, 10)+"e-"+strconv.Itoa(d), 64)
		if err != nil {
			t.Fatal(err)
		}
		if rng.IntN(5) == 0 {
			v = -v
		}
		values = append(values, v, float64(m)/pow10[d])
	}
	const perRecord = 40 // a record holds a few dozen scores
	for k := 0; k < len(values); k += perRecord {
		var r Record
		r.SetScores(values[k:min(k+perRecord, len(values))])
		for i := range r.NumScores() {
			v := values[k+i]
			if got := r.Score(i); math.Float64bits(got) != math.Float64bits(v) {
				t.Fatalf("score %d: %v (%#x) came back %v (%#x)", k+i, v, math.Float64bits(v), got, math.Float64bits(got))
			}
			if _, ok := encodeScore(v); !ok && r.code(i) != scoreExact {
				t.Fatalf("score %v: not coded, yet its cell is %d", v, r.code(i))
			}
		}
		if !IsMissing(r.Score(r.NumScores())) || !IsMissing(r.Score(-1)) {
			t.Fatal("a score beyond the record's is not missing")
		}
	}
	exact := 0
	for _, v := range values {
		code, ok := encodeScore(v)
		switch {
		case !ok:
			exact++
			if code != scoreExact {
				t.Fatalf("score %v: not coded, yet its code is %d", v, code)
			}
		case code > scoreExact && float64(code) != math.Round(v*scoreUnit): // a code is the score in ten-thousandths
			t.Fatalf("score %v coded %d", v, code)
		}
	}
	if exact == 0 || exact == len(values) {
		t.Errorf("%d of %d scores kept beside their codes", exact, len(values))
	}
	// four decimals or fewer are coded: the common case is small
	for _, s := range []string{"97.31", "0.0001", "-5.5", "214748.3647", "-214748.3645"} {
		v, _ := strconv.ParseFloat(s, 64)
		if _, ok := encodeScore(v); !ok {
			t.Errorf("%s is not coded", s)
		}
	}
}

// A cell set again reads its new value, exact or coded, and a copy's
// scores set anew leave the original's; the marks are their own codes.
func TestSetScoreReplacesTheExactValue(t *testing.T) {
	var r Record
	r.SetScores([]float64{1.23456, Missing, NotApplicable})
	if r.Notes == nil || r.code(0) != scoreExact || r.Score(0) != 1.23456 {
		t.Fatalf("notes %v, score %v", r.Notes, r.Score(0))
	}
	c := r // a copy shares the notes: setting its scores leaves the original's
	c.SetScores([]float64{7})
	if r.Score(0) != 1.23456 || c.Score(0) != 7 {
		t.Errorf("after setting a copy's scores: %v and the copy's %v", r.Score(0), c.Score(0))
	}
	r.setScore(0, 2.5)
	if r.code(0) == scoreExact || r.Score(0) != 2.5 {
		t.Errorf("after setting 2.5: notes %v, score %v", r.Notes, r.Score(0))
	}
	if !r.missingAt(1) || r.notApplicableAt(1) || !r.missingAt(2) || !r.notApplicableAt(2) || !r.HasNotApplicable() {
		t.Error("the marks are not read back")
	}
	r.setScore(1, 0.123456)
	if r.Score(1) != 0.123456 || r.Score(0) != 2.5 || r.missingAt(1) {
		t.Errorf("after setting 0.123456: %v", r.ScoreValues())
	}
	if got := fmt.Sprint(r.ScoreValues()); got != "[2.5 0.123456 NaN]" {
		t.Errorf("ScoreValues = %s", got)
	}
}

// A wide file's cells with more than four decimals load exactly, in their components' places when
// the columns are rearranged (components.csv orders areas before their
// criteria), and roll up as before.
func TestWideLoadKeepsExactScores(t *testing.T) {
	files := map[string]string{
		"par.csv": "year,unit,Tiêu chí 1.2,Tiêu chí 1.1,total\n" +
			"2024,Sở A,1.123456,2.5,3.62\n" +
			"2024,Sở B,-0,0.00001,0\n" +
			"2024,Sở C,3.25,4.125,7.38\n",
		"components.csv": "code,name,max\nLV1,Lĩnh vực 1,20\nTC1.1,Tiêu chí 1.1,10\nTC1.2,Tiêu chí 1.2,10\n",
	}
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	r := ReadFS(fsys, ".", Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	ds := r.Dataset
	byName := map[string]*Record{}
	for i := range ds.Records {
		byName[ds.Records[i].Unit] = &ds.Records[i]
	}
	idx := map[string]int{}
	for i, c := range ds.Components {
		idx[c.Name] = i
	}
	check := func(unit, comp string, want float64) {
		t.Helper()
		rec := byName[unit]
		if rec == nil {
			t.Fatalf("no %s in %v", unit, ds.Records)
		}
		if got := rec.Score(idx[comp]); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%s %s = %v (%#x), want %v", unit, comp, got, math.Float64bits(got), want)
		}
	}
	check("Sở A", "Tiêu chí 1.2", 1.123456)
	check("Sở A", "Tiêu chí 1.1", 2.5)
	check("Sở B", "Tiêu chí 1.2", 0) // the parser reads "-0" as 0
	check("Sở B", "Tiêu chí 1.1", 0.00001)
	check("Sở C", "Tiêu chí 1.1", 4.125)
	check("Sở C", "Lĩnh vực 1", 7.375) // rolled up: 3.25 + 4.125
}

// A long file's scores load exactly too, whatever their decimals.
func TestLongLoadKeepsExactScores(t *testing.T) {
	text := "year,unit,component,score\n" +
		"2024,Sở A,Thể chế,1.123456\n2024,Sở A,Thủ tục,2.5\n" +
		"2024,Sở B,Thể chế,0.00001\n2024,Sở B,Thủ tục,97.31\n"
	r := ReadFS(fstest.MapFS{"long.csv": &fstest.MapFile{Data: []byte(text)}}, ".", Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]float64{"Sở A": {1.123456, 2.5}, "Sở B": {0.00001, 97.31}}
	for _, rec := range r.Dataset.Records {
		w := want[rec.Unit]
		if got := rec.ScoreValues(); fmt.Sprint(got) != fmt.Sprint(w) || got[0] != w[0] {
			t.Errorf("%s: scores %v, want %v", rec.Unit, got, w)
		}
	}
	if len(r.Dataset.Records) != 2 {
		t.Errorf("%d records", len(r.Dataset.Records))
	}
}

// An area rolled up from its criteria gets the code encodeScore gives its
// sum rounded to the data's decimals, the float the roll-up always made.
func TestRolledUpAreasAreCodedAsTheirSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, dec := range []int{0, 1, 2, 3, 4, 5} {
		var sb strings.Builder
		sb.WriteString("year,unit,Tiêu chí 1.1,Tiêu chí 1.2,Tiêu chí 1.3\n")
		var rows [][3]float64
		for u := range 300 {
			var row [3]float64
			fmt.Fprintf(&sb, "2024,Sở %d", u)
			for i := range row {
				text := strconv.FormatFloat(float64(rng.IntN(900000))/1e5, 'f', dec, 64)
				row[i], _ = strconv.ParseFloat(text, 64)
				sb.WriteString("," + text)
			}
			sb.WriteString("\n")
			rows = append(rows, row)
		}
		fsys := fstest.MapFS{
			"par.csv":        &fstest.MapFile{Data: []byte(sb.String())},
			"components.csv": &fstest.MapFile{Data: []byte("code,name,max\nLV1,Lĩnh vực 1,30\nTC1.1,Tiêu chí 1.1,10\nTC1.2,Tiêu chí 1.2,10\nTC1.3,Tiêu chí 1.3,10\n")},
		}
		r := ReadFS(fsys, ".", Options{})
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		scale := math.Pow10(min(dec, 4)) // the data's decimals, as far as they are kept
		for _, rec := range r.Dataset.Records {
			u, _ := strconv.Atoi(strings.TrimPrefix(rec.Unit, "Sở "))
			row := rows[u]
			want := math.Round((row[0]+row[1]+row[2])*scale) / scale
			got := rec.Score(0)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("%d decimals, %s: area %v, want %v", dec, rec.Unit, got, want)
			}
			if code, _ := encodeScore(want); rec.code(0) != code {
				t.Fatalf("%d decimals, %s: area coded %d, encodeScore gives %d", dec, rec.Unit, rec.code(0), code)
			}
		}
	}
}

// codedSum gives the code of the float sum the roll-up makes, rounded to
// the data's decimals, or declines: children of any decimals (more than
// the data's too), marks, exact cells, sums near the codes' limits.
func TestCodedSumIsTheFloatSum(t *testing.T) {
	// 0.3 − 0.1 − 0.2 is a hair below 0 in floats, which rounds to −0:
	// never coded as 0 (+0)
	for _, codes := range [][]int32{{3000, -1000, -2000}, {-1000, -2000, 3000}} {
		pl := rollPlan{decimals: 1, scale: 10, step: 1000}
		if code, ok := pl.codedSum(recordOfCodes(codes), []int{0, 1, 2}); ok {
			t.Errorf("codes %v coded as %d", codes, code)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	children := []int{0, 1, 2, 3, 4, 5, 6}
	taken := 0
	for i := range 300000 {
		dec := rng.IntN(5)
		pl := rollPlan{decimals: dec, scale: math.Pow10(dec), step: int64(tenThousandths[dec])}
		codes := make([]int32, len(children))
		for c := range codes {
			switch k := rng.IntN(50); {
			case k == 0:
				codes[c] = []int32{scoreMissing, scoreNotApplicable, scoreExact}[rng.IntN(3)]
			case k == 1:
				codes[c] = int32(math.MaxInt32 - rng.IntN(1000)) // near the limit
			case k < 10: // more decimals than the data's
				codes[c] = int32(rng.IntN(1000000))
			default: // the data's decimals
				codes[c] = int32(rng.IntN(100000)) / int32(pl.step) * int32(pl.step)
			}
			if i%7 == 0 && rng.IntN(3) == 0 { // a negative part among others (an error, read all the same)
				codes[c] = -codes[c]
			}
		}
		code, ok := pl.codedSum(recordOfCodes(codes), children)
		if !ok {
			continue
		}
		taken++
		sum := 0.0
		for _, n := range codes {
			sum += float64(n) / scoreUnit
		}
		want := math.Round(sum*pl.scale) / pl.scale
		if got := float64(code) / scoreUnit; math.Float64bits(got) != math.Float64bits(want) { // -0 included
			t.Fatalf("codes %v, %d decimals: coded sum %d (%v), the float sum rounds to %v", codes, dec, code, got, want)
		}
	}
	if taken < 50000 {
		t.Errorf("codedSum took only %d of 300,000 sums (the cases are drawn for about 85,000)", taken)
	}
}

// recordOfCodes is a record whose cells have the codes given, narrow when
// they all fit.
func recordOfCodes(codes []int32) *Record {
	var r Record
	r.putCodes(nil, codes)
	return &r
}

// A narrow cell's hundredths decode to the very float its ten-thousandths
// code does, and the marks keep their meaning both ways; a code that is
// not whole hundredths within ±327 is refused.
func TestNarrowCodesAreTheWideCodes(t *testing.T) {
	for n := math.MinInt16; n <= math.MaxInt16; n++ {
		m := int16(n)
		code := wideCode(m)
		back, ok := narrowCode(code)
		if !ok || back != m {
			t.Fatalf("narrow %d: code %d comes back %d, %v", m, code, back, ok)
		}
		if m > narrowExact {
			if code != int32(m)*100 {
				t.Fatalf("narrow %d: code %d", m, code)
			}
			if math.Float64bits(float64(m)/narrowUnit) != math.Float64bits(float64(code)/scoreUnit) {
				t.Fatalf("narrow %d reads %v, its code %v", m, float64(m)/narrowUnit, float64(code)/scoreUnit)
			}
		}
	}
	for code, want := range map[int32]int16{scoreMissing: narrowMissing, scoreNotApplicable: narrowNotApplicable, scoreExact: narrowExact} {
		if got, ok := narrowCode(code); !ok || got != want || wideCode(want) != code {
			t.Errorf("mark %d: narrow %d, %v", code, got, ok)
		}
	}
	for _, code := range []int32{1, 99, -50, 12345, 3276800, -3276600, int32(narrowExact) * 100, math.MaxInt32, scoreExact + 1} {
		if got, ok := narrowCode(code); ok {
			t.Errorf("code %d taken as narrow %d", code, got)
		}
	}
}

// A record is narrow while every code fits, and turns wide, keeping every
// score, when one does not: set whole, set one cell, rolled up or extended.
func TestRecordsTurnWideWhenACodeDoesNotFit(t *testing.T) {
	var r Record
	r.SetScores([]float64{97.31, -3.5, Missing, NotApplicable, 327.67, 0.123456})
	if r.wideScores || len(r.scores) != 6 {
		t.Fatalf("two-decimal scores: wide %v, %d cells", r.wideScores, len(r.scores))
	}
	want := []float64{97.31, -3.5, Missing, NotApplicable, 327.67, 0.123456}
	same := func(what string) {
		t.Helper()
		if r.NumScores() != len(want) {
			t.Fatalf("%s: %d scores, want %d", what, r.NumScores(), len(want))
		}
		for i, w := range want {
			if got := r.Score(i); math.Float64bits(got) != math.Float64bits(w) {
				t.Fatalf("%s: score %d is %v, want %v", what, i, got, w)
			}
		}
	}
	same("narrow")
	r.setScore(1, 2.125)
	want[1] = 2.125
	if !r.wideScores || len(r.scores) != 12 {
		t.Fatalf("after 2.125: wide %v, %d cells", r.wideScores, len(r.scores))
	}
	same("widened")
	if !r.HasNotApplicable() || !r.notApplicableAt(3) || !r.missingAt(2) || r.missingAt(1) {
		t.Error("the marks are not read back from a wide record")
	}
	r.extendCodes(8)
	want = append(want, Missing, Missing)
	same("wide, extended")
	r.SetScores([]float64{400, 1.5})
	if !r.wideScores {
		t.Error("400 kept narrow")
	}
	want = []float64{400, 1.5}
	same("set wide")

	// a roll-up whose sum is beyond a narrow cell widens the record
	var q Record
	q.SetScores([]float64{200, 150.5})
	pl := rollPlan{parents: []rollParent{{p: 2, children: []int{0, 1}}}, n: 3, decimals: 2, scale: 100, step: 100}
	recs := []Record{q}
	pl.roll(recs, 0, 1)
	r, want = recs[0], []float64{200, 150.5, 350.5}
	if !r.wideScores {
		t.Error("a sum of 350.5 kept narrow")
	}
	same("rolled up")
	r.extendCodes(4)
	want = append(want, Missing)
	same("wide, extended")
}

// mixedScore is a score of 2, 3, 4 or 6 decimals, or an empty cell; the
// first rows of a file are two-decimal, so the narrow slots fill first.
func mixedScore(rng *rand.Rand, row int) string {
	dec := 2
	if row >= 300 {
		switch k := rng.IntN(20); {
		case k < 5:
			dec = 3
		case k < 8:
			dec = 4
		case k < 9:
			dec = 6
		case k < 10:
			return ""
		}
	}
	return strconv.FormatFloat(float64(rng.IntN(10000000))/1e6, 'f', dec, 64)
}

// A wide file whose rows mix two-decimal scores with three, four and six
// decimals loads every score as written: columns in the components' order
// or not, areas rolled up or not. Rows of two-decimal scores stay narrow.
func TestWideLoadMixesNarrowAndWideRows(t *testing.T) {
	for _, layout := range []struct {
		name, header string
		cols         []string
		components   string // components.csv: the columns rearranged, areas rolled up
	}{
		{"criteria out of order, areas rolled up", "Tiêu chí 2.2,Tiêu chí 1.1,Tiêu chí 2.1,Tiêu chí 1.2", []string{"Tiêu chí 2.2", "Tiêu chí 1.1", "Tiêu chí 2.1", "Tiêu chí 1.2"},
			"code,name,max\nLV1,Lĩnh vực 1,20\nTC1.1,Tiêu chí 1.1,10\nTC1.2,Tiêu chí 1.2,10\nLV2,Lĩnh vực 2,20\nTC2.1,Tiêu chí 2.1,10\nTC2.2,Tiêu chí 2.2,10\n"},
		{"areas in the file's order", "Thể chế,Thủ tục,Bộ máy,Công vụ", []string{"Thể chế", "Thủ tục", "Bộ máy", "Công vụ"}, ""},
	} {
		t.Run(layout.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(21, 22))
			var sb strings.Builder
			sb.WriteString("year,unit," + layout.header + "\n")
			cells := map[string][]string{}
			for row := range 6000 {
				year, unit := 2023+row/3000, fmt.Sprintf("Sở %d", row%3000)
				fmt.Fprintf(&sb, "%d,%s", year, unit)
				key := fmt.Sprint(year, unit)
				for range layout.cols {
					c := mixedScore(rng, row)
					cells[key] = append(cells[key], c)
					sb.WriteString("," + c)
				}
				sb.WriteString("\n")
			}
			fsys := fstest.MapFS{"par.csv": &fstest.MapFile{Data: []byte(sb.String())}}
			if layout.components != "" {
				fsys["components.csv"] = &fstest.MapFile{Data: []byte(layout.components)}
			}
			r := ReadFS(fsys, ".", Options{})
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			ds := r.Dataset
			if layout.components != "" && len(ds.Components) != 6 {
				t.Fatalf("components %v", ds.Components)
			}
			wide := checkMixedLoad(t, ds, layout.cols, func(rec *Record, j int) string { return cells[fmt.Sprint(rec.Year, rec.Unit)][j] })
			if len(ds.Records) != 6000 || wide < 1000 || wide > 5900 { // the first rows are narrow
				t.Errorf("%d records, %d wide", len(ds.Records), wide)
			}
		})
	}
}

// A long file's scores load exactly whatever their decimals, a unit of
// two-decimal scores narrow, one of more decimals wide.
func TestLongLoadMixesNarrowAndWideRecords(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	var sb strings.Builder
	sb.WriteString("year,unit,component,score\n")
	comps := []string{"Thể chế", "Thủ tục", "Bộ máy"}
	cells := map[string][]string{}
	for u := range 2000 {
		unit := fmt.Sprintf("Sở %d", u)
		for _, c := range comps {
			text := mixedScore(rng, u)
			if text == "" {
				text = "1.5"
			}
			cells[unit] = append(cells[unit], text)
			fmt.Fprintf(&sb, "2024,%s,%s,%s\n", unit, c, text)
		}
	}
	r := ReadFS(fstest.MapFS{"long.csv": &fstest.MapFile{Data: []byte(sb.String())}}, ".", Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	ds := r.Dataset
	wide := checkMixedLoad(t, ds, comps, func(rec *Record, j int) string { return cells[rec.Unit][j] })
	if len(ds.Records) != 2000 || wide < 300 || wide > 1700 {
		t.Errorf("%d records, %d wide", len(ds.Records), wide)
	}
}

// checkMixedLoad checks every record's scores on the columns cols against
// the cells' text (cell gives record rec's cell in column j), and that a
// record is wide exactly when its scores need it; it returns how many are.
func checkMixedLoad(t *testing.T, ds *Dataset, cols []string, cell func(rec *Record, j int) string) (wide int) {
	t.Helper()
	idx := map[string]int{}
	for i, c := range ds.Components {
		idx[c.Name] = i
	}
	for i := range ds.Records {
		rec := &ds.Records[i]
		needWide := false
		for g := range rec.NumScores() {
			if code, ok := encodeScore(rec.Score(g)); ok {
				if _, fits := narrowCode(code); !fits {
					needWide = true
				}
			}
		}
		if rec.wideScores != needWide {
			t.Fatalf("%s %d: wide %v, its scores need wide %v", rec.Unit, rec.Year, rec.wideScores, needWide)
		}
		if needWide {
			wide++
		}
		for j, name := range cols {
			text := cell(rec, j)
			want := Missing
			if text != "" {
				want, _ = strconv.ParseFloat(text, 64)
			}
			if got := rec.Score(idx[name]); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("%s %d %s: %v, the cell says %q", rec.Unit, rec.Year, name, got, text)
			}
		}
	}
	return wide
}

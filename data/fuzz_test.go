package data

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// seeds returns the files of directories (not recursively), for seed corpora.
func seeds(dirs ...string) [][]byte {
	var out [][]byte
	for _, dir := range dirs {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if raw, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
				out = append(out, raw)
			}
		}
	}
	return out
}

// fuzzSeeds is testdata/fuzz/<name> at the repository's root.
func fuzzSeeds(name string) string { return filepath.Join("..", "testdata", "fuzz", name) }

// FuzzLoad feeds any bytes to the loader as a data file: it must never panic,
// and a load without errors must give a consistent dataset. Seeds: the bad
// and hostile corpora, the city sample and testdata/fuzz/load.
func FuzzLoad(f *testing.F) {
	for _, raw := range seeds(filepath.Join("..", "testdata", "bad"), filepath.Join("sample", "city"), fuzzSeeds("load"),
		filepath.Join("..", "testdata", "hostile"), filepath.Join("..", "testdata", "hostile", "reject"), filepath.Join("..", "testdata", "excel")) {
		if len(raw) <= 64<<10 { // the 5,000-column file makes the fuzzer crawl
			f.Add(raw)
		}
	}
	f.Add([]byte("\ufeffSTT;Năm;Tên đơn vị;Tổng điểm\r\n1;2021;Sở A;97,31\r\n"))
	f.Add([]byte("year,unit,component,score\n2021,A,C1,5\n"))
	f.Add([]byte("unit,1,1.1,1.2,2.1.1,TC2.2\nA,5,2,KPS,1.5,3\nB,,2.5,3,Không phát sinh,1\n"))       // the tree from codes
	f.Add([]byte("STT,Tên đơn vị,Lĩnh vực 1: Chỉ đạo,,Lĩnh vực 2\n,,1.1,1.2,2.1\n1,Sở A,2,3,KPS\n")) // merged headers
	f.Fuzz(func(t *testing.T, raw []byte) {
		fsys := fstest.MapFS{"f-2021.csv": &fstest.MapFile{Data: raw}}
		r := ReadFS(fsys, ".", Options{})
		if r.Err() != nil {
			return
		}
		checkConsistent(t, r.Dataset)
	})
}

// longHeader is the header FuzzLoadLong puts above the fuzzer's rows.
const longHeader = "year,index,bloc,unit_code,unit,component,score\n"

// FuzzLoadLong feeds any bytes as the rows of a long-format file (one row
// per unit, year and component), with a components.csv that gives maxima,
// and one more row whose score is the fuzzer's float64 written as style
// says (numberStyle): the loader must never panic, a load without errors is
// consistent, and a plain score it accepts is read to the bit.
// Seeds: testdata/fuzz/long.
func FuzzLoadLong(f *testing.F) {
	f.Add([]byte("2021,PAR,Sở,A,Sở A,C1,5\n2021,PAR,Sở,A,Sở A,C2,7.5\n2022,PAR,Sở,A,Sở A,C1,6\n"), 97.31, uint8(0))
	f.Add([]byte("2021,,,,Sở A,Chỉ đạo,\n2021,,,,Sở A,Chỉ đạo,3\n"), 0.0, uint8(3))
	f.Add([]byte("2021;PAR;Sở;A;\"Sở\nA\";C1;5,5\n"), 91.77, uint8(2))
	for i, v := range []float64{math.MaxFloat64, math.SmallestNonzeroFloat64, 1e300, 1e-300, 9.22e16, 12345678901234567890, math.Copysign(0, -1), 100, 0.1} {
		f.Add([]byte("2021,PAR,Sở,A,Sở A,C1,5\n"), v, uint8(i))
	}
	for i, raw := range seeds(fuzzSeeds("long")) {
		f.Add(raw, float64(i)*12.25, uint8(i))
	}
	f.Fuzz(func(t *testing.T, rows []byte, score float64, style uint8) {
		cell, plain := numberStyle(score, style)
		extra := "2021,PAR,Sở,ZZ,Sở Z,Z9," + cell + "\n"
		fsys := fstest.MapFS{
			"par-long.csv":   &fstest.MapFile{Data: append([]byte(longHeader+extra), rows...)},
			"components.csv": &fstest.MapFile{Data: []byte("code,name,max\nC1,Chỉ đạo,10\nC2,Thể chế,8\n")},
		}
		r := ReadFS(fsys, ".", Options{})
		if r.Err() != nil {
			return
		}
		checkConsistent(t, r.Dataset)
		for _, f := range r.Dataset.Files {
			if f.Name == "par-long.csv" && f.Kind != "long" {
				t.Fatalf("a long file read as %s", f.Kind)
			}
		}
		if !plain || bytes.Contains(rows, []byte("ZZ")) || bytes.Contains(rows, []byte("Z9")) {
			return
		}
		z := slices.IndexFunc(r.Dataset.Components, func(c Component) bool { return c.Name == "Z9" })
		for _, rec := range r.Dataset.Records {
			if rec.UnitCode == "ZZ" && rec.Year == 2021 && rec.Index == "PAR" && z >= 0 {
				if got := rec.Score(z); got != score {
					t.Fatalf("%q read as %v, want %v", cell, got, score)
				}
			}
		}
	})
}

// numberStyle writes v as people, Excel and the press do, one way per style
// (mod 8): shortest round-trip digits, every digit of a huge or tiny value,
// a decimal comma, a trailing "%", an exponent, thousands separators, a
// sign, two decimals. plain is true when the loader must read the cell as
// exactly v.
func numberStyle(v float64, style uint8) (cell string, plain bool) {
	switch style % 8 {
	case 0:
		return strconv.FormatFloat(v, 'f', -1, 64), !math.Signbit(v) || v == 0
	case 1:
		return strconv.FormatFloat(v, 'f', 330, 64), false // rounded at 330 decimals: not v for the tiniest
	case 2:
		return "\"" + strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1) + "\"", false // the other mark, in a point file
	case 3:
		return strconv.FormatFloat(v, 'f', -1, 64) + "%", false
	case 4:
		return strconv.FormatFloat(v, 'e', -1, 64), false
	case 5:
		return "\"" + groupThousands(strconv.FormatFloat(v, 'f', 2, 64)) + "\"", false
	case 6:
		return "-" + strconv.FormatFloat(v, 'f', -1, 64), false
	}
	return strconv.FormatFloat(v, 'f', 2, 64), false
}

// groupThousands writes "1234567.89" as "1,234,567.89".
func groupThousands(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	sign := ""
	if strings.HasPrefix(intPart, "-") {
		sign, intPart = "-", intPart[1:]
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + "." + frac
}

// FuzzSidecars feeds any bytes as each sidecar file next to a valid data file.
// Seeds: testdata/fuzz/sidecars/{components,grades,units}, taken in step.
func FuzzSidecars(f *testing.F) {
	c, g, u := seeds(fuzzSeeds("sidecars/components")), seeds(fuzzSeeds("sidecars/grades")), seeds(fuzzSeeds("sidecars/units"))
	for i := 0; i < max(len(c), len(g), len(u)); i++ {
		at := func(s [][]byte) []byte {
			if len(s) == 0 {
				return nil
			}
			return s[i%len(s)]
		}
		f.Add(at(c), at(g), at(u))
	}
	f.Add([]byte("code,component,max\nC1,Chỉ đạo,10\n"), []byte("grade,min\nTốt,80\nKhá,0\n"), []byte("unit_code,unit,aliases,successor_code\nA,Sở A,Sở Á,B\n"))
	f.Add([]byte("code,name,max,parent\n1,Chỉ đạo,10,\nC1,Kế hoạch,4,1\n1.2,Báo cáo,6,\n"), []byte("grade,min,basis\nTốt,80,percent_of_applicable\nKhá,,percent_of_applicable\n"), []byte(""))
	f.Add([]byte("mã;thành phần;điểm tối đa\nC1;Chỉ đạo;10,5\n"), []byte("xếp loại;điểm tối thiểu;khối\nNhóm I;90;Sở\n"), []byte(""))
	f.Add([]byte(""), []byte("grade,min,bloc,from_year,to_year\nTốt,80,Sở,2018,2021\nKhá,,Sở,2018,2021\nTốt,85,Sở,2022,\n"), []byte("unit_code,unit,successor_code\nA,Sở A,B\nB,Sở B,C\nC,Sở C,\n"))
	f.Add([]byte(""), []byte(""), []byte("unit_code;unit;successor_code;effective_year;weight\nA;Sở A;B;2025;0,4\nA;Sở A;C;2025;60%\nD;Sở D;B;2025;\n"))
	f.Fuzz(func(t *testing.T, comps, grades, units []byte) {
		fsys := fstest.MapFS{
			"par-2021.csv":   &fstest.MapFile{Data: []byte("khối,mã,đơn vị,C1,tổng điểm,xếp loại\nSở,A,Sở A,9,9,Tốt\nSở,B,Sở B,8,8,\n")},
			"components.csv": &fstest.MapFile{Data: comps},
			"grades.csv":     &fstest.MapFile{Data: grades},
			"units.csv":      &fstest.MapFile{Data: units},
		}
		r := ReadFS(fsys, ".", Options{})
		if r.Err() != nil {
			return
		}
		checkConsistent(t, r.Dataset)
		checkSidecarRules(t, r.Dataset)
	})
}

// checkConsistent asserts what every successful load guarantees.
func checkConsistent(t *testing.T, ds *Dataset) {
	t.Helper()
	if len(ds.Records) == 0 {
		t.Fatal("a successful load has records")
	}
	type key struct {
		index string
		year  int
		unit  string
	}
	seen := map[key]bool{}
	for i, r := range ds.Records {
		if r.Unit == "" || r.UnitID == "" || r.Index == "" || r.Bloc == "" || r.Year < 1900 {
			t.Fatalf("record %d incomplete: %+v", i, r)
		}
		k := key{r.Index, r.Year, r.UnitID}
		if seen[k] {
			t.Fatalf("duplicate record %+v", k)
		}
		seen[k] = true
		if r.HasTotal() && r.Total < 0 {
			t.Fatalf("negative total %+v", r)
		}
		if r.NumScores() > len(ds.Components) {
			t.Fatalf("record has %d scores for %d components", r.NumScores(), len(ds.Components))
		}
		if i > 0 && ds.Records[i-1].Index == r.Index && ds.Records[i-1].Year > r.Year {
			t.Fatalf("records not sorted by year at %d", i)
		}
	}
}

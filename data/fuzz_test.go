package data

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds any bytes to the loader as a data file: it must never panic,
// and a load without errors must give a consistent dataset.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{filepath.Join("..", "testdata", "bad"), filepath.Join("sample", "city"), filepath.Join("..", "testdata", "fuzz")} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if raw, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
				f.Add(raw)
			}
		}
	}
	f.Add([]byte("\ufeffSTT;Năm;Tên đơn vị;Tổng điểm\r\n1;2021;Sở A;97,31\r\n"))
	f.Add([]byte("year,unit,component,score\n2021,A,C1,5\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		fsys := fstest.MapFS{"f-2021.csv": &fstest.MapFile{Data: raw}}
		r := ReadFS(fsys, ".", Options{})
		if r.Err() != nil {
			return
		}
		checkConsistent(t, r.Dataset)
	})
}

// FuzzSidecars feeds any bytes as each sidecar file next to a valid data file.
func FuzzSidecars(f *testing.F) {
	f.Add([]byte("code,component,max\nC1,Chỉ đạo,10\n"), []byte("grade,min\nTốt,80\nKhá,0\n"), []byte("unit_code,unit,aliases,successor_code\nA,Sở A,Sở Á,B\n"))
	f.Add([]byte("mã;thành phần;điểm tối đa\nC1;Chỉ đạo;10,5\n"), []byte("xếp loại;điểm tối thiểu;khối\nNhóm I;90;Sở\n"), []byte(""))
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
		if len(r.Scores) > len(ds.Components) {
			t.Fatalf("record has %d scores for %d components", len(r.Scores), len(ds.Components))
		}
		if i > 0 && ds.Records[i-1].Index == r.Index && ds.Records[i-1].Year > r.Year {
			t.Fatalf("records not sorted by year at %d", i)
		}
	}
}

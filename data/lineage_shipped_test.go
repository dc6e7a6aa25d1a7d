package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestVNProvinces2025: the shipped 2025 merger has 63 predecessors, 34
// successors and 11 unchanged provinces, and every successor is one of its
// own predecessors (each keeps a predecessor's name).
func TestVNProvinces2025(t *testing.T) {
	l, ok := LookupLineage("vn-provinces-2025")
	if !ok {
		t.Fatalf("not shipped; have %v", ShippedLineages())
	}
	preds, succs := map[string]bool{}, map[string]int{}
	for _, p := range l.Pairs {
		k := ProvinceKey(p[0])
		if preds[k] {
			t.Errorf("%s listed twice", p[0])
		}
		preds[k] = true
		succs[ProvinceKey(p[1])]++
	}
	unchanged := 0
	for s, n := range succs {
		if n == 1 {
			unchanged++
		}
		if !preds[s] {
			t.Errorf("successor %s is none of its predecessors", s)
		}
	}
	if len(preds) != 63 || len(succs) != 34 || unchanged != 11 || l.Year != 2025 {
		t.Errorf("%d predecessors, %d successors, %d unchanged, year %d; want 63, 34, 11, 2025", len(preds), len(succs), unchanged, l.Year)
	}
	if got := strings.Join(l.Predecessors("Ninh Bình"), ", "); got != "Ninh Bình, Hà Nam, Nam Định" {
		t.Errorf("Ninh Bình from %s", got)
	}
	if got := strings.Join(l.Predecessors("Huế"), ", "); got != "Thừa Thiên Huế" {
		t.Errorf("Huế from %s", got)
	}
}

// TestProvinceKey: province names as the press writes them.
func TestProvinceKey(t *testing.T) {
	cases := []struct{ name, want string }{
		{"Tỉnh Ninh Bình", "ninh binh"},
		{"NINH BÌNH", "ninh binh"},
		{"Ninh Bi\u0300nh", "ninh binh"}, // NFD
		{"Thành phố Hà Nội", "ha noi"},
		{"TP. Hồ Chí Minh", "ho chi minh"},
		{"TP HCM", "ho chi minh"},
		{"TPHCM", "ho chi minh"},
		{"Hồ Chí Minh", "ho chi minh"},
		{"Thừa Thiên Huế", "hue"},
		{"Thừa Thiên - Huế", "hue"},
		{"Tỉnh Thừa Thiên Huế", "hue"},
		{"Thành phố Huế", "hue"},
		{"Bà Rịa-Vũng Tàu", "ba ria vung tau"},
		{"Bà Rịa – Vũng Tàu", "ba ria vung tau"},
		{"Hoà Bình", "hoa binh"},
		{"Thanh Hoá", "thanh hoa"},
		{"Đắk Lắk", "dak lak"},
	}
	for _, c := range cases {
		if got := ProvinceKey(c.name); got != c.want {
			t.Errorf("ProvinceKey(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestApplyShippedLineage: --lineage vn-provinces-2025 joins the data's own
// units, however they are spelled; unchanged provinces keep their identity.
func TestApplyShippedLineage(t *testing.T) {
	par := "year,unit,total\n" +
		"2024,Tỉnh Ninh Bình,90\n2024,Tỉnh Hà Nam,85\n2024,Tỉnh Nam Định,80\n2024,Thừa Thiên Huế,88\n2024,Hà Nội,91\n2024,TP. Hồ Chí Minh,87\n2024,Bình Dương,86\n2024,Bà Rịa-Vũng Tàu,84\n" +
		"2025,Ninh Bình,92\n2025,Huế,89\n2025,Thành phố Hà Nội,93\n2025,TP HCM,90\n"
	r := readFilesOpt(t, map[string]string{"par.csv": par}, Options{Lineage: "vn-provinces-2025"})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Dataset.Successions() {
		got = append(got, fmt.Sprintf("%s→%s@%d", s.From, s.To, s.Year))
	}
	want := []string{
		"~ba ria vung tau→~tp hcm@2025", "~binh duong→~tp hcm@2025", "~tp ho chi minh→~tp hcm@2025",
		"~ha noi→~thanh pho ha noi@2025", "~thua thien hue→~hue@2025",
		"~tinh ha nam→~ninh binh@2025", "~tinh nam dinh→~ninh binh@2025", "~tinh ninh binh→~ninh binh@2025",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("successions\n got  %q\n want %q", got, want)
	}

	for _, c := range []struct{ name, par, want string }{
		{"unknown", "year,unit,total\n2024,Hà Nam,1\n", `unknown lineage "vn-districts"`},
		{"no match", "year,unit,total\n2024,Sở Nội vụ,1\n", "lineage vn-provinces-2025 matches no unit of the data"},
		{"merged away, still there", "year,unit,total\n2024,Hà Nam,1\n2025,Hà Nam,2\n2025,Ninh Bình,3\n", "Hà Nam has results from 2025, when it was part of Ninh Bình"},
	} {
		t.Run(c.name, func(t *testing.T) {
			name := "vn-provinces-2025"
			if c.name == "unknown" {
				name = "vn-districts"
			}
			r := readFilesOpt(t, map[string]string{"par.csv": c.par}, Options{Lineage: name})
			var msgs []string
			for _, i := range r.Issues {
				msgs = append(msgs, i.String())
			}
			if !strings.Contains(strings.Join(msgs, "\n"), c.want) {
				t.Errorf("want %q in\n%s", c.want, strings.Join(msgs, "\n"))
			}
		})
	}
}

// TestSuggestLineage: check offers the 2025 merger for a province table
// holding 2024 and 2025, and not for a department table.
func TestSuggestLineage(t *testing.T) {
	var b strings.Builder
	b.WriteString("year,unit,total\n")
	l, _ := LookupLineage("vn-provinces-2025")
	for i, p := range l.Pairs {
		fmt.Fprintf(&b, "2024,Tỉnh %s,%d\n", p[0], 50+i)
		if p[0] == p[1] {
			fmt.Fprintf(&b, "2025,%s,%d\n", p[1], 60+i)
		}
	}
	r := readFiles(t, map[string]string{"par.csv": b.String()})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if name, before, after, ok := SuggestLineage(r.Dataset); !ok || name != "vn-provinces-2025" || before != 63 || after != 33 {
		t.Errorf("suggest %q %d %d %v; want vn-provinces-2025, 63 names before, 33 after (Huế is not its predecessor's name)", name, before, after, ok)
	}
	r = readFiles(t, map[string]string{"par.csv": sidecarData})
	if name, _, _, ok := SuggestLineage(r.Dataset); ok {
		t.Errorf("suggested %s for departments", name)
	}
}

func readFilesOpt(t *testing.T, files map[string]string, opt Options) *Result {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return ReadFS(fsys, ".", opt)
}

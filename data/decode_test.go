package data

import (
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// cp1258 writes s as a Windows-1258 export does.
func cp1258(t *testing.T, s string) string {
	t.Helper()
	out, err := charmap.Windows1258.NewEncoder().String(toneMarksApart(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The encoding is decided by the whole file: a few bytes that are not UTF-8
// in a UTF-8 file are repaired, not a reason to read it as Windows-1258.
func TestDecodeByEvidence(t *testing.T) {
	viet := "Tên đơn vị,Ghi chú\nSở Nội vụ,Đạt\nhuyện Hòa Vang,ổn định\nỦy ban nhân dân,được\n"
	ascii := "unit,note\n" + strings.Repeat("Unit A,fine\n", 200)
	tests := []struct {
		name    string
		raw     string
		enc     string // "" = refused
		text    string // the decoded text
		bad     int    // bytes shown as U+FFFD
		badByte int    // offset of the first
	}{
		{"stray 0xA0 in UTF-8", strings.Replace(viet, "Đạt", "Đạt\xa0", 1), "UTF-8",
			strings.Replace(viet, "Đạt", "Đạt\uFFFD", 1), 1, strings.Index(viet, "Đạt") + len("Đạt")},
		{"two stray bytes in one cell", strings.Replace(viet, "được", "\x93được\x94", 1), "UTF-8",
			strings.Replace(viet, "được", "\uFFFDđược\uFFFD", 1), 2, strings.Index(viet, "được")},
		{"Windows-1258", cp1258(t, viet), "Windows-1258", viet, 0, 0},
		{"Windows-1258 NFD from a Mac", cp1258(t, norm.NFD.String(viet)), "Windows-1258", viet, 0, 0},
		{"UTF-8 with BOM and a stray byte", "\ufeff" + strings.Replace(viet, "vụ", "vụ\xff", 1), "UTF-8 with BOM",
			strings.Replace(viet, "vụ", "vụ\uFFFD", 1), 1, 3 + strings.Index(viet, "vụ") + len("vụ")},
		{"ASCII with one stray byte", strings.Replace(ascii, "fine", "fi\xa0ne", 1), "UTF-8",
			strings.Replace(ascii, "fine", "fi\uFFFDne", 1), 1, strings.Index(ascii, "fine") + 2},
		// Windows-1258 that is not Vietnamese (fractions, ÿ) explains the
		// bytes no better than a repair does.
		{"not Vietnamese", strings.Replace(ascii, "fine", "\xbc\xbd\xff", 1), "UTF-8",
			strings.Replace(ascii, "fine", "\uFFFD\uFFFD\uFFFD", 1), 3, strings.Index(ascii, "fine")},
		// Half a file in each: UTF-8 is the better explanation (ten to one
		// is needed for Windows-1258).
		{"mixed", viet + cp1258(t, "Sở Tư pháp,Đạt\n"), "UTF-8", "", 6, len(viet) + 1},
		{"binary", "unit,total\n\x8a\x8d\x8f\x90\x9d\x8a\x8d\x8f\x90\x9d,80\n", "", "", 10, len("unit,total\n")},
		// Neither explains it: refused, naming the first byte UTF-8 cannot read.
		{"Windows-1258 with an undefined byte", cp1258(t, viet) + "\x81", "", "", 27, len("T")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, bad, err := decode([]byte(tt.raw))
			if tt.enc == "" {
				if err == nil {
					t.Fatalf("read as %s, want refused", enc)
				}
				if len(bad) != tt.bad || bad[0] != tt.badByte {
					t.Errorf("bad bytes at %v, want %d from %d", bad, tt.bad, tt.badByte)
				}
				return
			}
			if err != nil || enc != tt.enc {
				t.Fatalf("read as %q (%v), want %q", enc, err, tt.enc)
			}
			if tt.text != "" && string(text) != tt.text {
				t.Errorf("text %q\nwant %q", text, tt.text)
			}
			if tt.bad > 0 && (len(bad) != tt.bad || bad[0] != tt.badByte) {
				t.Errorf("bad bytes at %v, want %d from %d", bad, tt.bad, tt.badByte)
			}
			if tt.bad > 0 && tt.enc != "UTF-8 with BOM" && strings.Count(string(text), "\uFFFD") != len(bad) {
				t.Errorf("%d bad bytes but %d U+FFFD", len(bad), strings.Count(string(text), "\uFFFD"))
			}
		})
	}
}

// A stray byte is reported where it is, by line and cell, and the units
// keep their names (and so their history).
func TestBadBytesWarned(t *testing.T) {
	body := "Năm,Tên đơn vị,\"Ghi chú\nnhiều dòng\",Tổng điểm\n" +
		"2022,Sở Nội vụ,\"dòng một\ndòng\xa0hai\",90\n" +
		"2022,Sở Tư pháp,\x93x\x94,85\n"
	r := readFiles(t, map[string]string{"p.csv": body, "q.csv": "Năm,Tên đơn vị,Tổng điểm\n2021,Sở Nội vụ,80\n2021,Sở Tư pháp,70\n"})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range r.Issues {
		got = append(got, is.String())
	}
	want := []string{
		`p.csv:4:3: warning: byte 0xA0 is not UTF-8, shown as "` + "\uFFFD" + `" (hint: the rest of the file is UTF-8: correct this cell, or save the file again as "CSV UTF-8")`,
		`p.csv:5:3: warning: bytes 0x93 0x94 are not UTF-8, shown as "` + "\uFFFD" + `" (hint: the rest of the file is UTF-8: correct this cell, or save the file again as "CSV UTF-8")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("issues:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := r.Dataset.Files[0]; f.Encoding != "UTF-8" {
		t.Errorf("p.csv read as %s", f.Encoding)
	}
	if n := r.Dataset.UnitCount(); n != 2 {
		t.Errorf("%d units across the two years, want 2", n)
	}
}

// More than 20 cells with bad bytes: 20 warnings, then how many more.
func TestBadBytesWarningsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("unit,total\n")
	for i := 0; i < 25; i++ {
		b.WriteString("Unit " + strings.Repeat("x", i) + "\xa0,80\n")
	}
	b.WriteString(strings.Repeat("Sở Nội vụ Đạt ", 10)) // enough UTF-8 to outweigh them
	b.WriteString(",1\n")
	r := readFiles(t, map[string]string{"f-2021.csv": b.String()})
	var warnings []Issue
	for _, is := range r.Issues {
		if is.Severity == Warning {
			warnings = append(warnings, is)
		}
	}
	if len(warnings) != 21 || warnings[19].Pos.Line != 21 || warnings[20].Msg != `5 more cells hold bytes that are not UTF-8, shown as "`+"\uFFFD"+`"` {
		t.Errorf("%d warnings: %v", len(warnings), warnings)
	}
}

// A NUL byte is refused wherever it is, in a text read on one core or in
// parts on several (the check shares the parts' pass with vietFast), and
// whatever else the text holds; a text without one is read.
func TestNULRefused(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	row := "Sở Nội vụ,Ủy ban nhân dân,97.31\n"
	big := strings.Repeat(row, (17<<20)/len(row)) // four parts of 4 MiB and more
	for _, c := range []struct {
		name, raw string
		refused   bool
	}{
		{"small, clean", row + row, false},
		{"small, NUL", row + "Sở A\x00,1\n", true},
		{"big, clean", big, false},
		{"big, NUL at the start", "\x00" + big, true},
		{"big, NUL in the middle", big[:len(big)/2] + "\x00" + big[len(big)/2:], true},
		{"big, NUL at the end", big + "\x00", true},
		{"big, not NFC and NUL", big + "Ủy\u0301\x00", true},
		{"big, ASCII and NUL", strings.Repeat("unit,90\n", 3<<20) + "\x00", true},
	} {
		_, _, _, err := decode([]byte(c.raw))
		if refused := err != nil; refused != c.refused {
			t.Errorf("%s: refused %v (%v), want %v", c.name, refused, err, c.refused)
		}
	}
}

// plainVietnamese checks a big text a block at a time: a character across
// a block's end is read whole, and a NUL byte or a byte vietFast refuses is
// found in any block.
func TestPlainVietnameseInBlocks(t *testing.T) {
	row := "Ủy ban nhân dân phường Hòa Khánh Bắc,97.31\n"
	for _, at := range []int{plainBlockBytes - 2, plainBlockBytes - 1, plainBlockBytes, 3*plainBlockBytes + 1} {
		// a run of three-byte letters from just before a block's end on
		text := []byte(strings.Repeat("a", at) + strings.Repeat("ắ", 5) + strings.Repeat(row, 2*plainBlockBytes/len(row)))
		if !plainVietnamese(text) {
			t.Fatalf("letters from byte %d: refused", at)
		}
		for _, bad := range []string{"\x00", "\xff", "e\u0301"} {
			for _, where := range []int{at + 3, len(text) - 1} {
				spoilt := append(append(append([]byte{}, text[:where]...), bad...), text[where:]...)
				if plainVietnamese(spoilt) {
					t.Errorf("letters from byte %d: %q at %d passed", at, bad, where)
				}
			}
		}
	}
}

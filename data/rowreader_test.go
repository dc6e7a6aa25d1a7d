package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// readAllCSV reads text with encoding/csv as the loaders used to: every
// record with its error and the line FieldPos(0) gives.
func readAllCSV(text []byte, comma rune, fields int) []string {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = fields
	r.ReuseRecord = true
	var out []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		line := 0
		if err == nil || errors.Is(err, csv.ErrFieldCount) {
			line, _ = r.FieldPos(0)
		}
		out = append(out, describeRecord(rec, err, line))
	}
}

func readAllRows(text []byte, comma rune, fields int) []string {
	r := newRowReader(text, comma, fields)
	var out []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		line := 0
		if err == nil || errors.Is(err, csv.ErrFieldCount) {
			line = r.recLine
		}
		out = append(out, describeRecord(rec, err, line))
	}
}

func describeRecord(rec []string, err error, line int) string {
	if err != nil && !errors.Is(err, csv.ErrFieldCount) {
		return "error " + err.Error()
	}
	return fmt.Sprintf("line %d %q %v", line, rec, err)
}

func checkRowReader(t *testing.T, text string, comma rune, fields int) {
	t.Helper()
	want := readAllCSV([]byte(text), comma, fields)
	got := readAllRows([]byte(text), comma, fields)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("text %q (comma %q, fields %d):\nencoding/csv:\n  %s\nrowReader:\n  %s", text, comma, fields,
			strings.Join(want, "\n  "), strings.Join(got, "\n  "))
	}
}

// The row reader gives what encoding/csv gives, on ordinary and broken text.
func TestRowReaderMatchesEncodingCSV(t *testing.T) {
	cases := []string{
		"", "\n", "a,b\n", "a,b", "a,b\r\n", "a,b\r", "a,\n", ",\n", "\r\n\r\na,b\r\n", "a,b\n\nc,d\n",
		`"a",b` + "\n", `"a,b",c` + "\r\n", `"a""b",c` + "\n", `"a"b,c` + "\n", `a"b,c` + "\n", `"a` + "\n" + `b",c` + "\n",
		`"a",` + "\n", `"",""` + "\n", `"a"` + "\r\n" + `b,c`, `"unclosed,c` + "\n" + "d,e\n", "a\rb,c\n", "a,b\r\r\n",
		"a,b,c\nd,e\n", "a\nb,c,d\n", `"a` + "\r\n" + `b",c` + "\r\n", "x,\"y\"\r", "\"a\",\"b\"\r\n\"c\",d",
		"2021,\"Sở, ban, ngành\",U1,Sở Nội vụ,9.5\n2021,\"Quận, huyện\",U2,Hòa Vang,8.25\n",
	}
	for _, c := range cases {
		for _, fields := range []int{1, 2, 3} {
			checkRowReader(t, c, ',', fields)
		}
		checkRowReader(t, strings.ReplaceAll(c, ",", ";"), ';', 2)
		checkRowReader(t, strings.ReplaceAll(c, ",", "\t"), '\t', 2)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", ",", ",", "\"", "\n", "\r", "\r\n", " ", "é", ";", "\"\""}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		checkRowReader(t, sb.String(), ',', 1+rng.IntN(3))
	}
}

func FuzzRowReader(f *testing.F) {
	f.Add("a,b\n\"c,d\",e\r\n", 2)
	f.Add("\"a\nb\",c\nd\"e,f\n", 2)
	f.Fuzz(func(t *testing.T, text string, fields int) {
		if fields < 1 || fields > 8 {
			return
		}
		checkRowReader(t, text, ',', fields)
	})
}

func BenchmarkRowReader(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&sb, "2021,\"Xã, phường, thị trấn\",U%05d,Phường Hòa Khánh Bắc %d,Tốt,Tiêu chí %d.%d,%d.%02d\n", i/30, i/30, i%8, i%4, i%10, i%100)
	}
	text := []byte(sb.String())
	b.Run("rowReader", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			r := newRowReader(text, ',', 7)
			for {
				if _, err := r.Read(); err != nil {
					break
				}
			}
		}
	})
	b.Run("encoding_csv", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(text))
			r.ReuseRecord = true
			for {
				if _, err := r.Read(); err != nil {
					break
				}
			}
		}
	})
}

// vietFast never says yes where the two checks it stands for say no.
func TestVietFast(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", ",", "\n", "ệ", "Đ", "ư", "à", "\u0300", "\xc3", "\xe1\xba", "\xe1\xbb\xa3", "€", "\xff", "ɏ", "\u0250", "ₐ"}
	for i := 0; i < 50000; i++ {
		var sb strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b := []byte(sb.String())
		if vietFast(b) && !(utf8.Valid(b) && isNFC(b) && norm.NFC.IsNormal(b)) {
			t.Fatalf("vietFast(%q) = true", b)
		}
	}
}

package data

import (
	"encoding/csv"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPlainNumbers reads text with a rowReader that reads the wanted
// fields as numbers while it cuts them (readNumbers) and fails unless it
// gives encoding/csv's records, and for each wanted field of each record
// exactly what parsePlain gives: the same ok, and then the same float64 bits
// and decimals count.
func checkPlainNumbers(t *testing.T, text string, comma rune, mark byte, fields int, want []int) {
	t.Helper()
	r := newRowReader([]byte(text), comma, fields)
	r.readNumbers(want, mark)
	var got []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if err == nil || errors.Is(err, csv.ErrFieldCount) {
			line = r.recLine
		}
		got = append(got, describeRecord(rec, err, line))
		if rec == nil {
			continue
		}
		for _, f := range want {
			v, dec, ok := r.plainNumber(f)
			if f >= len(rec) {
				if ok {
					t.Fatalf("text %q (comma %q, mark %q): field %d of a %d-field record read as %v", text, comma, mark, f, len(rec), v)
				}
				continue
			}
			wv, wdec, wok := parsePlain(rec[f], mark)
			if ok != wok || ok && (math.Float64bits(v) != math.Float64bits(wv) || dec != wdec) {
				t.Fatalf("text %q (comma %q, mark %q): field %d %q read as (%v, %d, %v); parsePlain gives (%v, %d, %v)",
					text, comma, mark, f, rec[f], v, dec, ok, wv, wdec, wok)
			}
			// the code the reader works out is the one encodeScore gives
			if code := r.plainCode(f); ok && code != scoreExact {
				if want, wantOK := encodeScore(v); code != want || !wantOK {
					t.Fatalf("text %q (comma %q, mark %q): field %d %q coded %d; encodeScore gives %d, %v", text, comma, mark, f, rec[f], code, want, wantOK)
				}
			}
		}
	}
	if wantRecs := readAllCSV([]byte(text), comma, fields); strings.Join(got, "\n") != strings.Join(wantRecs, "\n") {
		t.Fatalf("text %q (comma %q, fields %d): reading numbers changed the records:\nencoding/csv:\n  %s\nrowReader:\n  %s",
			text, comma, fields, strings.Join(wantRecs, "\n  "), strings.Join(got, "\n  "))
	}
}

// The numbers the row reader reads while cutting fields are parsePlain's,
// and reading them changes no record.
func TestRowReaderPlainNumbers(t *testing.T) {
	cases := []string{
		"97.31,8.5,10\n", "0,00,0.0\n", ".5,5.,.\n", "1.2.3,1..2,..\n", ",,\n", "7,,\n", ",7,\r\n",
		"-1,+1,1-\n", " 9.5,9.5 ,9 .5\n", "\u00a09.5,9.5%,1e5\n", "0x1F,NaN,Inf\n",
		"123456789012345,1234567890123456,12345678901234.5\n", "1234567890123456.,.1234567890123456,00000000000000001\n",
		"99999999999999999999,18446744073709551616,1.8446744073709551617\n",
		"\"97.31\",\"8,5\",\"\"\n", "\"1\"\"2\",3,4\n", "\"1\n2\",3,4\n", "1\r2,3,4\n", "1,2\"3,4\n",
		"1,2\n3,4,5\n", "1,2,3,4\n5,6,7\n", "9,8,7\r\n\r\n6,5,4", "2.5,3.25,4.125\r", "\"2.5\"\r\n3,4,5\n",
		"1,2,3\n\"open,4,5\n6,7,8\n", "0.1,0.2,0.3\n0.30000000000000004,1.7976931348623157,4.9406564584124654\n",
	}
	for _, c := range cases {
		for _, mark := range []byte{'.', ','} {
			checkPlainNumbers(t, c, ',', mark, 3, []int{0, 1, 2})
			checkPlainNumbers(t, c, ',', mark, 3, []int{1})
			checkPlainNumbers(t, strings.ReplaceAll(c, ",", ";"), ';', mark, 3, []int{0, 2})
			checkPlainNumbers(t, strings.ReplaceAll(c, ",", "\t"), '\t', mark, 3, []int{0, 1, 2})
		}
		// a digit as the delimiter (sniffDelimiter never picks one)
		checkPlainNumbers(t, strings.ReplaceAll(c, ",", "5"), '5', '.', 3, []int{0, 1, 2})
		// a decimal comma in a semicolon file: "8,5" is one field
		checkPlainNumbers(t, strings.ReplaceAll(strings.ReplaceAll(c, ".", ","), ",", ";"), ';', ',', 3, []int{0, 1, 2})
	}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"0", "1", "5", "9", "31", "123456789", "1234567890123456", ".", ",", ";", "-", "+", " ",
		"\u00a0", "\"", "\"\"", "\r", "\n", "\r\n", "e", "%", "a", "\t"}
	for i := 0; i < 30000; i++ {
		var sb strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		comma := []rune{',', ';', '\t'}[rng.IntN(3)]
		mark := []byte{'.', ','}[rng.IntN(2)]
		fields := 1 + rng.IntN(4)
		var want []int
		for f := range fields {
			if rng.IntN(3) > 0 {
				want = append(want, f)
			}
		}
		checkPlainNumbers(t, sb.String(), comma, mark, fields, want)
	}
}

func FuzzRowReaderPlainNumbers(f *testing.F) {
	f.Add("97.31,8.5,\"10\"\n1234567890123456,-1,\r\n", 3, byte(','), false)
	f.Add("97,31;8,5;\"10,0\"\r\n.5;5.;1,2,3\n", 3, byte(';'), true)
	f.Fuzz(func(t *testing.T, text string, fields int, comma byte, decimalComma bool) {
		if fields < 1 || fields > 8 || comma != ',' && comma != ';' && comma != '\t' && comma != '|' {
			return
		}
		mark := byte('.')
		if decimalComma {
			mark = ','
		}
		all := make([]int, fields)
		for i := range all {
			all[i] = i
		}
		checkPlainNumbers(t, text, rune(comma), mark, fields, all)
		checkPlainNumbers(t, text, rune(comma), mark, fields, all[fields/2:])
	})
}

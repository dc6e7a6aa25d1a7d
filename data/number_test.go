package data

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestReadNumber(t *testing.T) {
	tests := []struct {
		in       string
		mark     byte
		want     float64
		decimals int
		percent  bool
		fault    numberFault
	}{
		{"97.31", '.', 97.31, 2, false, numberOK},
		{"97,31", ',', 97.31, 2, false, numberOK},
		{" 97.31 ", '.', 97.31, 2, false, numberOK},
		{"97\u00a0", '.', 97, 0, false, numberOK},
		{"\u00a097,5\u202f", ',', 97.5, 1, false, numberOK},
		{"101.69", '.', 101.69, 2, false, numberOK},
		{"0", '.', 0, 0, false, numberOK},
		{"-3", '.', -3, 0, false, numberOK},
		{"+3,5", ',', 3.5, 1, false, numberOK},
		{".5", '.', 0.5, 1, false, numberOK},
		{"1234,5", ',', 1234.5, 1, false, numberOK},
		{"1234567.891", '.', 1234567.891, 3, false, numberOK},
		{"1.234", '.', 1.234, 3, false, numberOK}, // the file's own mark: a plain decimal
		{"1,234", ',', 1.234, 3, false, numberOK},
		// -0 is 0, not a negative zero
		{"-0", '.', 0, 0, false, numberOK},
		{"-0,00", ',', 0, 2, false, numberOK},
		// the index as the press writes it
		{"91,77%", ',', 91.77, 2, true, numberOK},
		{"91.77 %", '.', 91.77, 2, true, numberOK},
		{"100%", '.', 100, 0, true, numberOK},
		// the other mark
		{"97.31", ',', 0, 0, false, otherMark},
		{"97,31", '.', 0, 0, false, otherMark},
		{"1234,5", '.', 0, 0, false, otherMark},
		{"91.77%", ',', 0, 0, true, otherMark},
		// "1.234" in a decimal-comma file: 1234 or 1,234?
		{"1.234", ',', 0, 0, false, ambiguousMark},
		{"1,234", '.', 0, 0, false, ambiguousMark},
		{"-1.234", ',', 0, 0, false, ambiguousMark},
		// thousands separators
		{"1.234,5", ',', 0, 0, false, thousandsMark},
		{"1,234.5", '.', 0, 0, false, thousandsMark},
		{"1.234,5", '.', 0, 0, false, thousandsMark},
		{"1.234.567", ',', 0, 0, false, thousandsMark},
		{"1.234.567", '.', 0, 0, false, thousandsMark},
		{"1,234,567.89", '.', 0, 0, false, thousandsMark},
		{"1 234,5", ',', 0, 0, false, thousandsMark},
		{"1\u00a0234", '.', 0, 0, false, thousandsMark},
		// not numbers
		{"", '.', 0, 0, false, notANumber},
		{"NaN", '.', 0, 0, false, notANumber},
		{"Inf", '.', 0, 0, false, notANumber},
		{"1e5", '.', 0, 0, false, notANumber},
		{"0x1F", '.', 0, 0, false, notANumber},
		{"1_000", '.', 0, 0, false, notANumber},
		{"1.2.3", '.', 0, 0, false, notANumber},
		{"9x.5", '.', 0, 0, false, notANumber},
		{"1,2,3", ',', 0, 0, false, notANumber},
		{"97 31", '.', 0, 0, false, notANumber},
		{".", '.', 0, 0, false, notANumber},
		{"%", '.', 0, 0, true, notANumber},
		{"5%%", '.', 0, 0, true, notANumber},
		{"%5", '.', 0, 0, false, notANumber},
		{"- 5", '.', 0, 0, false, notANumber},
		{"abc", '.', 0, 0, false, notANumber},
		// beyond a float64
		{"1" + strings.Repeat("0", 400), '.', 0, 0, false, outOfRange},
	}
	for _, tt := range tests {
		v, dec, percent, fault := readNumber(tt.in, tt.mark)
		if fault != tt.fault || percent != tt.percent || fault == numberOK && (v != tt.want || dec != tt.decimals || v == 0 && math.Signbit(v)) {
			t.Errorf("readNumber(%q, %q) = %v, %d, %v, fault %d; want %v, %d, %v, fault %d",
				tt.in, tt.mark, v, dec, percent, fault, tt.want, tt.decimals, tt.percent, tt.fault)
		}
		if _, _, ok := parseNumber(tt.in, tt.mark); ok != (tt.fault == numberOK) {
			t.Errorf("parseNumber(%q, %q) ok = %v", tt.in, tt.mark, ok)
		}
	}
}

// Many digits and tiny or huge magnitudes read as strconv reads them.
func TestReadNumberWholeRange(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{strings.Repeat("9", 308), 1e308},
		{"0." + strings.Repeat("0", 320) + "1", 1e-321},
		{"12345678901234567890", 12345678901234567890},
		{"0,1000000000000000055511151231257827", 0.1},
	}
	for _, tt := range tests {
		mark := byte('.')
		if strings.Contains(tt.in, ",") {
			mark = ','
		}
		v, _, _, fault := readNumber(tt.in, mark)
		if fault != numberOK || v != tt.want {
			t.Errorf("readNumber(%.20q…) = %v, fault %d; want %v", tt.in, v, fault, tt.want)
		}
	}
}

func TestGroupedThousands(t *testing.T) {
	for s, want := range map[string]bool{
		"1,234": true, "12.345.678": true, "1.234,5": true, "1 234,56": true, "123,456": true,
		"1234,5": false, "1,23": false, "1,2345": false, ",234": false, "1.234.56": false, "1,234.5x": false, "97": false,
	} {
		if got := groupedThousands(s); got != want {
			t.Errorf("groupedThousands(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDecimalHint(t *testing.T) {
	for s, want := range map[string]int{
		"97,31": 1, "97.31": -1, "91,77%": 1, "91.77 %": -1, "1.234,5": 1, "1,234.5": -1,
		"1,234": 0, "1.234": 0, "97": 0, "Q.1": 0, "2021": 0, "": 0,
	} {
		if got := decimalHint(s); got != want {
			t.Errorf("decimalHint(%q) = %d, want %d", s, got, want)
		}
	}
}

// The decimal mark is decided once per file; a cell with the other mark, a
// thousands separator or an ambiguous "1.234" is an error naming its cell.
func TestDecimalMarkEnforced(t *testing.T) {
	tests := []struct {
		name, body string
		mark       rune
		wantErr    string // "" = loads
	}{
		{"comma", "unit;year;total\nA;2021;97,31\nB;2021;85\n", ',', ""},
		{"point", "unit,year,total\nA,2021,97.31\nB,2021,85\n", '.', ""},
		{"both marks", "unit;year;total\nA;2021;97,31\nB;2021;85,5\nC;2021;80.25\n", ',',
			`f-2021.csv:4:3: error: number "80.25" has the other decimal mark in total (hint: this file writes decimals with a comma (decided from "97,31" on line 2)`},
		{"ambiguous", "unit;year;C1;C2\nA;2021;1,5;2,5\nB;2021;1.234;3\n", ',',
			`f-2021.csv:3:3: error: ambiguous number "1.234": a thousands separator, or the other decimal mark in column "C1"`},
		{"thousands comma", "unit;year;total\nA;2021;1.234,5\nB;2021;97,5\n", ',',
			`f-2021.csv:2:3: error: thousands separator in "1.234,5" in total`},
		{"thousands point", "unit,year,total\nA,2021,\"1,234.5\"\nB,2021,97.5\n", '.',
			`f-2021.csv:2:3: error: thousands separator in "1,234.5" in total`},
		{"long", "year;unit;component;score\n2021;A;C1;5,5\n2021;A;C2;6.5\n2021;A;C3;7,5\n", ',',
			`f-2021.csv:3:4: error: number "6.5" has the other decimal mark in column "score"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := readFiles(t, map[string]string{"f-2021.csv": tt.body})
			if tt.wantErr == "" {
				if err := r.Err(); err != nil {
					t.Fatal(err)
				}
				if r.Dataset.Files[0].Decimal != tt.mark {
					t.Errorf("decimal %q, want %q", r.Dataset.Files[0].Decimal, tt.mark)
				}
				return
			}
			err := r.Err()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v\nwant it to contain %s", err, tt.wantErr)
			}
		})
	}
}

// A file whose first 2,000 rows hold only whole numbers is decided by the
// first decimal further on, not defaulted to a point.
func TestDecimalMarkDecidedPastTheSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("unit;year;total\n")
	for i := 0; i < 2100; i++ {
		b.WriteString("U" + strings.Repeat("x", i%7) + strconv.Itoa(i) + ";2021;80\n")
	}
	b.WriteString("Z;2021;85,5\n")
	ds := mustLoad(t, map[string]string{"f.csv": b.String()})
	if ds.Files[0].Decimal != ',' {
		t.Fatalf("decimal %q, want ','", ds.Files[0].Decimal)
	}
	last := ds.Records[len(ds.Records)-1]
	if last.Unit != "Z" || last.Total != 85.5 {
		t.Errorf("last record %s %v, want Z 85.5", last.Unit, last.Total)
	}
}

// "91,77%" is 91.77 points, and the file says which column was read so.
func TestPercentIndex(t *testing.T) {
	ds := mustLoad(t, map[string]string{"f-2023.csv": "Tên đơn vị;Tổng điểm\nAn Giang;91,77%\nBình Dương;88,5%\nCà Mau;-0\n"})
	want := map[string]float64{"An Giang": 91.77, "Bình Dương": 88.5, "Cà Mau": 0}
	for _, r := range ds.Records {
		if r.Total != want[r.Unit] || math.Signbit(r.Total) {
			t.Errorf("%s: total %v, want %v", r.Unit, r.Total, want[r.Unit])
		}
	}
	notes := ds.Files[0].Notes
	if len(notes) != 1 || !strings.Contains(notes[0], `column "Tổng điểm": 2 values written with "%" read as points ("91,77%" is 91.77`) {
		t.Errorf("notes %q", notes)
	}
}

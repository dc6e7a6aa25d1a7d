package numfmt

import (
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestScoreKeepsPublishedPrecision(t *testing.T) {
	cases := []struct {
		v    float64
		pad  int
		mark Mark
		want string
	}{
		{97.31, 2, Comma, "97,31"},
		{97.31, 2, Point, "97.31"},
		{9.5, 2, Comma, "9,50"},
		{100, 2, Comma, "100,00"},
		{100, 0, Point, "100"},
		{0, 2, Point, "0.00"},
		{87.1234, 2, Comma, "87,1234"}, // never rounded to the pad
		{87.1234, 4, Point, "87.1234"},
		{97.31, 4, Point, "97.3100"},
		{-3.5, 2, Comma, "-3,50"},
		{101.69, 1, Point, "101.69"},
		{math.NaN(), 2, Point, Dash},
		{math.Inf(1), 2, Point, Dash},
	}
	for _, c := range cases {
		if got := c.mark.Score(c.v, c.pad); got != c.want {
			t.Errorf("%c.Score(%v, %d) = %q, want %q", c.mark, c.v, c.pad, got, c.want)
		}
	}
	if got := Comma.ScoreP(nil, 2); got != "" {
		t.Errorf("ScoreP(nil) = %q, want empty", got)
	}
}

func TestFixedRoundsHalfAwayFromZeroAsWritten(t *testing.T) {
	cases := []struct {
		v    float64
		dec  int
		want string
	}{
		{97.315, 2, "97.32"}, // the float64 is just below 97.315
		{1.005, 2, "1.01"},
		{2.675, 2, "2.68"},
		{0.125, 2, "0.13"},
		{-0.125, 2, "-0.13"},
		{97.314999, 2, "97.31"},
		{99.995, 2, "100.00"}, // carry into the whole part
		{9.5, 0, "10"},
		{-9.5, 0, "-10"},
		{0.5, 0, "1"},
		{-0.001, 2, "0.00"}, // no negative zero
		{math.Copysign(0, -1), 2, "0.00"},
		{1e-7, 3, "0.000"},
		{12.3, 3, "12.300"},
		{7, -1, "7"},
		{0.7071, 3, "0.707"},
		{0.00499999999999545, 2, "0.01"}, // float noise past 12 digits
		{0.0049999999, 2, "0.00"},        // a real 0.0049999999 is below half
		{97.31499999999999, 2, "97.32"},
		{math.NaN(), 2, Dash},
	}
	for _, c := range cases {
		if got := Point.Fixed(c.v, c.dec); got != c.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", c.v, c.dec, got, c.want)
		}
	}
	if got := Comma.Fixed(16.333333, 2); got != "16,33" {
		t.Errorf("Comma.Fixed = %q, want 16,33", got)
	}
}

func TestChangeAndCounts(t *testing.T) {
	three, minus, zero := 3, -1, 0
	cases := []struct{ got, want string }{
		{Comma.Change(1.234, 2), "+1,23"},
		{Comma.Change(-0.5, 2), "-0,50"},
		{Comma.Change(0.001, 2), "0,00"},
		{Comma.Change(-0.004, 2), "0,00"},
		{Point.Change(-0.53, 2), "-0.53"},
		{Point.Change(math.NaN(), 2), Dash},
		{Comma.Int(10000), "10.000"},
		{Point.Int(10000), "10,000"},
		{Comma.Int(-1234567), "-1.234.567"},
		{Comma.Int(999), "999"},
		{Comma.Int(0), "0"},
		{Comma.SignedInt(2), "+2"},
		{Comma.SignedInt(-1), "-1"},
		{Comma.SignedInt(0), "0"},
		{Comma.Ratio(3, 5), "3/5"},
		{Point.Ratio(3, 1500), "3/1,500"},
		{Comma.Pct(92.4, 0), "92%"},
		{Comma.Pct(92.5, 0), "93%"},
		{Comma.Pct(87.25, 1), "87,3%"},
		{RankMove(&three), "▲3"},
		{RankMove(&minus), "▼1"},
		{RankMove(&zero), "="},
		{RankMove(nil), ""},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("%d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestForAndProsePad(t *testing.T) {
	if For("vi") != Comma || For("en") != Point || For("") != Point {
		t.Error("For: vi must give Comma, anything else Point")
	}
	for dec, want := range map[int]int{0: 2, 1: 2, 2: 2, 3: 3, 4: 4} {
		if got := ProsePad(dec); got != want {
			t.Errorf("ProsePad(%d) = %d, want %d", dec, got, want)
		}
	}
}

// Cents must agree with the text Fixed writes, so a sentence never says
// "up" next to "0.00" or "unchanged" next to "0.01".
func TestCentsAgreesWithFixed(t *testing.T) {
	check := func(x float64) {
		t.Helper()
		s := strings.Replace(Point.Fixed(x, 2), ".", "", 1)
		want, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("Fixed(%v) = %q", x, s)
		}
		if got := Cents(x); got != want {
			t.Errorf("Cents(%v) = %d, Fixed writes %q", x, got, Point.Fixed(x, 2))
		}
	}
	for _, x := range []float64{1.005, -1.005, 0.005, -0.005, 97.315, 2.675, 0.125, 99.995, 0, 97.31, -0.53} {
		check(x)
	}
	// every thousandth from -20 to 120: the halves are the hard part
	for k := -20000; k <= 120000; k++ {
		check(float64(k) / 1000)
	}
}

func FuzzFixedReadsBack(f *testing.F) {
	for _, v := range []float64{97.315, 1.005, -0.125, 99.995, 0} {
		f.Add(v, 2)
	}
	f.Fuzz(func(t *testing.T, v float64, dec int) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e12 {
			return
		}
		dec = ((dec % 6) + 6) % 6
		s := Point.Fixed(v, dec)
		got, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("Fixed(%v, %d) = %q: %v", v, dec, s, err)
		}
		if math.Abs(got-v) > 0.5*math.Pow(10, -float64(dec))*(1+1e-9)+math.Abs(v)*1e-11 {
			t.Errorf("Fixed(%v, %d) = %q, off by more than half a unit", v, dec, s)
		}
		if i := strings.IndexByte(s, '.'); (i < 0 && dec != 0) || (i >= 0 && len(s)-i-1 != dec) {
			t.Errorf("Fixed(%v, %d) = %q: wrong number of decimals", v, dec, s)
		}
		if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
			t.Errorf("Fixed(%v, %d) = %q: negative zero", v, dec, s)
		}
	})
}

// numfmt is imported by analysis, analysis/brief, present and tui: it must
// stay free of the project's packages (or an import cycle waits) and of
// terminals and I/O.
func TestImportsOnlyTheStandardNumberPackages(t *testing.T) {
	allowed := map[string]bool{"math": true, "strconv": true, "strings": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); !allowed[path] {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}

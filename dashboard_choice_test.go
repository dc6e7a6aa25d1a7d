package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestDashboardTakesTheQueryFlags: the dashboard takes --index, --year,
// --bloc and --lang anywhere among its arguments; without a terminal it
// prints the overview in the chosen language, and refuses a choice the data
// lacks (exit 1) or a language it does not speak (exit 2).
func TestDashboardTakesTheQueryFlags(t *testing.T) {
	tests := []struct {
		args            []string
		code            int
		outHas, outLack string
		errHas          string
	}{
		{[]string{"--sample", "city", "--lang", "en"}, exitOK, "Grades:", "Xếp loại:", ""},
		{[]string{"--lang", "en", "--sample", "city", "--index", "van thu", "--year", "2023", "--bloc", "huyen"}, exitOK, "Văn thư, lưu trữ · 2023", "PAR Index", ""},
		{[]string{"--sample", "city", "--year", "2022", "--bloc", "huyen"}, exitOK, "PAR Index · năm 2022", "Sở, ban, ngành", ""},
		{[]string{"--sample", "city"}, exitOK, "Văn thư, lưu trữ", "", ""},
		{[]string{"--sample", "city"}, exitOK, "Xếp loại", "Grades:", ""},
		{[]string{"--sample", "city", "--index", "nope"}, exitData, "", "", `không có chỉ số "nope"`},
		{[]string{"--index", "nope", "--lang", "en", "--sample", "city"}, exitData, "", "", `no index "nope"; there is: PAR Index`},
		{[]string{"--sample", "city", "--year", "1999", "--lang", "en"}, exitData, "", "", "has no year 1999"},
		{[]string{"--sample", "city", "--lang", "fr"}, exitUsage, "", "", `--lang must be vi or en, not "fr"`},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		code := runDashboard(tc.args, strings.NewReader(""), &out, &errb)
		if code != tc.code {
			t.Errorf("%q: exit %d, want %d; stderr %q", tc.args, code, tc.code, errb.String())
			continue
		}
		if !strings.Contains(out.String(), tc.outHas) || (tc.outLack != "" && strings.Contains(out.String(), tc.outLack)) {
			t.Errorf("%q: stdout has not %q or has %q:\n%s", tc.args, tc.outHas, tc.outLack, out.String())
		}
		if !strings.Contains(errb.String(), tc.errHas) {
			t.Errorf("%q: stderr %q lacks %q", tc.args, errb.String(), tc.errHas)
		}
	}
}

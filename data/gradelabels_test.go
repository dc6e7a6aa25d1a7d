package data

import (
	"slices"
	"testing"
)

// A grade label is refused when nothing orders it: not the vocabulary, not
// the scheme of the row's own index, year and bloc.
func TestGradeLabelsRefusedOnlyWhenNothingOrdersThem(t *testing.T) {
	const scheme = "grade,min,bloc\nHạng Vàng,90,Huyện\nHạng Bạc,0,Huyện\n"
	cases := []struct {
		name, grades, rows string
		want               []string // the errors' positions and messages
	}{
		{"vocabulary labels", "", "2023,Sở,Sở A,91,Tốt\n2023,Sở,Sở B,70,khá\n2023,Huyện,Huyện C,60,Trung bình\n", nil},
		{"unknown without a scheme", "", "2023,Sở,Sở A,91,Tốt\n2023,Sở,Sở B,70,Hạng Vàng\n2023,Sở,Sở C,60,Hạng Vàng\n",
			[]string{`par.csv:3:5: unknown grade label "Hạng Vàng" with no scheme to order it`, `par.csv:4:5: unknown grade label "Hạng Vàng" with no scheme to order it`}},
		{"the scheme's bloc only", scheme, "2023,Huyện,Huyện A,91,Hạng Vàng\n2023,Sở,Sở B,95,Hạng Vàng\n2023,Huyện,Huyện C,60,Hạng Bạc\n2023,Sở,Sở D,70,Tốt\n",
			[]string{`par.csv:3:5: unknown grade label "Hạng Vàng" with no scheme to order it`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"par.csv": "year,bloc,unit,total,grade\n" + c.rows}
			if c.grades != "" {
				files["grades.csv"] = c.grades
			}
			var got []string
			for _, i := range readFiles(t, files).Issues {
				if i.Severity == Error {
					got = append(got, i.Pos.String()+": "+i.Msg)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("errors\n  %q\nwant\n  %q", got, c.want)
			}
		})
	}
}

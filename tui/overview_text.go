package tui

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

// WriteOverview writes the text overview printed when the dashboard has no
// terminal: per index, its latest year; per bloc, the units, grade counts
// k/N, leader and bottom with their scores, and the mean. Vietnamese labels,
// decimal commas; every name passes through data.Printable.
func WriteOverview(w io.Writer, a *analysis.Analysis) error {
	bw := bufio.NewWriter(w)
	ds := a.Dataset()
	if ds != nil && ds.Label != "" {
		fmt.Fprintln(bw, data.Printable(ds.Label))
		fmt.Fprintln(bw)
	}
	for i, ix := range a.Indices() {
		years := a.Years(ix)
		if len(years) == 0 {
			continue
		}
		if i > 0 {
			fmt.Fprintln(bw)
		}
		year := years[len(years)-1]
		sum, ok := a.Summary(ix, year)
		head := fmt.Sprintf("%s · năm %d", data.Printable(ix), year)
		if sum.PrevYear != nil {
			head += fmt.Sprintf(" (so với %d)", *sum.PrevYear)
		}
		fmt.Fprintln(bw, head)
		fmt.Fprintln(bw, strings.Repeat("=", len([]rune(head))))
		if !ok {
			continue
		}
		for _, bs := range sum.Blocs {
			fmt.Fprintf(bw, "%s · %s đơn vị\n", data.Printable(bs.Bloc), vi.Int(bs.Units))
			var grades []string
			for _, g := range bs.Grades {
				if g.Count == 0 {
					continue
				}
				grades = append(grades, fmt.Sprintf("%s %s", data.Printable(g.Grade), vi.Ratio(g.Count, bs.Units)))
			}
			if bs.Ungraded > 0 {
				grades = append(grades, fmt.Sprintf("chưa xếp loại %s", vi.Ratio(bs.Ungraded, bs.Units)))
			}
			if b := bandsText(&bs); b != "" {
				fmt.Fprintf(bw, "  Mức điểm:   %s\n", b)
			} else if len(grades) > 0 {
				fmt.Fprintf(bw, "  Xếp loại:   %s\n", strings.Join(grades, " · "))
			}
			if len(bs.Leader) > 0 {
				fmt.Fprintf(bw, "  Dẫn đầu:    %s\n", unitScores(bs.Leader, scorePad(a.Dataset())))
			}
			if len(bs.Bottom) > 0 {
				fmt.Fprintf(bw, "  Cuối bảng:  %s\n", unitScores(bs.Bottom, scorePad(a.Dataset())))
			}
			if bs.Mean != nil {
				l := vi.Fixed(*bs.Mean, 2)
				if bs.MeanChg != nil {
					l += " (" + vi.Change(*bs.MeanChg, 2) + ")"
				}
				fmt.Fprintf(bw, "  Trung bình: %s\n", l)
			} else if bs.Scored == 0 {
				fmt.Fprintln(bw, "  (không có điểm: chỉ xếp loại)")
			}
		}
	}
	return bw.Flush()
}

func unitScores(us []analysis.UnitScore, pad int) string {
	var parts []string
	for _, u := range us {
		parts = append(parts, fmt.Sprintf("%s %s", data.Printable(u.Unit), vi.ScoreP(u.Score, pad)))
	}
	return strings.Join(parts, "; ")
}

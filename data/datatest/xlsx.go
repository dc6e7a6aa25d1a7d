package datatest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheet is one sheet of a test workbook. Cells are strings, float64s,
// ints, Formula or Percent; nil leaves a cell empty.
type Sheet struct {
	Name   string
	Rows   [][]any
	Merges [][2]string // cell ranges to merge, "C2", "D2"
	Hidden bool
}

// Formula is a formula cell; a nil Value leaves it without a saved value,
// as a workbook written by a program that does not calculate.
type Formula struct {
	Expr  string
	Value any
}

// Percent is a number shown in a percent format ("0.00%"): 0.9177 shows
// as 91.77%.
type Percent float64

// TwoDecimals is a number shown with two decimals ("0.00"): 97.3125
// shows as 97.31 and is stored as 97.3125.
type TwoDecimals float64

// Workbook writes sheets as an .xlsx, as Excel would store them: numbers
// as numbers, with excelize's stream writer.
func Workbook(sheets []Sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		return nil, err
	}
	fixed2, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		return nil, err
	}
	active := -1
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return nil, err
		}
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return nil, err
		}
		for r, row := range s.Rows {
			vals := make([]any, len(row))
			for c, v := range row {
				switch v := v.(type) {
				case Formula:
					vals[c] = excelize.Cell{Formula: v.Expr, Value: v.Value}
				case Percent:
					vals[c] = excelize.Cell{StyleID: pct, Value: float64(v)}
				case TwoDecimals:
					vals[c] = excelize.Cell{StyleID: fixed2, Value: float64(v)}
				default:
					vals[c] = v
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, vals); err != nil {
				return nil, err
			}
		}
		for _, m := range s.Merges {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				return nil, err
			}
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
		if !s.Hidden && active < 0 {
			active = i
		}
	}
	if active >= 0 {
		f.SetActiveSheet(active)
	}
	for _, s := range sheets {
		if s.Hidden {
			if err := f.SetSheetVisible(s.Name, false); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CSVWorkbook turns a UTF-8 CSV table into a one-sheet workbook named
// Sheet1, as Excel would save it: cells that are plain numbers in the
// file's decimal mark become numbers, everything else stays text.
func CSVWorkbook(text []byte, comma rune, decimal byte) ([]byte, error) {
	text = bytes.TrimPrefix(text, []byte("\xEF\xBB\xBF"))
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	rows := make([][]any, len(recs))
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, c := range rec {
			row[j] = excelCell(c, decimal)
		}
		rows[i] = row
	}
	if n := bytes.Count(text, []byte{'\n'}); n != len(recs) && n != len(recs)-1 {
		return nil, fmt.Errorf("a record spans lines or a line is blank: %d lines, %d records", n, len(recs))
	}
	return Workbook([]Sheet{{Name: "Sheet1", Rows: rows}})
}

var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})([.,][0-9]{1,12})?$`)

// excelCell is what Excel makes of a typed cell: a plain number is a
// number (no leading zeros, which codes keep), anything else text.
func excelCell(c string, decimal byte) any {
	if c == "" {
		return nil
	}
	if p, ok := strings.CutSuffix(c, "%"); ok && plainNumber.MatchString(p) && (!strings.ContainsAny(p, ".,") || strings.ContainsRune(p, rune(decimal))) {
		// "91,77%" typed in Excel is 0.9177 shown as a percent: the point
		// moves in the text, so the number is the one typed
		whole, frac, _ := strings.Cut(strings.Replace(p, ",", ".", 1), ".")
		neg := strings.HasPrefix(whole, "-")
		whole = strings.TrimPrefix(whole, "-")
		whole = strings.Repeat("0", max(0, 3-len(whole))) + whole
		s := whole[:len(whole)-2] + "." + whole[len(whole)-2:] + frac
		if neg {
			s = "-" + s
		}
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return Percent(v)
		}
	}
	if !plainNumber.MatchString(c) {
		return c
	}
	if strings.ContainsAny(c, ".,") && !strings.ContainsRune(c, rune(decimal)) {
		return c
	}
	v, err := strconv.ParseFloat(strings.Replace(c, ",", ".", 1), 64)
	if err != nil {
		return c
	}
	return v
}

// AnnexWorkbook is a decision annex as offices make it: sheets named by
// year, title rows, a two-row header whose areas span their criteria
// (merged cells), a "Điểm tối đa" row, blocs as section rows, totals as
// formulas with their saved values, an index formatted as a percent, a
// hidden working sheet and a sheet of notes.
func AnnexWorkbook() []Sheet {
	area1, area2 := "Lĩnh vực 1: Chỉ đạo, điều hành", "Lĩnh vực 2: Thể chế"
	unit := func(n int, name string, a, b, c float64) []any { return []any{n, name, a, b, c} }
	withSum := func(r int, cells []any, total float64) []any {
		return append(cells, Formula{Expr: fmt.Sprintf("SUM(C%d:E%d)", r, r), Value: total})
	}
	y2022 := Sheet{
		Name: "2022",
		Rows: [][]any{
			{"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"},
			{"(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2023 của UBND tỉnh)"},
			{"STT", "Tên cơ quan, đơn vị", area1, nil, area2, "Tổng điểm"},
			{nil, nil, "1.1", "1.2", "2.1", nil},
			{nil, "Điểm tối đa", 30, 30, 40, 100},
			{"I", "KHỐI SỞ, BAN, NGÀNH"},
			withSum(7, unit(1, "Sở Tài chính", 28.5, 27, 36.25), 91.75),
			withSum(8, unit(2, "Sở Nội vụ", 29, 29.5, 35), 93.5),
			withSum(9, unit(3, "Sở Y tế", 25, 24.75, 30), 79.75),
			{"II", "KHỐI UBND CẤP HUYỆN"},
			withSum(11, unit(1, "UBND huyện Hòa Vang", 27, 26, 33.5), 86.5),
			withSum(12, unit(2, "UBND quận Hải Châu", 28, 28, 38.125), 94.125),
		},
		Merges: [][2]string{{"A1", "F1"}, {"A2", "F2"}, {"A3", "A4"}, {"B3", "B4"}, {"C3", "D3"}, {"F3", "F4"}},
	}
	y2023 := Sheet{
		Name: "Năm 2023",
		Rows: [][]any{
			{"STT", "Tên cơ quan, đơn vị", area1, nil, area2, "Chỉ số (%)"},
			{nil, nil, "1.1", "1.2", "2.1", nil},
			{"I. KHỐI SỞ, BAN, NGÀNH"},
			append(unit(1, "Sở Tài chính", 29, 29, 37), Percent(0.95)),
			append(unit(2, "Sở Nội vụ", 28, 28, 36), Percent(0.92)),
			append(unit(3, "Sở Y tế", 30, 30, 38.5), Percent(0.985)),
			{"II. KHỐI UBND CẤP HUYỆN"},
			append(unit(1, "UBND huyện Hòa Vang", 25, 25, 30), Percent(0.8)),
			append(unit(2, "UBND quận Hải Châu", 26, 26, 31.5), Percent(0.835)),
		},
		Merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "D1"}, {"F1", "F2"}, {"A3", "F3"}, {"A7", "F7"}},
	}
	working := Sheet{Name: "Tính toán", Hidden: true, Rows: [][]any{{"Tên đơn vị", "Tổng điểm"}, {"Nháp", 10}}}
	notes := Sheet{Name: "Ghi chú", Rows: [][]any{{"Số liệu theo Quyết định số 123/QĐ-UBND."}}}
	return []Sheet{y2022, y2023, working, notes}
}

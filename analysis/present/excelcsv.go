package present

import "io"

// CSV dialects: --csv picks one.
const (
	CSVPlain = "plain" // RFC 4180: comma, decimal point, no BOM (for programs)
	CSVExcel = "excel" // for double-click opening in Vietnamese-locale Excel
)

// utf8BOM tells Excel the file is UTF-8; without it Excel reads the bytes
// in the system code page and the Vietnamese names come out garbled.
const utf8BOM = "\uFEFF"

// WriteCSVExcel writes the CSV Excel opens by double-click in a Vietnamese
// locale (where the list separator is ";" and the decimal mark ","): a
// UTF-8 BOM, ";" between fields and numbers with a decimal comma (97,31),
// so scores land in their columns as numbers rather than as text or dates.
// Text is made inert as in WriteCSV.
func (t *Table) WriteCSVExcel(w io.Writer) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	return t.writeCSV(w, ';', true)
}

// CellText is a cell as text and Markdown write it (comma: the decimal
// comma of Vietnamese), for writers outside this package (the dashboard's
// tab-separated copy).
func CellText(c any, comma bool) string { return cellText(c, comma) }

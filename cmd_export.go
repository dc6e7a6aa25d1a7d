package main

import (
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
)

// This file holds what the table commands share for writing files: -o,
// the Excel workbook (--format xlsx) and the CSV dialect for Excel (--csv
// excel). How a table looks in a workbook is package present (xlsx.go).

// tableFormats are the formats of the commands whose result is one table
// (rank, summary, movers, components, transitions): allFormats and xlsx.
var tableFormats = append(slices.Clip(allFormats), present.FormatXLSX)

// registerExport adds -o and --csv to the query flags.
func (q *queryFlags) registerExport(fs *flag.FlagSet) {
	fs.StringVar(&q.out, "o", "", "write to `FILE` (atomically) instead of standard output; its extension (.xlsx, .csv, .md, .json, .txt) picks --format when not given")
	fs.StringVar(&q.csv, "csv", present.CSVPlain, "CSV `dialect`: plain (comma, decimal point) or excel (UTF-8 BOM, ';', decimal comma: opens by double-click in Vietnamese Excel)")
}

// formatsByExtension picks --format from -o's extension.
var formatsByExtension = map[string]string{
	".xlsx": present.FormatXLSX, ".csv": present.FormatCSV, ".md": present.FormatMD,
	".json": present.FormatJSON, ".txt": present.FormatText,
}

// formatFromOutput sets --format, when not given, from -o's extension, or
// to CSV when --csv excel asks for the Excel dialect.
func (e *env) formatFromOutput() {
	q := &e.q
	if q.format != "" {
		return
	}
	if f, ok := formatsByExtension[strings.ToLower(filepath.Ext(q.out))]; ok && slices.Contains(e.cmd.formats, f) {
		q.format = f
	} else if q.csv == present.CSVExcel {
		q.format = present.FormatCSV
	}
}

// checkExportFlags refuses a binary workbook to a terminal and a CSV
// dialect that is not one.
func (e *env) checkExportFlags() error {
	q := &e.q
	switch q.csv {
	case present.CSVPlain:
	case present.CSVExcel:
		if q.format != present.FormatCSV {
			return e.usageErrorf("--csv excel is a CSV dialect; it goes with --format csv, not %q", q.format)
		}
	default:
		return e.usageErrorf("--csv must be plain or excel, not %q", q.csv)
	}
	if q.format == present.FormatXLSX && q.out == "" && e.terminal {
		return e.usageErrorf("--format xlsx writes a binary workbook, which a terminal cannot show; give -o FILE.xlsx (or redirect standard output to a file)")
	}
	return nil
}

// toOutput runs write with e.stdout as the command's output: -o's file,
// written atomically, or standard output.
func (e *env) toOutput(write func() error) error {
	if e.q.out == "" {
		return write()
	}
	stdout := e.stdout
	defer func() { e.stdout = stdout }()
	return writeFileAtomic(e.q.out, func(w io.Writer) error {
		e.stdout = w
		return write()
	})
}

// exportTable writes t as a workbook or as Excel-dialect CSV; done is
// false for the other formats, which present.Table.Render writes.
func (e *env) exportTable(t *present.Table) (done bool, err error) {
	switch {
	case e.q.format == present.FormatXLSX:
		return true, t.WriteXLSX(e.stdout, present.XLSX{
			Sheet: e.sheetTitle(), Note: e.a.Dataset().Label, NoteName: e.say(words.SheetNotes),
		})
	case e.q.format == present.FormatCSV && e.q.csv == present.CSVExcel:
		return true, t.WriteCSVExcel(e.stdout)
	}
	return false, nil
}

// sheetTitles name a workbook's data sheet after its command, as the
// dashboard names its tab.
var sheetTitles = map[string]*words.Word{
	"rank":        words.TabRanking,
	"summary":     words.SheetSummary,
	"movers":      words.TabMovers,
	"components":  words.TabComponents,
	"transitions": words.TabTransitions,
}

// sheetTitle is the data sheet's name: the command's title (the index,
// year and bloc are columns of the table, for the filters).
func (e *env) sheetTitle() string {
	if t, ok := sheetTitles[e.cmd.name]; ok {
		return e.say(t)
	}
	return e.cmd.name
}

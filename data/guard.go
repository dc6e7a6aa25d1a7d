package data

import (
	"bytes"
	"fmt"
	"strconv"
)

// Limits on the shape of one data file, besides its size (MaxBytes). The
// loader holds about a dozen bytes per cell, so the default cell limit
// keeps a load near a gigabyte of memory; a column costs far more (a
// component, its name, its statistics and a column on screen), so columns
// have their own limit. PAR files are thousands of times smaller: a few
// thousand rows, a few dozen columns.
const (
	DefaultMaxCells   = 100_000_000
	DefaultMaxColumns = 20_000
)

func maxCells(opt Options) int64 {
	if opt.MaxCells > 0 {
		return opt.MaxCells
	}
	return DefaultMaxCells
}

func maxColumns(opt Options) int64 {
	if opt.MaxColumns > 0 {
		return opt.MaxColumns
	}
	return DefaultMaxColumns
}

// errTooManyCells is a file whose shape is over a limit.
type errTooManyCells struct {
	rows, cols, limit int64
	columns           bool // the column limit, not the cell limit
}

func (e errTooManyCells) Error() string {
	if e.columns {
		return fmt.Sprintf("file has %s columns, over the limit of %s; raise it with --max-columns if the file is right",
			groupDigits(e.cols), groupDigits(e.limit))
	}
	return fmt.Sprintf("file has about %s rows × %s columns (%s cells), over the limit of %s cells; raise it with --max-cells if the file is right",
		groupDigits(e.rows), groupDigits(e.cols), groupDigits(e.rows*e.cols), groupDigits(e.limit))
}

// checkCells estimates the shape of a file from its raw bytes, before any
// parsing: the lines, times the cells of the first line (counted for each
// delimiter the loader accepts, outside quotes; the most wins). Both are
// upper bounds of what the parser would hold, so a file under the limit is
// never refused; a file over it is refused in one pass over its bytes,
// whatever its encoding (UTF-16 doubles nothing that is counted).
func checkCells(raw []byte, limit, colLimit int64) error {
	eol := byte('\n')
	if bytes.IndexByte(raw, '\n') < 0 && bytes.IndexByte(raw, '\r') >= 0 {
		eol = '\r' // old Mac line ends: lines, not one long row, to the reader of the message
	}
	rows := int64(countByte(raw, eol)) + 1
	first := raw
	if i := bytes.IndexByte(raw, eol); i >= 0 {
		first = raw[:i]
	}
	cols := int64(1)
	for _, d := range []byte{',', ';', '\t', '|'} {
		cols = max(cols, int64(countOutsideQuotes(first, d))+1)
	}
	switch {
	case cols > colLimit:
		return errTooManyCells{rows: rows, cols: cols, limit: colLimit, columns: true}
	case rows > limit || rows*cols > limit:
		return errTooManyCells{rows: rows, cols: cols, limit: limit}
	}
	return nil
}

// groupDigits writes 20000000 as 20,000,000.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 && s[0] != '-' {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return string(b)
}

// guardInputs makes every input's read refuse a file over the cell or
// column limit.
func guardInputs(inputs []input, opt Options) {
	limit, colLimit := maxCells(opt), maxColumns(opt)
	for i := range inputs {
		read := inputs[i].read
		inputs[i].read = func() ([]byte, error) {
			raw, err := read()
			if err == nil && sniffWorkbook(raw) == notWorkbook {
				// a workbook's sheets are checked as they are read
				err = checkCells(raw, limit, colLimit)
			}
			if err != nil {
				return nil, err
			}
			return raw, nil
		}
	}
}

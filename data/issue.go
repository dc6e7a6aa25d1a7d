package data

import (
	"fmt"
	"strings"
)

// Severity orders problems: errors stop the load, warnings are reported.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Issue is one problem found in the input, located to the cell where possible.
type Issue struct {
	Severity Severity
	Pos      Pos
	Msg      string
	Hint     string
}

// String renders "file:line:column: severity: message (hint)".
func (i Issue) String() string {
	var b strings.Builder
	b.WriteString(i.Pos.String())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(i.Severity.String())
	b.WriteString(": ")
	b.WriteString(i.Msg)
	if i.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(i.Hint)
		b.WriteString(")")
	}
	return b.String()
}

func (p Pos) String() string {
	if _, _, ok := splitSheet(p.File); ok && p.Line > 0 {
		// a workbook cell, as Excel names it: par.xlsx:Sheet1!C12
		if p.Col == 0 {
			return fmt.Sprintf("%s!%d:%d", p.File, p.Line, p.Line)
		}
		return fmt.Sprintf("%s!%s%d", p.File, columnLetters(p.Col), p.Line)
	}
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// LoadError is returned when the input has errors; it lists every problem found.
type LoadError struct {
	Issues []Issue // errors and warnings, in file order
}

func (e *LoadError) Error() string {
	var errs []string
	for _, i := range e.Issues {
		if i.Severity == Error {
			errs = append(errs, i.String())
		}
	}
	if len(errs) == 1 {
		return errs[0]
	}
	const show = 10
	total := len(errs)
	more := ""
	if len(errs) > show {
		more = fmt.Sprintf("\n… and %d more errors (run `parlens check` for all)", len(errs)-show)
		errs = errs[:show]
	}
	return fmt.Sprintf("%d errors in the input:\n%s%s", total, strings.Join(errs, "\n"), more)
}

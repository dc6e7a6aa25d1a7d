package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// reportHint closes every crash report.
const reportHint = "this is a bug in parlens; please report it at https://github.com/parlens/parlens/issues"

// reportCrash tells a crash in two lines on standard error — what broke,
// and where the details are — and gives exitCrash. The Go stack and the
// rest of the panic go to a file in the temp directory, for the report: a
// person reading the terminal sees no stack.
func reportCrash(stderr io.Writer, what string, details string) int {
	first, _, _ := strings.Cut(what, "\n")
	where := ""
	if f, err := os.CreateTemp("", "parlens-crash-*.txt"); err == nil {
		_, werr := fmt.Fprintf(f, "parlens crashed: %s\n\n%s\n", what, details)
		if cerr := f.Close(); werr == nil && cerr == nil {
			where = "details in " + f.Name() + "; "
		} else {
			os.Remove(f.Name())
		}
	}
	fmt.Fprintf(stderr, "parlens: internal error: %s\nparlens: %s%s\n", printableKeep(first, ""), where, reportHint)
	return exitCrash
}

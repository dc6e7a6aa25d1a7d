package present

import (
	"fmt"
	"io"

	"github.com/parlens/parlens/data"
)

// Human reports a format written for people (text or Markdown), where a
// dataset label and headings belong; CSV and JSON stay machine-readable.
func Human(format string) bool { return format == FormatTable || format == FormatMD }

// Label writes a dataset's label ("Dữ liệu minh họa — illustrative") above
// human output, so a sample is never mistaken for real results. Nothing for
// CSV, JSON or an empty label.
func Label(w io.Writer, format, label string) {
	switch {
	case label == "" || !Human(format):
	case format == FormatMD:
		fmt.Fprintf(w, "_%s_\n\n", EscapeMarkdown(data.Printable(label)))
	default:
		fmt.Fprintf(w, "%s\n\n", data.Printable(label))
	}
}

// Title writes the title of a whole report: "## title" in Markdown, the
// title cut to a table cell's width in text.
func Title(w io.Writer, format, title string) {
	if format == FormatMD {
		fmt.Fprintf(w, "## %s\n", EscapeMarkdown(data.Printable(title)))
		return
	}
	fmt.Fprintln(w, TextCell(title))
}

// Heading writes the heading of one table: "### heading" and a blank line
// in Markdown, the heading as an inert line in text. gap puts a blank line
// before it.
func Heading(w io.Writer, format, heading string, gap bool) {
	if gap {
		fmt.Fprintln(w)
	}
	if format == FormatMD {
		fmt.Fprintf(w, "### %s\n\n", EscapeMarkdown(data.Printable(heading)))
		return
	}
	fmt.Fprintln(w, data.Printable(heading))
}

// Inline makes data text inert for a line of text or Markdown outside a
// table: escaped for Markdown, cut to a table cell's width for text.
func Inline(format, s string) string {
	if format == FormatMD {
		return EscapeMarkdown(s)
	}
	return TextCell(s)
}

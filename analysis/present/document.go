package present

import (
	"bufio"
	"io"

	"github.com/parlens/parlens/data"
)

// WriteMarkdown writes the document as Markdown: "# title", "## " and
// "### " headings, paragraphs, "- " items, an italic note, and tables under
// a bold caption. Every text is made inert (EscapeMarkdown).
func (d *Document) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	comma := d.Lang == "vi"
	bw.WriteString("# " + EscapeMarkdown(d.Title) + "\n")
	for _, b := range d.Blocks {
		bw.WriteString("\n")
		switch b.Kind {
		case Heading1:
			bw.WriteString("## " + EscapeMarkdown(b.Text) + "\n")
		case Heading2:
			bw.WriteString("### " + EscapeMarkdown(b.Text) + "\n")
		case Item:
			bw.WriteString("- " + EscapeMarkdown(b.Text) + "\n")
		case Note:
			bw.WriteString("_" + EscapeMarkdown(b.Text) + "_\n")
		case TableBlock:
			if b.Text != "" {
				bw.WriteString("**" + EscapeMarkdown(b.Text) + "**\n\n")
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if err := b.Table.WriteMarkdown(bw, comma); err != nil {
				return err
			}
		default:
			bw.WriteString(EscapeMarkdown(b.Text) + "\n")
		}
	}
	return bw.Flush()
}

// WriteText writes the document as plain text: the title, headings on
// lines of their own, paragraphs, "- " items and tables laid out as the
// command line's text tables are. Every text is made inert; paragraphs are
// whole (a table cell is cut to its width, a sentence is not).
func (d *Document) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	comma := d.Lang == "vi"
	bw.WriteString(data.Printable(d.Title) + "\n")
	for _, b := range d.Blocks {
		bw.WriteString("\n")
		switch b.Kind {
		case Item:
			bw.WriteString("- " + data.Printable(b.Text) + "\n")
		case TableBlock:
			if b.Text != "" {
				bw.WriteString(data.Printable(b.Text) + "\n")
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if err := b.Table.WriteText(bw, comma); err != nil {
				return err
			}
		default:
			bw.WriteString(data.Printable(b.Text) + "\n")
		}
	}
	return bw.Flush()
}

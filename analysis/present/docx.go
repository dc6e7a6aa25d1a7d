package present

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/parlens/parlens/data"
)

// FormatDOCX is a Word document (binary: written to a file, never to a
// terminal).
const FormatDOCX = "docx"

// Document is a text document for Word: a title and blocks in reading
// order. WriteDOCX lays it out the way a Vietnamese administrative document
// is (Nghị định 30/2020/NĐ-CP): A4, Times New Roman 14 pt (13 pt in
// tables), a centred bold title, bold headings, justified paragraphs with
// an indented first line, "- " items, and tables whose bold, shaded header
// row repeats on every page.
type Document struct {
	Title  string
	Lang   string // "vi" or "en": the proofing language
	Blocks []Block
}

// Block is one heading, paragraph, item or table of a Document.
type Block struct {
	Kind  BlockKind
	Text  string // the heading, paragraph or item, or the table's caption
	Table *Table // for a TableBlock: its cells, written as Render writes text (decimal comma in Vietnamese)
	// Align is each table column's alignment: "left" (the default),
	// "center" or "right" (numbers); Widths their relative widths (default:
	// equal).
	Align  []string
	Widths []int
}

// BlockKind is what a Block is.
type BlockKind int

const (
	Heading1   BlockKind = iota // a section
	Heading2                    // a part of a section
	Paragraph                   // justified body text
	Item                        // a "- " list item
	Note                        // an italic, centred line (the dataset's label)
	TableBlock                  // a table under a bold caption
)

// Page geometry in twentieths of a point: A4 with the margins of Nghị
// định 30/2020 (top and bottom 20 mm, left 30 mm, right 20 mm).
const (
	docxPageW     = 11906
	docxPageH     = 16838
	docxMarginTB  = 1134
	docxMarginL   = 1701
	docxMarginR   = 1134
	docxTextWidth = docxPageW - docxMarginL - docxMarginR
)

// headerFill shades a table's header row: light grey, visible on screen,
// in a PDF and on a black-and-white printer.
const headerFill = "D9D9D9"

// WriteDOCX writes the document as a .docx (Office Open XML) package.
// Every text is made inert (data.Printable: controls become visible, which
// also keeps the XML valid) and escaped. The package is written directly
// (archive/zip and encoding/xml) rather than through a template: see
// docxStyles.
func (d *Document) WriteDOCX(w io.Writer) error {
	body, err := d.documentXML()
	if err != nil {
		return err
	}
	lang := "vi-VN"
	if d.Lang == "en" {
		lang = "en-GB"
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", fmt.Sprintf(docxCore, escapeXML(d.Title))},
		{"word/_rels/document.xml.rels", docxDocumentRels},
		{"word/styles.xml", fmt.Sprintf(docxStyles, lang)},
		{"word/settings.xml", docxSettings},
		{"word/document.xml", body},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// escapeXML makes data text inert and escapes it for XML character data.
func escapeXML(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(data.Printable(s)))
	return b.String()
}

func (d *Document) documentXML() (string, error) {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	para(&b, "Title", "", d.Title)
	for _, bl := range d.Blocks {
		switch bl.Kind {
		case Heading1:
			para(&b, "Heading1", "", bl.Text)
		case Heading2:
			para(&b, "Heading2", "", bl.Text)
		case Paragraph:
			para(&b, "", "", bl.Text)
		case Item:
			para(&b, "ListDash", "", "- "+bl.Text)
		case Note:
			para(&b, "Label", "", bl.Text)
		case TableBlock:
			if bl.Table == nil {
				return "", fmt.Errorf("table block %q has no table", bl.Text)
			}
			para(&b, "Caption", "", bl.Text)
			writeDocxTable(&b, bl, d.Lang == "vi")
			para(&b, "", "", "") // Word needs a paragraph between two tables, and after the last
		default:
			return "", fmt.Errorf("unknown block kind %d", bl.Kind)
		}
	}
	fmt.Fprintf(&b, `<w:sectPr><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`,
		docxPageW, docxPageH, docxMarginTB, docxMarginR, docxMarginTB, docxMarginL)
	b.WriteString(`</w:body></w:document>`)
	return b.String(), nil
}

// para writes a paragraph of one run; style "" is Normal; align, when set,
// overrides the style's alignment.
func para(b *strings.Builder, style, align, text string) {
	b.WriteString("<w:p>")
	if style != "" || align != "" {
		b.WriteString("<w:pPr>")
		if style != "" {
			fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, style)
		}
		if align != "" {
			fmt.Fprintf(b, `<w:jc w:val="%s"/>`, align)
		}
		b.WriteString("</w:pPr>")
	}
	if text != "" {
		fmt.Fprintf(b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, escapeXML(text))
	}
	b.WriteString("</w:p>")
}

// writeDocxTable writes a table with its column grid (without one, Word and
// LibreOffice may drop or collapse the table), a header row that is bold,
// shaded and repeated on each page, and the cells as text.
func writeDocxTable(b *strings.Builder, bl Block, comma bool) {
	t := bl.Table
	n := len(t.Headers)
	widths := docxWidths(bl.Widths, n)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`, docxTextWidth)
	b.WriteString("<w:tblGrid>")
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	cell := func(i int, text string, head bool) {
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, widths[i])
		if head {
			fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:vAlign w:val="center"/>`, headerFill)
		}
		b.WriteString("</w:tcPr>")
		align := "left"
		switch {
		case head:
			align = "center"
		case i < len(bl.Align) && (bl.Align[i] == "center" || bl.Align[i] == "right"):
			align = bl.Align[i]
		}
		style := "TableText"
		if head {
			style = "TableHeader"
		}
		para(b, style, align, text)
		b.WriteString("</w:tc>")
	}
	b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for i, h := range t.Headers {
		cell(i, h, true)
	}
	b.WriteString("</w:tr>")
	for _, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i := range n {
			var c any
			if i < len(row) {
				c = row[i]
			}
			cell(i, cellText(c, comma), false)
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

// docxWidths spreads the text width over n columns by relative weights.
func docxWidths(weights []int, n int) []int {
	total := 0
	w := make([]int, n)
	for i := range w {
		w[i] = 1
		if i < len(weights) && weights[i] > 0 {
			w[i] = weights[i]
		}
		total += w[i]
	}
	for i := range w {
		w[i] = docxTextWidth * w[i] / total
	}
	return w
}

const docxContentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const docxRootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docxDocumentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`</Relationships>`

const docxCore = xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
	`<dc:title>%s</dc:title><dc:creator>parlens</dc:creator></cp:coreProperties>`

const docxSettings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:defaultTabStop w:val="567"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// docxStyles defines every style the document uses, with Times New Roman
// named for all four scripts (ascii, hAnsi, eastAsia, cs): a font named for
// ASCII only leaves "ầ" or "ệ" to the theme font. %s is the proofing
// language. Styles are referred to by their ids (Heading1), not their
// display names.
const docxStyles = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="%s"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="240"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:caps/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:firstLine="0"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="567"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListDash"><w:name w:val="List Dash"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Label"><w:name w:val="Label"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="TableText"/>` +
	`<w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="000000"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
	`<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>` +
	`</w:styles>`

package present

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// Text from the data is escaped and made inert (an ESC or a BEL is not
// even legal XML 1.0), so every part stays well formed and shows it.
func TestWriteDOCXInert(t *testing.T) {
	score := 97.31
	tb := &Table{Headers: []string{"Hạng", "Đơn vị <b>", "Điểm"}}
	tb.Add(1, "x\x1b]52;c;aGk=\x07 & <w:p>", Score(&score, 2))
	tb.Add(nil, "short row")
	doc := &Document{Title: "T\u202eitle", Lang: "vi", Blocks: []Block{
		{Kind: Heading1, Text: "A & B"},
		{Kind: Paragraph, Text: "]]> <!-- -->"},
		{Kind: Item, Text: "item"},
		{Kind: Note, Text: "label"},
		{Kind: TableBlock, Text: "caption", Table: tb, Align: []string{"center", "left", "right"}},
	}}
	var buf bytes.Buffer
	if err := doc.WriteDOCX(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, f := range zr.File {
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if cd, ok := tok.(xml.CharData); ok && f.Name == "word/document.xml" {
				text.Write(cd)
				text.WriteByte('|')
			}
		}
		rc.Close()
	}
	for _, want := range []string{"T<U+202E>itle", "A & B", "]]> <!-- -->", "- item", "x␛]52;c;aGk=␇ & <w:p>", "97,31", "short row"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("document text lacks %q:\n%s", want, text.String())
		}
	}
	if err := (&Document{Blocks: []Block{{Kind: TableBlock, Text: "no table"}}}).WriteDOCX(io.Discard); err == nil {
		t.Error("a table block without a table was written")
	}
}

package present

import (
	"bytes"
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n     Num
		comma bool
		want  string
	}{
		{Num{V: 87.8, Dec: -1, Pad: 2}, false, "87.80"},    // padded to the dataset's decimals
		{Num{V: 87.8, Dec: -1, Pad: 2}, true, "87,80"},     // Vietnamese text
		{Num{V: 97.315, Dec: -1, Pad: 2}, false, "97.315"}, // never rounded to the padding
		{Num{V: 90, Dec: -1, Pad: 1}, false, "90.0"},
		{Num{V: 90, Dec: -1, Pad: 0}, false, "90"},
		{Num{V: 2.0 / 3, Dec: 2}, true, "0,67"}, // a computed number, fixed decimals
		{Num{V: -3, Dec: -1}, false, "-3"},
	} {
		if got := FormatNumber(c.n, c.comma); got != c.want {
			t.Errorf("FormatNumber(%+v, %v) = %q, want %q", c.n, c.comma, got, c.want)
		}
	}
}

// The same table in every format: text aligned with numbers on the right,
// CSV with dots and machine headers as given, Markdown escaped.
func TestRender(t *testing.T) {
	score := 97.31
	tb := &Table{Headers: []string{"Đơn vị", "Điểm"}}
	tb.Add("Sở *Nội* vụ", Score(&score, 2))
	tb.Add("Sở Tư pháp", nil)
	for _, c := range []struct{ format, lang, want string }{
		{FormatTable, "vi", "Đơn vị        Điểm\n───────────  ─────\nSở *Nội* vụ  97,31\nSở Tư pháp\n"},
		{FormatTable, "en", "Đơn vị        Điểm\n───────────  ─────\nSở *Nội* vụ  97.31\nSở Tư pháp\n"},
		{FormatCSV, "vi", "Đơn vị,Điểm\nSở *Nội* vụ,97.31\nSở Tư pháp,\n"},
		{FormatMD, "vi", "| Đơn vị | Điểm |\n| --- | --- |\n| Sở \\*Nội\\* vụ | 97,31 |\n| Sở Tư pháp |  |\n"},
	} {
		var b bytes.Buffer
		if err := tb.Render(&b, c.format, c.lang); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s %s:\n%q\nwant\n%q", c.format, c.lang, b.String(), c.want)
		}
	}
}

// Labels, titles and headings appear in human formats only, inert.
func TestLabelsAndHeadings(t *testing.T) {
	for _, c := range []struct {
		format string
		write  func(*bytes.Buffer, string)
		want   string
	}{
		{FormatTable, func(b *bytes.Buffer, f string) { Label(b, f, "Dữ liệu minh họa") }, "Dữ liệu minh họa\n\n"},
		{FormatMD, func(b *bytes.Buffer, f string) { Label(b, f, "Dữ liệu_minh họa") }, "_Dữ liệu\\_minh họa_\n\n"},
		{FormatCSV, func(b *bytes.Buffer, f string) { Label(b, f, "Dữ liệu minh họa") }, ""},
		{FormatJSON, func(b *bytes.Buffer, f string) { Label(b, f, "Dữ liệu minh họa") }, ""},
		{FormatTable, func(b *bytes.Buffer, f string) { Title(b, f, "Sở \x1b[31mNội vụ") }, "Sở ␛[31mNội vụ\n"},
		{FormatMD, func(b *bytes.Buffer, f string) { Title(b, f, "Sở <b>") }, "## Sở &lt;b&gt;\n"},
		{FormatTable, func(b *bytes.Buffer, f string) { Heading(b, f, "Lịch sử", true) }, "\nLịch sử\n"},
		{FormatMD, func(b *bytes.Buffer, f string) { Heading(b, f, "Lịch sử", false) }, "### Lịch sử\n\n"},
	} {
		var b bytes.Buffer
		c.write(&b, c.format)
		if b.String() != c.want {
			t.Errorf("%s: %q, want %q", c.format, b.String(), c.want)
		}
	}
	if got := Inline(FormatTable, strings.Repeat("x", 150)); !strings.HasSuffix(got, "…") || len([]rune(got)) != MaxTextCell {
		t.Errorf("a text line keeps %d characters of 150", len([]rune(got)))
	}
}

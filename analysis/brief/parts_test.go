package brief

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data"
)

// A brief of several indices opens each with a part heading, its sections
// one level below, and the notes once at the end, in every layout.
func TestBriefPartsLayout(t *testing.T) {
	a := analysis.New(exampleDataset())
	b := mustGenerate(t, a, Options{Year: 2021})
	md := b.Markdown()
	par := strings.Index(md, "\n## Chỉ số cải cách hành chính (PAR Index)\n")
	rec := strings.Index(md, "\n## Công tác văn thư, lưu trữ\n")
	notes := strings.Index(md, "\n## Ghi chú\n")
	if par < 0 || rec < par || notes < rec || strings.Count(md, "\n## Ghi chú\n") != 1 {
		t.Errorf("parts at %d, %d, notes at %d, want PAR, then records, then the notes once:\n%s", par, rec, notes, md)
	}
	if strings.Count(md, "\n### Tổng quan\n") != 2 {
		t.Errorf("want one lead per index at level 3:\n%s", md)
	}
	if !strings.Contains(b.Text(), "\nCÔNG TÁC VĂN THƯ, LƯU TRỮ\n") {
		t.Errorf("text: no part heading for the records index:\n%s", b.Text())
	}

	doc := b.Document(a)
	var h1 []string
	tables := 0
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case present.Heading1:
			h1 = append(h1, bl.Text)
		case present.TableBlock:
			tables++
		}
	}
	want := []string{"Chỉ số cải cách hành chính (PAR Index)", "Công tác văn thư, lưu trữ", "Ghi chú"}
	if strings.Join(h1, " | ") != strings.Join(want, " | ") {
		t.Errorf("Word level-1 headings %q, want %q", h1, want)
	}
	if tables != 3 { // the PAR Index's three blocs; a grade-only index has no ranking table
		t.Errorf("%d ranking tables, want 3", tables)
	}

	// one index: no part headings
	one := mustGenerate(t, a, Options{Index: data.DefaultIndex, Year: 2021})
	if md := one.Markdown(); strings.Contains(md, "\n## Chỉ số cải cách hành chính (PAR Index)\n") || !strings.Contains(md, "\n## Tổng quan\n") {
		t.Errorf("a one-index brief: want its sections at level 2 and no part heading:\n%s", md)
	}
}

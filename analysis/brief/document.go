package brief

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// Document lays the brief out for Word (present.Document.WriteDOCX): the
// same headings and paragraphs as Markdown and Text, the highlights and
// notes as "- " items, and at the end of each bloc's section its ranking
// table (rank, unit, score, and grade when the bloc has grades) from a, the
// analysis the brief was drafted from; a bloc of a grade-only index has no
// ranking table.
func (b *Brief) Document(a *analysis.Analysis) *present.Document {
	g := &gen{en: b.Lang == "en"}
	doc := &present.Document{Title: b.Title, Lang: b.Lang}
	add := func(kind present.BlockKind, text string) {
		doc.Blocks = append(doc.Blocks, present.Block{Kind: kind, Text: text})
	}
	section := present.Heading1
	if b.multi() { // each index is a part: its sections one level below
		section = present.Heading2
	}
	for i, s := range b.layout() {
		if s.part != "" {
			add(present.Heading1, s.part)
		}
		if s.kind == SectionFootnote {
			add(present.Heading1, s.title) // the notes span every index
		} else {
			add(section, s.title)
		}
		for _, bl := range s.blocks {
			if bl.heading != "" {
				add(present.Heading2, bl.heading)
			}
			kind := present.Paragraph
			if s.kind == SectionHighlights || s.kind == SectionFootnote {
				kind = present.Item
			}
			for j, p := range bl.paras {
				if bl.item(j) {
					add(present.Item, p)
					continue
				}
				add(kind, p)
			}
		}
		if sec := b.Sections[i]; sec.Kind == SectionBloc {
			if t, ok := a.Table(data.Slice{Index: sec.Index, Year: b.Year, Bloc: sec.Bloc}); ok && ranked(t) {
				doc.Blocks = append(doc.Blocks, g.rankingBlock(t, a.Dataset().Decimals))
			}
		}
	}
	return doc
}

// ranked reports whether a table ranks its units: a grade-only index
// (văn thư, lưu trữ) has no ranking to print, its grades are in the text.
func ranked(t analysis.Table) bool {
	for _, r := range t.Rows {
		if r.Rank != nil || r.Score != nil {
			return true
		}
	}
	return false
}

// rankingBlock is a bloc's ranking as a table block: scores as the brief
// writes them (at least two decimals), the not-ranked mark for a unit
// assessed but not ranked, the grade column only when some unit has a
// grade.
func (g *gen) rankingBlock(t analysis.Table, decimals int) present.Block {
	graded := false
	for _, r := range t.Rows {
		graded = graded || r.Grade != nil
	}
	l := g.lang()
	heads := []string{words.ColRank.Cap(l), words.ColUnit.Cap(l), words.ColScore.Cap(l)}
	if graded {
		heads = append(heads, words.ColGrade.Cap(l))
	}
	tb := &present.Table{Headers: heads}
	for _, r := range t.Rows {
		var rank any = r.Rank
		if r.NotRanked {
			rank = g.say(words.NotRanked)
		}
		row := []any{rank, r.Unit, present.Score(r.Score, numfmt.ProsePad(decimals))}
		if graded {
			row = append(row, r.Grade)
		}
		tb.Add(row...)
	}
	return present.Block{Kind: present.TableBlock, Text: g.sayf(words.BriefTableCaption, g.blocRef(t.Bloc), t.Year), Table: tb,
		Align: []string{"center", "left", "right", "left"}, Widths: []int{13, 55, 15, 17}}
}

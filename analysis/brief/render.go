package brief

import (
	"strings"
	"unicode/utf8"

	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// TextWidth is the line width of Text.
const TextWidth = 80

// block is a rendered unit of a section: an optional sub-heading and
// paragraphs (or list items).
type block struct {
	heading string
	paras   []string
	items   map[int]bool // paras written as list items inside running text
}

// item reports whether paragraph i is a list item.
func (bl *block) item(i int) bool { return bl.items[i] }

// laidOut is a section arranged into headings and paragraphs; Markdown and
// Text render the same layout.
type laidOut struct {
	kind, title string
	part        string // the index's heading, on its first section, when the brief covers several
	blocks      []block
}

// multi reports whether the brief covers several indices: each then opens
// with a part heading and its sections sit one level below.
func (b *Brief) multi() bool { return len(b.Indices) > 1 }

func (b *Brief) layout() []laidOut {
	g := &gen{en: b.Lang == "en"}
	var out []laidOut
	lastIndex := ""
	for _, s := range b.Sections {
		part := ""
		if b.multi() && s.Index != "" && s.Index != lastIndex {
			ig := &gen{en: g.en, index: s.Index}
			part = words.CapFirst(ig.indexPhrase())
			lastIndex = s.Index
		}
		var blocks []block
		switch s.Kind {
		case SectionHighlights, SectionFootnote:
			bl := block{}
			for _, st := range s.Statements {
				bl.paras = append(bl.paras, st.Text)
			}
			blocks = append(blocks, bl)
		case SectionMovements, SectionComponents, SectionAnnex:
			for _, st := range s.Statements {
				h := g.blocTitle(st.Bloc)
				if n := len(blocks); n == 0 || blocks[n-1].heading != h {
					blocks = append(blocks, block{heading: h, paras: []string{""}})
				}
				last := &blocks[len(blocks)-1]
				last.paras[0] = joinSentence(last.paras[0], st.Text)
			}
		default: // lead and bloc sections: paragraphs by theme
			bl := block{}
			group := -1
			for _, st := range s.Statements {
				if listed(st.Kind) { // one item per merger: 23 of them read as a list, not a paragraph
					if bl.items == nil {
						bl.items = map[int]bool{}
					}
					bl.items[len(bl.paras)] = true
					bl.paras = append(bl.paras, st.Text)
					group = -1
					continue
				}
				if gr := paragraphOf(st.Kind); len(bl.paras) == 0 || gr != group {
					bl.paras = append(bl.paras, "")
					group = gr
				}
				bl.paras[len(bl.paras)-1] = joinSentence(bl.paras[len(bl.paras)-1], st.Text)
			}
			blocks = append(blocks, bl)
		}
		out = append(out, laidOut{s.Kind, s.Title, part, blocks})
	}
	return out
}

func joinSentence(p, s string) string {
	if p == "" {
		return s
	}
	return p + " " + s
}

// listed reports whether statements of a kind are written as list items:
// the mergers and splits of a reorganisation, one unit each.
func listed(kind string) bool { return kind == "merger" || kind == "split" }

// paragraphOf groups a section's statements into paragraphs: a
// reorganisation, the ranking, the bloc statistics, and the changes since last year.
func paragraphOf(kind string) int {
	switch kind {
	case "mean", "above_mean", "up_down", "spread":
		return 1
	case "grade_change", "grade_up", "grade_down", "biggest_gain", "biggest_drop", "biggest_climb", "biggest_fall":
		return 2
	case "break", "merger", "split", "baseline": // the first year after a reorganisation (lineage.go)
		return 3
	}
	return 0
}

// Markdown renders the brief as Markdown: a title, a heading per section
// (and per bloc inside the movements and components sections), paragraphs,
// and lists for highlights and notes.
func (b *Brief) Markdown() string {
	var sb strings.Builder
	sb.WriteString("# " + mdEscape(b.Title) + "\n")
	h2, h3 := "## ", "### "
	if b.multi() {
		h2, h3 = "### ", "#### "
	}
	for _, s := range b.layout() {
		if s.part != "" {
			sb.WriteString("\n## " + mdEscape(s.part) + "\n")
		}
		title := h2
		if s.kind == SectionFootnote {
			title = "## " // the notes span every index
		}
		sb.WriteString("\n" + title + mdEscape(s.title) + "\n")
		for _, bl := range s.blocks {
			if bl.heading != "" {
				sb.WriteString("\n" + h3 + mdEscape(bl.heading) + "\n")
			}
			if s.kind == SectionHighlights || s.kind == SectionFootnote {
				sb.WriteString("\n")
				for _, p := range bl.paras {
					sb.WriteString("- " + mdEscape(p) + "\n")
				}
				continue
			}
			for i, p := range bl.paras {
				switch {
				case bl.item(i) && i > 0 && bl.item(i-1):
					sb.WriteString("- " + mdEscape(p) + "\n")
				case bl.item(i):
					sb.WriteString("\n- " + mdEscape(p) + "\n")
				default:
					sb.WriteString("\n" + mdEscape(p) + "\n")
				}
			}
		}
	}
	return sb.String()
}

// mdEscape makes data text inert in Markdown and drops control characters.
func mdEscape(s string) string {
	s = data.Printable(s)
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`,
		"&", "&amp;", "~", `\~`) // an entity (&#x202E;) would turn back into what Printable made visible
	s = r.Replace(s)
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		s = `\` + s
	}
	return s
}

// Text renders the brief as plain text: no markup, paragraphs wrapped at
// TextWidth columns, headings on their own lines.
func (b *Brief) Text() string {
	var sb strings.Builder
	sb.WriteString(wrap(data.Printable(b.Title), TextWidth) + "\n")
	for _, s := range b.layout() {
		if s.part != "" {
			sb.WriteString("\n" + wrap(strings.ToUpper(data.Printable(s.part)), TextWidth) + "\n")
		}
		sb.WriteString("\n" + wrap(data.Printable(s.title), TextWidth) + "\n")
		for _, bl := range s.blocks {
			if bl.heading != "" {
				sb.WriteString("\n" + wrap(data.Printable(bl.heading), TextWidth) + "\n")
			}
			for i, p := range bl.paras {
				if bl.item(i) {
					p = "- " + p
				}
				sb.WriteString("\n" + wrap(data.Printable(p), TextWidth) + "\n")
			}
		}
	}
	return sb.String()
}

// wrap breaks text into lines of at most width runes, at spaces.
func wrap(s string, width int) string {
	var sb strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		l := utf8.RuneCountInString(w)
		switch {
		case n == 0:
		case n+1+l > width:
			sb.WriteString("\n")
			n = 0
		default:
			sb.WriteString(" ")
			n++
		}
		sb.WriteString(w)
		n += l
	}
	return sb.String()
}

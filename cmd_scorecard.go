package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// scorecardAbout is the paragraph of `parlens scorecard -h`.
const scorecardAbout = `Writes a unit's scorecard: its rank, score and grade over the years; every
area and criterion of the year with its score, maximum (applicable: less the
criteria that do not apply to the unit), share, the bloc's mean and best,
points lost and change since last year; the five criteria where it is
furthest below the bloc's mean; and its self-assessment gap where the files
give one. --all -o DIR writes one per unit into DIR (Markdown and text, or
the --format given), each file written atomically.`

// scorecardFlags are the flags of `parlens scorecard`.
type scorecardFlags struct {
	year         int
	index, out   string
	all          bool
	lang, format choice
}

func bindScorecard(fs *flag.FlagSet) func(*env) error {
	f := &scorecardFlags{lang: newChoice("vi", "en"), format: newFormatChoice(present.FormatMD, present.FormatText, present.FormatDOCX)}
	fs.IntVar(&f.year, "year", 0, "year (default: the unit's latest year in each index)")
	fs.StringVar(&f.index, "index", "", "index name or accent-insensitive part of it (default: every index the unit is in)")
	fs.BoolVar(&f.all, "all", false, "write every unit's scorecard into the directory -o names")
	fs.Var(&f.lang, "lang", "`language`: "+f.lang.choices())
	fs.Var(&f.format, "format", "output `format`: "+f.format.choices())
	fs.StringVar(&f.out, "o", "", "write to `FILE` (atomically) instead of standard output; with --all, the directory to write into")
	return func(e *env) error { return runScorecard(e, f) }
}

// scorecardExtensions are the files' extensions by format.
var scorecardExtensions = map[string]string{present.FormatMD: ".md", present.FormatText: ".txt", present.FormatDOCX: ".docx"}

func runScorecard(e *env, f *scorecardFlags) error {
	index := ""
	if f.index != "" {
		m := analysis.MatchBloc(f.index, e.a.Indices())
		if len(m) != 1 {
			return unknownError("index", f.index, e.a.Indices())
		}
		index = m[0]
	}
	if f.all {
		return writeAllScorecards(e, f, index)
	}
	if e.operand == "" {
		return e.usageErrorf("name a unit by code or name (parlens scorecard CODE), or give --all -o DIR")
	}
	u, err := findOneUnit(e)
	if err != nil {
		return err
	}
	for ext, format := range map[string]string{".md": present.FormatMD, ".txt": present.FormatText, ".docx": present.FormatDOCX} {
		if strings.EqualFold(filepath.Ext(f.out), ext) && !f.format.given {
			f.format.value = format
		}
	}
	if f.format.value == present.FormatDOCX && f.out == "" && e.terminal {
		return e.usageErrorf("--format docx writes a binary Word document, which a terminal cannot show; give -o FILE.docx")
	}
	doc, ok := scorecardDocument(e, f, u.UnitID, index)
	if !ok {
		return &exitError{exitData, fmt.Sprintf("parlens: %s has no result in %s", data.Printable(u.Unit), yearText(f.year))}
	}
	write := func(w io.Writer) error { return writeDocument(w, doc, f.format.value) }
	if f.out != "" {
		return writeFileAtomic(f.out, write)
	}
	return write(e.stdout)
}

// yearText names the year asked for in a message.
func yearText(year int) string {
	if year == 0 {
		return "any year"
	}
	return strconv.Itoa(year)
}

// findOneUnit is the unit the operand names, or why there is none.
func findOneUnit(e *env) (analysis.Unit, error) {
	found := e.a.FindUnit(e.operand)
	switch {
	case len(found) == 0:
		return analysis.Unit{}, unknownError("unit", e.operand, e.a.UnitNames())
	case len(found) > 1:
		var names []string
		for _, u := range found {
			names = append(names, present.TextCell(u.Unit))
		}
		return analysis.Unit{}, &exitError{exitData, fmt.Sprintf("parlens: %q matches %d units: %s; be more specific or use the code",
			e.operand, len(found), data.Printable(strings.Join(names, "; ")))}
	}
	return found[0], nil
}

// writeAllScorecards writes every unit's scorecard into the -o directory:
// Markdown and text, or the one --format given.
func writeAllScorecards(e *env, f *scorecardFlags, index string) error {
	if f.out == "" {
		return e.usageErrorf("--all writes one file per unit: give the directory with -o DIR")
	}
	if e.operand != "" {
		return e.usageErrorf("--all writes every unit's scorecard: drop the unit %q", data.Printable(e.operand))
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return &exitError{exitData, "parlens: " + cleanError(err)}
	}
	formats := []string{present.FormatMD, present.FormatText}
	if f.format.given {
		formats = []string{f.format.value}
	}
	// Each file is synced to disk before it replaces its name: the writes
	// wait on the disk, not the processor, so several run at once.
	type job struct {
		path, format string
		doc          *present.Document
	}
	jobs := make(chan job)
	errs := make(chan error, scorecardWriters)
	var wg sync.WaitGroup
	for range scorecardWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if err := writeFileAtomic(j.path, func(w io.Writer) error { return writeDocument(w, j.doc, j.format) }); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	names := map[string]bool{}
	n := 0
	for _, id := range e.a.UnitIDs() {
		if len(errs) > 0 {
			break // a write failed: stop, and say so below
		}
		doc, ok := scorecardDocument(e, f, id, index)
		if !ok {
			continue
		}
		base := uniqueName(names, scorecardFileName(e.a, id))
		for _, format := range formats {
			jobs <- job{filepath.Join(f.out, base+scorecardExtensions[format]), format, doc}
		}
		n++
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return &exitError{exitData, "parlens: " + cleanError(err)}
	default:
	}
	fmt.Fprintln(e.stderr, words.ScorecardWrote.F(words.Lang(f.lang.value), n, data.Printable(f.out)))
	return nil
}

// scorecardWriters is how many scorecard files are written at once.
const scorecardWriters = 16

// cleanError is an error's text, inert.
func cleanError(err error) string { return data.Printable(err.Error()) }

// scorecardFileName is a file name safe on every system for a unit: its
// code and folded name (ASCII letters, digits and hyphens), at most 80
// characters.
func scorecardFileName(a *analysis.Analysis, unitID string) string {
	u := a.UnitInfo(unitID)
	name := data.Fold(u.Unit)
	if u.UnitCode != nil {
		name = data.Fold(*u.UnitCode) + " " + name
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 80 {
		s = strings.TrimRight(s[:80], "-")
	}
	if s == "" {
		s = "unit"
	}
	return s
}

// uniqueName makes a file name unique among those given: "so-a", "so-a-2"…
func uniqueName(taken map[string]bool, name string) string {
	out := name
	for k := 2; taken[out]; k++ {
		out = name + "-" + strconv.Itoa(k)
	}
	taken[out] = true
	return out
}

// writeDocument writes a document in a format: Markdown, text or .docx.
func writeDocument(w io.Writer, doc *present.Document, format string) error {
	switch format {
	case present.FormatText:
		return doc.WriteText(w)
	case present.FormatDOCX:
		return doc.WriteDOCX(w)
	}
	return doc.WriteMarkdown(w)
}

// scorecardDocument lays out a unit's scorecards (one section per index);
// false when the unit has no record in the year asked.
func scorecardDocument(e *env, f *scorecardFlags, unitID, index string) (*present.Document, bool) {
	cards := e.a.Scorecards(unitID, index, f.year)
	lang := words.Lang(f.lang.value)
	say := func(w *words.Word) string { return w.In(lang) }
	comma := f.lang.value == "vi"
	pad := e.a.Dataset().Decimals
	score := func(v float64) string { return present.FormatNumber(present.Num{V: v, Dec: -1, Pad: pad}, comma) }
	fixedText := func(v float64, dec int) string { return present.FormatNumber(present.Num{V: v, Dec: dec}, comma) }
	headers := func(cols ...*words.Word) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = say(c)
		}
		return out
	}
	var doc *present.Document
	for _, sc := range cards {
		if sc.Tree == nil {
			continue
		}
		if doc == nil {
			doc = &present.Document{Title: words.ScorecardTitle.F(lang, sc.Unit.Unit), Lang: f.lang.value}
			if label := e.a.Dataset().Label; label != "" {
				doc.Blocks = append(doc.Blocks, present.Block{Kind: present.Note, Text: words.ScorecardLabel.F(lang, label)})
			}
		}
		t := sc.Tree
		add := func(b present.Block) { doc.Blocks = append(doc.Blocks, b) }
		add(present.Block{Kind: present.Heading1, Text: fmt.Sprintf("%s %d — %s", sc.Index, sc.Year, t.Bloc)})
		rank, grade := say(words.ScorecardNone), say(words.ScorecardNone)
		total := say(words.ScorecardNone)
		if t.Score != nil {
			total = score(*t.Score)
		}
		for _, p := range sc.History {
			if p.Year != sc.Year || p.Bloc != t.Bloc {
				continue
			}
			if p.Rank != nil {
				rank = strconv.Itoa(*p.Rank)
				if p.RankedOf > 0 {
					rank += "/" + strconv.Itoa(p.RankedOf)
				}
			}
			if p.Grade != nil {
				grade = *p.Grade
			}
		}
		add(present.Block{Kind: present.Paragraph, Text: words.ScorecardTotalLine.F(lang, sc.Year, total, rank, grade)})
		if t.ApplicableMax != nil && t.Share != nil {
			add(present.Block{Kind: present.Paragraph, Text: words.ScorecardShareLine.F(lang, score(*t.ApplicableMax), fixedText(*t.Share, 1))})
		}

		hist := &present.Table{Headers: headers(words.ColYear, words.ColBloc, words.ColScore, words.ColRank, words.ColRankedOf, words.ColGrade)}
		for _, p := range sc.History {
			var of any
			if p.RankedOf > 0 {
				of = p.RankedOf
			}
			hist.Add(p.Year, p.Bloc, present.Score(p.Score, pad), p.Rank, of, p.Grade)
		}
		add(present.Block{Kind: present.TableBlock, Text: say(words.ScorecardHistory), Table: hist})

		if len(t.Rows) == 0 {
			add(present.Block{Kind: present.Paragraph, Text: say(words.ScorecardNoTree)})
		} else {
			cols := []*words.Word{words.ColLevel, words.ColCode, words.ColComponent, words.ColScore, words.ColApplicableMax,
				words.ColShare, words.ColBlocMean, words.ColBlocBest, words.ColVsBlocMean, words.ColLost, words.ColChange}
			selfRows := slices.ContainsFunc(t.Rows, func(r analysis.CriterionRow) bool { return r.SelfAssessed != nil })
			if selfRows { // the unit's own score per criterion, where the files give it
				cols = append(cols, words.ColSelfAssessed, words.ColSelfGap)
			}
			tree := &present.Table{Headers: headers(cols...)}
			for _, r := range t.Rows {
				var sc any = present.Score(r.Score, pad)
				if r.NotApplicable {
					sc = say(words.NotApplicable)
				}
				cells := []any{say(levelWord(r.Level)), r.Code, strings.Repeat("  ", r.Level) + r.Name, sc, present.Score(r.ApplicableMax, pad),
					present.Fixed(r.Share, 1), present.Fixed(r.BlocMean, 2), present.Score(r.BlocBest, pad), present.Fixed(r.VsBlocMean, 2),
					present.Fixed(r.Lost, 2), present.Fixed(r.Change, 2)}
				if selfRows {
					cells = append(cells, present.Score(r.SelfAssessed, pad), present.Fixed(r.SelfGap, 2))
				}
				tree.Add(cells...)
			}
			add(present.Block{Kind: present.TableBlock, Text: words.ScorecardTreeOf.F(lang, sc.Year), Table: tree})
			add(present.Block{Kind: present.Note, Text: say(words.ScorecardTreeNote)})
			if sc.Tree.Partial {
				add(present.Block{Kind: present.Paragraph, Text: words.ScorecardPartial.F(lang, sc.Year)})
			} else if len(sc.MostLost) == 0 {
				none := words.ScorecardNoneLost
				if sc.MostLostLevel == analysis.LevelArea {
					none = words.ScorecardNoneLostAreas
				}
				add(present.Block{Kind: present.Paragraph, Text: say(none)})
			} else {
				lost := &present.Table{Headers: headers(words.ColCode, words.ColComponent, words.ColScore, words.ColBlocMean, words.ColVsBlocMean, words.ColBlocBest)}
				for _, r := range sc.MostLost {
					lost.Add(r.Code, r.Name, present.Score(r.Score, pad), present.Fixed(r.BlocMean, 2), present.Fixed(r.VsBlocMean, 2), present.Score(r.BlocBest, pad))
				}
				heading := words.ScorecardMostLost
				if sc.MostLostLevel == analysis.LevelArea {
					heading = words.ScorecardMostLostAreas // a flat file: its components are areas
				}
				add(present.Block{Kind: present.TableBlock, Text: heading.F(lang, len(sc.MostLost)), Table: lost})
			}
		}

		add(present.Block{Kind: present.Heading2, Text: say(words.ScorecardSelf)})
		if g := sc.Self; g == nil {
			add(present.Block{Kind: present.Paragraph, Text: say(words.ScorecardNoSelf)})
		} else {
			by := say(words.ScorecardAppraisalTotal)
			if g.AppraisedBy != "total" {
				by = appraisalName(e.a.Dataset(), g.AppraisedBy, sc.Year)
			}
			add(present.Block{Kind: present.Paragraph, Text: words.ScorecardSelfLine.F(lang, score(g.SelfAssessed), by, score(g.Appraised), fixedText(g.Gap, 2))})
			if g.Summed {
				add(present.Block{Kind: present.Paragraph, Text: say(words.ScorecardSelfSummed)})
			}
			if g.PrevGap != nil {
				how := say(words.ScorecardWidened)
				if *g.Narrowed {
					how = say(words.ScorecardNarrowed)
				}
				add(present.Block{Kind: present.Paragraph, Text: words.ScorecardSelfPrev.F(lang, *g.PrevYear, fixedText(*g.PrevGap, 2), how)})
			}
		}
	}
	return doc, doc != nil
}

// appraisalName is the name in a year of the component a self-assessed
// score was compared with.
func appraisalName(d *data.Dataset, key string, year int) string {
	for i := range d.Components {
		if d.Components[i].Key == key {
			return d.Components[i].NameIn(year)
		}
	}
	return key
}

package tui

import (
	"bytes"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/brief"
)

// generateBrief drafts the briefing with package brief (the default of
// Options.Brief), with the analyst's annex: the dashboard always shows it.
func generateBrief(a *analysis.Analysis, o BriefOptions) (markdown, plain string, err error) {
	b, err := brief.Generate(a, brief.Options{
		Index: o.Index, Year: o.Year, Blocs: o.Blocs, Lang: o.Lang, Sources: o.Sources, Highlights: o.Highlights, Annex: true,
	})
	if err != nil {
		return "", "", err
	}
	return b.Markdown(), b.Text(), nil
}

// briefDOCX drafts the briefing with package brief and lays it out as a
// Word document, as `parlens brief --format docx` does.
func briefDOCX(a *analysis.Analysis, o BriefOptions) ([]byte, error) {
	b, err := brief.Generate(a, brief.Options{
		Index: o.Index, Year: o.Year, Blocs: o.Blocs, Lang: o.Lang, Sources: o.Sources, Highlights: o.Highlights,
	})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = b.Document(a).WriteDOCX(&buf)
	return buf.Bytes(), err
}

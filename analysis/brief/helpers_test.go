package brief

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
)

// The record and dataset builders are datatest's; the short names keep the
// tables of records readable.
type opt = datatest.Opt

var (
	R          = datatest.R
	G          = datatest.G
	P          = datatest.P
	mk         = datatest.Graded
	mkUngraded = datatest.Ungraded
	grade      = datatest.Grade
	code       = datatest.Code
	pubRank    = datatest.Pub
	index      = datatest.Index
	scores     = datatest.Scores
	notRanked  = datatest.NotRanked
)

// loadSample is the analysis of an embedded sample.
func loadSample(t *testing.T, name string) *analysis.Analysis {
	t.Helper()
	return analysis.New(datatest.SampleDataset(t, name))
}

// brief generates a brief or fails the test.
func brief(t *testing.T, ds *data.Dataset, o Options) *Brief {
	t.Helper()
	b, err := Generate(analysis.New(ds), o)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, b)
	return b
}

var (
	dotDecimal   = regexp.MustCompile(`\d\.\d`)
	commaDecimal = regexp.MustCompile(`\d,\d`)
	// a count of units out of a bloc of thousands, whose thousands groups
	// look like decimals: «2.489/5.000 đơn vị», "2,489/5,000 units"
	viUnitCount = regexp.MustCompile(`\d{1,3}(\.\d{3})*/\d{1,3}(\.\d{3})+`)
	enUnitCount = regexp.MustCompile(`\d{1,3}(,\d{3})*/\d{1,3}(,\d{3})+`)
)

// checkInvariants holds for every brief: full sentences, no "%", the right
// decimal mark, JSON-safe facts, no empty sections.
func checkInvariants(t *testing.T, b *Brief) {
	t.Helper()
	if len(b.Sections) == 0 || b.Sections[0].Kind != SectionLead || b.Sections[len(b.Sections)-1].Kind != SectionFootnote {
		t.Errorf("sections must run from lead to footnote: %v", sectionKinds(b))
	}
	for _, s := range b.Sections {
		if len(s.Statements) == 0 {
			t.Errorf("empty section %q", s.Title)
		}
	}
	for _, st := range b.Statements() {
		if st.Kind == "" || st.Text == "" {
			t.Errorf("statement without kind or text: %+v", st)
		}
		if !strings.HasSuffix(st.Text, ".") {
			t.Errorf("%s: not a full sentence: %q", st.Kind, st.Text)
		}
		// a rank as a share of the bloc ("nhóm 6% đứng đầu", "top 6%") is
		// the one percentage a brief writes (lineage.go); never a score change
		if strings.Contains(blocShare.ReplaceAllString(st.Text, ""), "%") {
			t.Errorf("%s: %% in text: %q", st.Kind, st.Text)
		}
		if st.Kind != "sources" && st.Kind != "label" {
			if b.Lang == "vi" && dotDecimal.MatchString(viUnitCount.ReplaceAllString(st.Text, "")) {
				t.Errorf("%s: decimal dot in Vietnamese: %q", st.Kind, st.Text)
			}
			if b.Lang == "en" && commaDecimal.MatchString(enUnitCount.ReplaceAllString(st.Text, "")) {
				t.Errorf("%s: decimal comma in English: %q", st.Kind, st.Text)
			}
		}
		if _, err := json.Marshal(st); err != nil {
			t.Errorf("%s: facts do not marshal: %v", st.Kind, err)
		}
	}
	checkStyle(t, b)
	for _, line := range strings.Split(b.Text(), "\n") {
		if n := len([]rune(line)); n > TextWidth {
			t.Errorf("text line of %d runes: %q", n, line)
		}
	}
}

func sectionKinds(b *Brief) []string {
	var out []string
	for _, s := range b.Sections {
		out = append(out, s.Kind)
	}
	return out
}

// kinds returns the statements of a kind (in a bloc, when bloc is not "*").
func kinds(b *Brief, kind, bloc string) []Statement {
	var out []Statement
	for _, st := range b.Statements() {
		if st.Kind == kind && (bloc == "*" || st.Bloc == bloc) {
			out = append(out, st)
		}
	}
	return out
}

// one returns the only statement of a kind in a bloc.
func one(t *testing.T, b *Brief, kind, bloc string) Statement {
	t.Helper()
	ss := kinds(b, kind, bloc)
	if len(ss) != 1 {
		t.Fatalf("%d %q statements in %q, want 1; brief:\n%s", len(ss), kind, bloc, b.Markdown())
	}
	return ss[0]
}

func none(t *testing.T, b *Brief, kind string) {
	t.Helper()
	if ss := kinds(b, kind, "*"); len(ss) > 0 {
		t.Errorf("unexpected %q statement: %q", kind, ss[0].Text)
	}
}

// has asserts that text contains every substring.
func has(t *testing.T, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(text, s) {
			t.Errorf("missing %q in:\n%s", s, text)
		}
	}
}

func hasNot(t *testing.T, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(text, s) {
			t.Errorf("unexpected %q in:\n%s", s, text)
		}
	}
}

// allText joins every statement's text.
func allText(b *Brief) string {
	var sb strings.Builder
	for _, st := range b.Statements() {
		sb.WriteString(st.Text + "\n")
	}
	return sb.String()
}

// oneIn returns the only statement of a kind in a bloc of one index of a
// brief covering several.
func oneIn(t *testing.T, b *Brief, index, kind, bloc string) Statement {
	t.Helper()
	var ss []Statement
	for _, sec := range b.Sections {
		for _, st := range sec.Statements {
			if st.Index != sec.Index && sec.Kind != SectionFootnote {
				t.Errorf("%s statement of index %q in a section of %q", st.Kind, st.Index, sec.Index)
			}
			if st.Index == index && st.Kind == kind && st.Bloc == bloc {
				ss = append(ss, st)
			}
		}
	}
	if len(ss) != 1 {
		t.Fatalf("%d %q statements in %q of %q, want 1; brief:\n%s", len(ss), kind, bloc, index, b.Markdown())
	}
	return ss[0]
}

// blocShare matches a rank written as a share of the bloc.
var blocShare = regexp.MustCompile(`\((nhóm \d+% (đứng đầu|cuối bảng)|(top|bottom) \d+%)\)`)

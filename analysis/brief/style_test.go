package brief

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis"
)

// The rules of STYLE.md that a machine can check.

// predicateFirst are openers that put the predicate before the subject:
// «Lần đầu vươn lên vị trí thứ nhất là …», «Rising to first place … is …».
var predicateFirst = map[string][]string{
	"vi": {"Lần đầu", "Đứng ", "Tiếp tục", "Trở lại", "Dẫn đầu", "Đồng hạng", "Cùng đứng", "Tăng điểm nhiều", "Giảm điểm nhiều",
		"Tăng nhiều", "Giảm nhiều", "Tụt", "Duy trì", "Được đánh giá", "Đổi tên", "Không có kết quả", "Không có trong", "Giảm điểm ở"},
	"en": {"Rising", "Keeping", "In first place", "In last place", "First ", "Last ", "Back in", "Sharing", "Gaining", "Losing",
		"Climbing", "Falling", "Moving", "Graded ", "With a result", "Renamed", "Assessed but", "No result", "Not in the"},
}

var (
	sentenceEnd  = regexp.MustCompile(`[.;:] +`)
	absolutePath = regexp.MustCompile(`(^|[\s(])(/[^\s/]+)+/[^\s/]+|[A-Za-z]:[\\/]`)
	viDecimalDot = regexp.MustCompile(`\d\.\d`)
	wordBac      = regexp.MustCompile(`(?i)(^|[^\p{L}])bậc([^\p{L}]|$)`)
	wordTut      = regexp.MustCompile(`(?i)(^|[^\p{L}])tụt([^\p{L}]|$)`)
	lostNoMa     = regexp.MustCompile(`(?i)lĩnh vực khối bị mất`)
)

// styleViolations checks one paragraph (or list item) of a brief in lang.
// source is true for the data-sources and data-label notes, whose file and
// label text is the data's own.
func styleViolations(lang, para string) []string {
	var out []string
	if wordBac.MatchString(para) {
		out = append(out, "«bậc» for rank places (write «hạng»)")
	}
	if wordTut.MatchString(para) {
		out = append(out, "«tụt» (write «giảm»)")
	}
	if lostNoMa.MatchString(para) {
		out = append(out, "«Lĩnh vực khối bị mất» without «mà»")
	}
	if absolutePath.MatchString(para) {
		out = append(out, "an absolute path (name files by their base names)")
	}
	source := strings.HasPrefix(para, "Nguồn dữ liệu:") || strings.HasPrefix(para, "Dữ liệu:") ||
		strings.HasPrefix(para, "Data sources:") || strings.HasPrefix(para, "Data:")
	if lang == "vi" && !source && viDecimalDot.MatchString(viUnitCount.ReplaceAllString(para, "")) {
		out = append(out, "a decimal point in a Vietnamese number")
	}
	// sentences: the paragraph's start and what follows a full stop
	starts := []string{para}
	for _, loc := range sentenceEnd.FindAllStringIndex(para, -1) {
		if para[loc[0]] == '.' {
			starts = append(starts, para[loc[1]:])
		}
	}
	for _, s := range starts {
		for _, p := range predicateFirst[lang] {
			if strings.HasPrefix(s, p) {
				out = append(out, "predicate-first sentence: "+firstWords(s))
			}
		}
	}
	return out
}

func firstWords(s string) string {
	if f := strings.Fields(s); len(f) > 6 {
		return strings.Join(f[:6], " ") + " …"
	}
	return s
}

// paragraphs splits a rendered brief (Markdown or text) into paragraphs and
// list items, headings left out.
func paragraphs(doc string) []string {
	var out []string
	for _, block := range strings.Split(doc, "\n\n") {
		for _, item := range strings.Split(block, "\n- ") {
			p := strings.Join(strings.Fields(strings.TrimPrefix(item, "- ")), " ")
			if p == "" || strings.HasPrefix(p, "#") {
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

func TestStyleRulesCatchBadText(t *testing.T) {
	tests := []struct {
		lang, text, want string
	}{
		{"vi", "Lần đầu vươn lên vị trí thứ nhất là Công an thành phố.", "predicate-first"},
		{"vi", "Khối có 5 đơn vị. Đứng ở vị trí cuối cùng là Sở Y tế.", "predicate-first"},
		{"vi", "Tiếp tục duy trì vị trí dẫn đầu là quận Thanh Khê.", "predicate-first"},
		{"en", "Rising to first place for the first time is Công an thành phố.", "predicate-first"},
		{"vi", "Sở Ngoại vụ tăng nhiều bậc nhất, tăng 4 bậc.", "«bậc»"},
		{"vi", "Thanh tra thành phố tụt 3 hạng.", "«tụt»"},
		{"vi", "Nguồn dữ liệu: /home/analyst/par/par-2021.csv.", "absolute path"},
		{"en", `Data sources: C:\data\par-2021.csv.`, "absolute path"},
		{"vi", "Lĩnh vực khối bị mất nhiều điểm nhất là Cải cách thể chế.", "without «mà»"},
		{"vi", "Sở Nội vụ đứng vị trí thứ nhất, với 101.69 điểm.", "decimal point"},
		{"vi", "Điểm trung bình của khối là 11.682 điểm.", "decimal point"}, // three decimals, no count
		{"vi", "Có 2.489/5.000 đơn vị đạt 11.682 điểm.", "decimal point"},
	}
	for _, tt := range tests {
		got := strings.Join(styleViolations(tt.lang, tt.text), "; ")
		if !strings.Contains(got, tt.want) {
			t.Errorf("styleViolations(%q) = %q, want a %q violation", tt.text, got, tt.want)
		}
	}
	for _, ok := range []struct{ lang, text string }{
		{"vi", "Công an thành phố lần đầu vươn lên vị trí thứ nhất (năm 2020 xếp thứ 2), với 97,31 điểm."},
		{"vi", "Sở Ngoại vụ tăng nhiều hạng nhất, tăng 4 hạng (từ thứ 12 lên thứ 8)."},
		{"vi", "Lĩnh vực mà khối bị mất nhiều điểm nhất là Cải cách thể chế."},
		{"vi", "Nguồn dữ liệu: par-2021.csv, v1.2.csv."},
		{"vi", "Năm 2021, 33 đơn vị thuộc 3 khối được đánh giá. Tiếp theo là Sở Du lịch (93,70 điểm)."},
		{"en", "Sở A and Sở B share first place, with 95.00 points each."},
		{"vi", "Có 2.489/5.000 đơn vị đạt điểm trên mức trung bình của khối."}, // a count of thousands
	} {
		if v := styleViolations(ok.lang, ok.text); len(v) > 0 {
			t.Errorf("styleViolations(%q) = %q, want none", ok.text, v)
		}
	}
}

// TestStyleGoldens holds every golden brief to the style rules.
func TestStyleGoldens(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden briefs: %v", err)
	}
	for _, f := range files {
		lang := "vi"
		if strings.Contains(f, ".en.") {
			lang = "en"
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var paras []string
		switch filepath.Ext(f) {
		case ".md", ".txt":
			paras = paragraphs(string(raw))
		case ".json":
			var sts []Statement
			if err := json.Unmarshal(raw, &sts); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, st := range sts {
				paras = append(paras, st.Text)
			}
		default:
			continue
		}
		for _, p := range paras {
			for _, v := range styleViolations(lang, p) {
				t.Errorf("%s: %s in %q", f, v, p)
			}
		}
	}
}

// TestStyleSamples generates the brief of every year of every sample, in
// both languages, with the annex, and holds it to the style rules.
func TestStyleSamples(t *testing.T) {
	for _, name := range []string{"city", "ministries-2023"} {
		a := loadSample(t, name)
		years := map[int]bool{}
		for _, ix := range a.Indices() {
			for _, y := range a.Years(ix) {
				years[y] = true
			}
		}
		for y := range years {
			for _, lang := range []string{"vi", "en"} {
				b, err := Generate(a, Options{Year: y, Lang: lang, Annex: true})
				if err != nil {
					t.Fatalf("%s %d %s: %v", name, y, lang, err)
				}
				checkStyle(t, b)
			}
		}
	}
	checkStyle(t, mustGenerate(t, analysis.New(exampleDataset()), Options{Year: 2021, Annex: true}))
}

func mustGenerate(t *testing.T, a *analysis.Analysis, o Options) *Brief {
	t.Helper()
	b, err := Generate(a, o)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkStyle holds a brief's statements and its title to the style rules.
func checkStyle(t *testing.T, b *Brief) {
	t.Helper()
	for _, v := range styleViolations(b.Lang, b.Title) {
		t.Errorf("title: %s in %q", v, b.Title)
	}
	for _, st := range b.Statements() {
		for _, v := range styleViolations(b.Lang, st.Text) {
			t.Errorf("%s (%d): %s in %q", st.Kind, b.Year, v, st.Text)
		}
	}
}

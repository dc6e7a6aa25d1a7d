package data

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// A file may declare that one of the usual blank marks means "does not
// apply" in its own tables: a note among the title lines above its header
// such as "N/A: không phát sinh" or "(-) = Không áp dụng". (A note under
// the table would be read as a row: only the lines above count.) In that file the mark is
// read as not applicable (NotApplicable) instead of missing; elsewhere
// "N/A" stays missing, as offices use it for a score not yet entered.

// declarationRe is a declaration line: a mark, a separator, then "không
// phát sinh", "không áp dụng" or "not applicable".
var declarationRe = regexp.MustCompile(`(?i)(?:^|[\s(":;,])\(?"?([^\s():"=]{1,5})"?\)?\s*(?:[:=–—]|\s-)\s*(?:tiêu chí\s+|criterion\s+)?(?:không phát sinh|không áp dụng|not applicable)`)

// readDeclarations finds the marks a file declares not applicable, in the
// lines above its header, and notes each.
func (t *table) readDeclarations() {
	if t.headLine <= 1 {
		return
	}
	lines := bytes.SplitN(t.text[:min(len(t.text), t.dataStart)], []byte{'\n'}, t.headLine)
	check := func(i int) {
		line := strings.TrimSpace(string(lines[i]))
		for _, m := range declarationRe.FindAllStringSubmatch(line, -1) {
			mark := m[1]
			if !missingMarks[mark] || t.notApplicable[mark] {
				continue
			}
			if t.notApplicable == nil {
				t.notApplicable = map[string]bool{}
			}
			t.notApplicable[mark] = true
			t.info.Notes = append(t.info.Notes, fmt.Sprintf("%s %d declares %q not applicable: such cells leave the unit's maximum", t.lineWord(1), i+1, mark))
		}
	}
	for i := 0; i < t.headLine-1 && i < len(lines); i++ {
		check(i)
	}
}

// declaredNotApplicable reports whether a marked cell holds a mark the
// file declares not applicable.
func (t *table) declaredNotApplicable(cell string) bool {
	return t.notApplicable != nil && t.notApplicable[trimSpace(cell)]
}

package data

import (
	"regexp"
	"slices"
	"strings"
)

// Component codes as offices write them ("1", "1.2", "TC1.2.3", "LV1")
// and headers that carry them ("1.2. Kế hoạch", "Lĩnh vực 1 / 1.1",
// "Tự chấm 1.1").

// codeRe is a component code: an optional prefix (TC, LV, TCTP, Tiêu chí…)
// and one to four numbers joined by dots ("1", "1.2", "TC1.2.3", "1.2.").
var codeRe = regexp.MustCompile(`^(?i:(?:tctp|tc|lv|tieu chi thanh phan|tieu chi|linh vuc|muc)\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?$`)

// headerCodeRe is a header that begins with a dotted code ("1.2", "1.2.
// Ban hành kế hoạch", "TC1.2 Kế hoạch"): a single number needs a prefix,
// as a bare "1" column is not known to be an area.
var headerCodeRe = regexp.MustCompile(`^(?i:(tctp|tc|lv)\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:[\s:)–-]+(.*))?$`)

// areaRe reads an area's number from a merged header's top cell, folded
// ("linh vuc 1 cong tac chi dao" → 1).
var areaRe = regexp.MustCompile(`^(?:linh vuc|lv|phan|noi dung)\s*(\d{1,2})\b`)

// codePath returns the numbers of a code joined by dots: "TC1.2" → "1.2".
func codePath(code string) (string, bool) {
	parts := strings.Split(strings.TrimSpace(code), ".")
	for i, p := range parts {
		parts[i] = Fold(p)
	}
	if m := codeRe.FindStringSubmatch(strings.Join(parts, ".")); m != nil {
		return normalPath(m[1]), true
	}
	return "", false
}

// normalPath drops leading zeros: "01.02" → "1.2".
func normalPath(p string) string {
	parts := strings.Split(p, ".")
	for i, s := range parts {
		s = strings.TrimLeft(s, "0")
		if s == "" {
			s = "0"
		}
		parts[i] = s
	}
	return strings.Join(parts, ".")
}

// parentPath is the path of a code's parent: "1.2.3" → "1.2"; "" for an area.
func parentPath(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// headerCode reads the code a data file's column header carries: "1.2",
// "1.2. Name", "TC1.2", or a merged header "Lĩnh vực 1: … / 1.1" (whose
// top part names the area: areaName, areaPath).
func headerCode(name string) (code, path, areaName, areaPath string, ok bool) {
	low := strings.TrimSpace(name)
	if i := strings.LastIndex(name, " / "); i >= 0 {
		areaName, low = strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+3:])
		if m := areaRe.FindStringSubmatch(Fold(areaName)); m != nil {
			areaPath = normalPath(m[1])
		}
	}
	m := headerCodeRe.FindStringSubmatch(low)
	if m == nil || (m[1] == "" && !strings.Contains(m[2], ".") && areaPath == "") {
		return "", "", "", "", false
	}
	path = normalPath(m[2])
	if areaPath != "" && !strings.HasPrefix(path+".", areaPath+".") {
		areaName, areaPath = "", "" // the merged cell above is not this code's area
	}
	return strings.TrimSpace(strings.TrimSuffix(m[1]+m[2], ".")), path, areaName, areaPath, true
}

// selfPrefixes are the folded words that begin a self-assessed column's
// header ("Tự chấm 1.1", "TĐG 1.1"), or its merged cell ("Điểm tự đánh
// giá / 1.1").
var selfPrefixes = []string{"diem tu danh gia", "tu danh gia", "diem tu cham", "tu cham", "tdg", "self assessed", "self assessment"}

// selfHeader reads a header of self-assessed scores of one component and
// returns that component's header: "Điểm tự đánh giá / 1.1" → "1.1",
// "Tự chấm TC1.2" → "TC1.2".
func selfHeader(name string) (string, bool) {
	if i := strings.LastIndex(name, " / "); i >= 0 {
		top, low := name[:i], strings.TrimSpace(name[i+3:])
		if headerRole(top) == roleSelfAssessed && low != "" {
			return low, true
		}
		return "", false
	}
	fields := strings.Fields(name)
	if len(fields) < 2 {
		return "", false
	}
	code := fields[len(fields)-1]
	if _, _, _, _, isCode := headerCode(code); !isCode {
		return "", false
	}
	f := Fold(strings.Join(fields[:len(fields)-1], " "))
	if slices.Contains(selfPrefixes, f) {
		return code, true
	}
	return "", false
}

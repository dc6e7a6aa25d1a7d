package data

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
)

// The PAR Index is a tree: areas (lĩnh vực), their criteria (tiêu chí),
// their sub-criteria (tiêu chí thành phần). A component knows its parent
// by key (Component.Parent): from components.csv's parent column, else
// from its code ("1.2" is under "1", "TC1.2.3" under "1.2"), else from a
// merged header ("Lĩnh vực 1 / 1.1"). Scores roll up: an area the file
// leaves empty is the sum of its criteria when every one is given or not
// applicable; an area given beside its criteria must agree with their sum,
// and a disagreement is a warning naming both values (the given one is
// kept). Totals are summed over the components with no ancestor given, so
// nothing is counted twice.

// Tree is the components' hierarchy, by index into Dataset.Components.
type Tree struct {
	Parent   []int   // each component's parent; -1 for an area (a root)
	Children [][]int // each component's children, in dataset order
	Depth    []int   // 0 for an area, 1 for a criterion, 2 for a sub-criterion…
	Roots    []int   // the areas, in dataset order
	// SelfOf is, for each component, the component holding the unit's
	// self-assessed scores of it (-1: none); self-assessed components are
	// in no other list and never summed.
	SelfOf []int
	self   []bool
}

// Tree returns the components' hierarchy. A parent key that names no
// component (a dataset built by hand) leaves the component a root.
func (d *Dataset) Tree() *Tree {
	n := len(d.Components)
	t := &Tree{Parent: make([]int, n), Children: make([][]int, n), Depth: make([]int, n), SelfOf: make([]int, n), self: make([]bool, n)}
	byKey := make(map[string]int, n)
	for i := range d.Components {
		byKey[d.Components[i].Key] = i
	}
	for i := range d.Components {
		t.Parent[i], t.SelfOf[i] = -1, -1
	}
	for i := range d.Components {
		c := &d.Components[i]
		if p, ok := byKey[c.SelfFor]; ok && c.SelfFor != "" && p != i {
			t.self[i], t.SelfOf[p] = true, i
			continue
		}
		if p, ok := byKey[c.Parent]; ok && c.Parent != "" && p != i {
			t.Parent[i] = p
		}
	}
	for i := range n {
		if t.self[i] {
			continue
		}
		if t.Parent[i] < 0 {
			t.Roots = append(t.Roots, i)
			continue
		}
		t.Children[t.Parent[i]] = append(t.Children[t.Parent[i]], i)
		// depth, guarded against a cycle in a hand-built dataset
		for p, steps := t.Parent[i], 0; p >= 0 && steps < n; p, steps = t.Parent[p], steps+1 {
			t.Depth[i]++
		}
	}
	return t
}

// Flat reports a dataset whose components are all areas (self-assessed
// columns aside).
func (t *Tree) Flat() bool {
	for _, p := range t.Parent {
		if p >= 0 {
			return false
		}
	}
	return true
}

// IsSelf reports whether component i holds self-assessed scores.
func (t *Tree) IsSelf(i int) bool { return t.self[i] }

// hasSelf reports whether some component holds self-assessed scores.
func (t *Tree) hasSelf() bool { return slices.Contains(t.self, true) }

// summed reports whether component g counts in a record's total: no
// ancestor of it has a score, and it is not an empty parent whose parts
// are given (they count instead). A nil tree is flat: everything counts.
func (t *Tree) summed(g int, scores []float64) bool {
	if t == nil {
		return true
	}
	if t.self[g] {
		return false // the unit's own score, never summed
	}
	for p, steps := t.Parent[g], 0; p >= 0 && steps < len(t.Parent); p, steps = t.Parent[p], steps+1 {
		if p < len(scores) && !IsMissing(scores[p]) {
			return false
		}
	}
	return !(g < len(scores) && IsMissing(scores[g]) && t.anyGiven(g, scores))
}

// anyGiven reports whether some descendant of g has a score or is marked
// not applicable.
func (t *Tree) anyGiven(g int, scores []float64) bool {
	for _, c := range t.Children[g] {
		if c < len(scores) && (!IsMissing(scores[c]) || IsNotApplicable(scores[c])) || t.anyGiven(c, scores) {
			return true
		}
	}
	return false
}

// NotApplicable is the score of a criterion that does not apply to a unit
// ("KPS", "Không phát sinh"): missing to every sum (IsMissing is true),
// and its maximum leaves the unit's applicable maximum. It is a NaN of its
// own, so it travels wherever a score is copied.
var NotApplicable = math.Float64frombits(0x7ff8_0000_4b50_5301)

// IsNotApplicable reports whether a score is the not-applicable mark.
func IsNotApplicable(v float64) bool {
	return math.Float64bits(v) == math.Float64bits(NotApplicable)
}

// notApplicableMarks are the cells that say a criterion does not apply to
// the unit, folded. ("N/A" stays a missing mark: offices use it for a
// score not yet entered as often as for a criterion that does not apply.)
var notApplicableMarks = map[string]bool{
	"kps": true, "khong phat sinh": true, "k p s": true, "khong ap dung": true, "not applicable": true,
}

// isNotApplicableMark reports whether a score cell marks a criterion that
// does not apply to the unit.
func isNotApplicableMark(cell string) bool {
	t := trimSpace(cell)
	return len(t) >= 3 && len(t) <= 24 && notApplicableMarks[Fold(t)]
}

// ApplicableMax returns component i's maximum for a record, less the
// maxima of its parts marked not applicable (0 when the component itself
// is); false when a maximum it needs is unknown.
func (d *Dataset) ApplicableMax(t *Tree, r *Record, i int) (float64, bool) {
	if IsNotApplicable(r.Score(i)) {
		return 0, true
	}
	m, ok := d.Components[i].Max(r.Year)
	if !ok {
		return 0, false
	}
	out, ok := d.notApplicablePoints(t, r, i)
	return m - out, ok
}

// notApplicablePoints is the maxima of component i's parts marked not
// applicable for a record (the highest such part of each branch).
func (d *Dataset) notApplicablePoints(t *Tree, r *Record, i int) (float64, bool) {
	sum := 0.0
	for _, c := range t.Children[i] {
		if IsNotApplicable(r.Score(c)) {
			m, ok := d.Components[c].Max(r.Year)
			if !ok {
				return 0, false
			}
			sum += m
			continue
		}
		s, ok := d.notApplicablePoints(t, r, c)
		if !ok {
			return 0, false
		}
		sum += s
	}
	return sum, true
}

// ApplicableTotalMax is a record's maximum total over the points that apply
// to it: the areas' applicable maxima, bonus points left out. False when an
// area's maximum is unknown.
func (d *Dataset) ApplicableTotalMax(t *Tree, r *Record) (float64, bool) {
	sum := 0.0
	for _, i := range t.Roots {
		if d.Components[i].Bonus {
			continue
		}
		m, ok := d.ApplicableMax(t, r, i)
		if !ok {
			return 0, false
		}
		sum += m
	}
	return sum, len(t.Roots) > 0
}

// HasNotApplicable reports whether any score of the record is marked not
// applicable.
func (r *Record) HasNotApplicable() bool {
	for _, v := range r.Scores {
		if IsNotApplicable(v) {
			return true
		}
	}
	return false
}

// treeState is what the loader keeps to build the tree.
type treeState struct {
	byPath  map[string]int         // a component's code path ("1.2") → index
	parents map[int]parentRef      // parent columns of components.csv, resolved at the end
	rowPos  map[int]Pos            // a component's first components.csv row
	cols    map[string]map[int]int // file → component → its 1-based column, for messages
	tree    *Tree                  // nil while every component is an area
}

type parentRef struct {
	raw string
	pos Pos
}

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

// levelsOf names a depth's components, plural, for messages.
func levelsOf(depth int) string {
	if depth == 1 {
		return "criteria"
	}
	return levelOf(depth) + "s"
}

// levelOf names a depth for messages.
func levelOf(depth int) string {
	switch depth {
	case 0:
		return "area"
	case 1:
		return "criterion"
	}
	return "sub-criterion"
}

// notePath remembers component i's code path, so codes find their parents.
func (b *builder) notePath(i int) {
	p, ok := codePath(b.ds.Components[i].Code)
	if !ok {
		return
	}
	if b.tree.byPath == nil {
		b.tree.byPath = map[string]int{}
	}
	if _, seen := b.tree.byPath[p]; !seen {
		b.tree.byPath[p] = i
	}
}

// noteParent keeps a components.csv row's parent cell, resolved once every
// row is read (a parent may come after its criteria).
func (b *builder) noteParent(i int, raw string, pos, row Pos) {
	if b.tree.rowPos == nil {
		b.tree.rowPos = map[int]Pos{}
	}
	if b.tree.parents == nil {
		b.tree.parents = map[int]parentRef{}
	}
	if _, ok := b.tree.rowPos[i]; !ok {
		b.tree.rowPos[i] = row
	}
	if raw = strings.TrimSpace(raw); raw != "" {
		b.tree.parents[i] = parentRef{raw, pos}
	}
}

// columnComponent is builder.component for a data file's column or a long
// file's component name: a header carrying a code ("1.2", "TC1.2", "Lĩnh
// vực 1 / 1.1") is the component of that code, placed under its parent;
// a parent no file or components.csv names is added, named by the merged
// header above it or by its code.
func (b *builder) columnComponent(name string) int {
	if i, ok := b.compByID[b.fold(name)]; ok {
		b.ds.Components[i].Name = name
		return i
	}
	if of, ok := selfHeader(name); ok {
		return b.selfComponent(name, b.columnComponent(of))
	}
	code, path, areaName, areaPath, ok := headerCode(name)
	if !ok {
		return b.component(name)
	}
	if i, ok := b.tree.byPath[path]; ok {
		b.compByID[b.fold(name)] = i
		if c := &b.ds.Components[i]; c.Name == c.Code {
			c.Name = name // named by its code until a header names it
		}
		return i
	}
	parent := ""
	if pp := parentPath(path); pp != "" {
		label := pp
		if pp == areaPath {
			label = areaName
		}
		parent = b.ds.Components[b.pathComponent(pp, label)].Key
	}
	i := b.component(name)
	c := &b.ds.Components[i]
	c.Key, c.Code, c.Parent = code, code, parent
	b.compByID[b.fold(code)] = i
	b.notePath(i)
	return i
}

// pathComponent returns the component of a code path, adding it (named
// label) and its own parents when no file has named them.
func (b *builder) pathComponent(path, label string) int {
	if i, ok := b.tree.byPath[path]; ok {
		return i
	}
	parent := ""
	if pp := parentPath(path); pp != "" {
		parent = b.ds.Components[b.pathComponent(pp, pp)].Key
	}
	b.ds.Components = append(b.ds.Components, Component{Key: path, Name: label, Code: path, Parent: parent})
	i := len(b.ds.Components) - 1
	b.compByID[b.fold(path)] = i
	b.notePath(i)
	return i
}

// linkTree resolves components.csv's parent cells, infers parents from
// codes, refuses a cycle, and settles the tree the loaders sum with.
func (b *builder) linkTree() {
	for _, i := range slices.Sorted(maps.Keys(b.tree.parents)) {
		ref := b.tree.parents[i]
		p, ok := b.compByID[b.fold(ref.raw)]
		if !ok {
			if path, isCode := codePath(ref.raw); isCode {
				p, ok = b.tree.byPath[path]
			}
		}
		c := &b.ds.Components[i]
		switch {
		case !ok:
			b.errorf(ref.pos, "a parent is the code or name of another row of components.csv", "parent %q of %q names no component", clip(ref.raw), clip(c.Name))
		case p == i:
			b.errorf(ref.pos, "leave parent empty for an area", "%q names itself as its parent", clip(c.Name))
		default:
			c.Parent = b.ds.Components[p].Key
		}
	}
	b.tree.parents = nil
	for i := range b.ds.Components {
		c := &b.ds.Components[i]
		if c.Parent != "" {
			continue
		}
		if path, ok := codePath(c.Code); ok {
			if p, ok := b.tree.byPath[parentPath(path)]; ok && p != i {
				c.Parent = b.ds.Components[p].Key
			}
		}
	}
	t := b.ds.Tree()
	for i := range t.Parent {
		seen := map[int]bool{i: true}
		for p := t.Parent[i]; p >= 0; p = t.Parent[p] {
			if seen[p] {
				b.errorf(b.tree.rowPos[i], "an area has no parent; a criterion's parent is its area", "components %q and %q are each other's parents", clip(b.ds.Components[i].Name), clip(b.ds.Components[t.Parent[i]].Name))
				b.ds.Components[i].Parent = ""
				t = b.ds.Tree()
				break
			}
			seen[p] = true
		}
	}
	b.tree.tree = nil
	if !t.Flat() || t.hasSelf() {
		b.tree.tree = t
	}
}

// noteColumns remembers where a wide file's component columns are, for the
// roll-up's messages, and says which hold self-assessed scores.
func (b *builder) noteColumns(t *table, comps []int, cols []wideCol) {
	if b.tree.cols == nil {
		b.tree.cols = map[string]map[int]int{}
	}
	m := map[int]int{}
	for j, g := range comps {
		if g < 0 {
			continue
		}
		m[g] = cols[j].col + 1
		if of := b.ds.Components[g].SelfFor; of != "" {
			t.info.Columns[cols[j].col].Role = "self-assessed score of " + of + ": kept, never summed"
		}
	}
	b.tree.cols[t.name] = m
}

// rollUp fills, in every record, a parent the file left empty with the sum
// of its parts (when each is given or not applicable: never a partial
// sum), checks a parent given beside its parts against their sum, and
// gives a parent without a maximum the sum of its parts' maxima.
func (b *builder) rollUp() {
	t := b.tree.tree
	if t == nil {
		return
	}
	if t.Flat() {
		return // self-assessed columns only: nothing rolls up
	}
	order := make([]int, 0, len(t.Parent)) // deepest first: sub-criteria before criteria before areas
	for i := range t.Parent {
		if len(t.Children[i]) > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int { return t.Depth[y] - t.Depth[x] })
	b.rollUpMaxima(t, order)
	n := len(b.ds.Components)
	for ri := range b.ds.Records {
		r := &b.ds.Records[ri]
		if len(r.Scores) < n {
			r.Scores = append(slices.Clip(r.Scores), slices.Repeat([]float64{Missing}, n-len(r.Scores))...)
		}
		for _, p := range order {
			sum, given, na, complete := 0.0, 0, 0, true
			for _, c := range t.Children[p] {
				switch v := r.Scores[c]; {
				case IsNotApplicable(v):
					na++
				case IsMissing(v):
					complete = false
				default:
					sum += v
					given++
				}
			}
			if given+na == 0 || !complete {
				continue
			}
			sum = roundTo(sum, b.ds.Decimals)
			switch v := r.Scores[p]; {
			case IsNotApplicable(v):
			case !IsMissing(v):
				if d := v - sum; d > 0.015 || d < -0.015 {
					c := &b.ds.Components[p]
					b.warnf(Pos{r.Pos.File, r.Pos.Line, b.tree.cols[r.Pos.File][p]}, "correct the "+levelOf(t.Depth[p])+" or its parts",
						"%s %d: %s %q is %s, its %s sum to %s: %s is kept", clip(r.Unit), r.Year, levelOf(t.Depth[p]), clip(c.NameIn(r.Year)),
						formatNum(v), countNoun(len(t.Children[p]), levelOf(t.Depth[p]+1), levelsOf(t.Depth[p]+1)), formatNum(sum), formatNum(v))
				}
			case given == 0:
				r.Scores[p] = NotApplicable
			default:
				r.Scores[p] = sum
			}
		}
	}
}

// rollUpMaxima gives a parent without a maximum in a year the sum of its
// parts' maxima, and warns when components.csv gives one that differs.
func (b *builder) rollUpMaxima(t *Tree, order []int) {
	years := map[int]bool{}
	for i := range b.ds.Records {
		years[b.ds.Records[i].Year] = true
	}
	for _, y := range slices.Sorted(maps.Keys(years)) {
		for _, p := range order {
			sum, ok := 0.0, true
			for _, c := range t.Children[p] {
				m, has := b.ds.Components[c].Max(y)
				ok = ok && has
				sum += m
			}
			if !ok {
				continue
			}
			sum = math.Round(sum*1e6) / 1e6
			c := &b.ds.Components[p]
			if m, has := c.Max(y); has {
				if d := m - sum; d > 1e-6 || d < -1e-6 {
					b.warnf(b.tree.rowPos[p], "make the maximum the sum of its parts' maxima",
						"%d: the maximum of %s %q is %s, its parts' maxima sum to %s: %s is kept", y, levelOf(t.Depth[p]), clip(c.NameIn(y)), formatNum(m), formatNum(sum), formatNum(m))
				}
				continue
			}
			c.Terms = append([]ComponentTerm{{Max: sum, FromYear: y, ToYear: y}}, c.Terms...)
		}
	}
	b.maxCache = nil
}

// ancestorHasMax reports whether some ancestor of component i has a
// maximum in a year: i's points are then counted in the ancestor's.
func (b *builder) ancestorHasMax(i, year int) bool {
	for steps := 0; steps < len(b.ds.Components); steps++ {
		key := b.ds.Components[i].Parent
		if key == "" {
			return false
		}
		p, ok := b.compByID[b.fold(key)]
		if !ok {
			return false
		}
		if _, ok := b.ds.Components[p].Max(year); ok {
			return true
		}
		i = p
	}
	return false
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

// selfComponent registers a column of self-assessed scores of component
// of: kept beside it, never summed.
func (b *builder) selfComponent(name string, of int) int {
	key := "self:" + b.ds.Components[of].Key
	if i, ok := b.compByID[b.fold(key)]; ok {
		b.compByID[b.fold(name)] = i
		return i
	}
	b.ds.Components = append(b.ds.Components, Component{Key: key, Name: name, SelfFor: b.ds.Components[of].Key})
	i := len(b.ds.Components) - 1
	b.compByID[b.fold(key)], b.compByID[b.fold(name)] = i, i
	return i
}

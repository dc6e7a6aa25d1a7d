package data

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// The loader builds the tree as it reads: components.csv rows and data
// columns register their codes (notePath, columnComponent), linkTree
// settles the parents once a file is read, and rollUp fills and checks the
// parents of every record at the end of the load.

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

// scoreStride guesses how many components the dataset will have once the
// candidate columns are classified (see columnComponent): those known now,
// one more for each column not known yet (two for a self-assessed column),
// and the areas or criteria a column's code names that nothing declared.
// The wide loader sizes each record's slot with it, so the finishing
// rearranges the scores in the slot; a guess that falls short costs a
// second array, never a score.
func (b *builder) scoreStride(h header, candidates []int) int {
	n := len(b.ds.Components)
	parents := map[string]bool{}
	for _, col := range candidates {
		name := h.names[col]
		if _, ok := b.compByID[b.fold(name)]; ok {
			continue
		}
		if _, ok := selfHeader(name); ok {
			n += 2
			continue
		}
		if _, path, _, _, ok := headerCode(name); ok {
			if _, known := b.tree.byPath[path]; known {
				continue
			}
			for pp := parentPath(path); pp != "" && !parents[pp]; pp = parentPath(pp) {
				if _, known := b.tree.byPath[pp]; known {
					break
				}
				parents[pp] = true
			}
		}
		n++
	}
	return n + len(parents)
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
// gives a parent without a maximum the sum of its parts' maxima. Records
// are independent: big loads roll up on every core, each part noting its
// warnings, which are then given in record order, as one core gives them.
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
	plan := rollPlan{n: len(b.ds.Components), decimals: b.ds.Decimals, scale: math.Pow10(b.ds.Decimals)}
	if plan.decimals <= 4 {
		plan.step = int64(tenThousandths[plan.decimals])
	}
	for _, p := range order {
		plan.parents = append(plan.parents, rollParent{p, t.Children[p]})
	}
	recs := b.ds.Records
	for _, part := range inRecordParts(len(recs), func(from, to int) []rollNote {
		return plan.roll(recs, from, to)
	}) {
		for _, n := range part {
			b.warnRollUp(t, &recs[n.rec], n)
		}
	}
}

// rollPlan is the roll-up's work for every record: its parents deepest
// first, and how sums are rounded (roundTo, its power of ten computed once).
type rollPlan struct {
	parents  []rollParent
	n        int // components: a record's scores are made this long
	decimals int
	scale    float64
	// step is 10^(4−decimals), 0 beyond 4 (see codedSum)
	step int64
}

type rollParent struct {
	p        int
	children []int
}

// rollNote is a roll-up warning found on a record: its parent p is marked
// not applicable while given parts have scores (disagrees false), or is
// given and differs from the sum of its parts.
type rollNote struct {
	rec       int
	p         int
	given     int
	disagrees bool
	v, sum    float64
}

// roll rolls up the records [from, to) and returns their warnings in order.
func (pl *rollPlan) roll(recs []Record, from, to int) []rollNote {
	var notes []rollNote
	for ri := from; ri < to; ri++ {
		r := &recs[ri]
		r.extendCodes(pl.n)
		for _, rp := range pl.parents {
			if r.code(rp.p) == scoreMissing {
				if code, ok := pl.codedSum(r, rp.children); ok {
					r.setCode(rp.p, code)
					continue
				}
			}
			sum, given, na, complete := 0.0, len(rp.children), 0, true
			for _, c := range rp.children {
				sum += r.Score(c)
			}
			if IsMissing(sum) { // a part is missing or not applicable (both NaN): count them
				sum, given = 0, 0
				for _, c := range rp.children {
					switch v := r.Score(c); {
					case IsNotApplicable(v):
						na++
					case IsMissing(v):
						complete = false
					default:
						sum += v
						given++
					}
				}
			}
			v := r.Score(rp.p)
			if IsNotApplicable(v) && given > 0 {
				// its parts' points count in the total while its maximum is left
				// out of the applicable one: the share would pass 100%
				notes = append(notes, rollNote{rec: ri, p: rp.p, given: given})
			}
			if given+na == 0 || !complete {
				continue
			}
			if pl.decimals <= 6 { // roundTo, with its power of ten at hand
				sum = math.Round(sum*pl.scale) / pl.scale
			}
			switch {
			case IsNotApplicable(v):
			case !IsMissing(v):
				if d := v - sum; d > 0.015 || d < -0.015 {
					notes = append(notes, rollNote{rec: ri, p: rp.p, disagrees: true, v: v, sum: sum})
				}
			case given == 0:
				r.setCode(rp.p, scoreNotApplicable)
			default:
				r.setScore(rp.p, sum)
			}
		}
	}
	return notes
}

// codedSum is the code of the sum of the children's scores, rounded to
// the data's decimals, when every child has a code of at least 0 and their
// codes add up to a multiple of step: the sum is then acc/10⁴ exactly, acc
// the codes' sum, which is k/10^decimals for k = acc/step. The float sum
// the roll-up makes is within 10⁻⁷ of it (30 parts of at most 214,748),
// so it rounds to the same k, and k/10^decimals is the float acc decodes
// to. (A negative part could leave the float sum a hair below 0 where acc
// is 0, which rounds to −0: such parts are errors anyway, and take the
// float path.) ok is false otherwise: the roll-up then sums the floats.
func (pl *rollPlan) codedSum(r *Record, children []int) (code int32, ok bool) {
	if pl.step == 0 || len(children) == 0 || len(children) > 30 {
		return 0, false
	}
	var acc int64
	for _, c := range children {
		n := r.code(c)
		if n < 0 { // the marks too
			return 0, false
		}
		acc += int64(n)
	}
	if acc > math.MaxInt32 || acc%pl.step != 0 {
		return 0, false
	}
	return int32(acc), true
}

// warnRollUp gives a warning roll found on record r.
func (b *builder) warnRollUp(t *Tree, r *Record, n rollNote) {
	c := &b.ds.Components[n.p]
	pos := Pos{r.Pos.File, r.Pos.Line, b.tree.cols[r.Pos.File][n.p]}
	level := levelOf(t.Depth[n.p])
	if !n.disagrees {
		b.warnf(pos, "mark its parts not applicable too, or score the "+level,
			"%s %d: %s %q is marked not applicable but %d of its %s have scores", clip(r.Unit), r.Year, level, clip(c.NameIn(r.Year)),
			n.given, levelsOf(t.Depth[n.p]+1))
		return
	}
	b.warnf(pos, "correct the "+level+" or its parts",
		"%s %d: %s %q is %s, its %s sum to %s: %s is kept", clip(r.Unit), r.Year, level, clip(c.NameIn(r.Year)),
		formatNum(n.v), countNoun(len(t.Children[n.p]), levelOf(t.Depth[n.p]+1), levelsOf(t.Depth[n.p]+1)), formatNum(n.sum), formatNum(n.v))
}

// rollUpMaxima gives a parent without a maximum in a year the sum of its
// parts' maxima, and warns when components.csv gives one that differs.
func (b *builder) rollUpMaxima(t *Tree, order []int) {
	years := map[int]bool{}
	last := 0
	for i := range b.ds.Records {
		if y := b.ds.Records[i].Year; y != last || i == 0 { // records come in runs of a year
			years[y], last = true, y
		}
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
			c.setMaxIn(y, sum)
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

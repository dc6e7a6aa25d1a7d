package tui

import "github.com/parlens/parlens/analysis/words"

// tabSpec is one numbered tab of the dashboard: an id (what navigation and
// tests name it by), the title on the tab line, in the help and on its
// number key, and how its view is made once the data has loaded. The view
// is made once and keeps its state (cursor, filter, sort) between visits.
type tabSpec struct {
	id    string
	title *words.Word
	make  func(c *viewCtx) view
}

// tabSpecs are the tabs in number-key order; the first is the root every
// other tab sits on (q goes back to it). Adding a view is its file plus one
// line here: its number key, tab, click zone and help entry follow.
var tabSpecs = []tabSpec{
	tab("overview", words.TabOverview, newOverview),
	tab("ranking", words.TabRanking, newRanking),
	tab("unit", words.TabUnit, newUnitPage),
	tab("movers", words.TabMovers, newMovers),
	tab("components", words.TabComponents, newComponents),
	tab("transitions", words.TabTransitions, newTransitions),
	tab("briefing", words.TabBriefing, newBriefing),
	tab("warnings", words.TabWarnings, newWarnings),
	tab("years", words.TabYears, newYears),
}

// tab declares a tab from its view's constructor.
func tab[V view](id string, title *words.Word, make func(c *viewCtx) V) tabSpec {
	return tabSpec{id: id, title: title, make: func(c *viewCtx) view { return make(c) }}
}

// tabOpener is a tab view that needs a choice before it shows (the unit
// page needs a unit). openTab is called when its tab is chosen, with the
// view on top; it returns the views that go between the root and it, and
// false when it cannot open now.
type tabOpener interface {
	openTab(top view) (under []view, ok bool)
}

// unitShower is the tab view that shows one unit (openUnit drills into it).
type unitShower interface {
	showUnit(id string)
}

// unitPicker is a view with a unit under its cursor.
type unitPicker interface {
	SelectedUnit() string
}

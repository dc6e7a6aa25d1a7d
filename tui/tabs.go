package tui

// tabSpec is one numbered tab of the dashboard: an id (what navigation and
// tests name it by), the title on the tab line, in the help and on its
// number key, and how its view is made once the data has loaded. The view
// is made once and keeps its state (cursor, filter, sort) between visits.
type tabSpec struct {
	id    string
	title string
	make  func(c *viewCtx) view
}

// tabSpecs are the tabs in number-key order; the first is the root every
// other tab sits on (q goes back to it). Adding a view is its file plus one
// line here: its number key, tab, click zone and help entry follow.
var tabSpecs = []tabSpec{
	tab("overview", "Tổng quan", newOverview),
	tab("ranking", "Xếp hạng", newRanking),
	tab("unit", "Đơn vị", newUnitPage),
	tab("movers", "Biến động", newMovers),
	tab("components", "Lĩnh vực", newComponents),
	tab("transitions", "Chuyển loại", newTransitions),
	tab("briefing", "Báo cáo", newBriefing),
	tab("warnings", "Cảnh báo", newWarnings),
}

// tab declares a tab from its view's constructor.
func tab[V view](id, title string, make func(c *viewCtx) V) tabSpec {
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

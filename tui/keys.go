package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding, grouped by context. Help (short in the footer,
// full on ?) is generated from these bindings.
type KeyMap struct {
	Global GlobalKeys
	Nav    NavKeys
	Rank   RankKeys
	Movers MoverKeys
	Trans  TransKeys
	Brief  BriefKeys
	Input  InputKeys
}

// GlobalKeys work in every view.
type GlobalKeys struct {
	Quit, Back, Help              key.Binding
	Views                         []key.Binding // one per tab, 1 to 9
	NextBloc, PrevBloc            key.Binding
	NextYear, PrevYear, NextIndex key.Binding
	Theme                         key.Binding
}

// NavKeys move within a view.
type NavKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Left, Right, Enter key.Binding
}

// RankKeys are the ranking's and the components heatmap's.
type RankKeys struct {
	Filter, ClearFilter, Sort, Points key.Binding
}

// MoverKeys are the movers list's.
type MoverKeys struct {
	Mark key.Binding
}

// TransKeys choose the two years of the transition matrix.
type TransKeys struct {
	FromPrev, FromNext key.Binding
}

// BriefKeys are the briefing's.
type BriefKeys struct {
	Lang, Write, Copy key.Binding
}

// InputKeys are active while a prompt (filter, file name) is open.
type InputKeys struct {
	Accept, Cancel key.Binding
}

// DefaultKeyMap returns the dashboard's bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	var km KeyMap
	km.Global = GlobalKeys{
		Quit:      b([]string{"ctrl+c"}, "ctrl+c", "thoát"),
		Back:      b([]string{"q", "esc"}, "q/esc", "quay lại"),
		Help:      b([]string{"?"}, "?", "trợ giúp"),
		NextBloc:  b([]string{"tab"}, "tab", "khối sau"),
		PrevBloc:  b([]string{"shift+tab"}, "S-tab", "khối trước"),
		NextYear:  b([]string{"]"}, "]", "năm sau"),
		PrevYear:  b([]string{"["}, "[", "năm trước"),
		NextIndex: b([]string{"i"}, "i", "chỉ số khác"),
		Theme:     b([]string{"T"}, "T", "sáng/tối"),
	}
	for i, t := range tabSpecs {
		k := string(rune('1' + i))
		km.Global.Views = append(km.Global.Views, b([]string{k}, k, t.title))
	}
	km.Nav = NavKeys{
		Up:       b([]string{"up", "k"}, "↑/k", "lên"),
		Down:     b([]string{"down", "j"}, "↓/j", "xuống"),
		PageUp:   b([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup", "trang trước"),
		PageDown: b([]string{"pgdown", "ctrl+f", "ctrl+d"}, "pgdn", "trang sau"),
		Top:      b([]string{"g", "home"}, "g", "đầu"),
		Bottom:   b([]string{"G", "end"}, "G", "cuối"),
		Left:     b([]string{"left", "h"}, "←/h", "cột trái"),
		Right:    b([]string{"right", "l"}, "→/l", "cột phải"),
		Enter:    b([]string{"enter"}, "enter", "mở"),
	}
	km.Rank = RankKeys{
		Filter:      b([]string{"/"}, "/", "lọc"),
		ClearFilter: b([]string{"esc"}, "esc", "bỏ lọc"),
		Sort:        b([]string{"s"}, "s", "sắp xếp theo cột"),
		Points:      b([]string{"p"}, "p", "điểm/%"),
	}
	km.Movers = MoverKeys{Mark: b([]string{"space"}, "space", "đánh dấu")}
	km.Trans = TransKeys{
		FromPrev: b([]string{"<", ","}, "<", "năm gốc trước"),
		FromNext: b([]string{">", "."}, ">", "năm gốc sau"),
	}
	km.Brief = BriefKeys{
		Lang:  b([]string{"L"}, "L", "vi/en"),
		Write: b([]string{"w"}, "w", "ghi .md"),
		Copy:  b([]string{"y"}, "y", "sao chép"),
	}
	km.Input = InputKeys{
		Accept: b([]string{"enter"}, "enter", "xong"),
		Cancel: b([]string{"esc"}, "esc", "hủy"),
	}
	return km
}

package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/parlens/parlens/analysis/words"
)

// KeyMap holds every binding, grouped by context. Help (short in the footer,
// full on ?) is generated from these bindings.
type KeyMap struct {
	Global GlobalKeys
	Nav    NavKeys
	Rank   RankKeys
	Movers MoverKeys
	Trans  TransKeys
	Brief  BriefKeys
	Table  TableKeys
	Input  InputKeys
	Tree   TreeKeys
}

// GlobalKeys work in every view.
type GlobalKeys struct {
	Quit, Back, Help              key.Binding
	Views                         []key.Binding // one per tab, 1 to 9
	NextBloc, PrevBloc            key.Binding
	NextYear, PrevYear, NextIndex key.Binding
	Find                          key.Binding // the go-to-unit picker
	Compare                       key.Binding // the marked units side by side
	Theme                         key.Binding
	Lang                          key.Binding // the whole interface (and the brief): Vietnamese or English
}

// NavKeys move within a view.
type NavKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Left, Right, Enter key.Binding
}

// RankKeys are the ranking's and the components heatmap's.
type RankKeys struct {
	Filter, ClearFilter, Sort, Points key.Binding
	NextMatch, PrevMatch              key.Binding // through the filter's matches, on into the other blocs
	Pivot                             key.Binding // the years pivot: scores, ranks or grades
	MarkUnit                          key.Binding // mark the cursor's unit for the comparison
}

// MoverKeys are the movers list's.
type MoverKeys struct {
	Mark     key.Binding
	AllBlocs key.Binding // every bloc's movers, or this bloc's
}

// TransKeys choose the two years of the transition matrix.
type TransKeys struct {
	FromPrev, FromNext key.Binding
}

// BriefKeys are the briefing's.
type BriefKeys struct {
	Write, Copy key.Binding
}

// TableKeys copy and write the table views (export.go).
type TableKeys struct {
	Copy, Write key.Binding
}

// TreeKeys open an area into its criteria and go back up (view_tree.go).
type TreeKeys struct {
	Open, Up key.Binding
}

// InputKeys are active while a prompt (filter, file name) is open.
type InputKeys struct {
	Accept, Cancel key.Binding
}

// DefaultKeyMap returns the dashboard's bindings, with Vietnamese help.
func DefaultKeyMap() KeyMap { return KeyMapIn(words.VI) }

// KeyMapIn returns the dashboard's bindings with their help in language l.
func KeyMapIn(l words.Lang) KeyMap {
	b := func(keys []string, k string, desc *words.Word) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc.In(l)))
	}
	var km KeyMap
	km.Global = GlobalKeys{
		Quit:      b([]string{"ctrl+c"}, "ctrl+c", words.KeyQuit),
		Back:      b([]string{"q", "esc"}, "q/esc", words.KeyBack),
		Help:      b([]string{"?"}, "?", words.KeyHelp),
		NextBloc:  b([]string{"tab"}, "tab", words.KeyNextBloc),
		PrevBloc:  b([]string{"shift+tab"}, "S-tab", words.KeyPrevBloc),
		NextYear:  b([]string{"]"}, "]", words.KeyNextYear),
		PrevYear:  b([]string{"["}, "[", words.KeyPrevYear),
		NextIndex: b([]string{"i"}, "i", words.KeyNextIndex),
		Theme:     b([]string{"T"}, "T", words.KeyTheme),
		Lang:      b([]string{"L"}, "L", words.KeyLang),
		Find:      b([]string{"f", "ctrl+p"}, "f", words.KeyFind),
		Compare:   b([]string{"c"}, "c", words.KeyCompare),
	}
	for i, t := range tabSpecs {
		k := string(rune('1' + i))
		km.Global.Views = append(km.Global.Views, b([]string{k}, k, t.title))
	}
	km.Nav = NavKeys{
		Up:       b([]string{"up", "k"}, "↑/k", words.KeyUp),
		Down:     b([]string{"down", "j"}, "↓/j", words.KeyDown),
		PageUp:   b([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup", words.KeyPageUp),
		PageDown: b([]string{"pgdown", "ctrl+f", "ctrl+d"}, "pgdn", words.KeyPageDown),
		Top:      b([]string{"g", "home"}, "g", words.KeyTop),
		Bottom:   b([]string{"G", "end"}, "G", words.KeyBottom),
		Left:     b([]string{"left", "h"}, "←/h", words.KeyLeft),
		Right:    b([]string{"right", "l"}, "→/l", words.KeyRight),
		Enter:    b([]string{"enter"}, "enter", words.KeyOpen),
	}
	km.Rank = RankKeys{
		Filter:      b([]string{"/"}, "/", words.KeyFilter),
		ClearFilter: b([]string{"esc"}, "esc", words.KeyClearFilter),
		Sort:        b([]string{"s"}, "s", words.KeySort),
		Points:      b([]string{"p"}, "p", words.KeyPoints),
		NextMatch:   b([]string{"n"}, "n", words.KeyNextMatch),
		PrevMatch:   b([]string{"N"}, "N", words.KeyPrevMatch),
		Pivot:       b([]string{"v"}, "v", words.KeyPivot),
		MarkUnit:    b([]string{"space"}, "space", words.KeyMarkUnit),
	}
	km.Movers = MoverKeys{
		Mark:     b([]string{"space"}, "space", words.KeyMark),
		AllBlocs: b([]string{"a"}, "a", words.KeyAllBlocs),
	}
	km.Trans = TransKeys{
		FromPrev: b([]string{"<", ","}, "<", words.KeyFromPrev),
		FromNext: b([]string{">", "."}, ">", words.KeyFromNext),
	}
	km.Brief = BriefKeys{
		Write: b([]string{"w"}, "w", words.KeyWrite),
		Copy:  b([]string{"y"}, "y", words.KeyCopy),
	}
	km.Table = TableKeys{
		Copy:  b([]string{"y"}, "y", words.KeyCopyTable),
		Write: b([]string{"w"}, "w", words.KeyWriteTable),
	}
	km.Tree = TreeKeys{
		Open: b([]string{"enter"}, "enter", words.KeyOpenParts),
		Up:   b([]string{"backspace"}, "bksp", words.KeyUpLevel),
	}
	km.Input = InputKeys{
		Accept: b([]string{"enter"}, "enter", words.KeyAccept),
		Cancel: b([]string{"esc"}, "esc", words.KeyCancel),
	}
	return km
}

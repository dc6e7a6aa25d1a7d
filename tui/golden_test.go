package tui

import (
	"fmt"
	"github.com/parlens/parlens/analysis/words"
	"path/filepath"
	"testing"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data/datatest"
)

// viewKey names the keys that reach a view from a fresh model.
type viewKey struct {
	name string
	keys []string
}

// viewKeys reach each view from a fresh model.
var viewKeys = []viewKey{
	{"1-overview", []string{"1"}},
	{"1-overview-end", []string{"1", "G"}},
	{"2-ranking", []string{"2", "tab"}},
	{"3-unit", []string{"2", "tab", "tab", "G", "enter"}},
	{"3-unit-leader", []string{"2", "tab", "tab", "enter"}},
	{"4-movers", []string{"4", "tab"}},
	{"5-components", []string{"5", "tab"}},
	{"5-components-focus", []string{"5", "tab", "right", "right", "right", "right"}},
	{"2-ranking-components", []string{"2", "tab", "right", "right", "right", "right", "right", "right", "right", "right", "right"}},
	{"6-transitions", []string{"6", "tab"}},
	{"7-briefing", []string{"7"}},
	{"8-warnings", []string{"8"}},
	{"9-years", []string{"9", "tab", "tab"}},
	{"9-years-ranks", []string{"9", "tab", "v"}},
	{"compare", []string{"2", "tab", "tab", "space", "down", "space", "c"}},
	{"compare-profile", []string{"2", "tab", "tab", "space", "down", "space", "c", "G"}},
	{"help", []string{"2", "?"}},
	{"find", []string{"5", "f", "h", "a", "i"}},
	{"filter-next", []string{"2", "/", "q", "u", "ậ", "n", "enter", "n"}},
}

var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// TestGolden pins every view's text (escape codes stripped) at three sizes,
// in colour and with NO_COLOR.
func TestGolden(t *testing.T) {
	goldenMatrix(t, viewKeys, func(tb testing.TB, w, h int, noColor bool) *Model {
		m := newTestModel(tb, w, h, noColor)
		// the briefing's wording belongs to package brief: pin the pane's
		// layout with a fixed text instead
		m.c.brief = stubBrief
		return m
	})
}

// goldenMatrix pins each view of a model at every golden size, in colour
// and with NO_COLOR: testdata/<test>/<view>/<w>x<h>[-nocolor].golden.
func goldenMatrix(t *testing.T, views []viewKey, newModel func(tb testing.TB, w, h int, noColor bool) *Model) {
	for _, vk := range views {
		for _, sz := range goldenSizes {
			for _, nc := range []bool{false, true} {
				name := fmt.Sprintf("%s/%dx%d", vk.name, sz[0], sz[1])
				if nc {
					name += "-nocolor"
				}
				t.Run(name, func(t *testing.T) {
					m := newModel(t, sz[0], sz[1], nc)
					press(m, vk.keys...)
					checkFrame(t, m.View().Content, sz[0], sz[1])
					datatest.Golden(t, filepath.Join("testdata", filepath.FromSlash(t.Name())+".golden"), screen(m))
				})
			}
		}
	}
}

// stubBrief is a fixed briefing in the shape package brief writes.
func stubBrief(_ *analysis.Analysis, o BriefOptions) (string, string, error) {
	if o.Lang == string(words.EN) {
		md := fmt.Sprintf(`# PAR Index results (%s) for %d

## Overview

The %d results cover 32 units in 3 blocs. Across the blocs, 8/32 units are graded Xuất sắc (Excellent).

## Highlights

- In the Quận, huyện bloc, quận Hải Châu is back at the top, with 88.96 points.
- Sở Kế hoạch và Đầu tư lost 7.68 points \(from 86.57 to 78.89\).
`, o.Index, o.Year, o.Year)
		return md, md, nil
	}
	md := fmt.Sprintf(`# Kết quả Chỉ số cải cách hành chính (%s) năm %d

## Tổng quan

Kết quả năm %d gồm 32 đơn vị thuộc 3 khối: khối Cơ quan Trung ương (5 đơn vị); khối Sở, ban, ngành (20 đơn vị) và khối Quận, huyện (7 đơn vị). Tính chung các khối, có 8/32 đơn vị xếp loại xuất sắc.

## Điểm nhấn

- Ở khối Quận, huyện, quận Hải Châu trở lại vị trí dẫn đầu, với 88,96 điểm.
- Sở Kế hoạch và Đầu tư giảm 7,68 điểm \(từ 86,57 xuống 78,89\).

## Khối Quận, huyện

### Biến động

Dẫn đầu khối là quận Hải Châu, với 88,96 điểm, xếp loại tốt; đứng cuối là quận Cẩm Lệ, năm thứ 4 liên tiếp.
`, o.Index, o.Year, o.Year)
	return md, md, nil
}

// TestGoldenEnglish pins every view with --lang en at the same sizes, in
// colour and with NO_COLOR: English words, decimal points, names of units,
// blocs and grades as published.
func TestGoldenEnglish(t *testing.T) {
	goldenMatrix(t, viewKeys, func(tb testing.TB, w, h int, noColor bool) *Model {
		m := newTestModel(tb, w, h, noColor)
		m.c.brief = stubBrief
		m.setLang(words.EN)
		return m
	})
}

// busyViewKeys reach views whose data is still being computed off the
// update loop, as on a large dataset: the frame shows the spinner, what is
// computed, for which bloc and year, and that the keys still work.
var busyViewKeys = []viewKey{
	{"busy-transitions", []string{"6", "tab"}},
	{"busy-ranking", []string{"2", "tab"}},
}

// TestGoldenBusy pins the spinner frames in Vietnamese and English at the
// golden sizes: the sample with its views computed off the update loop and
// the jobs left running.
func TestGoldenBusy(t *testing.T) {
	for _, l := range []words.Lang{words.VI, words.EN} {
		t.Run(string(l), func(t *testing.T) {
			goldenMatrix(t, busyViewKeys, func(tb testing.TB, w, h int, noColor bool) *Model {
				m := newTestModel(tb, w, h, noColor)
				m.c.brief = stubBrief
				m.setLang(l)
				m.c.jobs.inline = false // from here on, work waits in its job
				return m
			})
		})
	}
}

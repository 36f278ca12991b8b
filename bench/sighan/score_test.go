package main

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestScoreLine(t *testing.T) {
	train := map[string]bool{"我们": true, "学习": true}
	tests := []struct {
		name, input, gold, out string
		want                   counts
	}{
		{"exact", "我们学习中文", "我们 学习 中文", "我们 学习 中文",
			counts{Gold: 3, Out: 3, Match: 3, OOVGold: 1, OOVMatch: 1, Lines: 1}},
		{"one merge", "我们学习中文", "我们 学习 中文", "我们 学习中文",
			counts{Gold: 3, Out: 2, Match: 1, OOVGold: 1, Lines: 1}},
		{"output spaces ignored", "我们 学习", "我们  学习", "我们 　 学习",
			counts{Gold: 2, Out: 2, Match: 2, Lines: 1}},
		{"case folded (gse lower-cases)", "GDP增长", "GDP 增长", "gdp 增长",
			counts{Gold: 2, Out: 2, Match: 2, OOVGold: 2, OOVMatch: 2, Lines: 1}},
		// spans compare positions only: a changed text is flagged, not scored
		{"changed text", "我们学习", "我们 学习", "我们 学了",
			counts{Gold: 2, Out: 2, Match: 2, Lines: 1, ChangedText: 1}},
		// the release's gold has a quotation mark the input lacks (MSR)
		{"gold has an extra character", "他说好", "“ 他 说 好", "他 说 好",
			counts{Gold: 4, Out: 3, Match: 3, OOVGold: 4, OOVMatch: 3, Lines: 1}},
		// and the input one the gold lacks, on the next line
		{"input has an extra character", "“他说好", "他 说 好", "“ 他 说 好",
			counts{Gold: 3, Out: 4, Match: 3, OOVGold: 3, OOVMatch: 3, Lines: 1}},
		{"width differs (AS)", "ｃ型", "c 型", "ｃ 型",
			counts{Gold: 2, Out: 2, Match: 2, OOVGold: 2, OOVMatch: 2, Lines: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoreLine(tt.input, strings.Fields(tt.gold), strings.Split(tt.out, " "), train)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCountsScores(t *testing.T) {
	c := counts{Gold: 10, Out: 8, Match: 6, OOVGold: 4, OOVMatch: 1}
	if c.P() != 0.75 || c.R() != 0.6 || c.OOVR() != 0.25 {
		t.Errorf("P %v R %v OOV-R %v", c.P(), c.R(), c.OOVR())
	}
	if f := c.F(); f < 0.6666 || f > 0.6667 {
		t.Errorf("F1 %v, want 2/3", f)
	}
	if (counts{}).F() != 0 {
		t.Error("F1 of nothing should be 0")
	}
}

func TestMapBack(t *testing.T) {
	got, err := mapBack("發展 經濟", "发展 经济", []string{"发展", "经济"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"發展", "經濟"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := mapBack("發展", "发展经济", nil); err == nil {
		t.Error("want an error when folding changed the length")
	}
}

func TestReadLines(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"crlf-bom": "\uFEFF甲\r\n乙\r\n",
		"no-final": "甲\r\n乙",
		"lf":       "甲\n乙\n",
	} {
		p := dir + "/" + name
		if err := writeFile(p, body); err != nil {
			t.Fatal(err)
		}
		got, err := readLines(p)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"甲", "乙"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

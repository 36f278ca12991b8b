package slogans

import "testing"

// TestNumeralInsideNumberRules24: a formulation that begins with a Chinese
// numeral is not read inside a longer number: 五十|四万亿元 is a quantity (the
// 2017 and 2022 congress reports, DEV), not the 四万亿 stimulus, and 二十|三大
// not 三大攻坚战's numeral; written on its own, 四万亿 is still found.
func TestNumeralInsideNumberRules24(t *testing.T) {
	fs := Extract(prep(t, "国内生产总值从五十四万亿元增长到一百一十四万亿元。"), Options{Lexicon: builtinLex(t)})
	if f, ok := find(fs, "四万亿"); ok {
		t.Errorf("四万亿 read inside 五十四万亿元: %s", f.Text)
	}
	fs = Extract(prep(t, "二〇〇八年出台四万亿投资计划，坚决打好三大攻坚战。"), Options{Lexicon: builtinLex(t)})
	for _, want := range []string{"四万亿投资计划", "三大攻坚战"} {
		if _, ok := find(fs, want); !ok {
			t.Errorf("%s not found in %v", want, keys(fs))
		}
	}
}

// TestClauseOpenerRules24: a clause that opens with a copula, a conjunction
// or a condition comments on the series before it and is no member of it
// (the 1964 work report, DEV): the series ends before it (and the chiasmus
// left, sharing one character at one place, is no pair by the rules of two
// clauses).
func TestClauseOpenerRules24(t *testing.T) {
	for text, want := range map[string]string{
		"知识分子劳动化，劳动人民知识化，是我们文化革命的一个重要方面。":    "",
		"这个成绩是有目共睹的，也是来之不易的。":                "",
		"各级干部要严格忠于职守，如有渎职现象，必须依法查究。":         "",
		"现在，在不少组织中，纪律松弛，是非不分，赏罚不明，该批评的不敢批评。": "纪律松弛，是非不分，赏罚不明",
	} {
		checkSeries(t, text, want, "")
	}
}

// TestPartOfListRules24: a series with a further member of its list right
// before or after it across 、 is a part of a longer list (a list of things,
// or a series cut at its start or end: the 2023 and 2021 work reports,
// DEV), not output; a whole series and a compact run inside a list stay.
func TestPartOfListRules24(t *testing.T) {
	for text, want := range map[string]string{
		"繁荣新闻出版、广播影视、文学艺术、哲学社会科学和档案等事业。": "",
		"全面贯彻党的基本理论、基本路线、基本方略。":          "",
		"推动产业高端化、智能化、绿色化发展。":             "高端化、智能化、绿色化",
	} {
		checkSeries(t, text, want, "")
	}
}

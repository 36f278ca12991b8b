package slogans

import "testing"

// TestKindsByNounRules19: members ending in one common noun after any
// modifier are kinds of one thing listed, also when a modifier is a verb
// (计算/v); predicates with their object, named places, spirits and
// series the reference reports use stay.
func TestKindsByNounRules19(t *testing.T) {
	cases := []parallelCase{
		{"加强网络基础设施、大数据基础设施、计算基础设施建设。", "网络基础设施、大数据基础设施、计算基础设施", false},
		{"聚焦创新资源、总部资源、产业资源、服务资源、平台资源，紧密对接。", "创新资源、总部资源、产业资源、服务资源、平台资源", false},
		{"不断探寻资源、开发资源、利用资源、保护资源来满足需要。", "探寻资源、开发资源、利用资源、保护资源", true},
		{"更高水平建设法治福建、平安福建、诚信福建。", "法治福建、平安福建、诚信福建", true},
		{"弘扬大别山精神、抗洪精神、抗疫精神。", "大别山精神、抗洪精神、抗疫精神", true},
		{"法治政府、效能政府、廉洁政府建设得到加强。", "法治政府、效能政府、廉洁政府", true},
	}
	checkParallel(t, builtinLex(t), cases)
}

// TestCompactAlignmentRules19: a compact run read one character too early
// (环|大学大院大所, 治国理政|新理念新思想新战略) shares only the last character
// of its units and cuts the last member; the run starting at the shared
// character is the series. A shared noun ending each unit (身边事贴心事
// 具体事) is no such case.
func TestCompactAlignmentRules19(t *testing.T) {
	cases := []parallelCase{
		{"坚持治国理政新理念新思想新战略。", "新理念、新思想、新战略", true},
		{"坚持治国理政新理念新思想新战略。", "理政新、理念新、思想新", false},
		{"推动环大学大院大所创新创业生态圈融合发展。", "大学、大院、大所", true},
		{"推动环大学大院大所创新创业生态圈融合发展。", "环大、学大、院大", false},
		{"解决好群众的身边事贴心事具体事。", "身边事、贴心事、具体事", true},
	}
	checkParallel(t, builtinLex(t), cases)
}

// TestCountsAndHeadsRules19: copies of a form (一式三份) and items of an
// enumeration (二是) count nothing; a verbal noun after an adverb takes a
// label rather than heading it (全面打响“重庆制造”品牌).
func TestCountsAndHeadsRules19(t *testing.T) {
	for _, text := range []string{"申报材料一式三份，报送省厅。", "纸质版一式三份和电子版光盘一份。", "主要分两大类：一是超市、便利店；二是百货店。"} {
		for _, f := range Extract(prep(t, text), Options{Lexicon: builtinLex(t)}) {
			if f.Kind == Numbered {
				t.Errorf("%s: numbered %s", text, f.Text)
			}
		}
	}
	fs := Extract(prep(t, "增强生态主导力，全面打响“重庆制造”品牌。"), Options{Lexicon: builtinLex(t)})
	if f, ok := find(fs, "重庆制造品牌"); !ok || f.Text != "“重庆制造”品牌" {
		t.Errorf("“重庆制造”品牌: %v", keys(fs))
	}
}

// TestNamesRules19: quotes joined by 等 to a modifier and a tail of
// software are apps and platforms; a designation conferred some words
// before the quote, and a themed activity, are names.
func TestNamesRules19(t *testing.T) {
	cases := []quoteCase{
		{"推广“行程卡”“健康码”等新应用，实现人员流动信息共享。", "“行程卡”", ClassTitle},
		{"扩大“选择山东”“好品山东”等综合平台的影响力。", "“选择山东”", ClassTitle},
		{"对获批认定为国家人工智能相关“世界一流学科”的高校给予支持。", "“世界一流学科”", ClassTitle},
		{"组织开展“重启2020”专题活动。", "“重启2020”", ClassTitle},
		// a programme stays
		{"实施“宽带乡村”“掌上乡村”工程，推动电商进村。", "“宽带乡村”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

// TestVerbTailRules19: members opening with a verb of their own (跨/v 业务)
// share no verb after the last: it is the clause's predicate. A compact
// run of them reads from the shared verb (资源|跨地区跨部门跨层级).
func TestVerbTailRules19(t *testing.T) {
	cases := []parallelCase{
		{"促进就业数据跨业务、跨区域、跨部门共享。", "跨业务、跨区域、跨部门", true},
		{"促进就业数据跨业务、跨区域、跨部门共享。", "跨业务共享、跨区域共享、跨部门共享", false},
		{"推动数据资源跨地区跨部门跨层级共享。", "跨地区、跨部门、跨层级", true},
		{"强化财会、审计、统计监督，加快建设法治政府。", "财会、审计、统计监督", true},
	}
	checkParallel(t, builtinLex(t), cases)
}

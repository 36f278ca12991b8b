package slogans

import (
	"strings"
	"testing"
)

// TestKindsRules16: members sharing a head noun on which the reference
// reports build series are kinds of a thing unless a member is a
// formulation or the reference reports hold the series; series that share
// an operator stay.
func TestKindsRules16(t *testing.T) {
	cases := []parallelCase{
		// kinds of funds, investments and trade: lists
		{"设立产业基金、人才基金、科创基金。", "产业基金、人才基金、科创基金", false},
		{"引导股权投资、风险投资、产业投资支持创新。", "股权投资、风险投资、产业投资", false},
		{"发展服务贸易、数字贸易、绿色贸易。", "服务贸易、数字贸易、绿色贸易", false},
		{"发展首发经济、夜间经济、演艺经济。", "首发经济、夜间经济、演艺经济", false},
		// a member is a formulation, or the reference reports hold the series
		{"建设法治政府、效能政府、廉洁政府。", "法治政府、效能政府、廉洁政府", true},
		{"推动质量变革、效率变革、动力变革。", "质量变革、效率变革、动力变革", true},
		{"坚决反对形式主义、官僚主义。", "形式主义、官僚主义", true},
		// an operator shared: a suffix, a repeated verb, a noun after varying verbs
		{"推动产业高端化、智能化、绿色化发展。", "高端化、智能化、绿色化", true},
		{"全力稳就业、稳企业、稳市场、稳预期。", "稳就业、稳企业、稳市场、稳预期", true},
		{"推进强链、延链、补链。", "强链、延链、补链", true},
	}
	checkParallel(t, builtinLex(t), cases)
}

// TestEventNamesRules16: quoted names of activities, selections and
// designations, and runs of event names, are titles; campaign labels and
// numbered formulations beside them stay.
func TestEventNamesRules16(t *testing.T) {
	cases := []quoteCase{
		{"组织开展“科普进万家”等活动，普及科学知识。", "“科普进万家”", ClassTitle},
		{"开展“齐鲁好产品”遴选发布。", "“齐鲁好产品”", ClassTitle},
		{"被认定为“数字化转型标杆”的企业给予奖励。", "“数字化转型标杆”", ClassTitle},
		{"举办“网上年货节”“双品网购节”“乡村好物丰收季”等活动。", "“乡村好物丰收季”", ClassTitle},
		// formulations stay
		{"深化“放管服”改革，开展“六稳”活动。", "“放管服”", ClassFormulation},
		{"实施“揭榜挂帅”机制。", "“揭榜挂帅”", ClassFormulation},
		{"推进“一网通办”“跨省通办”“一件事一次办”。", "“跨省通办”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

// TestKindsAcrossALineBreak: a list of kinds on a shared head stays a list
// when the hard-wrapped text breaks a member across lines (行业\n标准), as
// it does in one sentence (rules 17).
func TestKindsAcrossALineBreak(t *testing.T) {
	for _, s := range []string{
		"构建涵盖国家标准、行业\n标准、团体标准、企业标准的轻工数字化标准群。",
		"构建涵盖国家标准、行业标准、团体标准、企业\n标准的轻工数字化标准群。",
		"构建涵盖国家标准、行业标准、团体标准、企业标准的轻工数字化标准群。",
	} {
		fs := Extract(prep(t, s), Options{Lexicon: builtinLex(t)})
		for _, f := range fs {
			if f.Kind == Parallel {
				t.Errorf("%q: list of kinds found: %v", s, keys(fs))
			}
		}
	}
}

// TestSeriesCutInsideANounPhrase: a run of clauses whose first member
// would begin inside a noun phrase of the clause before is a series cut in
// the middle (编制交通运输信息|资源共享目录，建立共享机制，构建共享平台); a
// member after a verb of the frame still joins (rules 17).
func TestSeriesCutInsideANounPhrase(t *testing.T) {
	fs := Extract(prep(t, "编制交通运输信息资源共享目录，建立共享机制，构建共享平台，促进与其他社会公共信息资源的整合应用，提高信息资源综合利用水平。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if f.Kind == Parallel {
			t.Errorf("series cut in the middle found: %v", keys(fs))
		}
	}
	fs = Extract(prep(t, "提升社会治理现代化水平。坚持以党的建设为统领，以群众自治为基础，德治、法治、智治相结合。"), Options{Lexicon: builtinLex(t)})
	if _, ok := find(fs, "以党的建设为统领、以群众自治为基础"); !ok {
		t.Errorf("series after a frame verb missing: %v", keys(fs))
	}
}

// TestLexiconSeriesEndsWithItsMark: a series of the lexicon whose last
// member holds a quotation ends with its closing mark (rules 17).
func TestLexiconSeriesEndsWithItsMark(t *testing.T) {
	fs := Extract(prep(t, "坚定拥护“两个确立”，坚决做到“两个维护”，始终在思想上政治上行动上同党中央保持高度一致。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if f.Kind == Parallel && f.Text != "坚定拥护“两个确立”，坚决做到“两个维护”" {
			t.Errorf("series extent %q", f.Text)
		}
	}
}

// TestLastMemberTakesItsShape: a last member cut by the length rules
// reaches the character every other member ends in (rules 17).
func TestLastMemberTakesItsShape(t *testing.T) {
	fs := Extract(prep(t, "建设智慧城市，对加快工业化、信息化、城镇化、农业现代化融合，提升城市可持续发展能力。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if f.Kind == Parallel && strings.HasSuffix(f.Text, "农业") {
			t.Errorf("last member cut: %q", f.Text)
		}
	}
	if _, ok := find(fs, "工业化、信息化、城镇化、农业现代化"); !ok {
		t.Errorf("whole series missing: %v", keys(fs))
	}
}

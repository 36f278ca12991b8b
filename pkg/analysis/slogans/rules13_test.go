package slogans

import (
	"strings"
	"testing"
)

// TestEvidenceOfForm (rules 13, precision first): a series that is not
// quoted, known or attested is output only with evidence of form; lists of
// offices, of things sharing a noun, of qualities checked, are not.
func TestEvidenceOfForm(t *testing.T) {
	lex := builtinLex(t)
	cases := []parallelCase{
		// lists of the offices responsible, in parentheses or before 负责
		{"完善数据共享机制。（牵头单位：市数据局，参加单位：市财政局、市统计局、市税务局）", "市财政局、市统计局、市税务局", false},
		{"建立协调机制。（市教育局、市体育中心、市图书馆负责）", "市教育局、市体育中心、市图书馆", false},
		{"各街道、各社区、各小区要做好排查。", "各街道、各社区、各小区", false},
		// people
		{"关爱未成年人、老年人、残疾人。", "未成年人、老年人、残疾人", false},
		// qualities something is checked for
		{"审核申报材料的真实性、完整性和准确性。", "真实性、完整性和准确性", false},
		// a pair of two kinds of one thing, sharing only the last character
		{"提升规则库、知识库建设水平。", "规则库、知识库", false},
		// one member inside another: sizes
		{"推动大型、超大型数据中心节能。", "大型、超大型", false},
		// evidence of form
		{"全力稳就业、稳企业、稳市场、稳预期。", "稳就业、稳企业、稳市场、稳预期", true},
		{"推动产业高端化、智能化、绿色化发展。", "高端化、智能化、绿色化", true},
		{"经济运行稳中有进、进中向好。", "稳中有进、进中向好", true},
		{"对问题要立行立改、真改实改。", "立行立改、真改实改", true},
		{"推动人工智能产业快成长、上规模、强实力，赋能实体经济。", "快成长、上规模、强实力", true},
		{"强化审计、统计、财会监督。", "审计、统计、财会监督", true},
	}
	checkParallel(t, lex, cases)
}

// TestNoEvidenceLeavesQuoted: quotation marks are evidence enough.
func TestNoEvidenceLeavesQuoted(t *testing.T) {
	fs := Extract(prep(t, "按照“需求挖掘、供需对接、示范引领、生态培育”的思路推进。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if strings.Contains(f.Key, "需求挖掘") {
			return
		}
	}
	t.Errorf("quoted series lost: %v", keys(fs))
}

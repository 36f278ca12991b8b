package slogans

import "testing"

// TestQuoteClassesRules15: scare quotes (a degree adverb or 所谓 before, 二字
// after, a reduplicated action, a version), quoted actions in reported speech
// or after an instruction, names of campaign months and of platforms headed by
// a noun phrase, beside the formulations they must not take.
func TestQuoteClassesRules15(t *testing.T) {
	cases := []quoteCase{
		{"未来的城市越来越“网络化”，也越来越“协同化”。", "“网络化”", ClassScare},
		{"这就是所谓的“流量密码”，并不可取。", "“流量密码”", ClassScare},
		{"群众只需“看一看”“签一签”即可完成办理。", "“看一看”", ClassScare},
		{"系统由“体验版”转为“正式版”。", "“正式版”", ClassScare},
		{"他介绍说，企业只要“上传附件”就能自动生成报告。", "“上传附件”", ClassScare},
		{"组织开展全省“节水宣传月”活动。", "“节水宣传月”", ClassTitle},
		{"上线“惠企通”企业综合服务平台，实现一网办理。", "“惠企通”", ClassTitle},
		{"推动教育向“服务型”转变。", "“服务型”", ClassScare},
		{"标准分为“基础标准”、“方法标准”与“管理标准”，如图所示。", "“方法标准”", ClassTitle},
		{"体系结构包括“A通用要求”、“B核心技术”、“C行业应用”等三个部分。", "“B核心技术”", ClassTitle},
		{"参照《项目指南》“申报须知”中的要求办理。", "“申报须知”", ClassTitle},
		{"举办“西部农产品洽谈会”。", "“西部农产品洽谈会”", ClassTitle},
		{"建设“惠农网”5G智慧农业服务平台。", "“惠农网”", ClassTitle},
		// formulations stay
		{"建设“服务型”政府。", "“服务型”", ClassFormulation},
		{"开发“谷子经济”“票根经济”等新消费。", "“票根经济”", ClassFormulation},
		{"推进“数字出版”战略，发展数字文化产业。", "“数字出版”", ClassFormulation},
		{"全面推行“免审即享”“多投多奖”机制。", "“免审即享”", ClassFormulation},
		{"他介绍说，当地推行“机器换人”，效率大增。", "“机器换人”", ClassFormulation},
		{"深化“放管服”改革，推进“一网通办”。", "“放管服”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

// TestListsRules15: tiers, sectors and the addressees of a notice are lists.
func TestListsRules15(t *testing.T) {
	cases := []parallelCase{
		{"对列入国家级、省级、市级示范项目的给予奖励。", "国家级、省级、市级", false},
		{"围绕制造业、农业、服务业重点领域推进转型。", "制造业、农业、服务业", false},
		{"各区县政府，市直各部门，市属各单位，各有关企业：\n现将有关事项通知如下。", "市直各部门，市属各单位", false},
		{"确保平台接入的稳定性、数据交换的安全性、服务调用的可靠性。", "平台接入的稳定性、数据交换的安全性、服务调用的可靠性", false},
		// the end of the last member
		{"推动数字技术在更宽领域、更深层次、更高水平上实现融合。", "更宽领域、更深层次、更高水平", true},
		{"推动企业向研发设计延伸、向品牌服务迈进、向高端市场集聚。", "向研发设计延伸、向品牌服务迈进、向高端市场集聚", true},
		// parallel in form stays
		{"以改革的精神、创新的思维、开放的视野推动发展。", "改革的精神、创新的思维、开放的视野", true},
		{"推动产业高端化、智能化、绿色化发展。", "高端化、智能化、绿色化", true},
		{"全力稳就业、稳企业、稳市场、稳预期。", "稳就业、稳企业、稳市场、稳预期", true},
	}
	checkParallel(t, builtinLex(t), cases)
}

// quoteCase is a text, a quote in it as written, and the class the quote
// must get ("": it must not be taken as a quoted span at all).
type quoteCase struct {
	text, quote string
	want        QuoteClass
}

// checkQuoteClasses analyses each case's text with the built-in lexicon and
// reports a quote of another class than wanted, or missing.
func checkQuoteClasses(t *testing.T, cases []quoteCase) {
	t.Helper()
	lex := builtinLex(t)
	for _, c := range cases {
		res := Analyze(prep(t, c.text), Options{Lexicon: lex})
		found := false
		for _, q := range res.Quotes {
			if q.Text == c.quote {
				found = true
				if q.Class != c.want {
					t.Errorf("%s in %s: %s, want %s", c.quote, c.text, q.Class, c.want)
				}
			}
		}
		if !found && c.want != "" {
			t.Errorf("%s not found in %s", c.quote, c.text)
		}
	}
}

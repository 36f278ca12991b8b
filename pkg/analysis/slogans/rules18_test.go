package slogans

import "testing"

// TestQuotedMetaphorsRules18: a plain noun of the general dictionary in
// quotation marks that the reference reports never use is an image of the
// document, not a term; terms the reference reports use, coinages missing
// from the dictionary and known formulations stay.
func TestQuotedMetaphorsRules18(t *testing.T) {
	cases := []quoteCase{
		{"打造人工智能产业创新应用“试验场”，放大新技术效应。", "“试验场”", ClassScare},
		{"发挥人才驿站编制“蓄水池”作用。", "“蓄水池”", ClassScare},
		{"推进技术应用和模式创新，不搞“花架子”。", "“花架子”", ClassScare},
		{"发挥高新区企业培育的“主阵地”作用。", "“主阵地”", ClassScare},
		{"跑好经济社会发展“马拉松”。", "“马拉松”", ClassScare},
		// the reference reports use it: a term of policy language
		{"各级政府要带头过“紧日子”。", "“紧日子”", ClassFormulation},
		{"发挥老专家“传帮带”作用。", "“传帮带”", ClassFormulation},
		// a coinage, not a word of the dictionary; a known formulation
		{"深化“放管服”改革，推行“免申即享”。", "“免申即享”", ClassFormulation},
		{"打好政策“组合拳”。", "“组合拳”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

// TestAdverbSeriesRules18: one adverb repeated before a word in every member
// describes how things relate or act (相互关联、相互影响) unless a member
// belongs to a series of the reference reports (亲自指挥、亲自部署; 相互依赖、
// 相互融合).
func TestAdverbSeriesRules18(t *testing.T) {
	cases := []parallelCase{
		{"生命周期中各项活动相互关联、相互影响。", "相互关联、相互影响", false},
		{"实时分级告警提示，快速发现、快速告警，规范工作行为。", "快速发现、快速告警", false},
		{"形成互为场景、互为基础、互为生态的协同应用体系。", "互为场景、互为基础、互为生态", false},
		{"总书记亲自指挥、亲自部署，作出重要指示。", "亲自指挥、亲自部署", true},
		{"两国经济相互依赖、相互融合，不断深化。", "相互依赖、相互融合", true},
	}
	checkParallel(t, builtinLex(t), cases)
}

// TestTopicsRules18: a quoted topic of a meeting or a study, and a button
// placed on a screen, are names. Single characters listed in quotes stay a
// formulation, verbs too: the reference reports quote 放、调、管 and 破、立、
// 降 as formulations (a rule making single verbs a list of steps was tried
// and dropped for them).
func TestTopicsRules18(t *testing.T) {
	cases := []quoteCase{
		{"推动“源、网、荷、储”协同互动。", "“源、网、荷、储”", ClassFormulation},
		{"要在“破、立、降”上下功夫。", "“破、立、降”", ClassFormulation},
		{"充分吸收市政协“加快发展数字经济”专题协商会委员建议。", "“加快发展数字经济”", ClassTitle},
		{"点击项目名称右侧的“填写申请”，进入选择界面。", "“填写申请”", ClassTitle},
	}
	checkQuoteClasses(t, cases)
}

// TestWrappedWordRules18: in hard-wrapped text a member never ends where a
// word of the dictionary runs across the line break (服务要\n求).
func TestWrappedWordRules18(t *testing.T) {
	cases := []parallelCase{
		{"二是信息交互服务标准：船岸信息交互服务方式、服务范围、服务要\n求标准。", "服务方式、服务范围、服务要", false},
	}
	checkParallel(t, builtinLex(t), cases)
}

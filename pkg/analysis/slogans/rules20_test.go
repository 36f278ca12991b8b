package slogans

import "testing"

// TestContrastRules20: quoted phrases set against each other in a change of
// course (从“A”“B”到“C”, 从“A”到“B”再到“C”) are emphasis; a known formulation
// with a number stays, and so does a label quoted alone.
func TestContrastRules20(t *testing.T) {
	cases := []quoteCase{
		{"推动人工智能培育从“给政策”“给项目”到“给机会”转变。", "“给政策”", ClassScare},
		{"推动人工智能培育从“给政策”“给项目”到“给机会”转变。", "“给项目”", ClassScare},
		{"推动人工智能培育从“给政策”“给项目”到“给机会”转变。", "“给机会”", ClassScare},
		{"推动服务从“有没有”向“好不好”转变。", "“好不好”", ClassScare},
		{"促进政策从“最初一公里”到“最后一公里”衔接畅通。", "“最后一公里”", ClassFormulation},
		{"鼓励中小企业开展“给机会”专项行动。", "“给机会”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

// TestSectionsRules20: lettered sections and quoted parts of a system of
// categories are names of sections, not formulations.
func TestSectionsRules20(t *testing.T) {
	cases := []quoteCase{
		{"智能制造标准体系结构包括“A基础共性”、“B关键技术”、“C行业应用”三个部分。", "“A基础共性”", ClassTitle},
		{"按照“基础共性”、“关键技术”和“船厂应用”三项大类条目编制。", "“关键技术”", ClassTitle},
		{"深化“放管服”“双随机”改革。", "“放管服”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

// TestVerbHeadsRules20: the end of a verb the segmenter cut (筑|牢, 解决|好,
// 做|实) and a verb of change it tags as a noun or a name (升级/vn, 拓宽/nr)
// do not head a numbered label; a verb of change may open a tail.
func TestVerbHeadsRules20(t *testing.T) {
	for text, want := range map[string]string{
		"着力筑牢“六个严防”底线。":       "“六个严防”",
		"坚持把解决好“三农”问题作为重中之重。": "“三农”",
		"聚焦做实“两大定位”。":         "“两大定位”",
		"迭代升级“十项行动”，唱好双城记。":   "“十项行动”",
		"持续拓宽“两山”转化路径。":       "“两山”",
	} {
		fs := Extract(prep(t, text), Options{Lexicon: builtinLex(t)})
		found := false
		for _, f := range fs {
			if f.Kind == Numbered || f.Kind == Quoted {
				if f.Text != want {
					t.Errorf("%s: %s, want %s", text, f.Text, want)
				}
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no label in %v", text, keys(fs))
		}
	}
	fs := Extract(prep(t, "实施“全省一朵云”升级工程，建设政务云。"), Options{Lexicon: builtinLex(t)})
	if f, ok := find(fs, "全省一朵云升级工程"); !ok || f.Text != "“全省一朵云”升级工程" {
		t.Errorf("“全省一朵云”升级工程: %v", keys(fs))
	}
}

// TestNamesAndGoalsRules20: a service or an app in use (出示, 享用) and a
// centre the sentence builds are names; goals quoted as words (beside
// another, or before 的目标) are citations; a span put online (上线,
// 正式上线) is a service; a campaign named by a verb
// phrase alone, and a goal named as a centre with no verb of building, stay.
func TestNamesAndGoalsRules20(t *testing.T) {
	cases := []quoteCase{
		{"运用智能手机查询和出示“健康码”、接收防控信息。", "“健康码”", ClassTitle},
		{"所有营业厅都可享用“爱心通道”面对面服务。", "“爱心通道”", ClassTitle},
		{"仅用90天建成“南A中心”并投入使用。", "“南A中心”", ClassTitle},
		{"为中小企业搭建独立的“线上职工技能培训中心”，提供视频直播。", "“线上职工技能培训中心”", ClassTitle},
		{"全面落实“推动经济社会数字化转型”和“打造数字先锋城市”的目标任务。", "“打造数字先锋城市”", ClassCitation},
		{"纲要把“加快经济社会信息化”“大力推进国家电子政务建设”作为战略。", "“加快经济社会信息化”", ClassCitation},
		{"铸牢中华民族共同体意识，“围绕主线办实事”680多件。", "“围绕主线办实事”", ClassFormulation},
		{"提出三大目标，第一“全球创新中心”，第二“亚太经贸枢纽”。", "“全球创新中心”", ClassFormulation},
		{"全面上线“爱山东”，方便群众办事。", "“爱山东”", ClassTitle},
		{"全省统一的“鲁通码”正式上线，覆盖各市。", "“鲁通码”", ClassTitle},
		{"深入实施“强省会”战略，推动“强省会”建设。", "“强省会”", ClassFormulation},
	}
	checkQuoteClasses(t, cases)
}

package entities

import "testing"

// TestRound11 holds the ORG rules of round 11 (issue 16), each case written
// from a DEV notice (bench/entities/gold/dev4.txt, dev.txt) or the kinds of
// error the earlier rounds listed: kinds in addressee lists, a hospital's
// name cut at 中心, a profession before a body's ending, a level's
// department the segmenter cut after its level's rune.
func TestRound11(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		// an addressee line: each province's departments are kinds; a body
		// written after a comma with its own place is one body
		{"各省、自治区、直辖市及计划单列市、新疆生产建设兵团住房和城乡建设厅（委、管委、局）、发展改革委、科技厅（局）、市场监管局，国家税务总局各省、自治区、直辖市和计划单列市税务局：",
			[]string{"ORG 国家税务总局"},
			[]string{"ORG 新疆生产建设兵团住房和城乡建设厅", "ORG 发展改革委", "ORG 市场监管局", "ORG 税务局", "ORG 科技厅"}},
		{"各省、自治区住房和城乡建设厅，直辖市住房和城乡建设（管）委，新疆生产建设兵团住房和城乡建设局：",
			[]string{"ORG 新疆生产建设兵团住房和城乡建设局"}, nil},
		{"各市人民政府、省财政厅：", []string{"ORG 省财政厅"}, nil},
		// 中心 before a hospital's or school's ending is part of the kind
		{"推进滨州市中心医院建设。", []string{"ORG 滨州市中心医院"}, []string{"ORG 滨州市中心"}},
		{"建成市第三中心医院东丽院区、市口腔医院。", []string{"ORG 市第三中心医院", "ORG 市口腔医院"}, nil},
		// a brand's first rune the segmenter cut off as a name
		{"鹏瑞利医院开诊，首家市内免税店开业。", []string{"ORG 鹏瑞利医院"}, []string{"ORG 瑞利医院"}},
		// a profession right before 委员会 is the committee's field
		{"推动成立济南市人工智能战略咨询专家委员会，为本市提供决策支撑。", []string{"ORG 济南市人工智能战略咨询专家委员会"}, nil},
		// 市民|政局 as the segmenter cut 市民政局
		{"（责任单位：市口岸物流办、市民政局）", []string{"ORG 市口岸物流办", "ORG 市民政局"}, nil},
		// a list of kinds by their kind, not by level, keeps its bodies;
		// a profession before a school's ending is a kind
		{"向各民主党派、工商联、无党派人士致以崇高敬意。", []string{"ORG 工商联"}, nil},
		{"推动未来技术学院、现代产业学院、卓越工程师学院建设。", nil, []string{"ORG 卓越工程师学院"}},
		// a place word inside a compound or a body's name
		{"强化“服务中台”能力支撑，构建数据中台。", nil, []string{"LOC 中台"}},
		{"推动欧美同学会海归小镇等园区项目建设。", nil, []string{"LOC 欧美"}},
		// the kind a system is made of
		{"建设交通运输行业数据中心体系。", nil, []string{"ORG 交通运输行业数据中心"}},
		// a place cut from words: a conjunction's rune, a kind's word, a kind
		{"兼顾公有云和私有云，构建专有云、开放云和涉密云。", nil, []string{"LOC 云和"}},
		{"浙江云和县开展试点。", []string{"LOC 云和县"}, nil},
		{"负责教育部直属机关和部属高校的工作。", []string{"ORG 教育部"}, []string{"LOC 直属机关"}},
		{"积极引入外省市优秀数据运营商。", nil, []string{"LOC 外省市"}},
		{"中国老龄协会将指导中国老年学和老年医学学会。", []string{"LOC 中国"}, nil},
		// all bodies of a kind and a level of kinds are no department
		{"推动省所有医疗联合体和县级医院接入平台。", nil, []string{"ORG 省所有医疗联合体和县级医院"}},
		// the 兵团 in a list of levels is the 兵团; its department there is a kind
		{"各省、自治区、直辖市及计划单列市、新疆生产建设兵团商务主管部门：", []string{"ORG 新疆生产建设兵团"}, nil},
		{"各省、自治区、直辖市及新疆生产建设兵团医疗保障局：", nil, []string{"ORG 新疆生产建设兵团医疗保障局"}},
		// a registered company's or university's name made of common words,
		// closed by a preposition or a list's comma
		{"加强与八方地动科技有限公司等企业的合作。", []string{"ORG 八方地动科技有限公司"}, nil},
		{"开展与上海人工智能实验室、南方科技大学、北京大学等机构的合作。", []string{"ORG 南方科技大学", "ORG 北京大学"}, nil},
		{"推动相关科技有限公司发展，建设世界一流大学。", nil, []string{"ORG 相关科技有限公司", "ORG 世界一流大学"}},
		// a leading group and its special committee or office, led by a level
		{"充分发挥国家制造强国建设领导小组车联网产业发展专委会等机制作用。", []string{"ORG 国家制造强国建设领导小组车联网产业发展专委会"}, nil},
		{"成立市先进制造业和数字经济发展领导小组，统筹推进。", []string{"ORG 市先进制造业和数字经济发展领导小组"}, nil},
		// a verb between two bodies ends the name; a field word the tagger
		// took for an adverb does not
		{"市公安局报省公安厅审批。", []string{"ORG 市公安局", "ORG 省公安厅"}, []string{"ORG 公安局报省公安厅"}},
		{"北京市规划和自然资源委，国家税务总局：", []string{"ORG 北京市规划和自然资源委"}, nil},
		// institutes' short names in an enumeration, cut into single runes
		{"中石化ABS、燕山石化绿色新材料、北化院、石科院等向南港集聚发展。", []string{"ORG 北化院", "ORG 石科院"}, nil},
		{"支持西北农大、杨凌职院、陕工院建设一流学科。", []string{"ORG 杨凌职院", "ORG 陕工院"}, nil},
		{"本院、本所负责；方厅水院等标志性项目建成投运。", nil, []string{"ORG 本院", "ORG 本所", "ORG 方厅水院"}},
		// a brand's time word after its place, a brand word after the body
		// the lists know: names read whole, not cut
		{"推进百度智能云（济南）智算中心、山东未来云谷智算中心等重大项目建设，支持山东未来网络研究院发展。",
			[]string{"ORG 百度智能云（济南）智算中心", "ORG 山东未来云谷智算中心", "ORG 山东未来网络研究院"},
			[]string{"ORG 云（济南）智算中心", "ORG 云谷智算中心"}},
		// a place and the bare word 园区 are the place's parks; a place cut
		// out of a longer name by a bound morpheme after it is none
		{"陈仓、洋县园区产值超过10亿元，富平园区产值超过20亿元。", []string{"LOC 洋县", "LOC 富平"}, []string{"ORG 洋县园区", "ORG 富平园区"}},
		{"园区范围为围子岭南麓至张村河，岭南地区加快发展。", []string{"LOC 岭南"}, nil},
	}
	checkMentions(t, x, cases)
}

// TestPlaceCutOnTheLeft: a place between a noun and a bound morpheme is cut
// out of a longer name (围子岭南麓) and found nowhere in that sentence.
func TestPlaceCutOnTheLeft(t *testing.T) {
	x := New(nil)
	for _, m := range extractDoc(t, x, "园区范围为围子岭南麓至张村河。") {
		if m.Type == LOC && m.Key == "岭南" {
			t.Errorf("岭南 of 围子岭南麓 found as a place")
		}
	}
}

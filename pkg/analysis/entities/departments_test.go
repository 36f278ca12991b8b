package entities

import "testing"

// TestDepartmentsAndAliases: the ORG rules of round 8 (issue 16), each case
// written from a DEV notice or made up for a kind of error the blind sets
// showed (departments whose field holds 和/与, offices of a body, short forms
// given in brackets, pieces cut out of longer words). want lists mentions
// that must be found, not the ones that must not.
func TestDepartmentsAndAliases(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		// a level of government, a field with 和 and an ending, between
		// punctuation or the words of responsibility
		{"（责任单位：省工业和信息化厅、省大数据局、市交通运输局，省公安厅牵头）",
			[]string{"ORG 省工业和信息化厅", "ORG 省大数据局", "ORG 市交通运输局", "ORG 省公安厅"}, []string{"ORG 公安厅"}},
		{"市发展改革委、市民营经济局、市委军民融合办按职责分工负责。",
			[]string{"ORG 市民营经济局", "ORG 市委军民融合办"}, []string{"ORG 民营经济局"}},
		// a place of a level, a body already found, 全国 and 国家 lead
		{"江苏省发展和改革委员会、上海市经济和信息化委员会联合印发。",
			[]string{"ORG 江苏省发展和改革委员会", "ORG 上海市经济和信息化委员会"}, []string{"LOC 江苏省"}},
		{"科学技术部资源配置与管理司负责受理，国家卫健委医政司配合。",
			[]string{"ORG 科学技术部资源配置与管理司", "ORG 国家卫健委医政司"}, []string{"ORG 科学技术部"}},
		{"由全国信息技术标准化技术委员会人工智能分技术委员会负责起草。",
			[]string{"ORG 全国信息技术标准化技术委员会人工智能分技术委员会"}, nil},
		{"报送国家深海基地管理中心、青岛西海岸新区管委。",
			[]string{"ORG 国家深海基地管理中心", "ORG 青岛西海岸新区管委"}, []string{"ORG 深海基地管理中心"}},
		// a national body named by its field; a place in brackets after a
		// body's name is part of it; kinds of national bodies are none
		{"支持国家智能传感器创新中心（上海）建设，报工业和信息化部装备工业二司（国家重大技术装备办公室）。",
			[]string{"ORG 国家智能传感器创新中心（上海）", "ORG 工业和信息化部装备工业二司", "ORG 国家重大技术装备办公室"}, nil},
		{"支持建设国家重点实验室、国家工程研究中心、国家制造业创新中心。", nil,
			[]string{"ORG 国家重点实验室", "ORG 国家工程研究中心", "ORG 国家制造业创新中心"}},
		// short forms given in brackets name the body wherever written
		{"国家标准化管理委员会（国家标准委）发布，国家标准委负责解释。",
			[]string{"ORG 国家标准化管理委员会", "ORG 国家标准委"}, nil},
		{"全国信息技术标准化技术委员会人工智能分技术委员会（以下简称“人工智能分标委”）起草。人工智能分标委负责。",
			[]string{"ORG 人工智能分标委"}, nil},
		{"中国信息通信研究院（以下简称中国信通院）开展测评，中国信通院负责组织。", []string{"ORG 中国信通院"}, nil},
		// not a body: kinds, roles, verbs, departments of a field, pieces
		// of longer words
		{"请各地工信部门、各县市林业局会同财政部门实施，国家发展改革委会同财政部负责。", []string{"ORG 国家发展改革委", "ORG 财政部"},
			[]string{"ORG 工信部", "ORG 各县市林业局", "ORG 国家发展改革委会同财政部"}},
		{"省政府、省各委办厅局负责。", []string{"ORG 省政府"}, []string{"ORG 省各委办厅局"}},
		{"可经市工业和信息化局报省工业和信息化厅申请更名，由全国汽车标准化技术委员会开展工作。",
			[]string{"ORG 市工业和信息化局", "ORG 省工业和信息化厅", "ORG 全国汽车标准化技术委员会"}, []string{"ORG 市工业和信息化局报省工业和信息化厅"}},
		{"在全国大学校院推广，省外三甲医院参与。", nil, []string{"ORG 全国大学校院", "ORG 省外三甲医院"}},
		{"由省级主管部门报工业和信息化部。", []string{"ORG 工业和信息化部"}, []string{"ORG 省级主管部门报工业和信息化部"}},
		{"在全国法院推广应用，与国家行业协会对接，对新获批国家重点实验室、教育部重点实验室给予支持。", nil,
			[]string{"ORG 全国法院", "ORG 国家行业协会", "ORG 批国家重点实验室", "ORG 教育部重点实验室"}},
		{"提升算力云服务能力，建设算力基础设施，保障算力中心电力供应。", nil, []string{"ORG 力中心"}},
		{"在省委科技委领导下，推进崂山实验室建设。", []string{"ORG 省委科技委", "ORG 崂山实验室"}, []string{"ORG 省委"}},
	}
	checkMentions(t, x, cases)
}

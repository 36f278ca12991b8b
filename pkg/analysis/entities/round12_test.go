package entities

import "testing"

// TestRound12 holds the rules of round 12 (issue 16), each case written from
// a DEV document (shandong_052, shandong_022, shandong_027, shandong_044,
// central_166, the 贵州, 内蒙古 and 福建 reports) or the kinds of error the
// earlier rounds listed: a pair of relations is one name or none, places
// the segmenter cut out of a phrase, kinds of government and bare organs
// among kinds, a centre's bracketed quarter, a city's one-rune short form
// after a verb of movement.
func TestRound12(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		// a list of relations: each pair one name, never 中 and its partner
		{"持续办好中日、中以、中德等科技创新合作大会。", nil, []string{"LOC 中", "LOC 日", "LOC 以", "LOC 德"}},
		{"推进中印尼“两国双园”合作。", nil, []string{"LOC 印尼"}},
		{"融入“一带一路”和中蒙俄经济走廊建设。", nil, []string{"LOC 俄"}},
		{"与印尼、泰国、老挝等建立合作机制。", []string{"LOC 印尼", "LOC 泰国", "LOC 老挝"}, nil},
		{"支持中国与美国开展合作。", []string{"LOC 中国", "LOC 美国"}, nil},
		// a place the segmenter read across a phrase's words
		{"拓展深海空天等领域应用。", nil, []string{"LOC 天等"}},
		{"拓展智慧城市、空天海地等应用场景。", nil, []string{"LOC 海地"}},
		{"以东南亚、南亚、中亚等为主攻方向。", []string{"LOC 东南亚", "LOC 南亚", "LOC 中亚"}, nil},
		// a kind of government is no body; a place before it makes one
		{"推动党委报告数字政府建设情况，建立健全数字政府建设推进机制。", nil, []string{"ORG 党委报告数字政府", "ORG 建立健全数字政府"}},
		{"香港特区政府积极配合。", []string{"ORG 香港特区政府"}, nil},
		{"人民群众对党和政府的信任，北京市人民政府和天津市政府。", []string{"ORG 北京市人民政府", "ORG 天津市政府"}, []string{"ORG 党和政府"}},
		// bare organs in a list of kinds: the organs of every level
		{"推动党委、人大、政协、法院、检察院的信息系统整合。", nil, []string{"ORG 人大", "ORG 政协"}},
		{"全国人大、全国政协。", []string{"ORG 全国人大", "ORG 全国政协"}, nil},
		// a centre's quarter in brackets is part of its name
		{"加快国家健康医疗大数据中心（北方）建设。", []string{"ORG 国家健康医疗大数据中心（北方）"}, []string{"ORG 国家健康医疗大数据中心"}},
		// a city's one-rune short form after a verb of movement, when the
		// document writes the city; not an adjective
		{"青岛市人民政府鼓励高校来青设立研究院，驻青高校积极参与。", []string{"LOC 青"}, nil},
		{"济南市支持高校在济设立研发机构。", []string{"LOC 济"}, nil},
		{"新疆站在新的起点上。", nil, []string{"LOC 新"}},
		// a new area named by its city and a name of its own
		{"建设青岛西海岸新区。", []string{"LOC 青岛西海岸新区"}, []string{"LOC 青岛"}},
	}
	checkMentions(t, x, cases)
}

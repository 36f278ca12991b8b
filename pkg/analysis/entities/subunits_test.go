package entities

import "testing"

// TestSubUnitsAndSchools: round 10's ORG rules (issue 16), written from
// made-up sentences of the shapes DEV city notices use: a bureau's offices
// after its name or alone in the bracket of responsible units, a level's
// bureau, schools and hospitals with a place or an ordinal head; kinds of
// bodies stay out.
func TestSubUnitsAndSchools(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		{"市教育局办公室、市教育局财务处负责经费保障。", []string{"ORG 市教育局办公室", "ORG 市教育局财务处"}, nil},
		{"市教育局教育装备与信息化中心组织开展。", []string{"ORG 市教育局教育装备与信息化中心"}, nil},
		{"市教育局牵头推进。开展教师培训（责任单位：高教处、师资处、教科院）。",
			[]string{"ORG 市教育局", "ORG 高教处", "ORG 师资处", "ORG 教科院"}, nil},
		{"市教育局（基教处）负责，市教育局（装备信息中心）配合。",
			[]string{"ORG 市教育局", "ORG 基教处", "ORG 装备信息中心"}, nil},
		// no body named: a bracket of offices alone is not read
		{"完善评价体系（教科院、职成处）。", nil, []string{"ORG 职成处"}},
		// a bracket of another kind
		{"市财政局牵头。建设数据平台（含数据中心、算力中心）。", nil, []string{"ORG 数据中心", "ORG 算力中心"}},
		{"请于6月底前报送市教育局办公室。", []string{"ORG 市教育局办公室"}, nil},
		{"市教育局人事处联系电话：12345。", []string{"ORG 市教育局人事处"}, nil},
		{"（责任单位：市贸促会、市财政局）", []string{"ORG 市贸促会", "ORG 市财政局"}, nil},
		{"青岛第五十八中学、市实验小学、市第一人民医院参加。",
			[]string{"ORG 青岛第五十八中学", "ORG 市实验小学", "ORG 市第一人民医院"}, nil},
		{"支持西湖大学、宁波东方理工大学建设世界一流新型研究型大学。",
			[]string{"ORG 西湖大学"}, []string{"ORG 宁波东方理工大学建设世界一流新型研究型大学"}},
		{"各级政府和有关部门、学校、医院要加强协作，市直有关部门配合。", nil,
			[]string{"ORG 学校", "ORG 医院", "ORG 有关部门"}},
	}
	checkMentions(t, x, cases)
}

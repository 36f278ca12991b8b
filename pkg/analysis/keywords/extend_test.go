package keywords

import (
	"slices"
	"testing"

	"zhpolicy/pkg/script"
)

func TestExtendShortWordToItsCompound(t *testing.T) {
	// 智能制造 is the phrase most often begun at 智能, so the phrase
	// finder stops there and 成熟度 is left alone, twice, always after it:
	// it is ranked as 智能制造成熟度.
	spec := "智能/n 制造/vn 成熟度/n 评估/vn 。/w 智能/n 制造/vn 成熟度/n 。/w " +
		"智能/n 制造/vn 。/w 智能/n 制造/vn 。/w 智能/n 制造/vn 。/w 智能/n 制造/vn 。/w " +
		// 港区 stands alone three times of four: left as it is
		"港区/n 。/w 港区/n 。/w 港区/n 。/w 港区/n 码头/n 。/w 码头/n 。/w 码头/n"
	got := allKeys(t, long(spec), Options{})
	for _, want := range []string{"智能制造成熟度", "智能制造", "港区"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s not ranked: %v", want, got)
		}
	}
	for _, no := range []string{"成熟度", "港区码头"} {
		if slices.Contains(got, no) {
			t.Errorf("%s ranked: %v", no, got)
		}
	}
}

func TestExtendKeepsTheWordWhereItStandsAlone(t *testing.T) {
	// 工控 is inside 工控+系统 three times of five (a recurring
	// compound) and alone twice: both are counted, each where it is.
	spec := "工控/n 系统/n 。/w 工控/n 系统/n 。/w 工控/n 系统/n 。/w 工控/n 。/w 工控/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	count := map[string]int{}
	for _, tm := range terms.terms {
		count[tm.key] = tm.count
	}
	if count["工控系统"] != 3 || count["工控"] != 2 {
		t.Errorf("工控系统 %d, 工控 %d; want 3 and 2", count["工控系统"], count["工控"])
	}
}

func TestExtendNotThroughAVerbNorOnce(t *testing.T) {
	// 推翻 is a verb taking 满清 as its object, not the left part of a
	// compound (the phrase finder does not join them either: 推翻 is used
	// with other objects); 车路+交互, seen once, does not recur.
	spec := "推翻/v 满清/nz 。/w 推翻/v 满清/nz 。/w 推翻/v 满清/nz 。/w 满清/nz 。/w 推翻/v 旧制/n 。/w 推翻/v 帝制/n 。/w " +
		"车路/n 交互/vn 。/w 车路/n 。/w 车路/n 。/w"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	for _, tm := range terms.terms {
		if tm.key == "推翻满清" || tm.key == "车路交互" {
			t.Errorf("%s made a compound (%d)", tm.key, tm.count)
		}
	}
}

func TestModifierThatNeverHeadsIsAPiece(t *testing.T) {
	// 船用 modifies a different noun every time, and no compound of it
	// recurs: it heads no phrase of its own, and is not ranked. 配电 heads
	// a phrase once (配电。) and stays.
	spec := "船用/n 发动机/n 。/w 船用/n 动力电池/n 。/w 船用/n 甲醇/n 。/w " +
		"配电/n 网络/n 。/w 配电/n 系统/n 。/w 配电/n 。/w"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	partial := map[string]bool{}
	for _, tm := range terms.terms {
		partial[tm.key] = tm.partial
	}
	if !partial["船用"] {
		t.Errorf("船用 is ranked: %v", partial)
	}
	if partial["配电"] {
		t.Errorf("配电 is not ranked: %v", partial)
	}
}

func TestPhraseExtendedToTheNameOfAnOrgan(t *testing.T) {
	// 平台+主管 recurs, always before 单位 (a stopword on its own): it is
	// counted as the name 平台主管单位. 责任 is one word before 单位: left.
	spec := "平台/n 主管/n 单位/n 负责/v 。/w 平台/n 主管/n 单位/n 审核/v 。/w 平台/n 主管/n 单位/n 。/w " +
		"责任/n 单位/n 。/w 责任/n 单位/n 。/w"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	count := map[string]int{}
	for _, tm := range terms.terms {
		count[tm.key] = tm.count
	}
	if count["平台主管单位"] != 3 || count["平台主管"] != 0 || count["责任单位"] != 0 {
		t.Errorf("平台主管单位 %d, 平台主管 %d, 责任单位 %d; want 3, 0, 0", count["平台主管单位"], count["平台主管"], count["责任单位"])
	}
}

func TestAddressee(t *testing.T) {
	for key, want := range map[string]bool{
		"省级教育行政部门": true, "省级人民政府": true, "各级财政部门": true, "市级政府": true,
		"煤矿安全监管部门": false, "省级数字经济园区": false, "教育部直属机关": false,
	} {
		if got := addressee(key); got != want {
			t.Errorf("addressee(%s) = %v, want %v", key, got, want)
		}
	}
}

func TestLongNameOfAnOrgan(t *testing.T) {
	// 公安机关+交通管理, always before 部门: 公安机关交通管理部门, ten
	// characters, longer than a key phrase may be, is the name
	spec := "公安机关/n 交通管理/n 部门/n 负责/v 。/w 公安机关/n 交通管理/n 部门/n 审核/v 。/w 公安机关/n 交通管理/n 部门/n 。/w"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	for _, tm := range terms.terms {
		if tm.key == "公安机关交通管理" {
			t.Errorf("公安机关交通管理 counted %d times", tm.count)
		}
	}
}

func TestQuotedWithDengIsAClause(t *testing.T) {
	// “资金+等+项目” (money waiting for projects) is a clause the notice
	// quotes once, not a term; “五+统一” is a formulation.
	spec := "防止/v “/w 资金/n 等/u 项目/n ”/w 问题/n 。/w 做到/v “/w 五/m 统一/vn ”/w 。/w"
	got := allKeys(t, long(spec), Options{})
	if slices.Contains(got, "资金等项目") {
		t.Errorf("资金等项目 ranked: %v", got)
	}
	if !slices.Contains(got, "五统一") {
		t.Errorf("五统一 not ranked: %v", got)
	}
}

func TestPieceOfAnyLengthIsCountedAsItsTerm(t *testing.T) {
	// 电子地图 (four characters: longer than extend's short words) is
	// written after 导航 every time; the phrase finder makes 导航系统 at
	// 导航, the more frequent, so the piece is left alone. It is ranked as
	// the term the document writes, 导航电子地图, and not on its own.
	spec := "导航/vn 系统/n 。/w 导航/vn 系统/n 。/w 导航/vn 系统/n 。/w 导航/vn 系统/n 。/w " +
		"完善/v 导航/vn 电子地图/n 。/w 发布/v 导航/vn 电子地图/n 。/w 导航/vn 电子地图/n 。/w 系统/n"
	got := allKeys(t, long(spec), Options{})
	if !slices.Contains(got, "导航电子地图") {
		t.Errorf("导航电子地图 not ranked: %v", got)
	}
	t.Logf("%v", got)
	if slices.Contains(got, "电子地图") {
		t.Errorf("电子地图 ranked: %v", got)
	}
}

func TestDivisionKindsAreAddressees(t *testing.T) {
	for key, want := range map[string]bool{"自治区": true, "计划单列市": true, "直辖市": true, "自治区政府": false, "宁夏回族自治区": false, "城市": false} {
		if got := addressee(key); got != want {
			t.Errorf("addressee(%s) = %v, want %v", key, got, want)
		}
	}
}

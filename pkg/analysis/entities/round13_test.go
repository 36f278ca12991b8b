package entities

import (
	"slices"
	"testing"
)

// TestOlderReports: people, places and organisations of the national work
// reports and congress reports of the 1950s–1990s, read on DEV stretches
// (bench/entities/gold/dev6.txt): a figure of the era named without a title
// (江青), the places of the Indochina wars, and words that only look like
// names or places (汪洋大海, 法西斯专政, 苏联陈重兵于欧洲东部, 比农民高得多,
// 同志和捷、波两国总理).
func TestOlderReports(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		{"毛主席及时戳穿了他们的阴谋，尖锐地指出江青有野心，不准她露面。", []string{"PER 江青"}, nil},
		{"美国正在南越、老挝、刚果等地进行着所谓特种战争。", []string{"LOC 南越", "LOC 老挝"}, nil},
		{"中国主张根据两次日内瓦协议解决印度支那问题。", []string{"LOC 印度支那"}, []string{"LOC 印度"}},
		{"是坚持无产阶级专政还是实行资产阶级的法西斯专政。", nil, []string{"LOC 法西斯", "LOC 法"}},
		{"坚持对外开放，在国际市场汪洋大海中搏击风浪。", nil, []string{"PER 汪洋"}},
		{"苏联陈重兵于欧洲东部，同时在远东扩张。", []string{"LOC 苏联"}, []string{"PER 陈重兵"}},
		{"工人的劳动生产率比农民高得多，因而在工农生活上有差别。", nil, []string{"PER 高得多"}},
		{"感谢苏维埃主席团主席伏罗希洛夫同志和捷、波两国总理对我国的访问。", []string{"PER 伏罗希洛夫"}, []string{"PER 和捷", "PER 和"}},
		{"国务院和省、市、自治区两级政府都进行了机构改革。", nil, []string{"PER 和省", "PER 和"}},
		{"被评为全国劳动模范和省、市、自治区劳动模范。", nil, []string{"PER 和省"}},
		{"过去五年中国家财政收入年均增长百分之十。", nil, []string{"LOC 中国"}},
		{"今年中国经济稳中向好，中国家庭收入增加。", []string{"LOC 中国"}, nil},
		{"宽大释放了大批在押的原国民党的党政军特人员。在党的领导下创造了责任制。", []string{"ORG 国民党"}, nil},
		{"汪洋同志出席会议并讲话。", []string{"PER 汪洋"}, nil},
		{"台湾省的吴添地先生来信。", []string{"PER 吴添地"}, nil},
	}
	checkMentions(t, x, cases)
}

// TestTitleOverList: a title before the first of several names written
// one after another with 、 is the title of each (美国总统艾森豪威尔、肯尼迪、
// 约翰逊, the 1964 report); a name after the list's end keeps its own.
func TestTitleOverList(t *testing.T) {
	x := New(nil)
	ms := extractDoc(t, x, "五年多以来，美国总统艾森豪威尔、肯尼迪、约翰逊，加紧施展反革命的两手政策。")
	got := people(ms)
	for _, w := range []string{"艾森豪威尔/总统@美国", "肯尼迪/总统@美国", "约翰逊/总统@美国"} {
		if !slices.Contains(got, w) {
			t.Errorf("missing %s in %v", w, got)
		}
	}
}

// TestKindsOfGroups: a 集团, 政府 or 党 named by nothing but what kind it is
// (反革命的阴谋集团, 两个军事集团, 唯一合法政府, 法西斯党: the 1978 report and
// others) is no organisation's name; a group named by its leader or place
// still is (江青反革命集团 is left to its other rules).
func TestKindsOfGroups(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		{"“四人帮”这个反革命的阴谋集团，利用他们窃据的地位和权力。", nil, []string{"ORG 阴谋集团"}},
		{"他们组织反革命阴谋集团，妄图篡夺权力。", nil, []string{"ORG 反革命阴谋集团"}},
		{"我们主张消除两个军事集团的严重对立。", nil, []string{"ORG 军事集团"}},
		{"中华人民共和国政府是代表全中国人民的唯一合法政府。", []string{"ORG 中华人民共和国政府"}, []string{"ORG 合法政府"}},
		{"变成修正主义的党，变成法西斯党。", nil, []string{"ORG 法西斯党"}},
	}
	checkMentions(t, x, cases)
}

// TestNameInListOfThings: a word shaped like a name with no evidence, in a
// list joined by 、 next to a common noun, is one of the things listed
// (桑蚕茧 of the 1983 report's crops, 李生 of the typo 数字李生 in ministry
// notices); a list of people is still read as people. And a verb that gse
// tags as a transliterated name is no foreigner before 说 (拜託說, a 2005
// Traditional speech).
func TestNameInListOfThings(t *testing.T) {
	x := New(nil)
	cases := []mentionCase{
		{"粮食增长百分之八，烤烟、桑蚕茧、猪牛羊肉等都有增长。", nil, []string{"PER 桑蚕茧"}},
		{"运用数字李生、智能传感技术，提升装备水平。", nil, []string{"PER 李生"}},
		{"副省长张国清、李明远出席会议。", []string{"PER 张国清", "PER 李明远"}, nil},
		{"一個一個來拜託？拜託說嘉義絕對不能輸。", nil, []string{"PER 拜託", "PER 拜托"}},
	}
	checkMentions(t, x, cases)
}

// TestNationalHeaders: the byline of a congress report spaced out on its
// own line (习　近　平) is the person; a post that someone holds in a body
// (以胡锦涛同志为总书记的党中央) is his title; 核心 is no post.
func TestNationalHeaders(t *testing.T) {
	x := New(nil)
	ms := extractDoc(t, x, "为全面建设社会主义现代化国家而团结奋斗\n\n——在中国共产党第二十次全国代表大会上的报告\n\n（2022年10月16日）\n\n习　近　平\n\n同志们：\n")
	if got := people(ms); !slices.Contains(got, "习近平") {
		t.Errorf("spaced byline: want 习近平 in %v", got)
	}
	c := NewCounter()
	c.Add("a", ms)
	for _, e := range c.m {
		if e.Key == "习近平" && e.Surface() != "习近平" {
			t.Errorf("spaced byline: shown as %q, want 习近平", e.Surface())
		}
	}
	ms = extractDoc(t, x, "目　录\n\n前　言\n")
	if got := people(ms); len(got) != 0 {
		t.Errorf("spaced headings: want no people, got %v", got)
	}
	ms = extractDoc(t, x, "全国各族人民在以胡锦涛同志为总书记的党中央领导下，全面贯彻党的十七大精神。")
	if got := people(ms); !slices.Contains(got, "胡锦涛/总书记") {
		t.Errorf("为总书记: want 胡锦涛/总书记 in %v", got)
	}
	ms = extractDoc(t, x, "全国各族人民更加紧密地团结在以习近平同志为核心的党中央周围。")
	if got := people(ms); !slices.Contains(got, "习近平") {
		t.Errorf("为核心: want 习近平 without a post in %v", got)
	}
	if got := keys(ms, ORG); !slices.Contains(got, "党中央") {
		t.Errorf("为核心: want ORG 党中央 in %v", got)
	}
}

package slogans

import (
	"strings"
	"testing"
)

// The error kinds of round 5, on sentences of DEV documents.

// TestQualityLists: attributes with mixed scalar poles are a list of
// qualities, not a series; contrast pairs of actions and X化 series stay.
func TestQualityLists(t *testing.T) {
	fs := Extract(prep(t, "建设满足智能制造需求的低时延、高可靠、大带宽工业网络。推广低成本、高质量、广覆盖的云服务。"+
		"努力打造国内成本最低、效率最高、辐射最广的物流枢纽。推动能源产业高端化、多元化、低碳化发展。"+
		"工作多设路标、少设路障，多踩油门、少踩刹车。建立兼容性好、开放性强的智能制造标准体系。数字商务是数字经济发展最迅速、创新最活跃、应用最丰富的重要组成。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if strings.Contains(f.Key, "时延") || strings.Contains(f.Key, "广覆盖") || strings.Contains(f.Key, "成本最低") || strings.Contains(f.Key, "兼容性好") || strings.Contains(f.Key, "最活跃") {
			t.Errorf("quality list taken for a series: %s", f.Text)
		}
	}
	for _, k := range []string{"高端化、多元化、低碳化", "多踩油门、少踩刹车"} {
		if _, ok := find(fs, k); !ok {
			t.Errorf("%s missing: %v", k, keys(fs))
		}
	}
}

// TestSpokenProse: in the spoken register, clauses of speech are no series;
// quoted slogans and series repeating a part stay.
func TestSpokenProse(t *testing.T) {
	text := "我們這個方向選擇要非常小心、非常正確。我們需要一位真的年輕有活力、也耐操、有能力的市長，我是希望這樣。" +
		"不管是貓熊也好、金絲猴也罷，我們都必須符合規定。我們今天要對話、要和解。就是國家的責任、人民的期待都在我們的身上。" +
		"我們在憲法的架構下，維持「不統、不獨、不武」的狀態。我們要面對全球化、中國化的挑戰，我們也要反侵略、反殖民。"
	fs := Extract(prep(t, text), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		for _, w := range []string{"非常小心", "耐操", "猫熊", "对话", "国家的责任"} {
			if strings.Contains(f.Key, w) {
				t.Errorf("speech taken for a series: %s", f.Text)
			}
		}
	}
	for _, k := range []string{"不统、不独、不武", "全球化、中国化", "反侵略、反殖民"} {
		if _, ok := find(fs, k); !ok {
			t.Errorf("%s missing: %v", k, keys(fs))
		}
	}
	fs = Extract(prep(t, "五年来，我们转得很艰辛、走得很坚定，无论困难多大。没有所谓第一大黨、第二大黨的問題。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if strings.Contains(f.Key, "艰辛") || strings.Contains(f.Key, "大党") {
			t.Errorf("prose taken for a series: %s", f.Text)
		}
	}
	// the same openers in writing: 向绿向智向新向优 stays
	fs = Extract(prep(t, "经济发展向绿向智向新向优步伐全面加快。"), Options{Lexicon: builtinLex(t)})
	if _, ok := find(fs, "向绿、向智、向新、向优"); !ok {
		t.Errorf("written series lost: %v", keys(fs))
	}
}

// TestMeetingsAndGoverningVerbs: a meeting in quotes is a title; a verb
// taking the formulation after its subject is no head.
func TestMeetingsAndGoverningVerbs(t *testing.T) {
	fs := Extract(prep(t, "並希望今年年底在台南舉行「2005世界水鳥會議」時，他能夠親自到場。会同有关部门采取“双随机一公开”和“互联网+监管”等方式。纳入本地区职业技能培训“两目录一系统”进行监管。近20万各民族家庭参与“小手拉大手·全家一起学”活动。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if strings.Contains(f.Key, "会议") {
			t.Errorf("meeting taken for a formulation: %s", f.Text)
		}
		if strings.Contains(f.Text, "采取") || strings.Contains(f.Text, "地区") || strings.Contains(f.Text, "参与") {
			t.Errorf("verb taken into the head: %s", f.Text)
		}
	}
	if _, ok := find(fs, "双随机、一公开"); !ok {
		t.Errorf("双随机一公开 missing: %v", keys(fs))
	}
}

// TestHonours: honours and rankings in quotes are titles; policy labels
// that look alike stay.
func TestHonours(t *testing.T) {
	fs := Extract(prep(t, "荣获“国际湿地城市”。涌现出“中国好人”和“全国最美退役军人”。对首次入选“中国软件100强”的企业给予奖励。推进“无废城市”建设，贡献“中国方案”。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		switch f.Core {
		case "国际湿地城市", "中国好人", "全国最美退役军人", "中国软件100强":
			t.Errorf("honour taken for a formulation: %s", f.Text)
		}
	}
	for _, k := range []string{"无废城市", "中国方案"} {
		found := false
		for _, f := range fs {
			found = found || f.Core == k
		}
		if !found {
			t.Errorf("%s missing: %v", k, keys(fs))
		}
	}
}

// TestClausePairs: clauses separated by commas are no series, unless in a
// frame (以…为…) or compact with a repeated part.
func TestClausePairs(t *testing.T) {
	fs := Extract(prep(t, "狠抓数据源头，重视数据质量，做到汇聚快。扩大信用惩戒范围，加大信用惩戒力度；大力推广网络拍卖。坚持“四个放在”，以科技创新为引领，以改革开放为动力，以国家重大战略为牵引，以城市治理现代化为保障，推动发展。"), Options{Lexicon: builtinLex(t)})
	for _, f := range fs {
		if strings.Contains(f.Key, "数据源头") || strings.Contains(f.Key, "惩戒范围") {
			t.Errorf("clauses taken for a series: %s", f.Text)
		}
	}
	if _, ok := find(fs, "以科技创新为引领、以改革开放为动力"); !ok {
		t.Errorf("frame lost: %v", keys(fs))
	}
}

package entities

import (
	"slices"
	"testing"
)

// TestFramedPeople: people named by the frame around them (round 6 of issue
// 16): contact lists, warnings against corruption, a post and the end of a
// clause, a surname with 先生, a header's name that is also a word, a
// dotted name opened by a quotation mark, posts of envoys and churchmen.
// The names are made up; the shapes are those of the documents.
func TestFramedPeople(t *testing.T) {
	x := New(nil)
	cases := []struct {
		text string
		want []string
	}{
		// contact lists: a department before the name, names that are
		// words (立新) or padded with blanks, a name before a telephone number
		{"　　联系人：流通发展司 陈程\n", []string{"陈程"}},
		{"　　联系人：建设司　张涛　王立新\n", []string{"张涛", "王立新"}},
		{"　　联系人：信息中心　潘  庆\n", []string{"潘庆"}},
		{"市场监管总局标准技术司　　　 刘静如 010-82262645\n", []string{"刘静如"}},
		// labels of a contact list are not names
		{"传　　真：63906489\n电　　话：010-63906489\n", nil},
		// a warning against corruption
		{"深刻汲取蓝天华等案件的沉痛教训。", []string{"蓝天华"}},
		{"深刻汲取钱立群、周明霞涉嫌严重违纪违法教训。", []string{"钱立群", "周明霞"}},
		{"深刻汲取包钢板材厂爆炸事故教训。", nil},
		{"认真汲取经验教训。", nil},
		// a post, a name whose given name the scores reject, 陪同 or 在
		{"总统由总统府秘书长林了凡陪同抵达会场。", []string{"林了凡/秘书长@总统府"}},
		{"宣誓人經濟部政務次長黃金全在總統監誓下宣誓。", []string{"黄金全/次长"}},
		{"大使林家興伉儷陪同晉見。", []string{"林家兴/大使"}},
		// but a verb of saying after a two-character name is not its end
		{"局长王强说，要加强管理。", []string{"王强/局长"}},
		{"部长张华在北京表示。", []string{"张华/部长"}},
		// a family name and 先生, cut apart or as one word
		{"請問連先生、宋先生的看法？", []string{"连", "宋"}},
		// a header's name the dictionary knows as a company
		{"自治区人民政府主席 包钢\n", []string{"包钢/主席@自治区人民政府"}},
		{"省长 讲话\n", nil},
		// a dotted name opened by a quotation mark
		{"“全国最美退役军人”龙吉克·卡德尔、“最美巾帼奋斗者”古丽·尼牙孜等人的事迹。", []string{"龙吉克·卡德尔", "古丽·尼牙孜"}},
		// lists of people: three names or more joined by 、, or two names
		// by other evidence; a list with a place or common word is not one
		{"包括林獻堂、蔣渭水、廖進平、翁俊明、連雅堂、蔡培火、簡吉等人。", []string{"林献堂", "蒋渭水", "廖进平", "翁俊明", "连雅堂", "蔡培火", "简吉"}},
		{"重点建设黄山、庐山、泰山等景区。", nil},
		{"推进张家口、承德、秦皇岛协同发展。", nil},
		{"支持华为、腾讯、阿里巴巴等企业。", nil},
		{"加强江苏、浙江、安徽合作。", nil},
		// a list closed by 等 and a noun for things, or of two-character
		// items only, is not one of people
		{"做好陶寺、丁村等遗迹考古和文化研究。", nil},
		{"推进许港、郑焦、郑新等产业带建设。", nil},
		{"谢东闵、黄朝琴、连震东等先贤也贡献心力。", []string{"谢东闵", "黄朝琴", "连震东"}},
		// a name joined over a full-width full stop
		{"他的孫子大衛．羅斯福（David B. Roosevelt）伉儷也來了。", []string{"大卫．罗斯福"}},
		// posts of envoys and churchmen; a post written over tokens
		{"受英國「泰晤士報」駐北京特派員史密斯（John Smith）專訪。", []string{"史密斯/特派员@北京"}},
		{"美國國務次卿伯恩斯也特別提到。", []string{"伯恩斯/国务次卿@美国"}},
		{"本人認為馬丁尼樞機主教一定會當選。", []string{"马丁尼/枢机主教"}},
	}
	for _, c := range cases {
		got := people(extractDoc(t, x, c.text))
		slices.Sort(got)
		got = slices.Compact(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got  %v\n want %v", c.text, got, want)
		}
	}
}

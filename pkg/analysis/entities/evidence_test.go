package entities

import (
	"slices"
	"testing"
	"unicode"
)

// TestPeopleByTheirPlace: names with no title of their own that a policy
// document still marks as people: a contact line, a telephone number after
// the name, the next name of a list that began with a titled person, a post
// before a name of rare characters, a family name before 副+post.
func TestPeopleByTheirPlace(t *testing.T) {
	x := New(nil)
	want := []struct {
		text string
		want []string
	}{
		{"　　联 系 人：国家卫生健康委老龄司 白宇\n　　联系电话：（010）62030792\n", []string{"白宇"}},
		{"　　（一）中方联系人：陈婧  刘秀萍\n　　电话：010-62326877\n", []string{"陈婧", "刘秀萍"}},
		{"联系人：最高人民法院信息中心\n张娴 010一67558129　13811183157\n", []string{"张娴"}},
		{"歐德寧總裁一行下午由行政院政務委員張進福、經濟部次長黃重球陪同。", []string{"张进福/政务委员@行政院", "黄重球/次长@经济部"}},
		{"呂副總統秀蓮女士長期以來即積極推動。", []string{"吕/副总统"}},
		{"國安會諮詢委員詹滿容也在座。", []string{"詹满容/咨询委员@国安会"}},
		{"第58屆總會長塗義澤陪同。", []string{"涂义泽/总会长"}},
		{"國民黨連主席、親民黨宋主席先後訪問中國。剛才蘇主席及其他幾位與游秘書長見面。", []string{"连/主席@国民党", "宋/主席@亲民党", "苏/主席", "游/秘书长"}},
		{"「日本交流協會」理事長畠中篤(HATAKENAKA ATSUSHI)來訪。", []string{"畠中笃/理事长"}},
	}
	for _, tt := range want {
		got := people(extractDoc(t, x, tt.text))
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %q in %v", tt.text, w, got)
			}
		}
	}
	// the same places without a name in them
	none := []string{
		"联系人：各省级卫生健康部门\n",
		"联系人及电话：\n",
		"联系电话：010-62030792\n",
		"请于本月底前报送联系人信息。\n",
		"经济部次长说明情况。\n",
		"申报单位 010-62030792\n",
		"市长热线 12345678\n",
		"省长高度重视。\n",
		"推动数字孪生、人工智能和量子科技发展。\n",
		"他要辭黨主席以示負責。\n",
		"日本的近衛師團長率軍登陸。\n",
		"美商英特爾公司（Intel Corporation）總裁來訪。\n",
	}
	for _, text := range none {
		if got := people(extractDoc(t, x, text)); len(got) > 0 {
			t.Errorf("%q: people %v", text, got)
		}
	}
}

// TestIsHan: the fast path of isHan agrees with the Unicode tables.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v", r, isHan(r))
		}
	}
	m := runeSet("年月日〇九")
	for _, r := range "年月日〇九" {
		if !m.has(r) {
			t.Errorf("runeSet lost %c", r)
		}
	}
	for _, r := range "A一十\u0000" {
		if m.has(r) {
			t.Errorf("runeSet has %c", r)
		}
	}
	if runeSet("").has('a') {
		t.Error("empty set has a rune")
	}
}

// TestPeopleWithPostsInOneToken: a family name or a transliterated name
// and a post cut as one token (胡主席, 布希總統), the body before it; a
// family name after a preposition (跟|連|主席); names joined over a middle
// dot that a Latin gloss of a person's name follows, whatever their parts
// (大衛‧史特林, 育‧麥肯), cut at a word of kinship before them.
func TestPeopleWithPostsInOneToken(t *testing.T) {
	x := New(nil)
	want := []struct {
		text string
		want []string
	}{
		{"5月6日美國布希總統親自致電胡錦濤主席，跟他們的外長、胡主席溝通。", []string{"布希/总统@美国", "胡/主席", "胡锦涛/主席"}},
		{"他們之所以跟連主席、宋主席在北京晤談。", []string{"连/主席", "宋/主席"}},
		{"北美地區保育人士喬安‧麥肯（Jo Ann MacKenzie）、育‧麥肯（Hue MacKenzie）、偉達‧柏必之（Wilda Burbidge）、大衛‧史特林（David Stirling）等來訪。",
			[]string{"乔安‧麦肯", "育‧麦肯", "伟达‧柏必之", "大卫‧史特林"}},
		{"艾森豪（Dwight Eisenhower）先生的孫女瑪莉‧艾森豪（Mary Jean Eisenhower）女士。", []string{"玛莉‧艾森豪"}},
		{"在立法委員楊宗哲陪同下。", []string{"杨宗哲/立法委员"}},
		{"會議由小組榮譽主席（歐盟執委會前第一副主席）蕾汀（Viviane REDING）擔任主持人，歐洲議會總務長李博拉斯基（Boguslaw LIBERADZKI）、比利時國務部長（比國前總理）艾斯肯斯（Mark EYSKENS）出席。",
			[]string{"蕾汀", "李博拉斯基", "艾斯肯斯"}},
		{"救人無數的蔡孔雀醫師；提供急診醫療的蔡秀逸醫師；實踐的曾瑞慧護理師。", []string{"蔡孔雀", "蔡秀逸", "曾瑞慧"}},
	}
	for _, tt := range want {
		got := people(extractDoc(t, x, tt.text))
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %q in %v", tt.text, w, got)
			}
		}
	}
	none := []string{
		"由市政府主要領導任組長，有關領導任副組長。\n",
		"做优“东盟快班”、江铁海联运、跨境公路班车。\n",
		"的孫女瑪莉（Mary）來訪。\n",
		"總統出席國際科學競賽（Science Olympiad）頒獎。\n",
		"他曾在紐約（New York）求學。\n",
		"沈白高铁和京哈改扩建、本桓宽、凌绥、台黑4条高速提前建成。\n", // roads counted before the route word
		"新甘肃·甘肃日报记者 盛学卿\n各位代表：\n",         // a reporter's byline
		"本报记者　张三\n",
	}
	// a bracket that does not close after a dotted name: no gloss, no panic
	_ = extractDoc(t, x, "大衛‧史特林（")
	for _, text := range none {
		if got := people(extractDoc(t, x, text)); len(got) > 0 {
			t.Errorf("%q: people %v", text, got)
		}
	}
}

package keywords

import (
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis/entities"
)

// reportText is a report of more than shortUnits words in the language of
// the national reports of the 1960s and 70s, with the extra sentences in it.
func reportText(extra ...string) string {
	var b strings.Builder
	b.WriteString("政府工作报告\n")
	for i := 0; i < 12; i++ {
		b.WriteString("我们要坚持半农半读的教育制度，发展农村人民公社的集体经济，巩固工农联盟，加强农田水利建设和农业机械化工作。\n")
		b.WriteString(extra[i%len(extra)] + "\n")
	}
	return b.String()
}

func ranked(t *testing.T, text string, top int) (keys, names []string) {
	t.Helper()
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tm := Collect(realInput(t, "report", text), opts)
	if tm.short {
		t.Fatalf("the text is short (%d words)", tm.Units)
	}
	for _, k := range tm.Score(opts, top) {
		keys = append(keys, k.Key)
	}
	for _, k := range tm.Names(opts, top) {
		names = append(names, k.Key)
	}
	return keys, names
}

// A quotation that ends in a particle, or has the copula or a modal verb
// in it, is a saying the report quotes, not a term (the 1964 and 1978 work
// reports, the 9th and 10th congress reports); a quoted term, one ending in
// 地 that gse tags a particle among them, stays a term.
func TestQuotedSayings(t *testing.T) {
	text := reportText(
		"帝国主义的封锁“破产了”，他们的阴谋也“破产了”。",
		"他们反对“军队要整顿”，反对“军队要整顿”的指示。",
		"他们删去了“无产阶级专政是必要的”这句话，还说“无产阶级专政是必要的”已经过时。",
		"他们说要说出自己“决定性的话”，所谓“决定性的话”就是篡夺领导权。",
		"推行“零增地”技术改造，“零增地”项目占一半，推广“单干风”的教训。",
	)
	keys, _ := ranked(t, text, 40)
	for _, k := range []string{"破产了", "军队要整顿", "无产阶级专政是必要的", "决定性的话"} {
		if slices.Contains(keys, k) {
			t.Errorf("%s, a quoted saying, is ranked: %v", k, keys)
		}
	}
	if !slices.Contains(keys, "零增地") {
		t.Errorf("零增地, a quoted term, is not ranked: %v", keys)
	}
	for key, want := range map[string]bool{"了": true, "的话": true, "地": false, "得": false, "党": false} {
		if finalParticle(key) != want {
			t.Errorf("finalParticle(%q) = %v", key, !want)
		}
	}
}

// A word the HMM makes of a noun and the preposition 同 (党同 of 党同人民
// 群众的联系) is no word, and no phrase begins with it.
func TestGuessEndingWith(t *testing.T) {
	text := reportText("要密切党同人民群众的联系，加强党同知识分子的团结。", "我们党同世界上许多政党建立了联系，党同人民群众的联系更加密切。")
	keys, _ := ranked(t, text, 40)
	for _, k := range keys {
		if strings.HasPrefix(k, "党同") {
			t.Errorf("%s is ranked: %v", k, keys)
		}
	}
	for key, want := range map[string]bool{"党同": true, "愿同": true, "三医协同": false, "劳动合同": false} {
		if oovJunk(key) != want {
			t.Errorf("oovJunk(%q) = %v", key, !want)
		}
	}
}

// A leader called by family name and title (周总理, 毛主席) is a person,
// ranked with the names, not a keyword; 副主席 is a title.
func TestLeaderTitle(t *testing.T) {
	for key, want := range map[string]entities.Type{"周总理": entities.PER, "毛主席": entities.PER, "习总书记": entities.PER,
		"副主席": entities.TITLE, "代总理": entities.TITLE, "总理": "", "国家主席": "", "世界主席团": "", "主席": ""} {
		if got := leaderTitle(key); got != want {
			t.Errorf("leaderTitle(%q) = %q, want %q", key, got, want)
		}
	}
	text := reportText("周总理说，要把我国建设成为社会主义强国。", "周总理指出，要实现四个现代化。", "周总理强调，要发扬自力更生的精神。")
	keys, names := ranked(t, text, 40)
	if slices.Contains(keys, "周总理") {
		t.Errorf("周总理 is ranked as a keyword: %v", keys)
	}
	if !slices.Contains(names, "周总理") {
		t.Errorf("周总理 is not among the names: %v", names)
	}
}

// The forms of address of a congress report are stopwords.
func TestAddressForms(t *testing.T) {
	text := reportText("全党同志和全国各族人民要团结起来。", "全党同志要努力学习。", "全党同志必须坚持实事求是。")
	keys, _ := ranked(t, text, 40)
	if slices.Contains(keys, "全党同志") {
		t.Errorf("全党同志 is ranked: %v", keys)
	}
}

// A word that most times touches an adverb-tagged word of the compound it
// is cut from (阴性+一致/d+率: 阴性一致率; 开放+系统+互连/d) is a piece of
// that compound; an adverb that begins with a function character
// (软件著作权+不少/d+于) is an adverb, and the term before it stays.
func TestAdverbPiece(t *testing.T) {
	var b strings.Builder
	b.WriteString("关于人工智能辅助诊断软件临床评价的审查要点\n")
	for i := 0; i < 12; i++ {
		b.WriteString("临床试验应当计算阳性一致率、阴性一致率及总一致率，根据阴性一致率估算样本量。申请人获得软件著作权不少于5项，病理切片由病理医师阅片。\n")
	}
	b.WriteString("试验应当纳入阳性和阴性病例。\n")
	keys, _ := ranked(t, b.String(), 40)
	if slices.Contains(keys, "阴性") {
		t.Errorf("阴性, a piece of 阴性一致率, is ranked: %v", keys)
	}
	if !slices.Contains(keys, "软件著作权") {
		t.Errorf("软件著作权 is not ranked: %v", keys)
	}
	for key, want := range map[string]bool{"一致": true, "不少": false} {
		if got := adverbPiece(&unit{key: key, pos: "d", kind: kindHan}); got != want {
			t.Errorf("adverbPiece(%s) = %v", key, got)
		}
	}
}

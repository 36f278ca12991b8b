package keywords

import (
	"slices"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
)

// TestRunInLabels: an interview's speaker label (A主持人：, 23 of an
// interview's uses) and the label every item of a list repeats (应用场景：, 痛点：)
// are the document's layout, not its subject; a topic that heads a list
// item twice (1.人工智能：) and is used more in the running text ranks.
func TestRunInLabels(t *testing.T) {
	var b strings.Builder
	b.WriteString("總統接受電視專訪，主持人問及軍售與台灣關係法。內容如下：")
	for _, q := range []string{"軍售", "經濟合作", "區域安全", "國際參與", "觀光交流", "教育合作", "能源政策", "氣候變遷"} {
		b.WriteString("A主持人：請問總統如何看待" + q + "與台灣關係法？總統：" + q + "有助於區域和平，台灣關係法是台美關係的基礎，我們將持續推動兩岸關係和平發展，並與各國深化合作。")
	}
	for _, x := range []string{"远程医疗", "智慧养老", "健康管理"} {
		b.WriteString("\n" + x + "\n应用场景：基层医疗机构开展" + x + "服务，提升服务能力。痛点：服务资源不足，专业人员短缺，数据共享困难。\n")
	}
	b.WriteString("1.人工智能：推进人工智能赋能千行百业。2.人工智能：培育人工智能骨干企业。人工智能标准体系不断完善，人工智能算力加快布局。\n")
	opts := policyOpts(t)
	tm := Collect(realInput(t, "interview", b.String()), opts)
	for _, k := range []string{"主持人", "应用场景", "痛点"} {
		i := slices.IndexFunc(tm.terms, func(x term) bool { return x.key == k })
		if i < 0 {
			t.Fatalf("%s is no candidate of the text", k)
		}
		if !tm.terms[i].partial {
			t.Errorf("%s (a run-in label %d times) is a term", k, tm.terms[i].count)
		}
	}
	got := keys(tm.Score(opts, 0))
	checkRanked(t, got, []string{"主持人", "应用场景", "痛点"}, []string{"人工智能", "台湾关系法"})
}

func TestRunInLabel(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"A主持人：請問", true},
		{"如下。主持人：請問", true},
		{"主持人：請問", true},
		{"1.痛点：人工", true},
		{"回應主持人：請問", false},
		{"主持人問及", false},
	} {
		s := strings.Index(c.text, "主持人")
		if s < 0 {
			s = strings.Index(c.text, "痛点")
		}
		e := s + len("主持人")
		if strings.Contains(c.text, "痛点") {
			e = s + len("痛点")
		}
		if got := runInLabel(c.text, s, e); got != c.want {
			t.Errorf("runInLabel(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestNoTermAcrossShortLines: the header of a table repeated for each of
// its parts (主要功能与特色⏎服务对象⏎咨询电话, one cell a line) makes no term
// across its cells.
func TestNoTermAcrossShortLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("关于公布中小企业数字化服务产品目录的通知\n")
	for _, part := range []string{"研发设计", "生产制造", "经营管理", "市场营销", "供应链", "综合服务", "财务管理", "人力资源"} {
		b.WriteString(part + "类\n序号\n产品名称\n主要功能与特色\n服务对象\n咨询电话\n")
		for _, p := range []string{"云平台", "工具箱", "管理系统"} {
			b.WriteString("1\n" + part + p + "\n提供" + part + "在线服务，降低企业成本，提升运营效率\n中小企业\n4008001234\n")
		}
	}
	opts := policyOpts(t)
	tm := Collect(realInput(t, "table", b.String()), opts)
	if tm.short {
		t.Fatalf("a short text (%d words): the test's premise is a long one", tm.Units)
	}
	for _, x := range tm.terms {
		if strings.Contains(x.key, "服务对象") && x.key != "服务对象" {
			t.Errorf("%q (%d) is a term across the cells of a table", x.key, x.count)
		}
	}
}

// TestTouching: a line break parts two units unless the line it ends is a
// full printed line (a word broken at its end: 智能网⏎联汽车).
func TestTouching(t *testing.T) {
	full := "为加快推进车联网产业发展，推动智能网"
	text := full + "\n联汽车\n特色\n服务对象"
	unitAt := func(w string, from int) unit {
		s := from + strings.Index(text[from:], w)
		return unit{start: s, end: s + len(w)}
	}
	u1 := unitAt("智能网", 0)
	u2 := unitAt("联汽车", u1.end)
	u3 := unitAt("特色", u2.end)
	u4 := unitAt("服务对象", u3.end)
	c := &collector{in: &analysis.Input{Text: text}, units: []unit{u1, u2, u3, u4}}
	if !c.touching(0) {
		t.Errorf("智能网⏎联汽车 at the end of a full line: not touching")
	}
	if c.touching(2) {
		t.Errorf("特色⏎服务对象, two cells of a table: touching")
	}
	if c.touching(1) {
		t.Errorf("联汽车⏎特色 after a short line: touching")
	}
}

// TestPrepositionsOfMeans: 藉由/借由, 透過/透过, 經由 (by means of) are
// prepositions, never keywords, however a text uses them.
func TestPrepositionsOfMeans(t *testing.T) {
	text := "總統接見國際鳥盟代表。國際鳥盟希望藉由政府、企業及民間的共同投入，啟發民眾對大自然的關懷；" +
		"各國賞鳥組織藉由推動「台灣觀鳥團」的生態之旅，讓世界看見台灣的重要野鳥棲地，生態旅遊也是國民外交的平台。" +
		"總統表示，政府將持續推動生態旅遊與重要野鳥棲地保育。"
	opts := policyOpts(t)
	got := keys(Collect(realInput(t, "speech", text), opts).Score(opts, 0))
	checkRanked(t, got, []string{"借由", "藉由", "透过", "经由"}, []string{"生态旅游"})
}

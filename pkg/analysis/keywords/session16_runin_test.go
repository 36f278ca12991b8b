package keywords

import (
	"slices"
	"strings"
	"testing"
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
	for _, k := range []string{"主持人", "应用场景", "痛点"} {
		if slices.Contains(got, k) {
			t.Errorf("%s ranked: %v", k, got)
		}
	}
	for _, k := range []string{"人工智能", "台湾关系法"} {
		if !slices.Contains(got, k) {
			t.Errorf("%s not ranked: %v", k, got)
		}
	}
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

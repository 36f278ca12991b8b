package keywords

import (
	"strings"
	"testing"
)

// planText is a plan of more than shortUnits words whose last section is
// its implementation part, headed hd: a term used only there (联席会议)
// and one used there and in the body (算力网络).
func planText(hd string) string {
	var b strings.Builder
	b.WriteString("关于加快算力网络建设的实施方案\n一、重点任务\n")
	for i := 0; i < 20; i++ {
		b.WriteString("建设算力网络枢纽节点，推动智能计算中心和边缘计算设施协同发展，提升数据中心能效水平。\n")
	}
	b.WriteString(hd + "\n（一）完善工作机制。建立联席会议制度，联席会议定期研究算力网络建设重大问题，联席会议办公室设在省发展改革委。\n")
	b.WriteString("（二）推广典型经验。及时总结推广算力网络建设的典型经验。\n")
	return b.String()
}

func TestImplementationHeading(t *testing.T) {
	for h, want := range map[string]bool{
		"五、组织实施": true, "（三）组织保障": true, "（一）加强组织领导": true, "（四）强化宣传引导": true,
		"一、重点任务": false, "四、保障措施": false, "（二）加大资金支持": false, "三、强化组织实施能力建设的若干举措": false,
	} {
		if got := implementationHeading(h); got != want {
			t.Errorf("implementationHeading(%q) = %v, want %v", h, got, want)
		}
	}
	// the lines that make the structure worth parsing for the rule
	for line, want := range map[string]bool{
		"五、组织实施": true, "（一）加强组织领导。各地要建立工作机制。": true, "附件：1.进展情况表": true,
		"各地要加强组织领导，建立工作机制。": false, "一、重点任务": false,
	} {
		if got := implCandidate(line); got != want {
			t.Errorf("implCandidate(%q) = %v, want %v", line, got, want)
		}
	}
}

// A term used only in the section headed 组织实施 (and its subsections)
// ranks as procedure; under a heading of content the same text does not.
// (保障措施 is not such a heading: on DEV it holds a plan's instruments,
// 千人计划, 泰山学者, 零增地, as often as its procedure.)
func TestImplementationSections(t *testing.T) {
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	weight := func(text, key string) float64 {
		tm := Collect(realInput(t, "plan", text), opts)
		if tm.short {
			t.Fatalf("the text is short (%d words)", tm.Units)
		}
		for _, x := range tm.terms {
			if x.key == key {
				return x.weight
			}
		}
		t.Fatalf("%s is not a term", key)
		return 0
	}
	impl, content := planText("四、组织实施"), planText("四、推进机制")
	if a, b := weight(impl, "联席会议"), weight(content, "联席会议"); !(a < b) {
		t.Errorf("联席会议, used only under 组织实施: weight %v, under a heading of content %v", a, b)
	}
	if spans := implementationSpans(impl, impl, nil, nil); len(spans) != 1 || !strings.HasPrefix(impl[spans[0][0]:], "四、组织实施") {
		t.Errorf("implementation spans %v", spans)
	}
	if spans := implementationSpans(content, content, nil, nil); len(spans) != 0 {
		t.Errorf("implementation spans of a plan without the part: %v", spans)
	}
}

// The forms the 附件说明 lists (…情况表, …通讯录) are procedure; an
// attachment of content it names (…实施方案) is not.
func TestNoteForms(t *testing.T) {
	var b strings.Builder
	b.WriteString("关于推进粮库智能化升级改造的通知\n各省级粮食和储备局：\n")
	for i := 0; i < 20; i++ {
		b.WriteString("加快粮库智能化升级改造，完善粮情测控系统，推进储粮数据互联共享。\n")
	}
	b.WriteString("附件：1.粮库智能化建设进展情况表\n2.粮食行业信息化工作通讯录\n3.粮库智能化升级改造实施方案\n")
	b.WriteString("国家粮食和物资储备局办公室\n2018年4月20日\n")
	text := b.String()
	spans := implementationSpans(text, text, nil, nil)
	inside := func(s string) bool { return spanHolds(text, spans, s) }
	for s, want := range map[string]bool{"粮库智能化建设进展情况表": true, "粮食行业信息化工作通讯录": true, "粮库智能化升级改造实施方案": false, "完善粮情测控系统": false} {
		if inside(s) != want {
			t.Errorf("%s: in an implementation span %v, want %v (%v)", s, !want, want, spans)
		}
	}
}

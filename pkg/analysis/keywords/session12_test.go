package keywords

import (
	"strings"
	"testing"
)

// onceText is a notice of more than shortUnits words that writes a
// compound once, in the middle of a sentence: 家电网购节 (which the
// segmenter cuts 家电网+购节); a rare word after a verb (取用+水户) and one
// that begins a list (智能化矿山+地质测量、生产作业), whose modifier is the
// list's: no unit is taken on the left.
func onceText() string {
	var b strings.Builder
	b.WriteString("关于促进家电消费的通知\n")
	b.WriteString("各地要组织家电消费季、家电网购节等各类消费活动，引导企业开展以旧换新。\n")
	b.WriteString("水行政主管部门要实现取用水户和水行政主管部门的数据共享。\n")
	b.WriteString("明确智能化矿山地质测量、生产作业、监测预警等重点任务。\n")
	for i := 0; i < 30; i++ {
		b.WriteString("推动绿色智能家电下乡，完善家电回收体系，支持企业提升售后服务水平，加强家电市场监管。\n")
	}
	return b.String()
}

func termKeys(t *testing.T, text string) map[string]bool {
	t.Helper()
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tm := Collect(realInput(t, "once", text), opts)
	if tm.short {
		t.Fatalf("the text is short (%d words): the rule does not apply", tm.Units)
	}
	keys := make(map[string]bool)
	for _, x := range tm.terms {
		keys[x.key] = true
	}
	return keys
}

// A rare word used once, as the modifier of the noun on its right and
// after no content word, is counted as the unit of the two (onceUnits):
// 家电网 of 家电网购节. On its left nothing is joined.
func TestOnceUnits(t *testing.T) {
	keys := termKeys(t, onceText())
	if keys["家电网"] || !keys["家电网购节"] {
		t.Errorf("家电网, a piece of 家电网购节 written once, is a term of its own")
	}
	if keys["取用水户"] {
		t.Errorf("取用水户 (a verb before a rare word) was joined")
	}
	// the head of a list keeps its own place: the modifier is the list's
	if !keys["地质测量"] || keys["智能化矿山地质测量"] {
		t.Errorf("地质测量 (which begins a list) was joined to its modifier")
	}
}

package keywords

import (
	"slices"
	"testing"
)

// TestIdiomOnce: a short policy text (a resolution) that uses the closing
// idioms every resolution uses (开拓进取, 锐意进取, 切实可行, 优异成绩), once
// each, does not rank them; a set phrase of a policy that the background
// finds in bursts (一带一路, 95 uses in 36 documents) still ranks when used
// once, and an idiom the text uses twice ranks.
func TestIdiomOnce(t *testing.T) {
	opts := policyOpts(t)
	idioms := []string{"开拓进取", "锐意进取", "切实可行", "优异成绩"}
	once := resolutionText("会议认为，报告提出的各项任务是切实可行的。过去一年取得了优异成绩。",
		"坚持扩大内需战略，推进一带一路建设，开拓进取，锐意进取，")
	tm := Collect(realInput(t, "resolution", once), opts)
	if tm.short || tm.Units >= minCountUnits {
		t.Fatalf("not a short policy text: short %v, %d units", tm.short, tm.Units)
	}
	for _, k := range idioms {
		i := slices.IndexFunc(tm.terms, func(x term) bool { return x.key == k })
		if i < 0 || tm.terms[i].pos != "i" && tm.terms[i].pos != "l" {
			t.Fatalf("%s is no idiom candidate of the text", k)
		}
	}
	got := keys(tm.Score(opts, 0))
	checkRanked(t, got, idioms, []string{"一带一路"})
	twice := resolutionText("开拓进取，", "以开拓进取的精神推进改革，")
	if got := keys(Collect(realInput(t, "resolution", twice), opts).Score(opts, 0)); !slices.Contains(got, "开拓进取") {
		t.Errorf("开拓进取, used twice, not ranked: %v", got)
	}
}

// TestClosingRhetoricIsNoKeyword: the closing and approving rhetoric of a
// resolution (会议高度评价…, 紧密团结在…周围, 攻坚克难, 为…而努力奋斗) is
// no keyword, whatever the text's length; its content words stay.
func TestClosingRhetoricIsNoKeyword(t *testing.T) {
	opts := policyOpts(t)
	text := resolutionText("会议高度评价过去一年取得的成就，号召凝心聚力、攻坚克难，")
	got := keys(Collect(realInput(t, "resolution", text), opts).Score(opts, 0))
	checkRanked(t, got, []string{"紧密团结", "努力奋斗", "攻坚克难", "高度评价"}, []string{"供给侧结构性改革"})
}

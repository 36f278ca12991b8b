package keywords

import (
	"slices"
	"strings"
	"testing"
)

// longReal pads a real text past minCountUnits words with a filler
// paragraph, so that the rules of long documents apply.
func longReal(text string) string {
	return text + "\n" + strings.Repeat("填充，", minCountUnits) + "\n"
}

// A numbered formula a notice quotes once, in the paragraph of its guiding
// ideas (坚持“四个面向”; 立足商务工作“三个重要”定位), is its ministry's
// creed, not its subject (round 17: generic); a formulation it quotes once
// in its tasks (“千帆出海”计划) stays, and so does the creed quoted in a
// paragraph of tasks.
func TestCreedInGuidingIdeasIsNoKeyword(t *testing.T) {
	text := "二、总体要求\n（一）指导思想\n坚持以习近平新时代中国特色社会主义思想为指导，坚持“四个面向”，坚持地震科技创新的核心地位。\n" +
		"一、总体要求\n以习近平新时代中国特色社会主义思想为指导,立足商务工作“三个重要”定位，创新数字转型路径。\n" +
		"坚持以习近平新时代中国特色社会主义思想为指导，实现“四个善作善成”。今年政府工作的总体要求是：落实“两个更好统筹”。\n" +
		"三、重点任务\n实施对外文化贸易“千帆出海”计划，培育数字文化企业。开展“五进万家”活动。\n"
	got := keys(Extract(realInput(t, "notice.txt", longReal(text)), Options{}, 0))
	for _, k := range []string{"四个面向", "三个重要"} {
		if slices.Contains(got, k) {
			t.Errorf("%s is a keyword: %v", k, got)
		}
	}
	// a work report's guiding ideas stand under no heading: its own
	// formulations (天津's 四个善作善成) stay
	for _, k := range []string{"千帆出海", "五进万家", "四个善作善成", "两个更好统筹"} {
		if !slices.Contains(got, k) {
			t.Errorf("%s is not a keyword: %v", k, got)
		}
	}
}

func TestGuidingSpans(t *testing.T) {
	text := "一、总体要求\n（一）指导思想\n\n全面贯彻党的十九大精神，坚持“四个最严”要求。\n（二）基本原则\n坚持“两个毫不动摇”。\n" +
		"（一）指导思想。深入贯彻党的二十大精神，落实“三个重要”。\n目录\n（一）指导思想……3\n坚持“一个不变”。\n" +
		"总体要求-、\n深入实施“三个十大”行动。\n今年政府工作的总体要求是：坚持“两个更好统筹”。\n"
	var got []string
	for _, sp := range guidingSpans(text) {
		got = append(got, text[sp[0]:sp[1]])
	}
	want := []string{"全面贯彻党的十九大精神，坚持“四个最严”要求。", "（一）指导思想。深入贯彻党的二十大精神，落实“三个重要”。", "深入实施“三个十大”行动。"}
	if !slices.Equal(got, want) {
		t.Errorf("guidingSpans = %q, want %q", got, want)
	}
}

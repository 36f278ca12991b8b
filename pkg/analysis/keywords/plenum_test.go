package keywords

import (
	"testing"
)

// TestPlenumOrdinal: a plenary session written short in a list (三中 of
// 二中、三中、四中全会) or a school's number is no keyword; the session's
// full name and other words ending in 中 are left alone.
func TestPlenumOrdinal(t *testing.T) {
	for key, want := range map[string]bool{
		"三中": true, "十一中": true, "二中": true,
		"三中全会": false, "集中": false, "其中": false, "三": false, "中": false, "高中": false,
	} {
		if got := plenumOrdinal(key); got != want {
			t.Errorf("plenumOrdinal(%s) = %v, want %v", key, got, want)
		}
	}
	opts, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "会议号召，全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，深化改革开放。" +
		"深入贯彻十九届二中、三中、四中、五中全会精神，推动高质量发展，坚持稳中求进工作总基调。"
	got := keys(Extract(realInput(t, "npc", text), opts, 10))
	checkRanked(t, got, []string{"二中", "三中", "四中"}, nil)
}

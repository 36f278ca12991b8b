package keywords

import (
	"slices"
	"testing"

	"zhpolicy/pkg/script"
)

func TestExtendShortWordToItsCompound(t *testing.T) {
	// 智能制造 is the phrase most often begun at 智能, so the phrase
	// finder stops there and 成熟度 is left alone, twice, always after it:
	// it is ranked as 智能制造成熟度.
	spec := "智能/n 制造/vn 成熟度/n 评估/vn 。/w 智能/n 制造/vn 成熟度/n 。/w " +
		"智能/n 制造/vn 。/w 智能/n 制造/vn 。/w 智能/n 制造/vn 。/w 智能/n 制造/vn 。/w " +
		// 港区 stands alone three times of four: left as it is
		"港区/n 。/w 港区/n 。/w 港区/n 。/w 港区/n 码头/n 。/w 码头/n 。/w 码头/n"
	got := allKeys(t, long(spec), Options{})
	for _, want := range []string{"智能制造成熟度", "智能制造", "港区"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s not ranked: %v", want, got)
		}
	}
	for _, no := range []string{"成熟度", "港区码头"} {
		if slices.Contains(got, no) {
			t.Errorf("%s ranked: %v", no, got)
		}
	}
}

func TestExtendKeepsTheWordWhereItStandsAlone(t *testing.T) {
	// 工控 is inside 工控+系统 three times of five (a recurring
	// compound) and alone twice: both are counted, each where it is.
	spec := "工控/n 系统/n 。/w 工控/n 系统/n 。/w 工控/n 系统/n 。/w 工控/n 。/w 工控/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n 。/w 系统/n"
	terms := Collect(doc(t, script.Simplified, long(spec)), Options{})
	count := map[string]int{}
	for _, tm := range terms.terms {
		count[tm.key] = tm.count
	}
	if count["工控系统"] != 3 || count["工控"] != 2 {
		t.Errorf("工控系统 %d, 工控 %d; want 3 and 2", count["工控系统"], count["工控"])
	}
}

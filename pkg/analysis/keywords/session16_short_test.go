package keywords

import (
	"slices"
	"testing"
)

// shortPolicyKeys ranks a resolution written for the test and checks that
// it is a short policy text (ranked against the background, under
// minCountUnits words).
func shortPolicyKeys(t *testing.T, text string) []string {
	t.Helper()
	opts := policyOpts(t)
	tm := Collect(realInput(t, "resolution", text), opts)
	if tm.short || tm.Units >= minCountUnits {
		t.Fatalf("not a short policy text: short %v, %d units", tm.short, tm.Units)
	}
	return keys(tm.Score(opts, 0))
}

// TestIdeologyChain: the guiding-ideology chain a resolution names once, in
// its frame (以邓小平理论、“三个代表”重要思想、科学发展观为指导, 高举…伟大旗帜),
// is not ranked; the same formula used outside the frame is, and so is a
// term the text names after the frame in the same sentence.
func TestIdeologyChain(t *testing.T) {
	got := shortPolicyKeys(t, resolutionText())
	checkRanked(t, got, []string{"邓小平理论", "三个代表", "科学发展观", "伟大旗帜", "指导"}, []string{"五位一体", "四个全面"})
	got = shortPolicyKeys(t, resolutionText("深入贯彻落实科学发展观，"))
	if !slices.Contains(got, "科学发展观") {
		t.Errorf("科学发展观, used outside the frame too, not ranked: %v", got)
	}
}

// TestIdeologyFrame: the frame is read within a clause.
func TestIdeologyFrame(t *testing.T) {
	text := "会议号召，高举中国特色社会主义伟大旗帜，以邓小平理论、“三个代表”重要思想为指导，坚持以人民为中心，推动科学发展观落实。"
	for _, c := range []struct {
		term string
		want bool
	}{{"中国特色社会主义", true}, {"伟大旗帜", true}, {"邓小平理论", true}, {"三个代表", true}, {"指导", true}, {"人民", false}, {"科学发展观", false}, {"会议", false}} {
		s := indexOf(text, c.term)
		if got := ideologyFrame(text, s, s+len(c.term)); got != c.want {
			t.Errorf("%s: in the frame %v, want %v", c.term, got, c.want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := range s {
		if len(s)-i >= len(sub) && s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// TestAttributiveIsm: a -主义 word that modifies the noun after it at every
// occurrence (社会主义+现代化建设, 社会主义+经济建设) is no keyword of a
// short policy text; one that stands alone once is.
func TestAttributiveIsm(t *testing.T) {
	mod := "会议高度评价我国改革开放和社会主义现代化建设取得的巨大成就，要求全面推进社会主义经济建设、政治建设、文化建设。"
	if got := shortPolicyKeys(t, resolutionText(mod)); slices.Contains(got, "社会主义") {
		t.Errorf("社会主义, an attributive, ranked: %v", got)
	}
	alone := mod + "始终坚持社会主义，"
	if got := shortPolicyKeys(t, resolutionText(alone)); !slices.Contains(got, "社会主义") {
		t.Errorf("社会主义, alone once, not ranked: %v", got)
	}
}

// TestOncePiecesOfFormulas: in a short policy text a word used once is a
// piece of the formula its occurrence shows: 重要讲话精神 of
// 系列重要讲话精神, 新理念 of 新理念新思想新战略, 治国 of 治国理政.
func TestOncePiecesOfFormulas(t *testing.T) {
	got := shortPolicyKeys(t, resolutionText("深入学习贯彻习近平总书记系列重要讲话精神和治国理政新理念新思想新战略，"))
	checkRanked(t, got, []string{"重要讲话精神", "新理念", "治国"}, nil)
	// after a number, the measure word counts: 三大+攻坚战 is onceCut's
	// number rule, not the measure word's
	got = shortPolicyKeys(t, resolutionText("深入贯彻重要讲话精神，"))
	if !slices.Contains(got, "重要讲话精神") {
		t.Errorf("重要讲话精神, alone, not ranked: %v", got)
	}
}

// TestHMMHalfNotNumber: the word before a number the HMM guessed (青岛+两大)
// is no piece; the one before the second half of a four-character
// expression (治国+理政) is.
func TestHMMHalfNotNumber(t *testing.T) {
	opts := policyOpts(t)
	tm := Collect(realInput(t, "resolution", resolutionText("建设济南、青岛两大人工智能创新应用先导区，坚持治国理政，")), opts)
	if tm.short || tm.Units >= minCountUnits {
		t.Fatalf("not a short policy text: short %v, %d units", tm.short, tm.Units)
	}
	for _, c := range []struct {
		key     string
		partial bool
	}{{"青岛", false}, {"治国", true}} {
		found := false
		for i := range tm.terms {
			if tm.terms[i].key == c.key {
				found = true
				if tm.terms[i].partial != c.partial {
					t.Errorf("%s: piece %v, want %v", c.key, tm.terms[i].partial, c.partial)
				}
			}
		}
		if !found {
			t.Errorf("%s: no term", c.key)
		}
	}
}

package slogans

import "testing"

// TestFrameNounRules23: a member holding 方面 inside it (在…方面先行先试, a
// cut 各|方面事业) carries the frame 在…方面 of one clause, not the form of a
// series, unless every member holds it (小的方面放开放活，大的方面管住管好);
// a member ending in 方面 is left to the other rules.
func TestFrameNounRules23(t *testing.T) {
	for text, want := range map[string]string{
		"试验区是在推动人工智能创新发展方面先行先试、发挥引领带动作用的区域。": "",
		"要使各方面事业有机统一、社会成员团结和睦，形成合力。":         "",
		"经济体制改革，小的方面放开放活，大的方面管住管好，逐步推进。":     "小的方面放开放活，大的方面管住管好",
	} {
		checkSeries(t, text, want, "")
	}
}

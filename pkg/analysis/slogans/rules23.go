package slogans

import "strings"

// Rules 23 (round 15): the frame 在…方面 inside a member.
//
// 方面 ("in respect of") closes the frame 在…方面 of one clause; a member
// that holds it before its own words (在推动人工智能创新发展|方面先行先试、
// 发挥引领带动作用) or starts with it (各|方面事业有机统一, the segmenter's
// cut of 各方面) takes a piece of that frame into the series, and the
// members are two predicates of prose. When every member holds it, the
// repeated frame is the form (小的方面放开放活，大的方面管住管好); a member
// ending in 方面 (各个环节、各个方面) is left to the other rules.

// frameInside reports whether some members, but not all, hold 方面 before
// words of their own.
func frameInside(members [][]rune) bool {
	some := 0
	for _, m := range members {
		if i := strings.Index(string(m), "方面"); i >= 0 && i+len("方面") < len(string(m)) {
			some++
		}
	}
	return some > 0 && some < len(members)
}

package slogans

import "strings"

// Rules 21 (lead): the frame 以…为 closes inside a series' last member.
//
// The length rules cut the last member from the start of the last segment
// at about the length of the others; where the clause goes on without a
// mark, what follows the series can be taken into it. When the clause
// opened the frame 以…为 before the first member, the 为 inside the last
// member closes it and the member ends there (以邓小平理论、“三个代表”重要思想、
// 科学发展观|为指导; 以数字化、网络化、智能化|为主攻方向); a series that starts
// after the first item of the frame's list is a piece of that list, no
// series (以马克思列宁主义、毛泽东思想、邓小平理论、|“三个代表”重要思想、科学发展观|为指导).

// cutFrameTail ends a series' last member (spans in runes of s) before a
// 为 of its own, or one the segmenter glued to the members' shared ending,
// when the clause opened 以 before the first member. It reports a series
// that is only the end of the frame's list (以A、B、|C、D为): no series.
func (x *extractor) cutFrameTail(spans [][2]int) (partOfList bool) {
	v := x.v
	n := len(spans)
	if !v.hasTokens || n < 2 {
		return false
	}
	a, _ := v.fullSpan(spans[0][0], spans[0][1])
	at := x.frameOpen(a)
	if at < 0 {
		return false
	}
	last := &spans[n-1]
	end := v.s[spans[0][1]-1] // the first member's last character
	for j := last[0] + minMember; j < last[1]; j++ {
		if v.s[j] != '为' {
			continue
		}
		i := v.sIdx[j]
		t, ok := v.tokenAt(i)
		// 为 a word of its own, or glued by the segmenter to the ending the
		// members share (智能|化为 after 数字化、网络化)
		if ok && t.b-t.a == 1 || !ok && v.tokAt[i] >= 0 && v.toks[v.tokAt[i]].b == i+1 && v.toks[v.tokAt[i]].a == i-1 && v.s[j-1] == end {
			last[1] = j
			for k := at + 1; k < a; k++ {
				if isDun(v.r[k]) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// frameOpen gives the index in r of the 以 that opens the frame 以…为
// before rune a of r: a word of its own (以邓小平理论、…; 坚持以人民为中心),
// within the clause and at most 24 characters back; -1 if none.
func (x *extractor) frameOpen(a int) int {
	v := x.v
	for i := a - 1; i >= 0 && i >= a-24; i-- {
		if strings.ContainsRune("，。；：！？,;:!?\n", v.r[i]) {
			return -1
		}
		if t, ok := v.tokenAt(i); ok && t.b-t.a == 1 && v.r[i] == '以' {
			return i
		}
	}
	return -1
}

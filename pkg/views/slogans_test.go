package views

import (
	"slices"
	"testing"
)

// TestSloganMembersOfAnAlias: a lexicon series found by an alias with fewer
// members than its keys shows the members as written, not keys paired with
// the wrong written member (马克思列宁主义 | 毛泽东思想 | 毛泽东思想).
func TestSloganMembersOfAnAlias(t *testing.T) {
	got := SloganMembers(nil, []string{"马克思主义", "列宁主义", "毛泽东思想"}, []string{"马克思列宁主义", "毛泽东思想"})
	if want := []string{"马克思列宁主义", "毛泽东思想"}; !slices.Equal(got, want) {
		t.Errorf("members %v, want %v", got, want)
	}
	got = SloganMembers(nil, []string{"高端化", "智能化"}, []string{"高端化", "智能化"})
	if want := []string{"高端化", "智能化"}; !slices.Equal(got, want) {
		t.Errorf("members %v, want %v", got, want)
	}
	got = SloganMembers(nil, []string{"高端化", "智能化"}, nil)
	if want := []string{"高端化", "智能化"}; !slices.Equal(got, want) {
		t.Errorf("members without written forms %v, want %v", got, want)
	}
}

package analysis

import (
	"testing"
	"unicode/utf8"

	"zhpolicy/pkg/script"
)

// The spans of Text and Folded cover the same runes, also where a folded
// character has another UTF-8 length than the original.
func TestSpansMapRuneForRune(t *testing.T) {
	for _, text := range []string{
		"推动高质量发展。\n",
		"我們要推動發展。\n第二行：臺灣\n",
		"們㑮們㒓發展\n裡面們abc㓄們", // 㑮 folds to 𫝈, four bytes: the offsets shift
		"発展 與 发展\n著名的著作\n", // a Japanese form and a mixed line
	} {
		in := NewInput("t", text, script.Detect(text).Kind, nil)
		if utf8.RuneCountInString(in.Folded) != utf8.RuneCountInString(in.Text) {
			t.Fatalf("%q: folded %q has another rune count", text, in.Folded)
		}
		tr, fr := []int{}, []int{}
		for i := range in.Text {
			tr = append(tr, i)
		}
		for i := range in.Folded {
			fr = append(fr, i)
		}
		tr, fr = append(tr, len(in.Text)), append(fr, len(in.Folded))
		for k := range tr {
			if s, _ := in.FoldedSpan(tr[k], tr[k]); s != fr[k] {
				t.Errorf("%q: FoldedSpan(%d) = %d, want %d", text, tr[k], s, fr[k])
			}
			if s, _ := in.TextSpan(fr[k], fr[k]); s != tr[k] {
				t.Errorf("%q: TextSpan(%d) = %d, want %d", text, fr[k], s, tr[k])
			}
		}
	}
}

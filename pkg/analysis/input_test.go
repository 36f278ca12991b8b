package analysis

import (
	"slices"
	"testing"
	"unicode/utf8"

	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
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

// TestWithTokens: the same document cut another way has the keys NewInput
// gives those tokens (those of tokens both cuts share are reused, the
// others computed), and shares text, folded text and script.
func TestWithTokens(t *testing.T) {
	text := "推動算力中心建設，三大攻坚战"
	toks := func(cuts ...string) []segment.Token {
		var out []segment.Token
		at := 0
		for _, c := range cuts {
			out = append(out, segment.Token{Text: c, Start: int32(at), End: int32(at + len(c))})
			at += len(c)
		}
		return out
	}
	plain := toks("推動", "算", "力", "中心", "建設", "，", "三", "大", "攻坚战")
	hmm := toks("推動", "算力", "中心", "建設", "，", "三大", "攻坚战")
	in := NewInput("t", text, script.Detect(text).Kind, plain)
	got := in.WithTokens(hmm)
	want := NewInput("t", text, script.Detect(text).Kind, hmm)
	if got.Text != in.Text || got.Folded != want.Folded || got.Script != in.Script || got.Name != "t" {
		t.Fatalf("WithTokens: %+v", got)
	}
	if !slices.Equal(got.Keys, want.Keys) || got.Keys[0] != "推动" || got.Keys[1] != "算力" {
		t.Errorf("keys %q, want %q", got.Keys, want.Keys)
	}
	if same := in.WithTokens(plain); !slices.Equal(same.Keys, in.Keys) {
		t.Errorf("keys of the same cut %q, want %q", same.Keys, in.Keys)
	}
	bare := NewTokensInput("t", text, script.Detect(text).Kind, plain)
	if k := bare.WithTokens(hmm).Keys; !slices.Equal(k, want.Keys) {
		t.Errorf("keys from an input without keys %q, want %q", k, want.Keys)
	}
}

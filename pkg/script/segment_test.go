package script_test

import (
	"strings"
	"testing"

	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// TestFoldedTraditionalCutsAsSimplified: a Traditional line folded to
// Simplified is cut like the Simplified line (抬頭挺胸 was folded to
// 擡头挺胸, which gse cut 擡/x 头 挺胸, while 抬头挺胸 is one word).
func TestFoldedTraditionalCutsAsSimplified(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	seg, err := segment.New(segment.Config{Fold: script.FoldIfTraditional})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ trad, simp string }{
		{"他們抬頭挺胸地走進會場。", "他们抬头挺胸地走进会场。"},
		{"代表們擡頭看大屏幕。", "代表们抬头看大屏幕。"},
	} {
		words := func(s string) string {
			toks, err := seg.Cut(s, segment.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var w []string
			for _, tk := range toks {
				w = append(w, tk.Text)
			}
			return strings.Join(w, "/")
		}
		gotT, gotS := []rune(words(tc.trad)), []rune(words(tc.simp))
		// Same cuts: the slashes fall at the same rune positions.
		if len(gotT) != len(gotS) {
			t.Errorf("%s cut %s, %s cut %s", tc.trad, string(gotT), tc.simp, string(gotS))
			continue
		}
		for i := range gotT {
			if (gotT[i] == '/') != (gotS[i] == '/') {
				t.Errorf("%s cut %s, %s cut %s", tc.trad, string(gotT), tc.simp, string(gotS))
				break
			}
		}
	}
}

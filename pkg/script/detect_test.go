package script

import "testing"

// The detection of a text cut in two, added up, is the detection of the
// whole.
func TestDetectionAdd(t *testing.T) {
	texts := []string{"發展經濟，后来居上。", "发展经济", "", "abc", "國家发展改革委員會"}
	for _, a := range texts {
		for _, b := range texts {
			if got, want := Detect(a).Add(Detect(b)), Detect(a+b); got != want {
				t.Errorf("Detect(%q).Add(Detect(%q)) = %+v, want %+v", a, b, got, want)
			}
		}
	}
}

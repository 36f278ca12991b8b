package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A term of two calls enters the genre table only when the calls'
// procedure uses it (申报书); a topic two calls share (合成橡胶) does not;
// a term of three calls does, as before.
func TestGenreTwoCallsNeedProcedure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "genre.tsv")
	dfCalls := map[string]int{"申报书": 2, "合成橡胶": 2, "联系人": 3}
	dfAll := map[string]int{"申报书": 2, "合成橡胶": 2, "联系人": 3}
	share := map[string]float64{"申报书": 0.8, "合成橡胶": 0.1, "联系人": 0.2}
	if err := writeGenre(out, 21, 222, dfCalls, dfAll, share); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, w := range []string{"申报书\t", "联系人\t"} {
		if !strings.Contains(got, "\n"+w) {
			t.Errorf("genre table lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "\n合成橡胶\t") {
		t.Errorf("a topic of two calls entered the genre table:\n%s", got)
	}
}

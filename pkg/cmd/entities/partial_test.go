package entities_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
)

func withoutParts(s string) string {
	return regexp.MustCompile(`"parts":\[[^\]]*\],`).ReplaceAllString(s, "")
}

// TestPartialsMergeToTheWhole: entities --corpus --emit partial over any
// split of the samples, merged in any order, gives the table and the
// partial of one run over all of them.
func TestPartialsMergeToTheWhole(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(clitest.RepoRoot(t), "testdata", "sample", "*"))
	if err != nil || len(files) < 6 {
		t.Fatalf("samples: %v (%d)", err, len(files))
	}
	dir := t.TempDir()
	part := func(name string, docs []string) string {
		out := clitest.MustRun(t, clitest.Options{}, append([]string{"entities", "--corpus", "--emit", "partial"}, docs...)...)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wholeReport := clitest.MustRun(t, clitest.Options{}, "entities", "--corpus", "--format", "json", "testdata/sample")
	wholePartial := clitest.MustRun(t, clitest.Options{}, "entities", "--corpus", "--emit", "partial", "testdata/sample")
	if !strings.Contains(wholePartial, `"kind":"entities"`) || !strings.Contains(wholePartial, `"entities_version":`) ||
		!strings.Contains(wholePartial, `"clean":true`) {
		t.Fatalf("partial header: %.300s", wholePartial)
	}
	for _, cuts := range [][]int{{3}, {1, 5}, {2, 3, 6}} {
		var parts []string
		prev := 0
		for i, c := range append(cuts, len(files)) {
			parts = append(parts, part(fmt.Sprintf("p%d.jsonl", i), files[prev:c]))
			prev = c
		}
		rev := make([]string, len(parts))
		for i, p := range parts {
			rev[len(parts)-1-i] = p
		}
		got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--format", "json", "--top", "0"}, rev...)...)
		if got != wholeReport {
			t.Errorf("split %v: merged table differs from the whole:\n%.600s\nwant\n%.600s", cuts, got, wholeReport)
		}
		if got := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--emit", "partial"}, parts...)...); withoutParts(got) != withoutParts(wholePartial) {
			t.Errorf("split %v: merged partial differs from the partial of the whole", cuts)
		}
		for _, p := range parts {
			os.Remove(p)
		}
	}
	// partials made with other options are refused
	a := part("a.jsonl", files[:2])
	b := filepath.Join(dir, "b.jsonl")
	out := clitest.MustRun(t, clitest.Options{}, append([]string{"entities", "--corpus", "--emit", "partial", "--type", "PER"}, files[2:]...)...)
	if err := os.WriteFile(b, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	res := clitest.Run(t, clitest.Options{}, "merge", a, b)
	if res.Code == 0 || !strings.Contains(res.Stderr, "types") {
		t.Errorf("merge of partials of other --type: exit %d, stderr %q", res.Code, res.Stderr)
	}
}

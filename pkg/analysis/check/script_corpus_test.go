package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/dict/hanzi"
	"zhpolicy/internal/testenv"
)

// TestScriptFindingsNameOnlyNonStandardCharacters runs script-mix, with
// Simplified expected, over every Simplified document of the shared corpus:
// a finding may only name characters that the 通用规范汉字表 does not have
// and that OpenCC changes in their context (the suggestion differs).
func TestScriptFindingsNameOnlyNonStandardCharacters(t *testing.T) {
	dir := testenv.Shared(t, "corpus")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	s := only(RuleScriptMix, func(s *Settings) { s.Script = ScriptSimplified })
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := Check(&Document{Name: f, Format: "text", Encoding: "utf-8", Size: int64(len(data)), Text: string(data)}, s)
		for _, fd := range res.Findings {
			if fd.Text == "" || fd.Offset >= fd.EndOffset {
				continue
			}
			if strings.HasPrefix(fd.Message, "document is written") {
				continue // a whole document in the other script
			}
			n++
			for _, r := range fd.Text {
				if hanzi.Tongyong(r) {
					t.Errorf("%s:%d:%d: names %c, a character of the 通用规范汉字表: %s", filepath.Base(f), fd.Line, fd.Column, r, fd.Message)
				}
			}
			if fd.Suggestion == "" || fd.Suggestion == fd.Text {
				t.Errorf("%s:%d:%d: %q has no conversion: %s", filepath.Base(f), fd.Line, fd.Column, fd.Text, fd.Message)
			}
		}
	}
	t.Logf("%d script-mix findings checked in %d files", n, len(files))
}

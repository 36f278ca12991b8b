package segment_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
)

// annotation matches a pinyin annotation left in a value: 關(guān)於.
var annotation = regexp.MustCompile(`[\p{Han}]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)

// TestNoCommandShowsTheOriginalAsText: on a pinyin-annotated document, no command's JSON
// gives the input's bytes (醫(yī)藥) where it means the word or text as analysed; the
// original bytes may only appear in fields that say so (original, old) and in check's
// findings, which quote the document.
func TestNoCommandShowsTheOriginalAsText(t *testing.T) {
	const doc = "testdata/sample/pinyin_annotated.txt"
	for _, args := range [][]string{
		{"segment"}, {"keywords"}, {"slogans"}, {"entities"}, {"freq"}, {"freq", "--chars"}, {"freq", "--by", "doc"},
		{"kwic", "數位"}, {"analyze"}, {"compare", "testdata/sample/traditional_notice.txt"}, {"detect"},
		{"clean", "--meta"}, {"instruments"}, {"reuse", "testdata/sample/traditional_notice.txt"}, {"network"},
	} {
		r := clitest.Run(t, clitest.Options{}, append(append(args, "--format", "json"), doc)...)
		if r.Code != 0 {
			t.Errorf("%v: exit %d: %s", args, r.Code, r.Stderr)
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(r.Stdout), &v); err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		walk(v, "", func(key, s string) {
			if key == "original" || key == "old" {
				return
			}
			if annotation.MatchString(s) {
				t.Errorf("%v: %s = %q holds a pinyin annotation", args, key, s)
			}
		})
	}
}

func walk(v any, key string, f func(key, s string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, y := range x {
			walk(y, k, f)
		}
	case []any:
		for _, y := range x {
			walk(y, key, f)
		}
	case string:
		f(key, strings.TrimSpace(x))
	}
}

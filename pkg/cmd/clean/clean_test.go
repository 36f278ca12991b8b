package clean_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
)

// Lines that every page of a site repeats, and no rule knows, are removed
// by the corpus pass; --keep-repeated keeps them; a shard of the run cleans
// its documents as the whole run does.
func TestCorpusPassRemovesRepeatedChrome(t *testing.T) {
	dir := t.TempDir()
	bodies := []string{"推动高质量发展，建设现代化产业体系。", "深化改革开放，稳定就业和物价。", "加强生态环境保护，推进绿色低碳转型。",
		"保障和改善民生，办好人民满意的教育。", "统筹发展和安全，守牢风险底线。", "扩大内需，促进消费持续恢复。"}
	for i, b := range bodies {
		text := fmt.Sprintf("滨海新区融媒体\n首页 政务 互动\n第%d号通知\n%s\n本网站由滨海新区网信办主办\n", i+1, b)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := clitest.MustRun(t, clitest.Options{}, "clean", dir)
	for _, chrome := range []string{"滨海新区融媒体", "首页 政务 互动", "网信办主办"} {
		if strings.Contains(out, chrome) {
			t.Errorf("the repeated line %q is left:\n%s", chrome, out)
		}
	}
	for _, b := range bodies {
		if !strings.Contains(out, b) {
			t.Errorf("body lost: %q", b)
		}
	}
	if kept := clitest.MustRun(t, clitest.Options{}, "clean", "--keep-repeated", dir); !strings.Contains(kept, "滨海新区融媒体") {
		t.Errorf("--keep-repeated removed the repeated line:\n%s", kept)
	}
	var shards strings.Builder
	whole := clitest.MustRun(t, clitest.Options{}, "freq", "--top", "0", "--format", "tsv", dir)
	for i := 1; i <= 3; i++ {
		shards.WriteString(clitest.MustRun(t, clitest.Options{}, "freq", "--emit", "partial", "--shard", fmt.Sprintf("%d/3", i), dir))
	}
	if got := clitest.MustRun(t, clitest.Options{Stdin: shards.String()}, "merge", "--top", "0", "--format", "tsv", "-"); got != whole {
		t.Errorf("shards clean differently from the whole run:\n%s\nwant\n%s", got, whole)
	}
	if strings.Contains(whole, "融媒体") {
		t.Errorf("freq counts the repeated chrome:\n%s", whole)
	}
}

package freq_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
)

// TestBySectionAndMeta: --by section gives a row per section of each
// document; --by year|issuer|doctype a row per group of the documents'
// structure (--by year is the tidy table of attention over time); --by COLUMN a row per value of a --meta column.
func TestBySectionAndMeta(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "freq", "--by", "section", "--format", "csv", "--top", "3", "testdata/structure/lj_2025_12.txt")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "section" || len(rows) != 12 || !strings.HasSuffix(rows[2][0], "§ 1 一、提高认识") || !strings.HasSuffix(rows[11][0], "§ a1:2-3 第三条") {
		t.Errorf("by section:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "freq", "--by", "year", "--format", "csv", "--top", "2", "testdata/structure/")
	if !strings.HasPrefix(out, "year,term,") || !strings.Contains(out, "\n2012,") || !strings.Contains(out, "\n2025,") {
		t.Errorf("by year:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "freq", "--by", "doctype", "--format", "jsonl", "--top", "2", "testdata/structure/")
	if !strings.Contains(out, `"doctype":"办法"`) || strings.Count(out, "\n") != 3 {
		t.Errorf("by doctype:\n%s", out)
	}
	dir := t.TempDir()
	meta := filepath.Join(dir, "m.csv")
	if err := os.WriteFile(meta, []byte("file,stage\nlj_2025_12.txt,a\nlj_2024_03.txt,a\nlj_2012_draft.txt,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = clitest.MustRun(t, clitest.Options{}, "freq", "--by", "stage", "--meta", meta, "--format", "csv", "--top", "1", "testdata/structure/")
	if !strings.HasPrefix(out, "stage,total,") || !strings.Contains(out, "\na,") || !strings.Contains(out, "\nb,") {
		t.Errorf("by stage:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"freq", "--by", "stage", "testdata/structure/"}, "invalid --by"},
		{[]string{"freq", "--by", "agency", "--meta", meta, "testdata/structure/"}, "no such column"},
		{[]string{"freq", "--by", "section", "--emit", "partial", "testdata/structure/"}, "cannot be emitted as a partial"},
	} {
		res := clitest.Run(t, clitest.Options{}, c.args...)
		if res.Code != 2 || !strings.Contains(res.Stderr, c.want) {
			t.Errorf("%v: %d %s", c.args, res.Code, res.Stderr)
		}
	}
}

package reuse_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/cmd/reuse"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *reuse.Options)
	}{
		{args: []string{"a"}, check: func(t *testing.T, o *reuse.Options) {
			if o.MinContainment != 0.3 || o.MinAligned != 400 || o.MinPassage != 30 || o.Shingle != 5 || o.Passages {
				t.Errorf("defaults %+v", o)
			}
		}},
		{args: []string{"--min-containment", "0.5", "--min-aligned", "100", "--passages", "--meta", "m.csv", "a"}, check: func(t *testing.T, o *reuse.Options) {
			if o.MinContainment != 0.5 || o.MinAligned != 100 || !o.Passages || o.Meta != "m.csv" {
				t.Errorf("parsed %+v", o)
			}
		}},
		{args: []string{"--min-containment", "2"}, wantErr: "invalid --min-containment"},
		{args: []string{"--min-aligned", "-1"}, wantErr: "invalid --min-aligned"},
		{args: []string{"--shingle", "40"}, wantErr: "shingle 40 too long"},
		{args: []string{"--shard", "1/2"}, wantErr: "--shard cannot be used with reuse"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, reuse.NewCmdReuse, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

// The corpus's known cases through the command, with dates from its
// index.tsv: central_070 is the source of the Qingdao rules, 216 days on.
func TestKnownCasesCommand(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "ministry_provincial_notices")
	files := []string{"central_070.txt", "shandong_036.txt", "central_122.txt", "central_129.txt", "central_001.txt"}
	var args []string
	for _, f := range files {
		args = append(args, filepath.Join(dir, f))
	}
	out := clitest.MustRun(t, clitest.Options{}, append([]string{"reuse", "--meta", filepath.Join(dir, "index.tsv"), "--format", "json"}, args...)...)
	var pairs []map[string]any
	if err := json.Unmarshal([]byte(out), &pairs); err != nil {
		t.Fatalf("%v\n%.300s", err, out)
	}
	if len(pairs) != 2 {
		t.Fatalf("%d pairs: %v", len(pairs), pairs)
	}
	byKind := map[string]map[string]any{}
	for _, p := range pairs {
		byKind[p["kind"].(string)] = p
	}
	d := byKind["duplicate"]
	if d == nil || !strings.HasSuffix(d["a"].(string), "central_122.txt") {
		t.Errorf("duplicate %v", d)
	}
	r := byKind["reuse"]
	if r == nil || r["containment_a"].(float64) < 0.65 || r["lag_days"] != 216.0 || !strings.HasSuffix(r["source"].(string), "central_070.txt → "+filepath.Join(dir, "shandong_036.txt")) {
		t.Errorf("reuse %v", r)
	}
	// passages point into both documents
	a, _ := os.ReadFile(args[0])
	for _, ps := range r["passage_list"].([]any) {
		p := ps.(map[string]any)
		s, e := int(p["a_start"].(float64)), int(p["a_end"].(float64))
		if string(a[s:e]) != p["text"] {
			t.Fatalf("passage %d-%d", s, e)
		}
	}
}

func TestPassagesCSV(t *testing.T) {
	dir := t.TempDir()
	base := strings.Repeat("第一条 为规范智能网联汽车道路测试与示范应用管理工作，推动汽车智能化网联化技术应用和产业发展，制定本规范。", 8)
	for i, extra := range []string{"甲市补充规定。", "乙市另行制定的条款，与甲市无关的内容另起一段。"} {
		text := "（此件公开）\n" + base + "\n" + strings.Repeat(extra, 3)
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := clitest.MustRun(t, clitest.Options{}, "reuse", "--passages", "--format", "csv", dir)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%v %q", err, out)
	}
	if strings.Join(rows[0], ",") != "a,b,a_start,a_end,b_start,b_end,chars,text" {
		t.Errorf("header %v", rows[0])
	}
	if !strings.Contains(rows[1][7], "第一条") {
		t.Errorf("passage text %q", rows[1][7])
	}
}

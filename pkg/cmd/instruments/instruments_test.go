package instruments_test

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
	"zhpolicy/pkg/cmd/instruments"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *instruments.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *instruments.Options) {
			if o.Unit != "sentence" || o.Level != "subcategory" || o.Multi || o.All || len(o.By) != 0 || o.Format != "table" {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--unit", "clause", "--by", "year,stage", "--meta", "m.csv", "--level", "category", "--multi", "x"}, check: func(t *testing.T, o *instruments.Options) {
			if o.Unit != "clause" || strings.Join(o.By, "|") != "year|stage" || o.Level != "category" || !o.Multi {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--print-frame"}, check: func(t *testing.T, o *instruments.Options) {
			if !o.PrintFrame {
				t.Error("--print-frame")
			}
		}},
		{args: []string{"--unit", "page"}, wantErr: "invalid --unit"},
		{args: []string{"--by", "stage"}, wantErr: "needs a --meta CSV"},
		{args: []string{"--by", "a,b,c", "--meta", "m"}, wantErr: "at most two"},
		{args: []string{"--agree", "h.csv", "--by", "doc"}, wantErr: "--agree cannot be used with --by"},
		{args: []string{"--level", "x"}, wantErr: "invalid --level"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, instruments.NewCmdInstruments, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

const notice = `关于印发数字经济行动方案的通知
二、政策措施
（一）加大专项资金支持。市财政每年安排3亿元，对企业数字化改造项目按投入的20%给予补助。
（二）落实税收优惠政策。
（三）将创新产品纳入政府采购首购范围。
各部门要抓好落实。
2024年3月18日
`

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLongCSV(t *testing.T) {
	dir := t.TempDir()
	// a leading BOM and CRLF: offsets are in the text as given
	p := write(t, dir, "n.txt", "\ufeff"+strings.ReplaceAll(notice, "\n", "\r\n"))
	r := clitest.MustRun(t, clitest.Options{}, "instruments", "--all", "--format", "csv", p)
	rows, err := csv.NewReader(strings.NewReader(r)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], ",")
	if head != "file,unit,kind,start,end,category,subcategory,primary,score,evidence,evidence_offsets,text,original" {
		t.Fatalf("header %s", head)
	}
	data, _ := os.ReadFile(p)
	raw := strings.TrimPrefix(string(data), "\ufeff") // offsets are into the decoded text
	got := map[string]string{}
	for _, row := range rows[1:] {
		if row[7] == "true" || row[5] == "none" {
			got[row[1]] = row[6]
		}
		var s, e int
		json.Unmarshal([]byte(row[3]), &s)
		json.Unmarshal([]byte(row[4]), &e)
		// text is the unit as coded; original the input's bytes when they differ
		given := row[11]
		if row[12] != "" {
			given = row[12]
		}
		if string(raw[s:e]) != given {
			t.Errorf("unit %s: offsets %d-%d give %q, text %q, original %q", row[1], s, e, raw[s:e], row[11], row[12])
		}
	}
	for id, want := range map[string]string{"2-1-s1": "funding", "2-1-s2": "funding", "2-2-s1": "tax", "2-3-s1": "procurement", "2-s1": ""} {
		if got[id] != want {
			t.Errorf("%s: %q, want %q (all %v)", id, got[id], want, got)
		}
	}
}

func TestByYearAndMeta(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", notice)
	b := write(t, dir, "b.txt", "（一）强化人才培养，引进高层次人才。\n2021年5月1日\n")
	meta := write(t, dir, "meta.csv", "file,stage\na.txt,late\nb.txt,early\n")
	out := clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "year,stage", "--meta", meta, "--level", "category", "--format", "csv", a, b)
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if strings.Join(rows[0], ",") != "year,stage,category,units,share,unit_share,per_10k_chars,docs,group_units,group_chars" {
		t.Fatalf("header %v", rows[0])
	}
	// 2021 early: supply 1 of 1 coded; 2024 late: supply 2, environment 1, demand 1
	want := map[string]string{"2021,early,supply": "1", "2024,late,supply": "2", "2024,late,environment": "1", "2024,late,demand": "1"}
	for _, r := range rows[1:] {
		k := strings.Join(r[:3], ",")
		if w, ok := want[k]; ok && r[3] != w {
			t.Errorf("%s: %s units, want %s", k, r[3], w)
		}
	}
	if len(rows) != 7 {
		t.Errorf("%d rows", len(rows))
	}
	res := clitest.Run(t, clitest.Options{}, "instruments", "--by", "agency", "--meta", meta, a)
	if res.Code != 2 || !strings.Contains(res.Stderr, "no such column") {
		t.Errorf("unknown column: %d %s", res.Code, res.Stderr)
	}
}

func TestAgree(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", notice)
	human := write(t, dir, "h.csv", "doc,unit,category,subcategory\na,2-1-s1,supply,funding\na,2-2-s1,environment,tax\na,2-3-s1,supply,technology\na,2-3-s2,none,\n")
	out := clitest.MustRun(t, clitest.Options{}, "instruments", "--agree", human, "--format", "json", a)
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// 3 of 4 categories agree; p_o 0.75
	if k, _ := doc["kappa_category"].(float64); k <= 0.5 || k >= 1 {
		t.Errorf("κ %v", doc["kappa_category"])
	}
	if d, _ := doc["disagreements"].([]any); len(d) != 1 {
		t.Errorf("disagreements %v", doc["disagreements"])
	}
	bad := write(t, dir, "bad.csv", "doc,unit,category\na,9-s9,none\n")
	res := clitest.Run(t, clitest.Options{}, "instruments", "--agree", bad, a)
	if res.Code != 2 || !strings.Contains(res.Stderr, "no unit") {
		t.Errorf("unknown unit: %d %s", res.Code, res.Stderr)
	}
}

func TestFrameFlags(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "instruments", "--print-frame")
	if !strings.HasPrefix(out, "# Rothwell") || !strings.Contains(out, "id: funding") {
		t.Errorf("print-frame: %.80s", out)
	}
	dir := t.TempDir()
	frame := write(t, dir, "f.yaml", "name: mine\ncategories:\n  - id: money\n    subcategories:\n      - id: cash\n        terms: [资金]\n")
	a := write(t, dir, "a.txt", notice)
	got := clitest.MustRun(t, clitest.Options{}, "instruments", "--frame", frame, "--format", "csv", a)
	if !strings.Contains(got, ",money,cash,") || strings.Contains(got, "funding") {
		t.Errorf("own frame: %s", got)
	}
	bad := write(t, dir, "bad.yaml", "name: x\n")
	res := clitest.Run(t, clitest.Options{}, "instruments", "--frame", bad, a)
	if res.Code != 2 || !strings.Contains(res.Stderr, "bad.yaml: the frame has no categories") {
		t.Errorf("bad frame: %d %s", res.Code, res.Stderr)
	}
}

// The blind TEST gold: κ on categories stays at the measured level (0.76).
func TestGoldKappa(t *testing.T) {
	corpus := testenv.Shared(t, "corpus", "ministry_provincial_notices")
	gongwen := testenv.Shared(t, "bench", "intake", "expected", "gongwen.txt")
	root := testenv.Root()
	out := clitest.MustRun(t, clitest.Options{}, "instruments", "--agree", filepath.Join(root, "bench/instruments/gold/coding.csv"), "--format", "json",
		gongwen, filepath.Join(corpus, "shandong_013.txt"), filepath.Join(corpus, "central_046.txt"), filepath.Join(corpus, "shandong_030.txt"))
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if k, _ := doc["kappa_category"].(float64); k < 0.7 {
		t.Errorf("TEST κ on categories %.3f < 0.7", k)
	}
}

// Shards counted apart and merged give the table of one run, whatever the
// split and the order.
func TestPartialsMergeToTheWhole(t *testing.T) {
	dir := t.TempDir()
	whole := clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "year", "--format", "csv", "testdata/sample/")
	for _, n := range []int{2, 3} {
		var parts []string
		for i := n; i >= 1; i-- { // reverse order on purpose
			p := filepath.Join(dir, "p"+string(rune('0'+n))+string(rune('0'+i))+".jsonl")
			out := clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "year", "--emit", "partial", "--shard", string(rune('0'+i))+"/"+string(rune('0'+n)), "testdata/sample/")
			if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			parts = append(parts, p)
		}
		merged := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--format", "csv"}, parts...)...)
		if merged != whole {
			t.Errorf("%d shards merged:\n%s\nwant\n%s", n, merged, whole)
		}
		// the same partial twice is refused
		res := clitest.Run(t, clitest.Options{}, "merge", parts[0], parts[0])
		if res.Code != 2 {
			t.Errorf("a partial merged with itself: exit %d", res.Code)
		}
	}
	other := clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "doc", "--emit", "partial", "testdata/sample/")
	yearP := clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "year", "--emit", "partial", "--shard", "1/2", "testdata/sample/")
	a, b := filepath.Join(dir, "doc.jsonl"), filepath.Join(dir, "year.jsonl")
	os.WriteFile(a, []byte(other), 0o644)
	os.WriteFile(b, []byte(yearP), 0o644)
	res := clitest.Run(t, clitest.Options{}, "merge", a, b)
	if res.Code != 2 || !strings.Contains(res.Stderr, "by doc vs year") {
		t.Errorf("partials by doc and by year merged: %d %s", res.Code, res.Stderr)
	}
}

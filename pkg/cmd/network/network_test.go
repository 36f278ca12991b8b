package network_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/pkg/analysis/network"
	cmd "zhpolicy/pkg/cmd/network"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *cmd.Options)
	}{
		{args: []string{"a"}, check: func(t *testing.T, o *cmd.Options) {
			if o.Kind != "cooccurrence" || o.Items != "slogans" || o.Window != "sentence" || o.MinEdge != 1 || o.TopNodes != 0 {
				t.Errorf("defaults %+v", o)
			}
		}},
		{args: []string{"--items", "entities:ORG", "--window", "doc", "-o", "g.gexf", "-o", "g.graphml", "--min-edge", "2", "a"}, check: func(t *testing.T, o *cmd.Options) {
			if o.Items != "entities:ORG" || o.Window != "doc" || len(o.Output) != 2 || o.MinEdge != 2 {
				t.Errorf("parsed %+v", o)
			}
		}},
		{args: []string{"--items", "words"}, wantErr: "invalid --items"},
		{args: []string{"--items", "entities:XYZ"}, wantErr: "invalid --items"},
		{args: []string{"--kind", "coissuing", "--issuers", "agency"}, wantErr: "needs --meta FILE"},
		{args: []string{"-o", "g.dot"}, wantErr: "write .gexf, .graphml or .csv"},
		{args: []string{"--min-edge", "0"}, wantErr: "--min-edge"},
		{args: []string{"--kind", "tree"}, wantErr: "invalid --kind"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, cmd.NewCmdNetwork, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

func TestCoissuingFromMeta(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b", "c"} {
		os.WriteFile(filepath.Join(dir, n+".txt"), []byte("正文。\n"), 0o644)
	}
	meta := filepath.Join(dir, "meta.csv")
	os.WriteFile(meta, []byte("file,date,issuers\na.txt,2021-01-01,工业和信息化部、财政部\nb.txt,2022-05-01,工业和信息化部;财政部;科技部\nc.txt,2023-01-01,科技部\n"), 0o644)
	gexf := filepath.Join(dir, "co.gexf")
	out := clitest.MustRun(t, clitest.Options{}, "network", "--kind", "coissuing", "--meta", meta, "--issuers", "issuers", "-o", gexf, "--format", "json",
		filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt"))
	var doc struct {
		Edges []map[string]any `json:"edges"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	var found bool
	for _, e := range doc.Edges {
		if e["source"] == "工业和信息化部" && e["target"] == "财政部" {
			found = e["count"] == 2.0 && e["first_year"] == 2021.0 && e["last_year"] == 2022.0
		}
	}
	if !found || len(doc.Edges) != 3 {
		t.Errorf("edges %v", doc.Edges)
	}
	f, err := os.Open(gexf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := network.ReadGEXF(f)
	if err != nil || len(g.Nodes) != 3 || len(g.Edges) != 3 {
		t.Errorf("gexf: %v %+v", err, g)
	}
}

func TestInstrumentsAndCSVFiles(t *testing.T) {
	dir := t.TempDir()
	text := "（一）加大专项资金支持，对企业给予补助，落实税收优惠政策。\n（二）推进示范应用，开展国际合作。\n"
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte(text), 0o644)
	base := filepath.Join(dir, "net.csv")
	clitest.MustRun(t, clitest.Options{}, "network", "--items", "instruments", "-o", base, p)
	eb, err := os.ReadFile(filepath.Join(dir, "net.edges.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(strings.NewReader(string(eb))).ReadAll()
	pairs := map[string]bool{}
	for _, r := range rows[1:] {
		pairs[r[0]+"-"+r[1]] = true
	}
	if !pairs["funding-tax"] || !pairs["demonstration-overseas"] || pairs["funding-overseas"] {
		t.Errorf("edges %v", pairs)
	}
	if _, err := os.Stat(filepath.Join(dir, "net.nodes.csv")); err != nil {
		t.Error(err)
	}
}

func TestCitationCommand(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("根据《國務院關於印發新一代人工智能發展規劃的通知》（國發〔2017〕35號）制定。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("贯彻《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）。\n"), 0o644)
	out := clitest.MustRun(t, clitest.Options{}, "network", "--kind", "citation", "--format", "csv", dir)
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	// both documents cite the same node: the number, folded
	if len(rows) != 3 || rows[1][1] != "国发〔2017〕35号" || rows[2][1] != "国发〔2017〕35号" {
		t.Errorf("%v", rows)
	}
}

// Shards counted apart and merged give the tables of one run.
func TestPartialsMergeToTheWhole(t *testing.T) {
	dir := t.TempDir()
	for _, items := range []string{"quoted", "instruments"} {
		whole := clitest.MustRun(t, clitest.Options{}, "network", "--items", items, "--format", "csv", "testdata/sample/")
		var parts []string
		for i := 3; i >= 1; i-- {
			p := filepath.Join(dir, items+string(rune('0'+i))+".jsonl")
			out := clitest.MustRun(t, clitest.Options{}, "network", "--items", items, "--emit", "partial", "--shard", string(rune('0'+i))+"/3", "testdata/sample/")
			if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			parts = append(parts, p)
		}
		merged := clitest.MustRun(t, clitest.Options{}, append([]string{"merge", "--format", "csv"}, parts...)...)
		if merged != whole {
			t.Errorf("%s: merged\n%s\nwant\n%s", items, merged, whole)
		}
	}
	res := clitest.Run(t, clitest.Options{}, "merge", filepath.Join(dir, "quoted1.jsonl"), filepath.Join(dir, "instruments2.jsonl"))
	if res.Code != 2 || !strings.Contains(res.Stderr, "built differently") {
		t.Errorf("mixed partials: %d %s", res.Code, res.Stderr)
	}
}

// TestCoissuingFromStructure: without --meta, the issuers are those each
// document names (its signatures); citations are read by the structure
// parser (numbers broken over wrapped lines included) and counted under the
// number's standard form.
func TestCoissuingFromStructure(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "network", "--kind", "coissuing", "--format", "csv", "testdata/structure/")
	if !strings.Contains(out, "临江市工业和信息化局,临江市财政局,1,") {
		t.Errorf("co-issuing edge missing:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "network", "--kind", "citation", "--format", "csv", "testdata/structure/")
	for _, want := range []string{"lj_2024_03.txt,临工信联发〔2023〕9号,", "lj_2025_12.txt,临政发〔2024〕7号,", "lj_2024_03.txt,临政发〔2024〕7号,"} {
		if !strings.Contains(out, want) {
			t.Errorf("citation edge %q missing:\n%s", want, out)
		}
	}
}

package network

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func items(keys ...string) []Item {
	var out []Item
	for _, k := range keys {
		out = append(out, Item{Key: k, Label: k})
	}
	return out
}

func sampleCounts() *Counts {
	c := NewCounts(Settings{Kind: KindCooccurrence, Window: "sentence", Items: "formulations"})
	c.AddWindows([][]Item{items("新质生产力", "高质量发展"), items("高质量发展", "新发展理念", "高质量发展")}, 2023)
	c.AddWindows([][]Item{items("新质生产力", "高质量发展", "一带一路")}, 2024)
	c.AddWindows([][]Item{{{Key: "新质生产力", Label: "新質生產力"}}, items("A&B \"x\" <y>", "高质量发展")}, 0)
	return c
}

func TestCooccurrenceCounts(t *testing.T) {
	g := sampleCounts().Graph(GraphOptions{})
	node := map[string]Node{}
	for _, n := range g.Nodes {
		node[n.ID] = n
	}
	edge := map[string]Edge{}
	for _, e := range g.Edges {
		edge[e.Source+"|"+e.Target] = e
	}
	// 高质量发展 is in 4 windows (once in the second though written twice), 3 documents
	if n := node["高质量发展"]; n.Attrs["count"] != "4" || n.Attrs["docs"] != "3" || n.Attrs["first_year"] != "2023" || n.Attrs["last_year"] != "2024" {
		t.Errorf("高质量发展 %+v", n)
	}
	// the label is the most frequent surface form (新质生产力 2, 新質生產力 1)
	if n := node["新质生产力"]; n.Label != "新质生产力" || n.Attrs["count"] != "3" {
		t.Errorf("新质生产力 %+v", n)
	}
	if e, ok := edge["新质生产力|高质量发展"]; !ok || e.Weight != 2 || e.Attrs["docs"] != "2" || e.Attrs["first_year"] != "2023" {
		t.Errorf("edge %+v (%v)", e, ok)
	}
	if _, ok := edge["新发展理念|新质生产力"]; ok {
		t.Error("items of different sentences joined")
	}
	if len(g.Edges) != 5 {
		t.Errorf("%d edges: %v", len(g.Edges), edge)
	}
	p := sampleCounts().Graph(GraphOptions{MinEdge: 2, DropIsolated: true})
	if len(p.Edges) != 1 || len(p.Nodes) != 2 {
		t.Errorf("pruned: %d nodes %d edges", len(p.Nodes), len(p.Edges))
	}
	top := sampleCounts().Graph(GraphOptions{TopNodes: 2})
	if len(top.Nodes) != 2 || top.Nodes[0].ID != "高质量发展" || len(top.Edges) != 1 {
		t.Errorf("top 2: %+v", top.Nodes)
	}
}

func TestCitations(t *testing.T) {
	c := NewCounts(Settings{Kind: KindCitation})
	c.AddCitations(Item{Key: "a"}, items("国发〔2021〕33号", "国发〔2021〕33号", "b"), 2022)
	c.AddCitations(Item{Key: "b"}, items("国发〔2021〕33号"), 2023)
	g := c.Graph(GraphOptions{})
	if !g.Directed || len(g.Edges) != 3 {
		t.Fatalf("%+v", g)
	}
	for _, n := range g.Nodes {
		if n.ID == "国发〔2021〕33号" && n.Attrs["count"] != "2" {
			t.Errorf("cited twice: %+v", n)
		}
		if n.ID == "b" && (n.Attrs["count"] != "1" || n.Attrs["docs"] != "1") {
			t.Errorf("b: %+v", n)
		}
	}
}

func TestMergeAnyOrder(t *testing.T) {
	docs := [][][]Item{
		{items("甲", "乙"), items("乙", "丙")},
		{items("甲", "丙", "丁")},
		{items("乙")},
		{items("丁", "甲"), items("戊", "甲")},
		{items("丙", "丁", "戊", "己")},
	}
	years := []int{2020, 2021, 0, 2019, 2022}
	s := Settings{Kind: KindCooccurrence, Window: "sentence"}
	whole := NewCounts(s)
	for i, d := range docs {
		whole.AddWindows(d, years[i])
	}
	want, _ := json.Marshal(whole)
	rng := rand.New(rand.NewSource(5))
	for trial := 0; trial < 20; trial++ {
		parts := []*Counts{NewCounts(s), NewCounts(s), NewCounts(s)}
		for _, i := range rng.Perm(len(docs)) {
			parts[rng.Intn(3)].AddWindows(docs[i], years[i])
		}
		acc := NewCounts(s)
		for _, k := range rng.Perm(3) {
			b, _ := json.Marshal(parts[k])
			var back Counts
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if err := acc.Merge(&back); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := json.Marshal(acc); string(got) != string(want) {
			t.Fatalf("got %s\nwant %s", got, want)
		}
	}
	if err := whole.Merge(NewCounts(Settings{Kind: KindCoissuing})); err == nil {
		t.Error("merged a co-issuing network into a co-occurrence one")
	}
	for _, bad := range []string{`{"kind":"network","version":2}`, `{"kind":"x","version":1}`,
		`{"kind":"network","version":1,"settings":{"kind":"cooccurrence","directed":false},"docs":1,"nodes":[{"key":"a","count":1,"docs":1,"labels":[]}],"edges":[{"source":"a","target":"b","count":1,"docs":1}]}`} {
		var c Counts
		if err := json.Unmarshal([]byte(bad), &c); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestGEXFRoundTripAndStructure(t *testing.T) {
	for _, c := range []*Counts{sampleCounts(), func() *Counts {
		c := NewCounts(Settings{Kind: KindCitation})
		c.AddCitations(Item{Key: "a"}, items("b", "c"), 2021)
		return c
	}()} {
		g := c.Graph(GraphOptions{})
		var buf bytes.Buffer
		if err := WriteGEXF(&buf, g, "2026-12-05"); err != nil {
			t.Fatal(err)
		}
		if err := checkGEXF(buf.Bytes()); err != nil {
			t.Fatalf("structure: %v\n%s", err, buf.String())
		}
		back, err := ReadGEXF(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if !Equal(g, back) {
			t.Fatalf("GEXF round trip changed the graph:\n%+v\n%+v", g, back)
		}
		var again bytes.Buffer
		WriteGEXF(&again, back, "2026-12-05")
		if again.String() != buf.String() {
			t.Error("written, read and written again: different bytes")
		}
		xmllintCheck(t, buf.Bytes())

		var gm bytes.Buffer
		if err := WriteGraphML(&gm, g); err != nil {
			t.Fatal(err)
		}
		back2, err := ReadGraphML(&gm)
		if err != nil {
			t.Fatal(err)
		}
		if !Equal(g, back2) {
			t.Fatalf("GraphML round trip changed the graph:\n%+v\n%+v", g, back2)
		}
	}
	// Equal notices a change
	a, b := sampleCounts().Graph(GraphOptions{}), sampleCounts().Graph(GraphOptions{})
	b.Edges[0].Weight++
	if Equal(a, b) {
		t.Error("Equal missed a weight change")
	}
}

// checkGEXF checks a GEXF 1.3 document against the structure of the
// schema (http://gexf.net/1.3/gexf.xsd) for what this package writes:
// root element and namespace, version, element order, required
// attributes, declared attribute types and the values of each type,
// node and edge ids and references, and the counts.
func checkGEXF(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []string
	types := map[string]map[string]string{"node": {}, "edge": {}}
	class := ""
	nodes := map[string]bool{}
	edgeIDs := map[string]bool{}
	var refs [][2]string
	nodeCount, edgeCount := -1, -1
	var nNodes, nEdges int
	graphChildren := []string{}
	current := ""
	validTypes := "integer long double float boolean string liststring anyURI"
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Space != GEXFNamespace {
				return fmt.Errorf("<%s> not in %s", e.Name.Local, GEXFNamespace)
			}
			attr := map[string]string{}
			for _, a := range e.Attr {
				if a.Name.Space == "" {
					attr[a.Name.Local] = a.Value
				}
			}
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			need := func(names ...string) error {
				for _, n := range names {
					if _, ok := attr[n]; !ok {
						return fmt.Errorf("<%s> without %s", e.Name.Local, n)
					}
				}
				return nil
			}
			allowed := map[string]string{"gexf": "", "meta": "gexf", "creator": "meta", "description": "meta", "graph": "gexf",
				"attributes": "graph", "attribute": "attributes", "nodes": "graph", "node": "nodes", "edges": "graph", "edge": "edges",
				"attvalues": "node|edge", "attvalue": "attvalues"}
			p, ok := allowed[e.Name.Local]
			if !ok || !strings.Contains("|"+p+"|", "|"+parent+"|") {
				return fmt.Errorf("<%s> inside <%s>", e.Name.Local, parent)
			}
			switch e.Name.Local {
			case "gexf":
				if attr["version"] != "1.3" {
					return fmt.Errorf("version %q", attr["version"])
				}
			case "graph":
				if d := attr["defaultedgetype"]; d != "directed" && d != "undirected" {
					return fmt.Errorf("defaultedgetype %q", d)
				}
			case "attributes", "nodes", "edges":
				graphChildren = append(graphChildren, e.Name.Local)
				if e.Name.Local == "attributes" {
					if err := need("class"); err != nil {
						return err
					}
					class = attr["class"]
				}
				if c, ok := attr["count"]; ok {
					var n int
					fmt.Sscan(c, &n)
					if e.Name.Local == "nodes" {
						nodeCount = n
					} else if e.Name.Local == "edges" {
						edgeCount = n
					}
				}
			case "attribute":
				if err := need("id", "title", "type"); err != nil {
					return err
				}
				if !strings.Contains(" "+validTypes+" ", " "+attr["type"]+" ") {
					return fmt.Errorf("attribute type %q", attr["type"])
				}
				types[class][attr["id"]] = attr["type"]
			case "node":
				if err := need("id"); err != nil {
					return err
				}
				if nodes[attr["id"]] {
					return fmt.Errorf("node %q twice", attr["id"])
				}
				nodes[attr["id"]] = true
				nNodes++
				current = "node"
			case "edge":
				if err := need("id", "source", "target"); err != nil {
					return err
				}
				if edgeIDs[attr["id"]] {
					return fmt.Errorf("edge id %q twice", attr["id"])
				}
				edgeIDs[attr["id"]] = true
				refs = append(refs, [2]string{attr["source"], attr["target"]})
				if w, ok := attr["weight"]; ok {
					var f float64
					if _, err := fmt.Sscan(w, &f); err != nil {
						return fmt.Errorf("weight %q", w)
					}
				}
				nEdges++
				current = "edge"
			case "attvalue":
				if err := need("for", "value"); err != nil {
					return err
				}
				typ, ok := types[current][attr["for"]]
				if !ok {
					return fmt.Errorf("attvalue for undeclared %s attribute %q", current, attr["for"])
				}
				if typ == "integer" || typ == "long" {
					var n int64
					if _, err := fmt.Sscan(attr["value"], &n); err != nil || fmt.Sprint(n) != attr["value"] {
						return fmt.Errorf("%s value %q", typ, attr["value"])
					}
				}
			}
			stack = append(stack, e.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	// graph-content: attributes first, then nodes, then edges
	order := strings.Join(graphChildren, ",")
	order = strings.TrimLeft(strings.ReplaceAll(order, "attributes,", ""), ",")
	if order != "nodes,edges" {
		return fmt.Errorf("graph children %v", graphChildren)
	}
	for _, r := range refs {
		if !nodes[r[0]] || !nodes[r[1]] {
			return fmt.Errorf("edge %s→%s names an unknown node", r[0], r[1])
		}
	}
	if nodeCount != nNodes || edgeCount != nEdges {
		return fmt.Errorf("counts %d/%d, elements %d/%d", nodeCount, edgeCount, nNodes, nEdges)
	}
	return nil
}

// xmllintCheck validates against the published GEXF 1.3 schema with
// xmllint (Debian libxml2-utils) when both are at hand: the schema
// directory (gexf.xsd, viz.xsd, dynamics.xsd from gexf.net/1.3 or the
// gephi/gexf repository's specs/1.3) is named by ZHPOLICY_GEXF_XSD.
func xmllintCheck(t *testing.T, b []byte) {
	t.Helper()
	xsd := os.Getenv("ZHPOLICY_GEXF_XSD")
	if xsd == "" {
		t.Log("ZHPOLICY_GEXF_XSD not set: schema validation with xmllint skipped")
		return
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Log("xmllint not found: schema validation skipped")
		return
	}
	f := filepath.Join(t.TempDir(), "g.gexf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join(xsd, "gexf.xsd"), f).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

func TestCSV(t *testing.T) {
	g := sampleCounts().Graph(GraphOptions{})
	var nb, eb bytes.Buffer
	if err := WriteCSV(&nb, &eb, g); err != nil {
		t.Fatal(err)
	}
	nr, err := csv.NewReader(&nb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	er, err := csv.NewReader(&eb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(nr[0], ",") != "Id,Label,count,docs,first_year,last_year" || len(nr) != len(g.Nodes)+1 {
		t.Errorf("nodes %v", nr[0])
	}
	if strings.Join(er[0][:4], ",") != "Source,Target,Type,Weight" || er[1][2] != "Undirected" || len(er) != len(g.Edges)+1 {
		t.Errorf("edges %v", er[:2])
	}
	var quoted bool
	for _, r := range nr {
		quoted = quoted || r[0] == `A&B "x" <y>`
	}
	if !quoted {
		t.Error("an id with quotes did not survive CSV")
	}
}

func TestValidate(t *testing.T) {
	g := &Graph{NodeAttrs: []AttrDef{{ID: "n", Title: "n", Type: "integer"}}, Nodes: []Node{{ID: "a", Attrs: map[string]string{"n": "x"}}}}
	if err := WriteGEXF(io.Discard, g, ""); err == nil || !strings.Contains(err.Error(), "not integer") {
		t.Errorf("bad integer: %v", err)
	}
	g = &Graph{Nodes: []Node{{ID: "a"}}, Edges: []Edge{{Source: "a", Target: "b"}}}
	if err := WriteGraphML(io.Discard, g); err == nil {
		t.Error("an edge to an unknown node")
	}
	if _, err := ReadGEXF(strings.NewReader("<gexf><graph><nodes><node id='a'/></nodes><edges><edge id='0' source='a' target='z'/></edges></graph></gexf>")); err == nil {
		t.Error("read an edge to an unknown node")
	}
	if _, err := ReadGEXF(strings.NewReader("not xml")); err == nil {
		t.Error("read garbage")
	}
}

func TestCitationScanner(t *testing.T) {
	text := "根据《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）和《中国制造2025》，按照工信部联装〔2018〕66号文件要求，参阅《人民日报》。"
	cs := Citations(text)
	if len(cs) != 2 {
		t.Fatalf("%+v", cs)
	}
	if cs[0].Title != "国务院关于印发新一代人工智能发展规划的通知" || cs[0].Number != "国发〔2017〕35号" || cs[0].Key() != "国发〔2017〕35号" {
		t.Errorf("first %+v", cs[0])
	}
	if text[cs[0].Start:cs[0].End] != "《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）" {
		t.Errorf("span %q", text[cs[0].Start:cs[0].End])
	}
	if cs[1].Number != "工信部联装〔2018〕66号" || cs[1].Title != "" {
		t.Errorf("second %+v", cs[1])
	}
	if c := Citations("《办法》〔2020〕号 〔abcd〕1号"); len(c) != 0 {
		t.Errorf("garbage gave %+v", c)
	}
}

func TestItemHelpers(t *testing.T) {
	s := "坚持“两个毫不动摇”，推进“一网通办”和“这是一个很长很长很长很长的引语”。“a”"
	var got []string
	for _, q := range Quoted(s) {
		got = append(got, s[q[0]:q[1]])
	}
	if strings.Join(got, "|") != "两个毫不动摇|一网通办" {
		t.Errorf("Quoted %v", got)
	}
	if l := SplitList(" 工业和信息化部、财政部；科技部 | ,"); len(l) != 3 || l[2].Key != "科技部" {
		t.Errorf("SplitList %v", l)
	}
	w := Place([][2]int{{0, 10}, {10, 20}}, []Located{{Item{Key: "b"}, 15}, {Item{Key: "a"}, 3}, {Item{Key: "x"}, 25}})
	if len(w) != 2 || len(w[0]) != 1 || w[0][0].Key != "a" || len(w[1]) != 1 || w[1][0].Key != "b" {
		t.Errorf("Place %v", w)
	}
}

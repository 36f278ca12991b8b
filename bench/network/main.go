// Command network builds two networks over a folder of documents and
// writes them as GEXF 1.3 and GraphML: the sentence co-occurrence of the
// instrument subcategories (built-in frame), and the document
// co-occurrence of quoted formulations (“…” of 2–12 characters). Each file
// is read back and compared with the graph written (round trip); the
// structure checks and the xmllint schema check are in bench/network/run.sh.
//
//	go run ./bench/network -out DIR DOCS_DIR
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/analysis/instruments"
	"zhpolicy/pkg/analysis/network"
	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/script"
)

func main() {
	out := flag.String("out", ".", "output folder")
	flag.Parse()
	if err := run(*out, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "network:", err)
		os.Exit(1)
	}
}

func run(out, dir string) error {
	t0 := time.Now()
	f, err := instruments.Builtin()
	if err != nil {
		return err
	}
	coder, err := instruments.NewCoder(f)
	if err != nil {
		return err
	}
	var meta *timeseries.Meta
	if mf, err := os.Open(filepath.Join(dir, "index.tsv")); err == nil {
		meta, err = timeseries.ReadMeta(mf, "index.tsv")
		mf.Close()
		if err != nil {
			return err
		}
	}
	inst := network.NewCounts(network.Settings{Kind: network.KindCooccurrence, Window: "sentence", Items: "instruments"})
	form := network.NewCounts(network.Settings{Kind: network.KindCooccurrence, Window: "document", Items: "quoted formulations"})
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		d, _ := timeseries.DateOf(meta, p, text)
		in := analysis.NewInput(filepath.Base(p), text, script.Detect(text).Kind, nil)
		r, err := coder.Code(context.Background(), in, instruments.Options{})
		if err != nil {
			return err
		}
		var windows [][]network.Item
		for _, u := range r.Units {
			var w []network.Item
			for _, c := range u.Codes {
				w = append(w, network.Item{Key: c.Subcategory})
			}
			windows = append(windows, w)
		}
		inst.AddWindows(windows, d.Year)
		var qs []network.Item
		for _, q := range network.Quoted(in.Folded) {
			ts, te := in.TextSpan(q[0], q[1])
			qs = append(qs, network.Item{Key: in.Folded[q[0]:q[1]], Label: in.Text[ts:te]})
		}
		form.AddWindows([][]network.Item{qs}, d.Year)
	}
	for _, x := range []struct {
		name string
		c    *network.Counts
		o    network.GraphOptions
	}{{"instruments", inst, network.GraphOptions{}}, {"formulations", form, network.GraphOptions{MinEdge: 2, TopNodes: 150, DropIsolated: true}}} {
		g := x.c.Graph(x.o)
		var gexf, gml bytes.Buffer
		if err := network.WriteGEXF(&gexf, g, "2026-12-05"); err != nil {
			return err
		}
		if err := network.WriteGraphML(&gml, g); err != nil {
			return err
		}
		back, err := network.ReadGEXF(bytes.NewReader(gexf.Bytes()))
		if err != nil {
			return err
		}
		back2, err := network.ReadGraphML(bytes.NewReader(gml.Bytes()))
		if err != nil {
			return err
		}
		fmt.Printf("%s: %d documents, %d nodes, %d edges; GEXF round trip %s; GraphML round trip %s\n", x.name, x.c.Docs(), len(g.Nodes), len(g.Edges), same(network.Equal(g, back)), same(network.Equal(g, back2)))
		if err := os.WriteFile(filepath.Join(out, x.name+".gexf"), gexf.Bytes(), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, x.name+".graphml"), gml.Bytes(), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("time %.2fs\n", time.Since(t0).Seconds())
	return nil
}

func same(ok bool) string {
	if ok {
		return "identical"
	}
	return "DIFFERENT"
}

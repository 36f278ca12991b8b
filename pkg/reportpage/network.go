package reportpage

import (
	"slices"
	"strconv"

	"zhpolicy/pkg/analysis/network"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/htmlreport"
)

// networkTop is the most formulations the network view shows.
const networkTop = 40

// networkSection draws the co-occurrence network of the formulations found
// in two documents or more: two formulations are linked when they occur
// in the same document, the link as strong as the documents they share
// (`zhpolicy network --items slogans --window doc` writes the same network
// for Gephi).
func (b *builder) networkSection() (*htmlreport.Section, error) {
	if len(b.res.docs) < 2 {
		return nil, nil
	}
	var items []*overview.Item
	for _, it := range b.res.corpus.Formulations.Items() {
		if it.Docs >= 2 {
			items = append(items, it)
		}
	}
	slices.SortFunc(items, func(x, y *overview.Item) int {
		if x.Docs != y.Docs {
			return int(y.Docs - x.Docs)
		}
		if x.Count != y.Count {
			return int(y.Count - x.Count)
		}
		if x.Key < y.Key {
			return -1
		}
		return 1
	})
	if len(items) > networkTop {
		items = items[:networkTop]
	}
	keep := map[string]*overview.Item{}
	for _, it := range items {
		keep[it.Key] = it
	}
	c := network.NewCounts(network.Settings{Kind: network.KindCooccurrence, Window: "doc", Items: "slogans"})
	for _, d := range b.res.docs {
		var w []network.Item
		for k := range d.Forms {
			if keep[k] != nil {
				w = append(w, network.Item{Key: k})
			}
		}
		slices.SortFunc(w, func(x, y network.Item) int {
			if x.Key < y.Key {
				return -1
			}
			if x.Key > y.Key {
				return 1
			}
			return 0
		})
		c.AddWindows([][]network.Item{w}, d.Year)
	}
	minEdge := int64(1)
	if len(b.res.docs) >= 10 {
		minEdge = 2
	}
	g := c.Graph(network.GraphOptions{MinEdge: minEdge, DropIsolated: true})
	if len(g.Edges) == 0 {
		return nil, nil
	}
	s := &htmlreport.Section{ID: "network", Title: b.t("提法网络")}
	s.Intro = []string{b.tf("见于两份以上文件的提法（至多 %d 个）：同一份文件中出现的两个提法之间连线，线越粗，共同出现的文件越多。可拖动、缩放。", networkTop)}
	label := func(key string) string {
		it := keep[key]
		return b.disp.Show(it.Key, it.Surface())
	}
	var nodes []htmlreport.GraphNode
	for _, n := range g.Nodes {
		docs, _ := strconv.ParseInt(n.Attrs["docs"], 10, 64)
		nodes = append(nodes, htmlreport.GraphNode{Name: label(n.ID), Value: float64(docs),
			Tip: []string{label(n.ID), b.tf("见于 %d 份文件", docs)}})
	}
	data := &htmlreport.Table{ID: "network-edges", Header: []string{b.t("提法"), b.t("提法"), b.t("共同出现的文件数")}, Numeric: numeric(3, 2)}
	var links []htmlreport.GraphLink
	for _, e := range g.Edges {
		a, z := label(e.Source), label(e.Target)
		links = append(links, htmlreport.GraphLink{Source: a, Target: z, Value: e.Weight,
			Tip: []string{a + " — " + z, b.tf("同见于 %d 份文件", int64(e.Weight))}})
		data.Rows = append(data.Rows, []string{a, z, strconv.FormatInt(int64(e.Weight), 10)})
	}
	opt, err := htmlreport.Graph(nodes, links)
	if err != nil {
		return nil, err
	}
	s.Facts = []htmlreport.Fact{{Label: b.t("提法"), Value: b.tf("%d 个", len(g.Nodes))}, {Label: b.t("连线"), Value: b.tf("%d 条", len(g.Edges))}}
	s.Blocks = []htmlreport.Block{{Chart: &htmlreport.Chart{ID: "network-graph", Title: b.t("提法共现网络"),
		Note: b.t("节点大小：文件数；连线粗细：共同出现的文件数"), Height: 520, Views: []htmlreport.View{{Option: opt}}, Data: data}}}
	return s, nil
}

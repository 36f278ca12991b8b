// Package network builds the networks policy researchers draw from a
// corpus — co-occurrence of formulations or entities (a document or a
// sentence as the window), co-issuing (the issuers of joint documents) and
// citation (document → cited document) — as mergeable counts, and writes
// them as GEXF 1.3 (Gephi), GraphML and node/edge CSV, with node and edge
// attributes (counts, documents, first and last year).
//
// No well-kept Go library writes GEXF or GraphML (gonum's graph encoders
// cover DOT, graph6 and GraphQL JSON only), so both are written and read
// with encoding/xml here; see the README's licence table.
package network

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"zhpolicy/pkg/partial"
)

// PartialVersion is the version of the Counts JSON encoding.
const PartialVersion = 1

// Kinds of network.
const (
	KindCooccurrence = "cooccurrence"
	KindCoissuing    = "coissuing"
	KindCitation     = "citation"
)

// Settings are what a Counts counted; Counts merge only when equal.
type Settings struct {
	Kind string `json:"kind"`
	// Window is "document" or "sentence" for co-occurrence.
	Window string `json:"window,omitempty"`
	// Items names what the nodes are (formulations, entities:ORG, issuers…).
	Items    string `json:"items,omitempty"`
	Directed bool   `json:"directed"`
}

type nodeStat struct {
	Count int64 // windows the item is in (citation: documents citing it, or citing)
	Docs  int64
	First int
	Last  int
	// labels holds the surface forms seen and their counts (the label is
	// the most frequent, ties by order)
	labels map[string]int64
}

type edgeStat struct {
	Count int64 // windows holding both (citation: citing documents)
	Docs  int64
	First int
	Last  int
}

// Counts accumulate a network document by document. Add a document's
// windows, Merge another Counts: the same for any split and order.
type Counts struct {
	settings Settings
	docs     int64
	nodes    map[string]*nodeStat
	edges    map[[2]string]*edgeStat
}

// NewCounts makes empty counts.
func NewCounts(s Settings) *Counts {
	if s.Kind == KindCitation {
		s.Directed = true
	}
	return &Counts{settings: s, nodes: map[string]*nodeStat{}, edges: map[[2]string]*edgeStat{}}
}

// Settings returns what was counted.
func (c *Counts) Settings() Settings { return c.settings }

// Docs is the number of documents added.
func (c *Counts) Docs() int64 { return c.docs }

// Item is one node occurrence: its key (what is counted: the folded form)
// and its label as written.
type Item struct{ Key, Label string }

func spanYears(a, b int, y int) (int, int) {
	if y <= 0 {
		return a, b
	}
	if a == 0 || y < a {
		a = y
	}
	if y > b {
		b = y
	}
	return a, b
}

func (c *Counts) node(it Item) *nodeStat {
	n := c.nodes[it.Key]
	if n == nil {
		n = &nodeStat{labels: map[string]int64{}}
		c.nodes[it.Key] = n
	}
	return n
}

// AddWindows adds one document of an undirected network: each window (a
// sentence, or the whole document as one window; for co-issuing, the
// issuers of the document) lists its items; every pair of distinct items
// in a window is an edge. year ≤ 0 when unknown.
func (c *Counts) AddWindows(windows [][]Item, year int) {
	c.docs++
	inDoc := map[string]bool{}
	edgeInDoc := map[[2]string]bool{}
	for _, w := range windows {
		seen := map[string]bool{}
		var keys []string
		for _, it := range w {
			if it.Key == "" {
				continue
			}
			n := c.node(it)
			lbl := it.Label
			if lbl == "" {
				lbl = it.Key
			}
			n.labels[lbl]++
			if seen[it.Key] {
				continue
			}
			seen[it.Key] = true
			keys = append(keys, it.Key)
			n.Count++
			if !inDoc[it.Key] {
				inDoc[it.Key] = true
				n.Docs++
				n.First, n.Last = spanYears(n.First, n.Last, year)
			}
		}
		slices.Sort(keys)
		for i := 0; i < len(keys); i++ {
			for j := i + 1; j < len(keys); j++ {
				k := [2]string{keys[i], keys[j]}
				e := c.edges[k]
				if e == nil {
					e = &edgeStat{}
					c.edges[k] = e
				}
				e.Count++
				if !edgeInDoc[k] {
					edgeInDoc[k] = true
					e.Docs++
					e.First, e.Last = spanYears(e.First, e.Last, year)
				}
			}
		}
	}
}

// AddCitations adds one document of a citation network: from cites each
// of to. A document citing the same item twice counts once; a cited node's
// count is the number of documents citing it, an edge's count the number
// of documents (from the same key) that cite it.
func (c *Counts) AddCitations(from Item, to []Item, year int) {
	c.docs++
	src := c.node(from)
	src.labels[labelOf(from)]++
	src.Docs++ // a document of the corpus; Count is the times it is cited
	src.First, src.Last = spanYears(src.First, src.Last, year)
	seen := map[string]bool{from.Key: true}
	for _, t := range to {
		if t.Key == "" || seen[t.Key] {
			continue
		}
		seen[t.Key] = true
		n := c.node(t)
		n.labels[labelOf(t)]++
		n.Count++ // times cited
		k := [2]string{from.Key, t.Key}
		e := c.edges[k]
		if e == nil {
			e = &edgeStat{}
			c.edges[k] = e
		}
		e.Count++
		e.Docs++
		e.First, e.Last = spanYears(e.First, e.Last, year)
	}
}

func labelOf(it Item) string {
	if it.Label != "" {
		return it.Label
	}
	return it.Key
}

// Merge adds other into c, refusing other settings.
func (c *Counts) Merge(o *Counts) error {
	if c.settings != o.settings {
		return fmt.Errorf("network: cannot merge counts of %+v with %+v", c.settings, o.settings)
	}
	c.docs += o.docs
	for k, on := range o.nodes {
		n := c.nodes[k]
		if n == nil {
			n = &nodeStat{labels: map[string]int64{}}
			c.nodes[k] = n
		}
		n.Count += on.Count
		n.Docs += on.Docs
		n.First, n.Last = mergeYears(n.First, n.Last, on.First, on.Last)
		for l, v := range on.labels {
			n.labels[l] += v
		}
	}
	for k, oe := range o.edges {
		e := c.edges[k]
		if e == nil {
			e = &edgeStat{}
			c.edges[k] = e
		}
		e.Count += oe.Count
		e.Docs += oe.Docs
		e.First, e.Last = mergeYears(e.First, e.Last, oe.First, oe.Last)
	}
	return nil
}

func mergeYears(a, b, c, d int) (int, int) {
	if c > 0 && (a == 0 || c < a) {
		a = c
	}
	if d > b {
		b = d
	}
	return a, b
}

// bestLabel is the most frequent surface form, ties by string order.
func bestLabel(key string, labels map[string]int64) string {
	best, bn := key, int64(-1)
	for l, n := range labels {
		if n > bn || (n == bn && l < best) {
			best, bn = l, n
		}
	}
	return best
}

// GraphOptions prune the network when it becomes a Graph.
type GraphOptions struct {
	// MinEdge drops edges counted fewer times (default 1).
	MinEdge int64
	// TopNodes keeps the nodes with the highest counts (0: all), ties by
	// key; edges between kept nodes only.
	TopNodes int
	// DropIsolated removes nodes left without an edge.
	DropIsolated bool
}

// Graph turns the counts into a graph with attributes.
func (c *Counts) Graph(o GraphOptions) *Graph {
	g := &Graph{
		Directed: c.settings.Directed,
		Name:     c.settings.Kind,
		NodeAttrs: []AttrDef{
			{ID: "count", Title: "count", Type: "integer"},
			{ID: "docs", Title: "docs", Type: "integer"},
			{ID: "first_year", Title: "first_year", Type: "integer"},
			{ID: "last_year", Title: "last_year", Type: "integer"},
		},
		EdgeAttrs: []AttrDef{
			{ID: "count", Title: "count", Type: "integer"},
			{ID: "docs", Title: "docs", Type: "integer"},
			{ID: "first_year", Title: "first_year", Type: "integer"},
			{ID: "last_year", Title: "last_year", Type: "integer"},
		},
	}
	keys := make([]string, 0, len(c.nodes))
	for k := range c.nodes {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if x, y := c.nodes[a].Count, c.nodes[b].Count; x != y {
			if x > y {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	if o.TopNodes > 0 && len(keys) > o.TopNodes {
		keys = keys[:o.TopNodes]
	}
	keep := map[string]bool{}
	for _, k := range keys {
		keep[k] = true
	}
	min := max(o.MinEdge, 1)
	ekeys := make([][2]string, 0, len(c.edges))
	for k, e := range c.edges {
		if e.Count >= min && keep[k[0]] && keep[k[1]] {
			ekeys = append(ekeys, k)
		}
	}
	slices.SortFunc(ekeys, edgeOrder)
	linked := map[string]bool{}
	for _, k := range ekeys {
		linked[k[0]], linked[k[1]] = true, true
	}
	for _, k := range keys {
		if o.DropIsolated && !linked[k] {
			continue
		}
		n := c.nodes[k]
		g.Nodes = append(g.Nodes, Node{ID: k, Label: bestLabel(k, n.labels), Attrs: map[string]string{
			"count": strconv.FormatInt(n.Count, 10), "docs": strconv.FormatInt(n.Docs, 10),
			"first_year": yearString(n.First), "last_year": yearString(n.Last),
		}})
	}
	for _, k := range ekeys {
		e := c.edges[k]
		g.Edges = append(g.Edges, Edge{Source: k[0], Target: k[1], Weight: float64(e.Count), Attrs: map[string]string{
			"count": strconv.FormatInt(e.Count, 10), "docs": strconv.FormatInt(e.Docs, 10),
			"first_year": yearString(e.First), "last_year": yearString(e.Last),
		}})
	}
	for _, n := range g.Nodes {
		for _, a := range []string{"first_year", "last_year"} {
			if n.Attrs[a] == "" {
				delete(n.Attrs, a)
			}
		}
	}
	for _, e := range g.Edges {
		for _, a := range []string{"first_year", "last_year"} {
			if e.Attrs[a] == "" {
				delete(e.Attrs, a)
			}
		}
	}
	return g
}

func yearString(y int) string {
	if y <= 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// The JSON encoding: deterministic (sorted), versioned.
type partialJSON struct {
	Kind     string     `json:"kind"`
	Version  int        `json:"version"`
	Settings Settings   `json:"settings"`
	Docs     int64      `json:"docs"`
	Nodes    []nodeJSON `json:"nodes"`
	Edges    []edgeJSON `json:"edges"`
}

func (p *partialJSON) KindVersion() (string, int) { return p.Kind, p.Version }

type nodeJSON struct {
	Key    string      `json:"key"`
	Count  int64       `json:"count"`
	Docs   int64       `json:"docs"`
	First  int         `json:"first_year,omitempty"`
	Last   int         `json:"last_year,omitempty"`
	Labels []labelJSON `json:"labels"`
}

type labelJSON struct {
	Text  string `json:"text"`
	Count int64  `json:"count"`
}

type edgeJSON struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Count  int64  `json:"count"`
	Docs   int64  `json:"docs"`
	First  int    `json:"first_year,omitempty"`
	Last   int    `json:"last_year,omitempty"`
}

// PartialKind names the encoding.
const PartialKind = "network"

// MarshalJSON writes the counts deterministically.
func (c *Counts) MarshalJSON() ([]byte, error) {
	p := partialJSON{Kind: PartialKind, Version: PartialVersion, Settings: c.settings, Docs: c.docs, Nodes: []nodeJSON{}, Edges: []edgeJSON{}}
	keys := slices.Sorted(maps.Keys(c.nodes))
	for _, k := range keys {
		n := c.nodes[k]
		nj := nodeJSON{Key: k, Count: n.Count, Docs: n.Docs, First: n.First, Last: n.Last, Labels: []labelJSON{}}
		ls := slices.Sorted(maps.Keys(n.labels))
		for _, l := range ls {
			nj.Labels = append(nj.Labels, labelJSON{l, n.labels[l]})
		}
		p.Nodes = append(p.Nodes, nj)
	}
	ekeys := slices.SortedFunc(maps.Keys(c.edges), edgeOrder)
	for _, k := range ekeys {
		e := c.edges[k]
		p.Edges = append(p.Edges, edgeJSON{k[0], k[1], e.Count, e.Docs, e.First, e.Last})
	}
	return json.Marshal(p)
}

// UnmarshalJSON reads counts written by MarshalJSON.
func (c *Counts) UnmarshalJSON(b []byte) error {
	var p partialJSON
	if err := partial.DecodeVersioned(b, &p, "network counts", PartialKind, PartialVersion); err != nil {
		return err
	}
	n := NewCounts(p.Settings)
	n.docs = p.Docs
	for _, nj := range p.Nodes {
		if _, dup := n.nodes[nj.Key]; dup || nj.Key == "" || nj.Count < 0 || nj.Docs < 0 || nj.Docs > p.Docs {
			return fmt.Errorf("network counts: bad node %q", nj.Key)
		}
		st := &nodeStat{Count: nj.Count, Docs: nj.Docs, First: nj.First, Last: nj.Last, labels: map[string]int64{}}
		for _, l := range nj.Labels {
			st.labels[l.Text] += l.Count
		}
		n.nodes[nj.Key] = st
	}
	for _, e := range p.Edges {
		k := [2]string{e.Source, e.Target}
		if _, dup := n.edges[k]; dup || n.nodes[e.Source] == nil || n.nodes[e.Target] == nil || e.Count < 0 {
			return fmt.Errorf("network counts: bad edge %s–%s", e.Source, e.Target)
		}
		if !p.Settings.Directed && e.Source > e.Target {
			return fmt.Errorf("network counts: undirected edge %s–%s out of order", e.Source, e.Target)
		}
		n.edges[k] = &edgeStat{Count: e.Count, Docs: e.Docs, First: e.First, Last: e.Last}
	}
	*c = *n
	return nil
}

// edgeOrder orders edges by source, then target: the order of every
// listing of edges.
func edgeOrder(a, b [2]string) int {
	return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
}

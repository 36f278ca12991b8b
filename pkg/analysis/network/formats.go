package network

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// AttrDef declares a node or edge attribute.
type AttrDef struct {
	ID    string
	Title string
	// Type is a GEXF type: integer, long, double, float, boolean, string.
	Type string
}

// Node is a graph node with its attribute values (as text).
type Node struct {
	ID, Label string
	Attrs     map[string]string
}

// Edge is a graph edge.
type Edge struct {
	Source, Target string
	Weight         float64
	Attrs          map[string]string
}

// Graph is a network ready to be written.
type Graph struct {
	Name      string
	Directed  bool
	NodeAttrs []AttrDef
	EdgeAttrs []AttrDef
	Nodes     []Node
	Edges     []Edge
}

// Validate checks that edges join declared nodes, ids are unique and
// attribute values are of their declared types.
func (g *Graph) Validate() error {
	ids := map[string]bool{}
	nd := attrTypes(g.NodeAttrs)
	ed := attrTypes(g.EdgeAttrs)
	for _, n := range g.Nodes {
		if n.ID == "" {
			return errors.New("network: a node without id")
		}
		if ids[n.ID] {
			return fmt.Errorf("network: node %q twice", n.ID)
		}
		ids[n.ID] = true
		if err := checkAttrs(n.Attrs, nd); err != nil {
			return fmt.Errorf("network: node %q: %v", n.ID, err)
		}
	}
	for _, e := range g.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			return fmt.Errorf("network: edge %q–%q joins an unknown node", e.Source, e.Target)
		}
		if err := checkAttrs(e.Attrs, ed); err != nil {
			return fmt.Errorf("network: edge %q–%q: %v", e.Source, e.Target, err)
		}
	}
	return nil
}

func attrTypes(defs []AttrDef) map[string]string {
	m := map[string]string{}
	for _, d := range defs {
		m[d.ID] = d.Type
	}
	return m
}

func checkAttrs(vals map[string]string, types map[string]string) error {
	for k, v := range vals {
		t, ok := types[k]
		if !ok {
			return fmt.Errorf("undeclared attribute %q", k)
		}
		var err error
		switch t {
		case "integer", "long":
			_, err = strconv.ParseInt(v, 10, 64)
		case "double", "float":
			_, err = strconv.ParseFloat(v, 64)
		case "boolean":
			_, err = strconv.ParseBool(v)
		}
		if err != nil {
			return fmt.Errorf("attribute %q: %q is not %s", k, v, t)
		}
	}
	return nil
}

// ---- GEXF 1.3 ----

// GEXFNamespace is the GEXF 1.3 namespace.
const GEXFNamespace = "http://gexf.net/1.3"

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	XSI            string    `xml:"xmlns:xsi,attr,omitempty"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr,omitempty"`
	Version        string    `xml:"version,attr"`
	Meta           *gexfMeta `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	LastModified string `xml:"lastmodifieddate,attr,omitempty"`
	Creator      string `xml:"creator,omitempty"`
	Description  string `xml:"description,omitempty"`
}

type gexfGraph struct {
	Mode        string           `xml:"mode,attr,omitempty"`
	DefaultEdge string           `xml:"defaultedgetype,attr"`
	Attributes  []gexfAttributes `xml:"attributes"`
	Nodes       gexfNodes        `xml:"nodes"`
	Edges       gexfEdges        `xml:"edges"`
}

type gexfAttributes struct {
	Class string     `xml:"class,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNodes struct {
	Count int        `xml:"count,attr"`
	Nodes []gexfNode `xml:"node"`
}

type gexfEdges struct {
	Count int        `xml:"count,attr"`
	Edges []gexfEdge `xml:"edge"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr,omitempty"`
	Values *gexfAttValues `xml:"attvalues"`
}

type gexfEdge struct {
	ID     string         `xml:"id,attr"`
	Source string         `xml:"source,attr"`
	Target string         `xml:"target,attr"`
	Weight string         `xml:"weight,attr,omitempty"`
	Values *gexfAttValues `xml:"attvalues"`
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func attValues(defs []AttrDef, vals map[string]string) *gexfAttValues {
	var out []gexfAttValue
	for _, d := range defs {
		if v, ok := vals[d.ID]; ok {
			out = append(out, gexfAttValue{For: d.ID, Value: v})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &gexfAttValues{Values: out}
}

// WriteGEXF writes g as GEXF 1.3. date (YYYY-MM-DD, may be empty) goes in
// the meta element; nothing else depends on the time, so the output is
// reproducible.
func WriteGEXF(w io.Writer, g *Graph, date string) error {
	if err := g.Validate(); err != nil {
		return err
	}
	doc := gexfDoc{
		XMLNS: GEXFNamespace, XSI: "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", Version: "1.3",
		Meta: &gexfMeta{LastModified: date, Creator: "zhpolicy", Description: g.Name},
	}
	doc.Graph.Mode = "static"
	doc.Graph.DefaultEdge = "undirected"
	if g.Directed {
		doc.Graph.DefaultEdge = "directed"
	}
	for _, c := range []struct {
		class string
		defs  []AttrDef
	}{{"node", g.NodeAttrs}, {"edge", g.EdgeAttrs}} {
		if len(c.defs) == 0 {
			continue
		}
		a := gexfAttributes{Class: c.class}
		for _, d := range c.defs {
			a.Attrs = append(a.Attrs, gexfAttr(d))
		}
		doc.Graph.Attributes = append(doc.Graph.Attributes, a)
	}
	doc.Graph.Nodes.Count = len(g.Nodes)
	for _, n := range g.Nodes {
		doc.Graph.Nodes.Nodes = append(doc.Graph.Nodes.Nodes, gexfNode{ID: n.ID, Label: n.Label, Values: attValues(g.NodeAttrs, n.Attrs)})
	}
	doc.Graph.Edges.Count = len(g.Edges)
	for i, e := range g.Edges {
		doc.Graph.Edges.Edges = append(doc.Graph.Edges.Edges, gexfEdge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Weight: strconv.FormatFloat(e.Weight, 'g', -1, 64), Values: attValues(g.EdgeAttrs, e.Attrs)})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReadGEXF reads a GEXF file (1.2 or 1.3, static, without hierarchy) into
// a Graph.
func ReadGEXF(r io.Reader) (*Graph, error) {
	var doc gexfDoc
	dec := xml.NewDecoder(io.LimitReader(r, 1<<30))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("gexf: %v", err)
	}
	if doc.XMLName.Local != "gexf" {
		return nil, errors.New("gexf: the root element is not <gexf>")
	}
	g := &Graph{Directed: doc.Graph.DefaultEdge == "directed"}
	if doc.Meta != nil {
		g.Name = doc.Meta.Description
	}
	for _, a := range doc.Graph.Attributes {
		var defs []AttrDef
		for _, d := range a.Attrs {
			defs = append(defs, AttrDef(d))
		}
		switch a.Class {
		case "node":
			g.NodeAttrs = append(g.NodeAttrs, defs...)
		case "edge":
			g.EdgeAttrs = append(g.EdgeAttrs, defs...)
		default:
			return nil, fmt.Errorf("gexf: attributes of class %q", a.Class)
		}
	}
	for _, n := range doc.Graph.Nodes.Nodes {
		g.Nodes = append(g.Nodes, Node{ID: n.ID, Label: n.Label, Attrs: readValues(n.Values)})
	}
	for _, e := range doc.Graph.Edges.Edges {
		w := 1.0
		if e.Weight != "" {
			v, err := strconv.ParseFloat(e.Weight, 64)
			if err != nil {
				return nil, fmt.Errorf("gexf: edge %s: weight %q", e.ID, e.Weight)
			}
			w = v
		}
		g.Edges = append(g.Edges, Edge{Source: e.Source, Target: e.Target, Weight: w, Attrs: readValues(e.Values)})
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

func readValues(v *gexfAttValues) map[string]string {
	m := map[string]string{}
	if v != nil {
		for _, a := range v.Values {
			m[a.For] = a.Value
		}
	}
	return m
}

// ---- GraphML ----

const graphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

type graphMLDoc struct {
	XMLName        xml.Name       `xml:"graphml"`
	XMLNS          string         `xml:"xmlns,attr"`
	XSI            string         `xml:"xmlns:xsi,attr,omitempty"`
	SchemaLocation string         `xml:"xsi:schemaLocation,attr,omitempty"`
	Keys           []graphMLKey   `xml:"key"`
	Graph          graphMLGraphEl `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraphEl struct {
	ID          string        `xml:"id,attr,omitempty"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr,omitempty"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// graphMLType maps GEXF attribute types to GraphML's.
func graphMLType(t string) string {
	switch t {
	case "integer":
		return "int"
	case "long", "float", "double", "boolean", "string":
		return t
	}
	return "string"
}

func gexfType(t string) string {
	switch t {
	case "int":
		return "integer"
	case "long", "float", "double", "boolean", "string":
		return t
	}
	return "string"
}

// WriteGraphML writes g as GraphML; the node label is the key "label",
// the edge weight the key "weight".
func WriteGraphML(w io.Writer, g *Graph) error {
	if err := g.Validate(); err != nil {
		return err
	}
	doc := graphMLDoc{XMLNS: graphMLNamespace, XSI: "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"}
	doc.Keys = append(doc.Keys, graphMLKey{ID: "label", For: "node", Name: "label", Type: "string"})
	for _, d := range g.NodeAttrs {
		doc.Keys = append(doc.Keys, graphMLKey{ID: "n_" + d.ID, For: "node", Name: d.Title, Type: graphMLType(d.Type)})
	}
	doc.Keys = append(doc.Keys, graphMLKey{ID: "weight", For: "edge", Name: "weight", Type: "double"})
	for _, d := range g.EdgeAttrs {
		doc.Keys = append(doc.Keys, graphMLKey{ID: "e_" + d.ID, For: "edge", Name: d.Title, Type: graphMLType(d.Type)})
	}
	doc.Graph.ID = g.Name
	doc.Graph.EdgeDefault = "undirected"
	if g.Directed {
		doc.Graph.EdgeDefault = "directed"
	}
	for _, n := range g.Nodes {
		el := graphMLNode{ID: n.ID, Data: []graphMLData{{Key: "label", Value: n.Label}}}
		for _, d := range g.NodeAttrs {
			if v, ok := n.Attrs[d.ID]; ok {
				el.Data = append(el.Data, graphMLData{Key: "n_" + d.ID, Value: v})
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, el)
	}
	for i, e := range g.Edges {
		el := graphMLEdge{ID: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target,
			Data: []graphMLData{{Key: "weight", Value: strconv.FormatFloat(e.Weight, 'g', -1, 64)}}}
		for _, d := range g.EdgeAttrs {
			if v, ok := e.Attrs[d.ID]; ok {
				el.Data = append(el.Data, graphMLData{Key: "e_" + d.ID, Value: v})
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, el)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReadGraphML reads GraphML written by WriteGraphML (or any GraphML with
// one graph and typed keys).
func ReadGraphML(r io.Reader) (*Graph, error) {
	var doc graphMLDoc
	if err := xml.NewDecoder(io.LimitReader(r, 1<<30)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("graphml: %v", err)
	}
	g := &Graph{Name: doc.Graph.ID, Directed: doc.Graph.EdgeDefault == "directed"}
	nodeKey, edgeKey := map[string]string{}, map[string]string{}
	for _, k := range doc.Keys {
		switch {
		case k.For == "node" && k.ID == "label":
		case k.For == "edge" && k.ID == "weight":
		case k.For == "node":
			id := strings.TrimPrefix(k.ID, "n_")
			nodeKey[k.ID] = id
			g.NodeAttrs = append(g.NodeAttrs, AttrDef{ID: id, Title: k.Name, Type: gexfType(k.Type)})
		case k.For == "edge":
			id := strings.TrimPrefix(k.ID, "e_")
			edgeKey[k.ID] = id
			g.EdgeAttrs = append(g.EdgeAttrs, AttrDef{ID: id, Title: k.Name, Type: gexfType(k.Type)})
		}
	}
	for _, n := range doc.Graph.Nodes {
		node := Node{ID: n.ID, Attrs: map[string]string{}}
		for _, d := range n.Data {
			if d.Key == "label" {
				node.Label = d.Value
			} else if id, ok := nodeKey[d.Key]; ok {
				node.Attrs[id] = d.Value
			}
		}
		g.Nodes = append(g.Nodes, node)
	}
	for _, e := range doc.Graph.Edges {
		edge := Edge{Source: e.Source, Target: e.Target, Weight: 1, Attrs: map[string]string{}}
		for _, d := range e.Data {
			if d.Key == "weight" {
				v, err := strconv.ParseFloat(strings.TrimSpace(d.Value), 64)
				if err != nil {
					return nil, fmt.Errorf("graphml: edge %s–%s: weight %q", e.Source, e.Target, d.Value)
				}
				edge.Weight = v
			} else if id, ok := edgeKey[d.Key]; ok {
				edge.Attrs[id] = d.Value
			}
		}
		g.Edges = append(g.Edges, edge)
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

// ---- CSV (Gephi's spreadsheet import: Id, Label; Source, Target, Type, Weight) ----

// WriteCSV writes the node table and the edge table.
func WriteCSV(nodes, edges io.Writer, g *Graph) error {
	if err := g.Validate(); err != nil {
		return err
	}
	nw := csv.NewWriter(nodes)
	head := []string{"Id", "Label"}
	for _, d := range g.NodeAttrs {
		head = append(head, d.Title)
	}
	if err := nw.Write(head); err != nil {
		return err
	}
	for _, n := range g.Nodes {
		row := []string{n.ID, n.Label}
		for _, d := range g.NodeAttrs {
			row = append(row, n.Attrs[d.ID])
		}
		if err := nw.Write(row); err != nil {
			return err
		}
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	ew := csv.NewWriter(edges)
	head = []string{"Source", "Target", "Type", "Weight"}
	for _, d := range g.EdgeAttrs {
		head = append(head, d.Title)
	}
	if err := ew.Write(head); err != nil {
		return err
	}
	typ := "Undirected"
	if g.Directed {
		typ = "Directed"
	}
	for _, e := range g.Edges {
		row := []string{e.Source, e.Target, typ, strconv.FormatFloat(e.Weight, 'g', -1, 64)}
		for _, d := range g.EdgeAttrs {
			row = append(row, e.Attrs[d.ID])
		}
		if err := ew.Write(row); err != nil {
			return err
		}
	}
	ew.Flush()
	return ew.Error()
}

// Equal reports whether two graphs have the same nodes, edges, weights,
// attribute declarations and values (order of nodes and edges ignored; an
// undirected edge equals its reverse).
func Equal(a, b *Graph) bool {
	if a.Directed != b.Directed || len(a.Nodes) != len(b.Nodes) || len(a.Edges) != len(b.Edges) {
		return false
	}
	if !slices.Equal(a.NodeAttrs, b.NodeAttrs) || !slices.Equal(a.EdgeAttrs, b.EdgeAttrs) {
		return false
	}
	nodes := func(g *Graph) []string {
		var out []string
		for _, n := range g.Nodes {
			out = append(out, n.ID+"\x00"+n.Label+"\x00"+attrString(n.Attrs))
		}
		slices.Sort(out)
		return out
	}
	edges := func(g *Graph) []string {
		var out []string
		for _, e := range g.Edges {
			s, t := e.Source, e.Target
			if !g.Directed && s > t {
				s, t = t, s
			}
			out = append(out, s+"\x00"+t+"\x00"+strconv.FormatFloat(e.Weight, 'g', -1, 64)+"\x00"+attrString(e.Attrs))
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(nodes(a), nodes(b)) && slices.Equal(edges(a), edges(b))
}

func attrString(m map[string]string) string {
	keys := slices.Sorted(maps.Keys(m))
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + m[k] + ";")
	}
	return b.String()
}

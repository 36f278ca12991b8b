package network

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"zhpolicy/pkg/partial"
)

// The partial form of Counts (`zhpolicy network --emit partial`, added up
// by `zhpolicy merge`): the pkg/partial envelope with the settings and the
// number of documents, then node lines (sorted by key) and edge lines
// (sorted by source, target).

// Kind is the partial kind of network counts.
const Kind = "network"

// Header is the first line of a network partial.
type Header struct {
	partial.Envelope
	Settings Settings `json:"settings"`
	Docs     int64    `json:"docs"`
}

// Record is a node or an edge line.
type Record struct {
	Kind   string      `json:"kind"` // node or edge
	Key    string      `json:"key,omitempty"`
	Source string      `json:"source,omitempty"`
	Target string      `json:"target,omitempty"`
	Count  int64       `json:"count"`
	Docs   int64       `json:"docs"`
	First  int         `json:"first_year,omitempty"`
	Last   int         `json:"last_year,omitempty"`
	Labels []labelJSON `json:"labels,omitempty"`
}

// WritePartial writes counts as a partial; h gives Tool and Parts.
func WritePartial(w io.Writer, h Header, c *Counts) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, Kind
	h.Settings, h.Docs, h.Records = c.settings, c.docs, int64(len(c.nodes)+len(c.edges))
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	keys := slices.Sorted(maps.Keys(c.nodes))
	for _, k := range keys {
		n := c.nodes[k]
		r := Record{Kind: "node", Key: k, Count: n.Count, Docs: n.Docs, First: n.First, Last: n.Last}
		ls := slices.Sorted(maps.Keys(n.labels))
		for _, l := range ls {
			r.Labels = append(r.Labels, labelJSON{l, n.labels[l]})
		}
		if err := pw.Write(r); err != nil {
			return err
		}
	}
	ekeys := slices.SortedFunc(maps.Keys(c.edges), edgeOrder)
	for _, k := range ekeys {
		e := c.edges[k]
		if err := pw.Write(Record{Kind: "edge", Source: k[0], Target: k[1], Count: e.Count, Docs: e.Docs, First: e.First, Last: e.Last}); err != nil {
			return err
		}
	}
	return pw.Close()
}

// ReadBody reads the rest of a network partial whose header line pr has
// read.
func ReadBody(pr *partial.Reader, headerLine []byte) (Header, *Counts, error) {
	var h Header
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Docs < 0 || h.Records < 0 {
		return h, nil, pr.Errorf("negative totals in the header")
	}
	c := NewCounts(h.Settings)
	c.docs = h.Docs
	for {
		var r Record
		ok, err := pr.Record(&r)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if r.Count < 0 || r.Docs < 0 || r.Docs > h.Docs || (r.First > 0 && r.Last < r.First) {
			return h, nil, pr.Errorf("impossible counts")
		}
		switch r.Kind {
		case "node":
			if r.Key == "" || c.nodes[r.Key] != nil {
				return h, nil, pr.Errorf("node %q empty or twice", r.Key)
			}
			n := &nodeStat{Count: r.Count, Docs: r.Docs, First: r.First, Last: r.Last, labels: map[string]int64{}}
			for _, l := range r.Labels {
				n.labels[l.Text] += l.Count
			}
			c.nodes[r.Key] = n
		case "edge":
			k := [2]string{r.Source, r.Target}
			if c.nodes[r.Source] == nil || c.nodes[r.Target] == nil || c.edges[k] != nil {
				return h, nil, pr.Errorf("edge %q–%q: unknown node or twice (nodes come first)", r.Source, r.Target)
			}
			if !h.Settings.Directed && r.Source > r.Target {
				return h, nil, pr.Errorf("undirected edge %q–%q out of order", r.Source, r.Target)
			}
			c.edges[k] = &edgeStat{Count: r.Count, Docs: r.Docs, First: r.First, Last: r.Last}
		default:
			return h, nil, pr.Errorf("unexpected line of kind %q in a network partial", r.Kind)
		}
	}
	return h, c, nil
}

// Add merges the counts c2 of a partial with header h2 into total, whose
// header is h.
func (h *Header) Add(h2 Header, total, c2 *Counts) error {
	if h.Settings != h2.Settings {
		return fmt.Errorf("built differently (%+v vs %+v): merge partials made with the same flags", h.Settings, h2.Settings)
	}
	return h.Join(h2.Envelope, func() error {
		docs := total.docs
		if partial.Add(&docs, c2.docs) != nil {
			return partial.ErrOverflow
		}
		for k, n := range c2.nodes {
			if t := total.nodes[k]; t != nil {
				a, b := t.Count, t.Docs
				if partial.Add(&a, n.Count) != nil || partial.Add(&b, n.Docs) != nil {
					return partial.ErrOverflow
				}
			}
		}
		for k, e := range c2.edges {
			if t := total.edges[k]; t != nil {
				a, b := t.Count, t.Docs
				if partial.Add(&a, e.Count) != nil || partial.Add(&b, e.Docs) != nil {
					return partial.ErrOverflow
				}
			}
		}
		if err := total.Merge(c2); err != nil {
			return err
		}
		h.Docs, h.Records = total.docs, int64(len(total.nodes)+len(total.edges))
		return nil
	})
}

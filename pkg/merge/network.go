package merge

import (
	"io"

	"zhpolicy/pkg/analysis/network"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// NetworkPartial is a network partial (`network --emit partial`).
type NetworkPartial struct {
	Header network.Header
	Counts *network.Counts
}

func readNetwork(pr *partial.Reader, line []byte) (Partial, error) {
	h, c, err := network.ReadBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &NetworkPartial{h, c}, nil
}

func (p *NetworkPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *NetworkPartial) Add(o Partial) error {
	q := o.(*NetworkPartial)
	return p.Header.Add(q.Header, p.Counts, q.Counts)
}

func (p *NetworkPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return network.WritePartial(w, h, p.Counts)
}

func (p *NetworkPartial) View(disp *script.Display, o ViewOptions) *views.View {
	g := p.Counts.Graph(network.GraphOptions{})
	nodes, edges := views.NetworkTables(g)
	s := p.Counts.Settings()
	return &views.View{Meta: []report.KV{{Key: "kind", Value: s.Kind}, {Key: "items", Value: s.Items}, {Key: "window", Value: s.Window},
		{Key: "documents", Value: p.Counts.Docs()}, {Key: "directed", Value: g.Directed}},
		Machine: []*report.Table{nodes, edges}, Flat: edges}
}

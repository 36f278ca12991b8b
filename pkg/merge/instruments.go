package merge

import (
	"io"

	"zhpolicy/pkg/analysis/instruments"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// InstrumentsPartial is an instruments partial (`instruments --by … --emit
// partial`).
type InstrumentsPartial struct {
	Header instruments.Header
	Counts *instruments.Counts
}

func readInstruments(pr *partial.Reader, line []byte) (Partial, error) {
	h, c, err := instruments.ReadBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &InstrumentsPartial{h, c}, nil
}

func (p *InstrumentsPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *InstrumentsPartial) Add(o Partial) error {
	q := o.(*InstrumentsPartial)
	return p.Header.Add(q.Header, p.Counts, q.Counts)
}

func (p *InstrumentsPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return instruments.WritePartial(w, h, p.Counts)
}

func (p *InstrumentsPartial) View(disp *script.Display, o ViewOptions) *views.View {
	return views.InstrumentCounts(p.Counts, "subcategory", nil)
}

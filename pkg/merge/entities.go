package merge

import (
	"io"

	ent "zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// EntitiesPartial is an entities partial (`entities --corpus --emit partial`).
type EntitiesPartial struct {
	Header ent.Header
	Counts *ent.Counts
}

func readEntities(pr *partial.Reader, line []byte) (Partial, error) {
	h, c, err := ent.ReadBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &EntitiesPartial{h, c}, nil
}

func (p *EntitiesPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *EntitiesPartial) Add(o Partial) error {
	q := o.(*EntitiesPartial)
	return p.Header.Add(q.Header, p.Counts, q.Counts)
}

func (p *EntitiesPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return ent.WritePartial(w, h, p.Counts)
}

func (p *EntitiesPartial) View(disp *script.Display, o ViewOptions) *views.View {
	top := o.Top
	if top < 0 {
		top = 0
	}
	t := views.EntityCounts(disp, p.Counts, top)
	return &views.View{Meta: views.EntityMeta(p.Counts), Machine: []*report.Table{t}, Flat: t}
}

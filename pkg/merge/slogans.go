package merge

import (
	"io"

	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// SlogansPartial is a slogans partial (`slogans --corpus --emit partial`).
type SlogansPartial struct {
	Header slogans.Header
	Corpus *slogans.Corpus
}

func readSlogans(pr *partial.Reader, line []byte) (Partial, error) {
	h, c, err := slogans.ReadBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &SlogansPartial{h, c}, nil
}

func (p *SlogansPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *SlogansPartial) Add(o Partial) error {
	q := o.(*SlogansPartial)
	return p.Header.Add(q.Header, p.Corpus, q.Corpus)
}

func (p *SlogansPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return slogans.WritePartial(w, h, p.Corpus)
}

func (p *SlogansPartial) View(disp *script.Display, o ViewOptions) *views.View {
	top := o.Top
	if top < 0 {
		top = 0 // slogans --corpus shows all by default
	}
	entries := p.Corpus.Select(slogans.Filter{MinCount: int(o.MinCount), Top: top})
	return &views.View{Machine: []*report.Table{views.SlogansCorpus(disp, entries, p.Header.Settings.Context)}}
}

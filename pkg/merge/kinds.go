package merge

import (
	"io"

	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// FreqPartial is a freq partial.
type FreqPartial struct {
	Header freq.Header
	Counts *freq.Counts
}

func readFreq(pr *partial.Reader, line []byte) (Partial, error) {
	h, c, err := freq.ReadBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &FreqPartial{h, c}, nil
}

func (p *FreqPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *FreqPartial) Add(o Partial) error {
	q := o.(*FreqPartial)
	return p.Header.Add(q.Header, p.Counts, q.Counts)
}

func (p *FreqPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return freq.WritePartial(w, h, p.Counts)
}

func (p *FreqPartial) View(disp *script.Display, o ViewOptions) *views.View {
	top := o.Top
	if top < 0 {
		top = 20
	}
	return &views.View{Meta: views.FreqMeta(p.Header.Settings, p.Counts),
		Machine: []*report.Table{views.Freq(disp, p.Header.Settings, p.Counts, o.MinCount, top)}}
}

// AnalyzePartial is an analyze partial.
type AnalyzePartial struct {
	Header  overview.Header
	Summary *overview.Summary
}

func readAnalyze(pr *partial.Reader, line []byte) (Partial, error) {
	h, s, err := overview.ReadBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &AnalyzePartial{h, s}, nil
}

func (p *AnalyzePartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *AnalyzePartial) Add(o Partial) error {
	q := o.(*AnalyzePartial)
	return p.Header.Add(q.Header, p.Summary, q.Summary)
}

func (p *AnalyzePartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return overview.WritePartial(w, h, p.Summary)
}

func (p *AnalyzePartial) View(disp *script.Display, o ViewOptions) *views.View {
	top := o.Top
	if top < 0 {
		top = 10
	}
	return views.Overview(p.Summary, disp, top)
}

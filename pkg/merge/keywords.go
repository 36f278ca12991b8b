package merge

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// KeywordsPartial is a corpus ranking (`keywords --corpus --emit partial`).
type KeywordsPartial struct {
	Header kw.CorpusHeader
	Corpus *kw.Corpus
}

func readKeywords(pr *partial.Reader, line []byte) (Partial, error) {
	h, c, err := kw.ReadCorpusBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &KeywordsPartial{h, c}, nil
}

func (p *KeywordsPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *KeywordsPartial) Add(o Partial) error {
	q := o.(*KeywordsPartial)
	return p.Header.Add(q.Header, p.Corpus, q.Corpus)
}

func (p *KeywordsPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return p.Corpus.WritePartial(w, h)
}

// View is what `keywords --corpus` says the corpus is about; the
// per-document keyness tables need the documents and are not in a partial.
func (p *KeywordsPartial) View(disp *script.Display, o ViewOptions) *views.View {
	top := o.Top
	if top < 0 {
		top = 20
	}
	apart := p.Header.Settings.Names == kw.NamesApart.String()
	which := kw.All
	if apart {
		which = kw.KeywordsOnly
	}
	return views.KeywordsCorpus(p.Corpus, which, apart, nil, "", disp, top)
}

// BackgroundPartial is a keyword background (`keywords --save-background`).
type BackgroundPartial struct {
	Header     kw.BackgroundHeader
	Background *kw.Background
}

func readBackground(pr *partial.Reader, line []byte) (Partial, error) {
	h, b, err := kw.ReadBackgroundBody(pr, line)
	if err != nil {
		return nil, err
	}
	return &BackgroundPartial{h, b}, nil
}

func (p *BackgroundPartial) Envelope() *partial.Envelope { return &p.Header.Envelope }

func (p *BackgroundPartial) Add(o Partial) error {
	q := o.(*BackgroundPartial)
	return p.Header.Add(q.Header, p.Background, q.Background)
}

func (p *BackgroundPartial) Write(w io.Writer, tool string) error {
	h := p.Header
	h.Tool = tool
	return p.Background.WritePartial(w, h)
}

// View lists the terms most documents of the background use, with their
// document frequency and count (--min-count: in at least that many
// documents).
func (p *BackgroundPartial) View(disp *script.Display, o ViewOptions) *views.View {
	top := o.Top
	if top < 0 {
		top = 20
	}
	b := p.Background
	type row struct {
		key       string
		df, count int64
	}
	var rows []row
	for _, k := range b.Keys() {
		if df, n := b.Lookup(k); df >= o.MinCount {
			rows = append(rows, row{k, df, n})
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int { // keys are in order already
		return cmp.Or(cmp.Compare(b.df, a.df), cmp.Compare(b.count, a.count))
	})
	if top > 0 && len(rows) > top {
		rows = rows[:top]
	}
	t := &report.Table{Name: "background", Empty: "(no terms)",
		Title: fmt.Sprintf("Keyword background: %d documents, %d words, %d terms (the terms most documents use)", b.Docs(), b.Units(), b.Len()),
		Columns: []report.Column{{Name: "rank", Align: report.Right}, {Name: "term"},
			{Name: "docs", Align: report.Right}, {Name: "count", Align: report.Right}}}
	for i, r := range rows {
		t.Rows = append(t.Rows, []any{i + 1, disp.Show(r.key, r.key), r.df, r.count})
	}
	return &views.View{Meta: []report.KV{{Key: "documents", Value: b.Docs()}, {Key: "terms", Value: b.Len()}},
		Machine: []*report.Table{t}}
}

package reportpage

import (
	"fmt"
	"strings"

	"zhpolicy/pkg/htmlreport"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/structure"
)

// docMeta is what the report keeps of a document's structure: its title,
// number and metadata (not the structure itself).
type docMeta struct {
	Name string
	Meta structure.Meta
}

// addStructure keeps a document's metadata and counts its structure.
func (res *Collected) addStructure(name string, d *structure.Document, m structure.Meta) {
	if res.structure == nil {
		res.structure = structure.NewSummary("")
	}
	res.structure.Add(d, m)
	res.metas = append(res.metas, docMeta{Name: name, Meta: m})
}

// documentsSection shows what the documents are, when their structure
// tells: document types, issuers and dates (from the 成文日期, a date under
// the title, the 印发日期 or the document number; file names are the
// timeline's), and each document's title and number. Nothing when no
// document has any of them.
func (b *builder) documentsSection() (*htmlreport.Section, error) {
	sum := b.res.structure
	if sum == nil {
		return nil, nil
	}
	x := &sum.All
	known := 0
	for _, m := range b.res.metas {
		if m.Meta.DocType != "" || len(m.Meta.Issuers) > 0 || m.Meta.DateSource != "" && m.Meta.DateSource != "name" {
			known++
		}
	}
	if known == 0 {
		return nil, nil
	}
	s := &htmlreport.Section{ID: "documents", Title: b.t("公文要素")}
	s.Intro = []string{b.t("按 GB/T 9704 读出的文种、发文机关和日期：日期取成文日期，没有时取标题下的日期、印发日期或发文字号的年份；发文机关取署名，没有时取发文机关标志或标题中“关于”前的机关；联合发文的每个机关各计一次。")}
	s.Facts = []htmlreport.Fact{
		{Label: b.t("有标题"), Value: report.Thousands(x.Titled), Note: pct(x.Titled, x.Docs)},
		{Label: b.t("有发文字号"), Value: report.Thousands(x.Numbered), Note: pct(x.Numbered, x.Docs)},
		{Label: b.t("有成文日期"), Value: report.Thousands(x.Dated), Note: pct(x.Dated, x.Docs)},
		{Label: b.t("联合发文"), Value: report.Thousands(x.Joint)},
	}
	if x.First != "" {
		s.Facts = append(s.Facts, htmlreport.Fact{Label: b.t("日期"), Value: x.First + " – " + x.Last})
	}
	count := func(id, caption, col string, m map[string]int64) {
		if len(m) == 0 {
			return
		}
		t := &htmlreport.Table{ID: id, Caption: caption, Header: []string{col, b.t("文件数"), b.t("占比")}, Numeric: numeric(3, 1, 2), Bar: 2}
		for _, k := range structure.Ranked(m) {
			t.Rows = append(t.Rows, []string{b.disp.Show(k, k), itoa(m[k]), pct(m[k], x.Docs)})
		}
		s.Blocks = append(s.Blocks, htmlreport.Block{Table: t})
	}
	count("doctypes", b.t("文种"), b.t("文种"), x.DocTypes)
	count("issuers", b.t("发文机关"), b.t("发文机关"), x.Issuers)
	docs := &htmlreport.Table{ID: "document-elements", Caption: b.t("各文件"), Collapsed: len(b.res.metas) > 20,
		Header: []string{b.t("文件"), b.t("标题"), b.t("发文字号"), b.t("文种"), b.t("发文机关"), b.t("日期"), b.t("日期来源")}}
	for _, m := range b.res.metas {
		src := m.Meta.DateSource
		if src != "" {
			src = b.dateSource(src)
		}
		docs.Rows = append(docs.Rows, []string{m.Name, m.Meta.Title, m.Meta.Number, m.Meta.DocType,
			strings.Join(m.Meta.Issuers, "、"), m.Meta.Date, src})
	}
	s.Blocks = append(s.Blocks, htmlreport.Block{Table: docs})
	return s, nil
}

func (b *builder) dateSource(src string) string {
	switch src {
	case "text":
		return b.t("成文日期")
	case "dateline":
		return b.t("标题下日期")
	case "printed":
		return b.t("印发日期")
	case "number":
		return b.t("发文字号")
	case "name":
		return b.t("文件名")
	case "meta":
		return b.t("元数据")
	}
	return fmt.Sprint(src)
}

package reportpage

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"zhpolicy/pkg/analysis/compare"
	"zhpolicy/pkg/analysis/entities"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/analysis/slogans"
	"zhpolicy/pkg/htmlreport"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// builder turns what was collected into the page.
type builder struct {
	opts *Options
	res  *Collected
	disp *script.Display
	// ui converts the page's own words (written in Simplified) to the
	// script of the page; nil keeps them.
	ui   *script.Converter
	lang string
}

// t gives a word of the page in the page's script.
func (b *builder) t(s string) string {
	if b.ui != nil {
		return b.ui.Convert(s)
	}
	return s
}

// tf formats a phrase of the page (the format is converted, not the
// arguments: names and terms stay as displayed).
func (b *builder) tf(format string, args ...any) string {
	return fmt.Sprintf(b.t(format), args...)
}

// pageScript picks the script of the page's own words and its language tag:
// --script t, tw, hk or s, or under auto that of most documents.
func pageScript(mode string, res *Collected) (cfg, lang string) {
	switch mode {
	case "t":
		return "s2t", "zh-Hant"
	case "tw":
		return "s2tw", "zh-TW"
	case "hk":
		return "s2hk", "zh-HK"
	case "s":
		return "", "zh-Hans"
	}
	if res.traditional > res.simplified {
		return "s2t", "zh-Hant"
	}
	return "", "zh-Hans"
}

// Build turns what was collected into the page.
func Build(res *Collected, opts *Options) (*htmlreport.Page, error) {
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return nil, err
	}
	b := &builder{opts: opts, res: res, disp: disp}
	cfg, lang := pageScript(opts.Script, res)
	b.lang = lang
	if cfg != "" {
		if b.ui, err = script.NewConverter(cfg); err != nil {
			return nil, err
		}
	}
	p := &htmlreport.Page{Lang: lang, Title: b.title(), Subtitle: b.subtitle(), Generator: "zhpolicy " + opts.Version}
	p.UI = htmlreport.DefaultUI().Map(b.t)
	steps := []func() (*htmlreport.Section, error){
		b.overviewSection, b.documentsSection, b.keywordSection, b.formulationSection, b.timelineSection,
		b.networkSection, b.entitySection, b.frequencySection, b.compareSection,
	}
	for _, step := range steps {
		s, err := step()
		if err != nil {
			return nil, err
		}
		if s != nil {
			p.Sections = append(p.Sections, *s)
		}
	}
	return p, nil
}

func (b *builder) title() string {
	if b.opts.Title != "" {
		return b.opts.Title
	}
	t := b.t("政策文本分析报告")
	paths := b.opts.Paths
	if len(paths) == 0 && b.opts.CompareA != "" {
		return t + " · " + shortName(b.opts.CompareA) + " / " + shortName(b.opts.CompareB)
	}
	if len(paths) == 1 && !isStdinPath(paths[0]) {
		return t + " · " + shortName(paths[0])
	}
	return t
}

func (b *builder) subtitle() string {
	parts := []string{b.tf("%d 份文件", b.res.corpus.Docs)}
	if lo, hi := b.yearRange(); lo > 0 {
		if lo == hi {
			parts = append(parts, strconv.Itoa(lo)+b.t("年"))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", lo, hi))
		}
	}
	parts = append(parts, b.tf("%s 字", report.Thousands(b.res.corpus.Chars)))
	return strings.Join(parts, " · ")
}

func (b *builder) yearRange() (lo, hi int) {
	for _, d := range b.res.docs {
		if d.Year == 0 {
			continue
		}
		if lo == 0 || d.Year < lo {
			lo = d.Year
		}
		if d.Year > hi {
			hi = d.Year
		}
	}
	return lo, hi
}

// shortName is a path without its directory and extension (a directory
// keeps its name).
func shortName(p string) string {
	p = strings.TrimRight(filepath.ToSlash(p), "/")
	if p == "" || p == "." || p == ".." {
		if abs, err := filepath.Abs(p + "/"); err == nil {
			p = abs
		}
	}
	base := filepath.Base(p)
	if ext := filepath.Ext(base); ext != "" && len(ext) < len(base) {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// docLabels names the documents in charts: their years when every
// document has its own, else their short names (the full names when short
// names clash).
func (b *builder) docLabels() []string {
	labels := make([]string, len(b.res.docs))
	years := map[int]bool{}
	byYear := true
	for _, d := range b.res.docs {
		if d.Year == 0 || years[d.Year] {
			byYear = false
			break
		}
		years[d.Year] = true
	}
	seen := map[string]bool{}
	unique := true
	for i, d := range b.res.docs {
		if byYear {
			labels[i] = strconv.Itoa(d.Year)
			continue
		}
		labels[i] = shortName(d.Name)
		if seen[labels[i]] {
			unique = false
		}
		seen[labels[i]] = true
	}
	if !byYear && !unique {
		for i, d := range b.res.docs {
			labels[i] = d.Name
		}
	}
	return labels
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// num formats a score or rate: up to four decimals, trailing zeros cut.
func num(x float64, digits int) string {
	s := strconv.FormatFloat(round(x, digits), 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

func pct(part, whole int64) string {
	if whole == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}

// scriptName, kindName and typeName are the Chinese names of what the
// analyzers call in English.
func (b *builder) scriptName(s string) string {
	switch s {
	case "simplified":
		return b.t("简体")
	case "traditional":
		return b.t("繁体")
	case "mixed":
		return b.t("简繁混合")
	case "unknown", "":
		return b.t("无中文")
	}
	return s
}

func (b *builder) formatName(s string) string {
	switch s {
	case "text":
		return b.t("纯文本")
	case "html":
		return "HTML"
	case "docx":
		return "Word (DOCX)"
	case "markdown":
		return "Markdown"
	}
	return s
}

func (b *builder) kindName(k string) string {
	switch slogans.Kind(k) {
	case slogans.Plan:
		return b.t("五年规划")
	case slogans.Numbered:
		return b.t("数字概括")
	case slogans.Parallel:
		return b.t("排比")
	case slogans.Quoted:
		return b.t("引号短语")
	case slogans.Lex:
		return b.t("词表提法")
	}
	return k
}

// entityTypes lists the entity types in the order the report shows them.
func entityTypes() []entities.Type {
	return []entities.Type{entities.PER, entities.ORG, entities.LOC, entities.MEETING, entities.DOC,
		entities.TITLE, entities.DATE, entities.MONEY, entities.PERCENT}
}

func (b *builder) typeName(t string) string {
	switch entities.Type(t) {
	case entities.PER:
		return b.t("人物")
	case entities.ORG:
		return b.t("机构")
	case entities.LOC:
		return b.t("地点")
	case entities.MEETING:
		return b.t("会议")
	case entities.DOC:
		return b.t("文件名称")
	case entities.TITLE:
		return b.t("职务")
	case entities.DATE:
		return b.t("日期")
	case entities.MONEY:
		return b.t("金额")
	case entities.PERCENT:
		return b.t("比例")
	}
	return t
}

func (b *builder) cleaningName(k string) string {
	switch k {
	case "pinyin":
		return b.t("删除拼音注音")
	case "invisible":
		return b.t("删除不可见字符")
	case "space":
		return b.t("替换异常空格")
	case "width":
		return b.t("全角字母数字改为半角")
	case "line-end":
		return b.t("统一换行符")
	case "boilerplate":
		return b.t("删除网页模板文字")
	case "invalid-utf8":
		return b.t("替换无效字节")
	}
	return k
}

// mix lists the documents of each kind, most first: "简体 51、繁体 1".
func (b *builder) mix(m map[string]int64, name func(string) string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if c := cmp.Compare(m[y], m[x]); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", name(k), m[k])
	}
	return strings.Join(parts, "、")
}

func numeric(n int, cols ...int) []bool {
	out := make([]bool, n)
	for _, c := range cols {
		out[c] = true
	}
	return out
}

func (b *builder) overviewSection() (*htmlreport.Section, error) {
	c := b.res.corpus
	s := &htmlreport.Section{ID: "overview", Title: b.t("概览")}
	chars := report.Thousands(c.Chars)
	s.Facts = []htmlreport.Fact{
		{Label: b.t("文件"), Value: report.Thousands(c.Docs)},
		{Label: b.t("大小"), Value: report.Size(c.Bytes)},
		{Label: b.t("字符"), Value: chars, Note: b.tf("其中汉字 %s（%s）", report.Thousands(c.Han), pct(c.Han, c.Chars))},
		{Label: b.t("词"), Value: report.Thousands(c.Tokens)},
		{Label: b.t("文字"), Value: b.mix(c.Scripts, b.scriptName)},
		{Label: b.t("编码"), Value: b.mix(c.Encodings, func(s string) string { return s })},
		{Label: b.t("格式"), Value: b.mix(c.Formats, b.formatName)},
	}
	if lo, hi := b.yearRange(); lo > 0 {
		years := map[int]bool{}
		for _, d := range b.res.docs {
			if d.Year > 0 {
				years[d.Year] = true
			}
		}
		s.Facts = append(s.Facts, htmlreport.Fact{Label: b.t("年份"), Value: fmt.Sprintf("%d–%d", lo, hi), Note: b.tf("%d 个年份", len(years))})
	}
	docs := &htmlreport.Table{ID: "documents", Caption: b.t("文件"),
		Header:  []string{b.t("文件"), b.t("年份"), b.t("文字"), b.t("编码"), b.t("格式"), b.t("字节"), b.t("字符"), b.t("汉字"), b.t("词")},
		Numeric: numeric(9, 1, 5, 6, 7, 8)}
	for _, d := range b.res.docs {
		year := ""
		if d.Year > 0 {
			year = strconv.Itoa(d.Year)
		}
		docs.Rows = append(docs.Rows, []string{d.Name, year, b.scriptName(d.Script), d.Encoding, b.formatName(d.Format),
			itoa(d.Size), itoa(d.Chars), itoa(d.Han), itoa(d.Words)})
	}
	if len(b.res.docs) >= 2 {
		labels := b.docLabels()
		vals := make([]float64, len(b.res.docs))
		tips := make([][]string, len(b.res.docs))
		for i, d := range b.res.docs {
			vals[i] = float64(d.Chars)
			tips[i] = []string{d.Name, b.tf("字符 %s，汉字 %s，词 %s", report.Thousands(d.Chars), report.Thousands(d.Han), report.Thousands(d.Words))}
		}
		opt, err := htmlreport.Bar(htmlreport.BarSpec{Categories: labels,
			Series: []htmlreport.Series{{Name: b.t("字符"), Values: vals, Tips: tips}}, ValueName: b.t("字符")})
		if err != nil {
			return nil, err
		}
		s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "doc-length", Title: b.t("各文件长度"),
			Note: b.t("字符数，不计空白"), Height: 320, Views: []htmlreport.View{{Option: opt}}, Data: docs}})
	} else {
		s.Blocks = append(s.Blocks, htmlreport.Block{Table: docs})
	}
	s.Blocks = append(s.Blocks, b.problemBlocks()...)
	return s, nil
}

// problemBlocks list what went wrong or was changed while reading.
func (b *builder) problemBlocks() []htmlreport.Block {
	var notes []string
	for _, p := range b.res.skipped {
		notes = append(notes, b.t("未能读取：")+p.Message)
	}
	for _, p := range b.res.warnings {
		notes = append(notes, p.Doc+b.t("：")+p.Message)
	}
	for _, n := range b.res.noChinese {
		notes = append(notes, n+b.t("：没有中文文本，没有关键词"))
	}
	out := []htmlreport.Block{{Heading: b.t("读取中发现的问题")}}
	if len(notes) == 0 {
		notes = []string{b.t("没有未能读取的文件，也没有解码问题。")}
	}
	out = append(out, htmlreport.Block{Notes: notes})
	if len(b.res.cleaning) > 0 {
		t := &htmlreport.Table{ID: "cleaning", Caption: b.t("文本清理"),
			Header: []string{b.t("清理"), b.t("文件数"), b.t("处数")}, Numeric: numeric(3, 1, 2),
			Note: b.t("分析前对文本所作的清理（--no-clean 可关闭）；偏移量仍指向原文。")}
		keys := make([]string, 0, len(b.res.cleaning))
		for k := range b.res.cleaning {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			c := b.res.cleaning[k]
			t.Rows = append(t.Rows, []string{b.cleaningName(k), itoa(c.Docs), itoa(c.Changes)})
		}
		out = append(out, htmlreport.Block{Table: t})
	}
	return out
}

func (b *builder) keywordSection() (*htmlreport.Section, error) {
	s := &htmlreport.Section{ID: "keywords", Title: b.t("关键词")}
	how := b.t("以内置的政策文件背景为参照：每份政策文件都用的词排得靠后；地名、机构名、人名见“实体”部分")
	switch b.res.idf {
	case "corpus":
		how = b.t("IDF 取自这些文件本身：每份文件都用的词排得靠后")
	case "none":
		how = b.t("IDF 取自内置的通用词表")
	}
	s.Intro = []string{b.t("先按 TF-IDF 给每份文件的词打分，再取全部文件的平均分（没有该词的文件计 0）；") + how + b.t("。")}
	kws := b.res.keywords
	if len(kws) == 0 {
		s.Blocks = []htmlreport.Block{{Notes: []string{b.t("没有找到关键词。")}}}
		return s, nil
	}
	n := min(b.opts.Top, len(kws))
	table := func(id string, m int) *htmlreport.Table {
		t := &htmlreport.Table{ID: id, Header: []string{b.t("排名"), b.t("关键词"), b.t("得分"), b.t("文件数"), b.t("次数")},
			Numeric: numeric(5, 0, 2, 3, 4)}
		for i, k := range kws[:m] {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), b.disp.Show(k.Key, k.Surface), report.FormatFloat(k.Score), strconv.FormatInt(k.Docs, 10), strconv.FormatInt(k.Count, 10)})
		}
		return t
	}
	cats := make([]string, n)
	vals := make([]float64, n)
	tips := make([][]string, n)
	for i, k := range kws[:n] {
		cats[i] = b.disp.Show(k.Key, k.Surface)
		vals[i] = round(k.Score, 6)
		tips[i] = []string{cats[i], b.tf("得分 %s", report.FormatFloat(k.Score)), b.tf("出现 %d 次，见于 %d 份文件", k.Count, k.Docs)}
	}
	bar, err := htmlreport.Bar(htmlreport.BarSpec{Categories: cats, Horizontal: true, LabelWidth: 140,
		Series: []htmlreport.Series{{Name: b.t("得分"), Values: vals, Tips: tips}}})
	if err != nil {
		return nil, err
	}
	s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "keywords-bar", Title: b.tf("前 %d 个关键词", n),
		Note: b.t("平均 TF-IDF 得分"), Height: barHeight(n), Views: []htmlreport.View{{Option: bar}}, Data: table("keywords", n)}})
	if b.opts.Cloud > 0 {
		m := min(b.opts.Cloud, len(kws))
		words := make([]htmlreport.Word, m)
		for i, k := range kws[:m] {
			w := b.disp.Show(k.Key, k.Surface)
			words[i] = htmlreport.Word{Text: w, Value: round(k.Score, 6),
				Tip: []string{w, b.tf("得分 %s", report.FormatFloat(k.Score)), b.tf("出现 %d 次，见于 %d 份文件", k.Count, k.Docs)}}
		}
		wc, err := htmlreport.WordCloud(words)
		if err != nil {
			return nil, err
		}
		s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "keywords-cloud", Title: b.t("关键词词云"),
			Note: b.tf("前 %d 个关键词，字越大得分越高", m), Height: 420, Views: []htmlreport.View{{Option: wc}}, Data: table("keywords-cloud", m)}})
	}
	return s, nil
}

// barHeight gives a horizontal bar chart of n bars room for its labels.
func barHeight(n int) int {
	return max(240, min(24*n+60, 1000))
}

func (b *builder) formulationSection() (*htmlreport.Section, error) {
	s := &htmlreport.Section{ID: "formulations", Title: b.t("提法")}
	s.Intro = []string{b.t("文件中的政治提法：五年规划（十四五）、数字概括（两个维护、三大攻坚战）、排比（高端化、智能化、绿色化）、引号中的短语，以及内置词表中的已知提法（新质生产力）。“新”表示既不在内置词表中，也未见于内置基准（1954—2025 年历次政府工作报告和党代会报告）。")}
	tally := b.res.corpus.Formulations
	items := tally.ByCount(0)
	if len(items) == 0 {
		s.Blocks = []htmlreport.Block{{Notes: []string{b.t("没有找到提法。")}}}
		return s, nil
	}
	byKind := map[string][]*overview.Item{}
	var kinds []string
	for _, k := range slogans.Kinds {
		kinds = append(kinds, string(k))
	}
	for _, it := range items {
		if !slices.Contains(kinds, it.Type) {
			kinds = append(kinds, it.Type)
		}
		byKind[it.Type] = append(byKind[it.Type], it)
	}
	for _, k := range kinds {
		if its := byKind[k]; len(its) > 0 {
			var n int64
			for _, it := range its {
				n += it.Count
			}
			s.Facts = append(s.Facts, htmlreport.Fact{Label: b.kindName(k), Value: b.tf("%d 个", len(its)), Note: b.tf("共 %s 次", report.Thousands(n))})
		}
	}
	row := func(it *overview.Item, withKind bool) []string {
		isNew := ""
		if it.New {
			isNew = b.t("新")
		}
		r := []string{b.disp.Show(it.Key, it.Surface())}
		if withKind {
			r = append(r, b.kindName(it.Type))
		}
		return append(r, itoa(it.Count), itoa(it.Docs), isNew, b.disp.ShowText(it.Gloss))
	}
	n := min(b.opts.Top, len(items))
	top := items[:n]
	cats := make([]string, n)
	var series []htmlreport.Series
	kindIndex := map[string]int{}
	for i, it := range top {
		cats[i] = b.disp.Show(it.Key, it.Surface())
		if _, ok := kindIndex[it.Type]; !ok {
			kindIndex[it.Type] = -1
		}
	}
	for ki, k := range kinds {
		if _, ok := kindIndex[k]; !ok {
			continue
		}
		kindIndex[k] = len(series)
		series = append(series, htmlreport.Series{Name: b.kindName(k), Values: make([]float64, n),
			Missing: make([]bool, n), Tips: make([][]string, n), Color: htmlreport.Palette(ki)})
	}
	for i, it := range top {
		for k, si := range kindIndex {
			if k != it.Type {
				series[si].Missing[i] = true
			}
		}
		sr := &series[kindIndex[it.Type]]
		sr.Values[i] = float64(it.Count)
		tip := []string{cats[i], b.kindName(it.Type), b.tf("出现 %d 次，见于 %d 份文件", it.Count, it.Docs)}
		if it.Gloss != "" {
			tip = append(tip, b.disp.ShowText(it.Gloss))
		}
		sr.Tips[i] = tip
	}
	bar, err := htmlreport.Bar(htmlreport.BarSpec{Categories: cats, Series: series, Horizontal: true, Stack: true, Legend: true, LabelWidth: 200})
	if err != nil {
		return nil, err
	}
	data := &htmlreport.Table{ID: "formulations", Header: []string{b.t("排名"), b.t("提法"), b.t("类型"), b.t("次数"), b.t("文件数"), b.t("新"), b.t("说明")},
		Numeric: numeric(7, 0, 3, 4)}
	for i, it := range top {
		data.Rows = append(data.Rows, append([]string{strconv.Itoa(i + 1)}, row(it, true)...))
	}
	s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "formulations-bar", Title: b.tf("出现最多的 %d 个提法", n),
		Note: b.t("颜色表示类型"), Height: barHeight(n) + 30, Views: []htmlreport.View{{Option: bar}}, Data: data}})
	s.Blocks = append(s.Blocks, htmlreport.Block{Heading: b.t("各类提法")})
	for _, k := range kinds {
		its := byKind[k]
		if len(its) == 0 {
			continue
		}
		m := min(b.opts.Top, len(its))
		t := &htmlreport.Table{ID: "formulations-" + k, Caption: b.tf("%s（%d 个，列出前 %d 个）", b.kindName(k), len(its), m),
			Header: []string{b.t("提法"), b.t("次数"), b.t("文件数"), b.t("新"), b.t("说明")}, Numeric: numeric(5, 1, 2), Bar: 2, Collapsed: true}
		for _, it := range its[:m] {
			t.Rows = append(t.Rows, row(it, false))
		}
		s.Blocks = append(s.Blocks, htmlreport.Block{Table: t})
	}
	return s, nil
}

func (b *builder) timelineSection() (*htmlreport.Section, error) {
	tl := buildTimeline(b.res.docs, b.res.corpus.Formulations.Items(), b.res.track, b.opts.TimelineTop)
	if tl == nil || len(tl.Lines) == 0 {
		return nil, nil
	}
	s := &htmlreport.Section{ID: "timeline", Title: b.t("时间线")}
	s.Intro = []string{b.t("提法逐年出现的次数（同一年有多份文件时相加）。“每万字”按当年文件的字数折算，便于比较长短不同的文件。点击图例可隐藏或显示某一提法，拖动下方滑块可缩放年份。")}
	// every year from the first to the last, so that the gaps between
	// documents show as such
	first, last := tl.Years[0], tl.Years[len(tl.Years)-1]
	years := make([]string, 0, last-first+1)
	at := map[int]int{} // year → index in tl.Years
	for i, y := range tl.Years {
		at[y] = i
	}
	for y := first; y <= last; y++ {
		years = append(years, strconv.Itoa(y))
	}
	var counts, rates []htmlreport.Series
	var hidden []string
	header := []string{b.t("年份"), b.t("文件数"), b.t("字符")}
	for _, l := range tl.Lines {
		name := b.disp.Show(l.Key, l.Surface)
		c := htmlreport.Series{Name: name, Values: make([]float64, len(years)), Missing: make([]bool, len(years))}
		r := htmlreport.Series{Name: name, Values: make([]float64, len(years)), Missing: make([]bool, len(years))}
		for j := range years {
			i, ok := at[first+j]
			if !ok {
				c.Missing[j], r.Missing[j] = true, true
				continue
			}
			c.Values[j] = float64(l.Counts[i])
			if tl.Chars[i] > 0 {
				r.Values[j] = round(float64(l.Counts[i])/float64(tl.Chars[i])*1e4, 2)
			}
		}
		counts = append(counts, c)
		rates = append(rates, r)
		header = append(header, name)
		if len(b.res.track) > 0 && !l.Tracked {
			hidden = append(hidden, name)
		}
	}
	cOpt, err := htmlreport.Line(htmlreport.LineSpec{Categories: years, Series: counts, ValueName: b.t("次数"), Hidden: hidden})
	if err != nil {
		return nil, err
	}
	rOpt, err := htmlreport.Line(htmlreport.LineSpec{Categories: years, Series: rates, ValueName: b.t("每万字"), Hidden: hidden})
	if err != nil {
		return nil, err
	}
	data := &htmlreport.Table{ID: "timeline", Header: header, Numeric: numeric(len(header), seq(len(header))...)}
	for i, y := range tl.Years {
		r := []string{strconv.Itoa(y), strconv.Itoa(tl.Docs[i]), itoa(tl.Chars[i])}
		for _, l := range tl.Lines {
			r = append(r, itoa(l.Counts[i]))
		}
		data.Rows = append(data.Rows, r)
	}
	var notes []string
	var tracked, words []string
	for _, l := range tl.Lines {
		if l.Tracked {
			tracked = append(tracked, b.disp.Show(l.Key, l.Surface))
		}
		if l.Words {
			words = append(words, b.disp.Show(l.Key, l.Surface))
		}
	}
	if len(tracked) > 0 {
		notes = append(notes, b.t("指定跟踪（--track）：")+strings.Join(tracked, "、")+b.t("；其余提法点击图例即可显示"))
	}
	if len(words) > 0 {
		notes = append(notes, b.t("以下按词频计数（规则未将其识别为提法）：")+strings.Join(words, "、"))
	}
	if len(tl.Missing) > 0 {
		notes = append(notes, b.t("在任何文件中都没有找到：")+strings.Join(tl.Missing, "、"))
	}
	if len(tl.Undated) > 0 {
		notes = append(notes, b.tf("%d 份文件的名称中没有年份，未计入时间线：", len(tl.Undated))+strings.Join(tl.Undated, "、"))
	}
	if len(notes) > 0 {
		s.Blocks = append(s.Blocks, htmlreport.Block{Notes: notes})
	}
	s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "timeline-chart", Title: b.t("提法时间线"),
		Note: b.tf("%d–%d，%d 个年份", tl.Years[0], tl.Years[len(tl.Years)-1], len(tl.Years)), Height: 460,
		Views: []htmlreport.View{{Label: b.t("次数"), Option: cOpt}, {Label: b.t("每万字"), Option: rOpt}}, Data: data}})
	return s, nil
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func (b *builder) entitySection() (*htmlreport.Section, error) {
	tally := b.res.corpus.Entities
	s := &htmlreport.Section{ID: "entities", Title: b.t("实体")}
	s.Intro = []string{b.t("文件中提到的人物（及其职务）、机构、地点、会议、文件名称、日期、金额和比例，按规则和内置名录识别，按出现次数排序。")}
	items := tally.ByCount(0)
	if len(items) == 0 {
		s.Blocks = []htmlreport.Block{{Notes: []string{b.t("没有找到实体。")}}}
		return s, nil
	}
	byType := map[string][]*overview.Item{}
	for _, it := range items {
		byType[it.Type] = append(byType[it.Type], it)
	}
	var types []string
	for _, t := range entityTypes() {
		types = append(types, string(t))
	}
	var rest []string
	for t := range byType {
		if !slices.Contains(types, t) {
			rest = append(rest, t)
		}
	}
	slices.Sort(rest)
	types = append(types, rest...)
	var cats []string
	var mentions, distinct []float64
	sum := &htmlreport.Table{ID: "entity-types", Header: []string{b.t("类型"), b.t("不同实体"), b.t("提及次数")}, Numeric: numeric(3, 1, 2)}
	for _, t := range types {
		its := byType[t]
		if len(its) == 0 {
			continue
		}
		var n int64
		for _, it := range its {
			n += it.Count
		}
		cats = append(cats, b.typeName(t))
		mentions = append(mentions, float64(n))
		distinct = append(distinct, float64(len(its)))
		sum.Rows = append(sum.Rows, []string{b.typeName(t), strconv.Itoa(len(its)), itoa(n)})
	}
	bar, err := htmlreport.Bar(htmlreport.BarSpec{Categories: cats, Legend: true,
		Series: []htmlreport.Series{{Name: b.t("提及次数"), Values: mentions}, {Name: b.t("不同实体"), Values: distinct}}})
	if err != nil {
		return nil, err
	}
	s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "entity-types-bar", Title: b.t("各类实体"),
		Height: 300, Views: []htmlreport.View{{Option: bar}}, Data: sum}})
	var grid []*htmlreport.Table
	for _, t := range types {
		its := byType[t]
		if len(its) == 0 {
			continue
		}
		m := min(b.opts.Top, len(its))
		tb := &htmlreport.Table{ID: "entities-" + strings.ToLower(t), Caption: b.tf("%s（%d 个，列出前 %d 个）", b.typeName(t), len(its), m),
			Header: []string{b.typeName(t), b.t("次数"), b.t("文件数")}, Numeric: numeric(3, 1, 2), Bar: 2}
		switch entities.Type(t) {
		case entities.TITLE, entities.DATE, entities.MONEY, entities.PERCENT:
			tb.Collapsed = true
		}
		if t == string(entities.PER) {
			tb.Header = append(tb.Header, b.t("职务"))
			tb.Numeric = append(tb.Numeric, false)
		}
		for _, it := range its[:m] {
			r := []string{b.disp.Show(it.Key, it.Surface()), itoa(it.Count), itoa(it.Docs)}
			if t == string(entities.PER) {
				titles := make([]string, len(it.Titles))
				for i, ti := range it.Titles {
					titles[i] = b.disp.Show(ti, ti)
				}
				r = append(r, strings.Join(titles, "、"))
			}
			tb.Rows = append(tb.Rows, r)
		}
		grid = append(grid, tb)
	}
	s.Blocks = append(s.Blocks, htmlreport.Block{Grid: grid})
	return s, nil
}

func (b *builder) frequencySection() (*htmlreport.Section, error) {
	words := b.res.corpus.Words
	s := &htmlreport.Section{ID: "frequency", Title: b.t("词频")}
	s.Intro = []string{b.t("两个字以上、含汉字的词，不计政策文本的常用停用词（同 zhpolicy freq --min-len 2 --han --stopwords builtin）。")}
	if words == nil || words.Len() == 0 {
		s.Blocks = []htmlreport.Block{{Notes: []string{b.t("没有可计数的词。")}}}
		return s, nil
	}
	terms := words.Terms(1, b.opts.Top)
	t := &htmlreport.Table{ID: "frequency", Caption: b.tf("前 %d 个词（共 %s 个不同的词，%s 次）", len(terms), report.Thousands(int64(words.Len())), report.Thousands(words.Units)),
		Header:  []string{b.t("排名"), b.t("词"), b.t("次数"), b.t("占比"), b.t("文件数")},
		Numeric: numeric(5, 0, 2, 3, 4), Bar: 3}
	for i, x := range terms {
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), b.disp.Show(x.Key, x.Surface), itoa(x.Count), fmt.Sprintf("%.2f%%", 100*x.Share), itoa(x.Docs)})
	}
	s.Blocks = []htmlreport.Block{{Table: t}}
	return s, nil
}

func (b *builder) compareSection() (*htmlreport.Section, error) {
	if b.res.a == nil || b.res.b == nil {
		return nil, nil
	}
	A, B := b.res.a, b.res.b
	an, bn := shortName(b.res.aName), shortName(b.res.bName)
	s := &htmlreport.Section{ID: "compare", Title: b.t("比较")}
	s.Intro = []string{b.tf("A：%s，B：%s。", b.res.aName, b.res.bName) +
		b.t("按对数似然（G²，p < 0.05）找出两边相对频率差别显著的词，对数比（log₂）表示差多少倍：+1 即在 A 中的相对频率是 B 的两倍。计数方式同“词频”。")}
	s.Facts = []htmlreport.Fact{
		{Label: "A", Value: an, Note: b.tf("%d 份文件，%s 词", A.Docs, report.Thousands(wordUnits(A)))},
		{Label: "B", Value: bn, Note: b.tf("%d 份文件，%s 词", B.Docs, report.Thousands(wordUnits(B)))},
	}
	if A.Docs == 0 || B.Docs == 0 || A.Words == nil || B.Words == nil {
		s.Blocks = []htmlreport.Block{{Notes: []string{b.t("A 或 B 没有可读的文件，无法比较。")}}}
		return s, nil
	}
	res := compare.Keyness(A.Words, B.Words, compare.Options{MinCount: 3, MaxP: 0.05, Top: b.opts.Top})
	k := min(15, b.opts.Top)
	moreA, moreB := res.MoreInA[:min(k, len(res.MoreInA))], res.MoreInB[:min(k, len(res.MoreInB))]
	if len(moreA)+len(moreB) > 0 {
		n := len(moreA) + len(moreB)
		cats := make([]string, 0, n)
		sa := htmlreport.Series{Name: b.t("A 中更常见：") + an, Values: make([]float64, n), Missing: make([]bool, n), Tips: make([][]string, n), Color: htmlreport.Palette(0)}
		sb := htmlreport.Series{Name: b.t("B 中更常见：") + bn, Values: make([]float64, n), Missing: make([]bool, n), Tips: make([][]string, n), Color: htmlreport.Palette(3)}
		for i, r := range append(append([]compare.Row(nil), moreA...), moreB...) {
			name := b.disp.Show(r.Key, r.Surface)
			cats = append(cats, name)
			tip := []string{name, b.tf("A %d 次（每万词 %s），B %d 次（每万词 %s）", r.A, num(r.RateA, 2), r.B, num(r.RateB, 2)),
				b.tf("G² %s，对数比 %s", num(r.G2, 2), num(r.LogRatio, 2))}
			if i < len(moreA) {
				sa.Values[i], sa.Tips[i], sb.Missing[i] = round(r.LogRatio, 3), tip, true
			} else {
				sb.Values[i], sb.Tips[i], sa.Missing[i] = round(r.LogRatio, 3), tip, true
			}
		}
		bar, err := htmlreport.Bar(htmlreport.BarSpec{Categories: cats, Series: []htmlreport.Series{sa, sb}, Horizontal: true,
			Stack: true, Legend: true, ValueName: b.t("对数比"), LabelWidth: 140})
		if err != nil {
			return nil, err
		}
		data := b.keynessTable("compare-chart", "", append(append([]compare.Row(nil), moreA...), moreB...))
		s.Blocks = append(s.Blocks, htmlreport.Block{Chart: &htmlreport.Chart{ID: "compare-bar", Title: b.t("A 与 B 差别最大的词"),
			Note: b.tf("各取 G² 最高的前 %d 个；条越长差别越大", k), Height: barHeight(n) + 30, Views: []htmlreport.View{{Option: bar}}, Data: data}})
	} else {
		s.Blocks = append(s.Blocks, htmlreport.Block{Notes: []string{b.t("没有相对频率差别显著的词。")}})
	}
	s.Blocks = append(s.Blocks,
		htmlreport.Block{Grid: []*htmlreport.Table{
			b.keynessTable("compare-more-a", b.tf("A（%s）中更常见的词", an), res.MoreInA),
			b.keynessTable("compare-more-b", b.tf("B（%s）中更常见的词", bn), res.MoreInB)}},
		htmlreport.Block{Grid: []*htmlreport.Table{
			b.onlyTable("compare-only-a", b.tf("只见于 A（%s）的词", an), res.OnlyInA, true),
			b.onlyTable("compare-only-b", b.tf("只见于 B（%s）的词", bn), res.OnlyInB, false)}},
	)
	if A.Formulations != nil && B.Formulations != nil {
		s.Blocks = append(s.Blocks, htmlreport.Block{Grid: []*htmlreport.Table{
			b.onlyForms("compare-forms-a", b.tf("只见于 A（%s）的提法", an), compare.OnlyIn(A.Formulations, B.Formulations, b.opts.Top)),
			b.onlyForms("compare-forms-b", b.tf("只见于 B（%s）的提法", bn), compare.OnlyIn(B.Formulations, A.Formulations, b.opts.Top))}})
	}
	return s, nil
}

func wordUnits(s *overview.Summary) int64 {
	if s.Words == nil {
		return 0
	}
	return s.Words.Units
}

func (b *builder) keynessTable(id, caption string, rows []compare.Row) *htmlreport.Table {
	t := &htmlreport.Table{ID: id, Caption: caption,
		Header:  []string{b.t("词"), b.t("A 次数"), b.t("B 次数"), b.t("A 每万词"), b.t("B 每万词"), "G²", b.t("对数比")},
		Numeric: numeric(7, 1, 2, 3, 4, 5, 6)}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{b.disp.Show(r.Key, r.Surface), itoa(r.A), itoa(r.B), num(r.RateA, 2), num(r.RateB, 2), num(r.G2, 2), num(r.LogRatio, 2)})
	}
	if len(rows) == 0 {
		t.Note = b.t("（没有）")
	}
	return t
}

func (b *builder) onlyTable(id, caption string, rows []compare.Row, sideA bool) *htmlreport.Table {
	t := &htmlreport.Table{ID: id, Caption: caption, Header: []string{b.t("词"), b.t("次数"), b.t("文件数")}, Numeric: numeric(3, 1, 2), Bar: 2}
	for _, r := range rows {
		n, d := r.A, r.DocsA
		if !sideA {
			n, d = r.B, r.DocsB
		}
		t.Rows = append(t.Rows, []string{b.disp.Show(r.Key, r.Surface), itoa(n), itoa(d)})
	}
	if len(rows) == 0 {
		t.Note = b.t("（没有）")
	}
	return t
}

func (b *builder) onlyForms(id, caption string, items []*overview.Item) *htmlreport.Table {
	t := &htmlreport.Table{ID: id, Caption: caption, Header: []string{b.t("提法"), b.t("类型"), b.t("次数"), b.t("文件数")}, Numeric: numeric(4, 2, 3), Bar: 3}
	for _, it := range items {
		t.Rows = append(t.Rows, []string{b.disp.Show(it.Key, it.Surface()), b.kindName(it.Type), itoa(it.Count), itoa(it.Docs)})
	}
	if len(items) == 0 {
		t.Note = b.t("（没有）")
	}
	return t
}

func isStdinPath(p string) bool { return p == "-" || p == "<stdin>" }

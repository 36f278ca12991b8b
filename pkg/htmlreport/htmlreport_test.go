package htmlreport

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func samplePage(t *testing.T) *Page {
	t.Helper()
	bar, err := Bar(BarSpec{Categories: []string{"高质量发展", "</script><b>x"}, Horizontal: true,
		Series: []Series{{Name: "次数", Values: []float64{3, 1}, Tips: [][]string{{"高质量发展", "3 次"}, nil}}}})
	if err != nil {
		t.Fatal(err)
	}
	return &Page{Lang: "zh-Hans", Title: "报告 <i>", Generator: "zhpolicy test",
		Sections: []Section{{ID: "kw", Title: "关键词", Intro: []string{"a < b & c"},
			Facts: []Fact{{Label: "文件", Value: "2", Note: "注"}},
			Blocks: []Block{
				{Heading: "小标题"},
				{Notes: []string{"<script>alert(1)</script>"}},
				{Chart: &Chart{ID: "c1", Title: "图", Views: []View{{Label: "次数", Option: bar}, {Label: "比例", Option: bar}},
					Data: &Table{ID: "t1", Header: []string{"词", "次数"}, Rows: [][]string{{"高质量发展", "3"}, {"</td>", "1"}}, Numeric: []bool{false, true}}}},
				{Table: &Table{ID: "t2", Caption: "词频", Header: []string{"词", "次数"}, Rows: [][]string{{"a", "1,000"}, {"b", "250"}, {"c", "x"}}, Numeric: []bool{false, true}, Bar: 2}},
				{Grid: []*Table{{ID: "g1", Header: []string{"x"}, Rows: [][]string{{"1"}}}, {ID: "g2", Header: []string{"y"}, Rows: [][]string{{"2"}}, Collapsed: true}}},
			}}}}
}

func render(t *testing.T, p *Page) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var dataRe = regexp.MustCompile(`(?s)<script type="application/json" id="zhpolicy-data">(.*?)</script>`)

func TestRenderEscapes(t *testing.T) {
	html := render(t, samplePage(t))
	for _, want := range []string{
		`<html lang="zh-Hans">`, `<title>报告 &lt;i&gt;</title>`, `<p class="intro">a &lt; b &amp; c</p>`,
		`<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>`, `<td>&lt;/td&gt;</td>`,
		`<li><a href="#kw">关键词</a></li>`, `<h3>小标题</h3>`, `data-chart="c1"`,
		`<button type="button" data-view="1" aria-pressed="false">比例</button>`,
		`<summary>数据表（2 行）</summary>`, `download="t1.csv"`, `download="t2.csv"`, `<div class="table-grid">`,
		`<dd>2<small>注</small></dd>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// the chart data cannot end its script element
	m := dataRe.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no chart data")
	}
	if strings.Contains(m[1], "</script") || !strings.Contains(m[1], `\u003c/script\u003e\u003cb\u003ex`) {
		t.Errorf("chart data not escaped: %.300s", m[1])
	}
	var data struct {
		Charts map[string][]Option `json:"charts"`
	}
	if err := json.Unmarshal([]byte(m[1]), &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Charts["c1"]) != 2 {
		t.Errorf("chart c1 has %d views", len(data.Charts["c1"]))
	}
	// the libraries and the page's script, inline; nothing loaded
	if n := strings.Count(html, "<script"); n != 4 {
		t.Errorf("%d script elements, want 4 (data, ECharts, word cloud, page)", n)
	}
	if strings.Contains(html, "sourceMappingURL") {
		t.Error("page has a source map comment")
	}
	markup := regexp.MustCompile(`(?s)<script>.*?</script>`).ReplaceAllString(html, "<script></script>")
	for _, bad := range []string{" src=", "<link", "@import", "url("} {
		if strings.Contains(markup, bad) {
			t.Errorf("page has %q", bad)
		}
	}
	for _, want := range []string{"Apache ECharts 5.6.0, Apache-2.0", "echarts-wordcloud 2.1.0, ISC", "window.zhpolicyReport", "Content-Security-Policy"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestBars(t *testing.T) {
	html := render(t, samplePage(t))
	// 1,000 is the largest: full bar; 250 a quarter; x is no number
	for _, want := range []string{`style="width:100.0%"></span><span class="bar-text">1,000</span>`, `style="width:25.0%"></span><span class="bar-text">250</span>`, `<td class="num">x</td>`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestCSVDataURL(t *testing.T) {
	html := render(t, samplePage(t))
	re := regexp.MustCompile(`href="data:text/csv;charset=utf-8;base64,([^"]*)" download="t1.csv"`)
	m := re.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no CSV link for t1")
	}
	b, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(m[1], "&#43;", "+"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "\ufeff词,次数\n高质量发展,3\n</td>,1\n"; got != want {
		t.Errorf("CSV %q, want %q", got, want)
	}
	var w bytes.Buffer
	if err := CSV(&w, &Table{Header: []string{"a,b", `"q"`}, Rows: [][]string{{"1\n2", "x"}}}); err != nil {
		t.Fatal(err)
	}
	if got := w.String(); got != "\"a,b\",\"\"\"q\"\"\"\n\"1\n2\",x\n" {
		t.Errorf("CSV quoting: %q", got)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(p *Page)
		wantErr string
	}{
		{"bad section id", func(p *Page) { p.Sections[0].ID = "a b" }, `invalid section id "a b"`},
		{"bad chart id", func(p *Page) { p.Sections[0].Blocks[2].Chart.ID = "1x" }, `invalid chart id "1x"`},
		{"table id twice", func(p *Page) { p.Sections[0].Blocks[3].Table.ID = "t1" }, `table id "t1" used twice`},
		{"grid table id", func(p *Page) { p.Sections[0].Blocks[4].Grid[1].ID = "g1" }, `table id "g1" used twice`},
		{"chart without view", func(p *Page) { p.Sections[0].Blocks[2].Chart.Views = nil }, "has no view"},
		{"section twice", func(p *Page) { p.Sections = append(p.Sections, Section{ID: "kw"}) }, `section id "kw" used twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := samplePage(t)
			tt.edit(p)
			err := Render(&bytes.Buffer{}, p)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1,234", 1234, true}, {"12.5%", 12.5, true}, {" 7 ", 7, true}, {"-3", -3, true},
		{"", 0, false}, {"abc", 0, false}, {"高", 0, false},
	}
	for _, tt := range tests {
		got, ok := number(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("number(%q) = %v %v, want %v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestUIMap(t *testing.T) {
	u := DefaultUI().Map(func(s string) string { return "[" + s + "]" })
	if u.Contents != "[目录]" || u.DownloadCSV != "[下载 CSV]" || u.Offline == DefaultUI().Offline {
		t.Errorf("Map: %+v", u)
	}
	// the zero UI renders as the default
	p := samplePage(t)
	if html := render(t, p); !strings.Contains(html, "下载 CSV") {
		t.Error("zero UI should render the default words")
	}
}

func series(t *testing.T, o Option, i int) map[string]any {
	t.Helper()
	ss, ok := o["series"].([]any)
	if !ok || i >= len(ss) {
		t.Fatalf("no series %d in %v", i, o)
	}
	return ss[i].(map[string]any)
}

func TestBarOption(t *testing.T) {
	o, err := Bar(BarSpec{Categories: []string{"a", "b"}, Horizontal: true, Stack: true, Legend: true, LabelWidth: 120, ValueName: "次数",
		Series: []Series{
			{Name: "x", Values: []float64{1, 0}, Missing: []bool{false, true}, Tips: [][]string{{"a: 1"}, nil}},
			{Name: "y", Values: []float64{0, 2}, Missing: []bool{true, false}, Color: "#123456"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	y := o["yAxis"].([]any)[0].(map[string]any)
	if y["type"] != "category" || y["inverse"] != true || len(y["data"].([]any)) != 2 {
		t.Errorf("category axis %v", y)
	}
	x := o["xAxis"].([]any)[0].(map[string]any)
	if x["type"] != "value" || x["name"] != "次数" {
		t.Errorf("value axis %v", x)
	}
	s0, s1 := series(t, o, 0), series(t, o, 1)
	d0 := s0["data"].([]any)
	if d0[0].(map[string]any)["value"] != 1.0 || d0[1].(map[string]any)["value"] != "-" {
		t.Errorf("missing value not blank: %v", d0)
	}
	if tip := d0[0].(map[string]any)["tip"]; tip == nil {
		t.Error("tooltip lines not in the data")
	}
	if s0["stack"] != "total" || s1["itemStyle"].(map[string]any)["color"] != "#123456" {
		t.Errorf("stack or colour: %v %v", s0, s1)
	}
	if tt := o["tooltip"].(map[string]any); tt["formatter"] != "tip" || tt["trigger"] != "item" {
		t.Errorf("tooltip %v", tt)
	}
	if o["animation"] != false {
		t.Error("animation should be off")
	}
}

func TestLineOption(t *testing.T) {
	o, err := Line(LineSpec{Categories: []string{"2019", "2020", "2021"}, ValueName: "次数", Hidden: []string{"b"},
		Series: []Series{{Name: "a", Values: []float64{1, 0, 3}, Missing: []bool{false, true, false}}, {Name: "b", Values: []float64{0, 1, 0}}}})
	if err != nil {
		t.Fatal(err)
	}
	s := series(t, o, 0)
	if s["connectNulls"] != true || s["data"].([]any)[1].(map[string]any)["value"] != "-" {
		t.Errorf("gap: %v", s)
	}
	sel := o["legend"].(map[string]any)["selected"].(map[string]any)
	if sel["b"] != false || len(sel) != 1 {
		t.Errorf("hidden series: %v", sel)
	}
	if o["tooltip"].(map[string]any)["trigger"] != "axis" {
		t.Error("a line chart's tooltip shows all lines of a year")
	}
}

func TestWordCloudOption(t *testing.T) {
	o, err := WordCloud([]Word{{Text: "甲", Value: 3, Tip: []string{"甲 3"}}, {Text: "乙", Value: 1}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(o)
	if strings.Contains(string(b), "__f__") || strings.Contains(string(b), "function") {
		t.Errorf("word cloud option carries code: %s", b)
	}
	s := series(t, o, 0)
	if s["type"] != "wordCloud" {
		t.Errorf("type %v", s["type"])
	}
	d := s["data"].([]any)
	if d[0].(map[string]any)["textStyle"].(map[string]any)["color"] != Palette(0) || d[1].(map[string]any)["textStyle"].(map[string]any)["color"] != Palette(1) {
		t.Errorf("colours %v", d)
	}
	if o["tooltip"].(map[string]any)["formatter"] != "tip" {
		t.Error("tooltip lines not used")
	}
}

func TestAssetsLoad(t *testing.T) {
	a, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.scripts) != 2 || len(a.scripts[0]) < 900_000 || !strings.Contains(a.scripts[1], "wordCloud") {
		t.Errorf("libraries: %d scripts", len(a.scripts))
	}
	if _, err := pageTemplate(); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkRender(b *testing.B) {
	t := &testing.T{}
	p := samplePage(t)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
